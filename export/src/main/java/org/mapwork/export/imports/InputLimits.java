package org.mapwork.export.imports;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.mapwork.model.json.MapFormatException;

/**
 * How much compressed text inside a file (a draw.io page, a PNG's embedded map) may inflate to: a small file that
 * inflates without end (a "zip bomb") is refused with the limit named, instead of filling the memory.
 * {@code -Dmapwork.maxInflatedMiB=N} raises it for a map that really is that large.
 */
public final class InputLimits {

    /** The limit in bytes: 64 MiB unless {@code mapwork.maxInflatedMiB} says otherwise. */
    public static long maxInflated() {
        return Long.getLong("mapwork.maxInflatedMiB", 64L) * 1024 * 1024;
    }

    private InputLimits() {
    }

    /**
     * Inflates {@code packed} (zlib, or raw deflate when {@code raw}), stopping at {@link #maxInflated()}.
     *
     * @param where what the text is, for the message (e.g. {@code "<diagram>"}, {@code "iTXt mapwork"})
     * @throws MapFormatException when it inflates past the limit or is damaged
     */
    static byte[] inflate(String source, String where, byte[] packed, boolean raw) throws MapFormatException {
        long max = maxInflated();
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
                if (out.size() + (long) n > max) {
                    throw new MapFormatException(source, where, "the compressed text inflates to more than " + max / 1024 / 1024
                            + " MB, Mapwork's limit for text inside a file (-Dmapwork.maxInflatedMiB=N raises it)");
                }
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new MapFormatException(source, where, "the compressed text is damaged: " + e.getMessage());
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }
}
