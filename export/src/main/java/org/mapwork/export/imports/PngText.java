package org.mapwork.export.imports;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.mapwork.model.json.InputLimits;
import org.mapwork.model.json.MapFormatException;

/**
 * Finds one {@code iTXt} chunk in a PNG by its keyword and gives its text, inflated within {@link InputLimits}.
 * ImageIO's PNG reader inflates every text chunk whole before anything can look at it (a 1 GiB iTXt took 3.4 GB of
 * memory, issue 15), so the chunks are walked here: 8 bytes of signature, then length, type, data and CRC per chunk
 * (PNG 1.2, sections 3.2 and 4.2.3.3), skipping every chunk but text ones.
 */
final class PngText {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngText() {
    }

    /** The text of the {@code iTXt} chunk named {@code keyword}, or {@code null} when the PNG has none. */
    static String find(String source, InputStream in, String keyword, InputLimits limits) throws MapFormatException {
        DataInputStream data = new DataInputStream(in);
        try {
            byte[] signature = data.readNBytes(8);
            if (!Arrays.equals(signature, SIGNATURE)) {
                throw new MapFormatException(source, "file", "not a PNG image (its first bytes are not a PNG signature)");
            }
            while (true) {
                long length = Integer.toUnsignedLong(data.readInt());
                byte[] type = data.readNBytes(4);
                String name = new String(type, StandardCharsets.US_ASCII);
                if (name.equals("IEND")) {
                    return null;
                }
                if (length > Integer.MAX_VALUE - 8) {
                    throw new MapFormatException(source, "chunk " + name, "a PNG chunk longer than 2 GB");
                }
                if (!name.equals("iTXt")) {
                    data.skipNBytes(length + 4); // the data and its CRC
                    continue;
                }
                byte[] chunk = data.readNBytes((int) length);
                if (chunk.length < length) {
                    throw new EOFException("the iTXt chunk is cut short");
                }
                data.skipNBytes(4);
                String text = text(source, chunk, keyword, limits);
                if (text != null) {
                    return text;
                }
            }
        } catch (EOFException e) {
            throw new MapFormatException(source, "file", "the PNG ends before its IEND chunk (the file is cut short)");
        } catch (IOException e) {
            throw new MapFormatException(source, "file", "not a readable PNG image: " + e.getMessage(), e);
        }
    }

    /** An iTXt chunk's text when its keyword is {@code keyword}: keyword, 0, flag, method, language, 0, keyword, 0, text. */
    private static String text(String source, byte[] chunk, String keyword, InputLimits limits) throws MapFormatException {
        int end = indexOf(chunk, 0);
        if (end < 0 || !new String(chunk, 0, end, StandardCharsets.ISO_8859_1).equals(keyword)) {
            return null;
        }
        String where = "iTXt " + keyword;
        if (end + 3 > chunk.length) {
            throw new MapFormatException(source, where, "the text chunk is cut short");
        }
        boolean compressed = chunk[end + 1] == 1;
        int language = indexOf(chunk, end + 3);
        int translated = language < 0 ? -1 : indexOf(chunk, language + 1);
        if (translated < 0) {
            throw new MapFormatException(source, where, "the text chunk is cut short");
        }
        byte[] text = Arrays.copyOfRange(chunk, translated + 1, chunk.length);
        if (compressed) {
            if (chunk[end + 2] != 0) {
                throw new MapFormatException(source, where, "compression method " + chunk[end + 2] + " is not zlib (0)");
            }
            text = limits.inflate(source, where, text, false);
        } else {
            limits.checkInflated(source, where, text.length);
        }
        return new String(text, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
