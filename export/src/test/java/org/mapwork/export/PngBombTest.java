package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import org.mapwork.export.format.PngExport;
import org.mapwork.export.imports.EmbeddedMapImport;
import org.mapwork.model.json.InputLimits;
import org.mapwork.model.json.MapFormatException;

/**
 * A PNG whose Mapwork text chunk inflates far past the limit (a "zip bomb", issue 15: 1 GiB took 3.4 GB of memory)
 * is refused with the limit named, having inflated no more than the limit; broken PNGs say what is broken.
 */
class PngBombTest {

    private final EmbeddedMapImport reader = new EmbeddedMapImport(TestMethod.REGISTRY);

    @Test
    void aTextChunkThatInflatesPastTheLimitIsRefusedNamingIt() throws Exception {
        long inflated = InputLimits.current().maxInflatedBytes() + 16L * 1024 * 1024;
        byte[] png = pngWith(bomb(inflated));
        assertTrue(png.length < inflated / 200, "a small file (" + png.length + " bytes) standing for " + inflated);
        MapFormatException e = assertThrows(MapFormatException.class,
                () -> reader.readPng("bomb.png", new ByteArrayInputStream(png)));
        assertTrue(e.getMessage().contains("iTXt mapwork") && e.getMessage().contains("larger than 64 MB, Mapwork's limit for text inside a file")
                && e.getMessage().contains("-Dmapwork.maxInflatedMiB"), e.getMessage());
    }

    @Test
    void aPngCutShortOrNotAPngSaysSo() throws Exception {
        byte[] png = pngWith(bomb(1024));
        byte[] cut = Arrays.copyOf(png, 8 + 25 + 30); // ends inside the text chunk
        MapFormatException e = assertThrows(MapFormatException.class, () -> reader.readPng("cut.png", new ByteArrayInputStream(cut)));
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());
        MapFormatException notPng = assertThrows(MapFormatException.class,
                () -> reader.readPng("x.png", new ByteArrayInputStream("GIF89a not a png".getBytes(StandardCharsets.US_ASCII))));
        assertTrue(notPng.getMessage().contains("not a PNG image"), notPng.getMessage());
        byte[] plain = plainPng();
        MapFormatException none = assertThrows(MapFormatException.class, () -> reader.readPng("plain.png", new ByteArrayInputStream(plain)));
        assertEquals(true, none.getMessage().contains("holds no Mapwork map"), none.getMessage());
    }

    /** zlib of {@code size} spaces, as the body of an iTXt chunk named like Mapwork's. */
    private static byte[] bomb(long size) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(PngExport.KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
        body.write(new byte[] {0, 1, 0, 0, 0});
        try (DeflaterOutputStream z = new DeflaterOutputStream(body, new Deflater(Deflater.BEST_COMPRESSION), 65536)) {
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (long left = size; left > 0; left -= spaces.length) {
                z.write(spaces, 0, (int) Math.min(spaces.length, left));
            }
        }
        byte[] data = body.toByteArray();
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("iTXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update("iTXt".getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    private static byte[] plainPng() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** A 2 × 2 PNG with {@code chunk} after its IHDR. */
    private static byte[] pngWith(byte[] chunk) throws Exception {
        byte[] png = plainPng();
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        out.write(chunk);
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }
}
