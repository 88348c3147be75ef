package org.mapwork.export.format;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import com.pngencoder.PngEncoder;
import com.pngencoder.PngEncoderPhysicalPixelDimensions;

import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.Viewport;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;

/**
 * The map as a PNG image at any resolution (map units are CSS pixels, 96 per inch), with the map's native JSON in
 * a compressed {@code iTXt} chunk (keyword {@value #KEYWORD}) so that Mapwork can reopen the image for editing.
 * Encoded by pngencoder, which compresses on all cores and is several times faster than ImageIO's PNG writer on
 * poster-sized images.
 */
public final class PngExport {

    public static final String KEYWORD = "mapwork";
    public static final int DEFAULT_DPI = 300;
    /** Larger images would need gigabytes of memory; the caller is asked for a lower resolution instead. */
    public static final long MAX_PIXELS = 200_000_000L;

    private PngExport() {
    }

    /** The image the file would hold, without metadata. */
    public static BufferedImage render(MapDocument doc, MapPainter painter, RenderOptions opts, double dpi) {
        if (!(dpi >= 10 && dpi <= 2400)) {
            throw new IllegalArgumentException("dpi must be between 10 and 2400, got " + dpi);
        }
        double scale = dpi / 96.0;
        Rectangle2D extent = painter.extent(doc, opts);
        long w = (long) Math.ceil(extent.getWidth() * scale), h = (long) Math.ceil(extent.getHeight() * scale);
        if (w * h > MAX_PIXELS) {
            throw new IllegalArgumentException("at " + (int) dpi + " dpi the image would be " + w + " × " + h
                    + " pixels, more than " + MAX_PIXELS / 1_000_000 + " million; choose a lower dpi");
        }
        BufferedImage img = new BufferedImage((int) w, (int) h,
                opts.background() != null ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            painter.paint(g, doc, Viewport.of(extent, scale), opts);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Deflate level for image data: the fastest; files come out about a fifth larger than at the default. */
    static final int COMPRESSION_LEVEL = 1;

    public static void write(MapDocument doc, MapPainter painter, RenderOptions opts, double dpi, OutputStream out) throws IOException {
        BufferedImage img = render(doc, painter, opts, dpi);
        int perMetre = (int) Math.round(dpi / 0.0254);
        byte[] itxt = itxtChunk(KEYWORD, MapJson.toJson(doc));
        // pngencoder writes the image (multi-threaded deflate); the map goes in as an iTXt chunk right after IHDR
        OutputStream withMap = new ChunkInserter(out, itxt);
        new PngEncoder().withBufferedImage(img)
                .withCompressionLevel(COMPRESSION_LEVEL)
                .withMultiThreadedCompressionEnabled(true)
                .withPhysicalPixelDimensions(PngEncoderPhysicalPixelDimensions.pixelsPerMeter(perMetre, perMetre))
                .toStream(withMap);
        withMap.flush();
    }

    /** An iTXt chunk: keyword, compressed UTF-8 text (PNG 1.2, section 4.2.3.3). */
    static byte[] itxtChunk(String keyword, String text) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(keyword.getBytes(StandardCharsets.ISO_8859_1));
        data.write(0);
        data.write(1); // compressed
        data.write(0); // zlib deflate
        data.write(0); // no language tag
        data.write(0); // no translated keyword
        try (DeflaterOutputStream z = new DeflaterOutputStream(data, new Deflater(Deflater.BEST_COMPRESSION), 8192)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] body = data.toByteArray();
        ByteBuffer chunk = ByteBuffer.allocate(12 + body.length);
        chunk.putInt(body.length);
        byte[] type = "iTXt".getBytes(StandardCharsets.US_ASCII);
        chunk.put(type);
        chunk.put(body);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(body);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    /** Passes a PNG stream through, adding one chunk after the signature and IHDR (the first 33 bytes). */
    private static final class ChunkInserter extends FilterOutputStream {
        private static final int AFTER_IHDR = 8 + 4 + 4 + 13 + 4;
        private final byte[] chunk;
        private long written;

        ChunkInserter(OutputStream out, byte[] chunk) {
            super(out);
            this.chunk = chunk;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (++written == AFTER_IHDR) {
                out.write(chunk);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written < AFTER_IHDR && written + len >= AFTER_IHDR) {
                int head = (int) (AFTER_IHDR - written);
                out.write(b, off, head);
                out.write(chunk);
                out.write(b, off + head, len - head);
            } else {
                out.write(b, off, len);
            }
            written += len;
        }
    }

}
