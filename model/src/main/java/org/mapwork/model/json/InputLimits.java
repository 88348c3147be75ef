package org.mapwork.model.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The one input budget every reader of outside files keeps (the native map reader and every import): how large a
 * file may be, how far compressed text inside a file may inflate (a draw.io page, a PNG's embedded map), and how
 * many elements one map may have. A file past a limit is refused at once, with a message naming the limit, the file
 * and the system property that raises it, instead of filling the memory.
 *
 * <p>The defaults hold any real workshop map with a wide margin (a 200 MB map has about 800,000 elements), and keep a
 * reading within a few GB; {@code -Dmapwork.maxFileMiB=N}, {@code -Dmapwork.maxInflatedMiB=N} and
 * {@code -Dmapwork.maxElements=N} raise them (for the {@code mapwork} command: {@code MAPWORK_JAVA_OPTS}).
 *
 * @param maxFileBytes     the largest file read
 * @param maxInflatedBytes the most compressed text inside a file may inflate to
 * @param maxElements      the most elements (nodes, links, annotations) one map may have
 */
public record InputLimits(long maxFileBytes, long maxInflatedBytes, long maxElements) {

    /** The system properties that set the limits. */
    public static final String FILE_PROPERTY = "mapwork.maxFileMiB", INFLATED_PROPERTY = "mapwork.maxInflatedMiB",
            ELEMENTS_PROPERTY = "mapwork.maxElements";

    private static final long MIB = 1024 * 1024;

    /** The limits as the system properties set them now: 256 MiB per file, 64 MiB inflated, 1,000,000 elements. */
    public static InputLimits current() {
        return new InputLimits(Long.getLong(FILE_PROPERTY, 256L) * MIB, Long.getLong(INFLATED_PROPERTY, 64L) * MIB,
                Long.getLong(ELEMENTS_PROPERTY, 1_000_000L));
    }

    /**
     * Refuses {@code file} when it is larger than {@link #maxFileBytes()}, before any of it is read.
     *
     * @throws MapFormatException naming the file's size and the limit
     */
    public void checkFileSize(Path file) throws MapFormatException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return; // the reading that follows says what is wrong with the file
        }
        if (size > maxFileBytes) {
            throw new MapFormatException(file.toString(), "file", "the file is " + size(size) + ", more than " + size(maxFileBytes)
                    + ", Mapwork's limit for one file" + raise(FILE_PROPERTY, "MiB"));
        }
    }

    /**
     * Refuses the element at {@code index} (counting from 0) when it is one more than {@link #maxElements()}.
     *
     * @param where where that element is, for the message ("$.elements[1000000]", "row 1000002")
     */
    public void checkElementCount(String source, String where, long index) throws MapFormatException {
        if (index >= maxElements) {
            throw new MapFormatException(source, where, "the map has more than " + count(maxElements)
                    + " elements, Mapwork's limit for one map" + raise(ELEMENTS_PROPERTY, ""));
        }
    }

    /** The message for a file that goes past the file limit while it is read (a stream whose size is not known first). */
    public String fileTooLarge() {
        return "the file is larger than " + size(maxFileBytes) + ", Mapwork's limit for one file" + raise(FILE_PROPERTY, "MiB");
    }

    /**
     * Inflates {@code packed} (zlib, or raw deflate when {@code raw}), stopping at {@link #maxInflatedBytes()}.
     *
     * @param where what the text is, for the message (e.g. {@code "<diagram>"}, {@code "iTXt mapwork"})
     * @throws MapFormatException when it inflates past the limit or is damaged
     */
    public byte[] inflate(String source, String where, byte[] packed, boolean raw) throws MapFormatException {
        Inflater inflater = new Inflater(raw);
        inflater.setInput(packed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                checkInflated(source, where, out.size() + (long) n);
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new MapFormatException(source, where, "the compressed text is damaged: " + e.getMessage());
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    /** Refuses text inside a file (compressed or not) of {@code bytes} when that is more than {@link #maxInflatedBytes()}. */
    public void checkInflated(String source, String where, long bytes) throws MapFormatException {
        if (bytes > maxInflatedBytes) {
            throw new MapFormatException(source, where, "the text inside the file is larger than " + size(maxInflatedBytes)
                    + ", Mapwork's limit for text inside a file" + raise(INFLATED_PROPERTY, "MiB"));
        }
    }

    private static String raise(String property, String unit) {
        return "; to raise it: MAPWORK_JAVA_OPTS=-D" + property + "=N (N in " + (unit.isEmpty() ? "elements" : unit) + ")";
    }

    /** "300 MB" (rounded up), or "250 bytes" below a megabyte (limits set that low are for tests). */
    private static String size(long bytes) {
        return bytes < MIB ? count(bytes) + " bytes" : count((bytes + MIB - 1) / MIB) + " MB";
    }

    static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }
}
