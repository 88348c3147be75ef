package org.mapwork.export.format;

import java.awt.geom.Rectangle2D;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.Viewport;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;

/**
 * The map as an SVG file, drawn by the {@link MapPainter} on an {@link SvgCanvas} that writes each shape and label as
 * it is drawn: labels stay real {@code <text>} in the bundled font's family, no DOCTYPE, and the map's native JSON
 * (base64, so no label can break out of it) in {@code <metadata>} so that Mapwork can reopen the file for editing.
 */
public final class SvgExport {

    public static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** Namespace of the element in {@code <metadata>} that carries the map. */
    public static final String MAP_NS = "https://mapwork.org/ns/map/1";
    public static final String MAP_ELEMENT = "map";

    /**
     * The font the text was measured with first, then the fonts closest to it in width (DejaVu Sans descends from
     * Bitstream Vera, whose metrics Verdana shares), so a viewer without DejaVu still breaks no line.
     */
    static final String FONT_FAMILY = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif";

    private SvgExport() {
    }

    /**
     * Writes the file: the root element with the picture's size and the drawing defaults, the map's title, the picture
     * as the painter draws it on an {@link SvgCanvas}, then the map itself in {@code <metadata>}.
     */
    public static void write(MapDocument doc, MapPainter painter, RenderOptions opts, OutputStream out) throws IOException {
        Rectangle2D extent = painter.extent(doc, opts);
        int w = (int) Math.ceil(extent.getWidth()), h = (int) Math.ceil(extent.getHeight());
        // the text goes out as it is written (every 1 M characters), the embedded map straight into its base64: a 200 MB
        // map's file was built whole in memory three times over (the text, its bytes, the map's JSON) and took 6.5 GB
        Writer text = new OutputStreamWriter(new KeptOpen(out), StandardCharsets.UTF_8);
        StringBuilder svg = new StringBuilder(1 << 17);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>");
        svg.append("<svg xmlns=\"").append(SVG_NS).append("\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" font-family=\"")
                .append(FONT_FAMILY.replace("'", "&apos;")).append("\" ").append(SvgCanvas.ROOT_DEFAULTS).append('>');
        svg.append("<title>");
        SvgMarkup.text(svg, doc.title());
        svg.append("</title><defs id=\"genericDefs\"/><g>");
        SvgCanvas canvas = new SvgCanvas(svg, text);
        try {
            painter.paint(canvas, doc, Viewport.of(extent, 1), opts);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        canvas.finish();
        // the map comes after the picture (SVG allows <metadata> anywhere), so that a drawing that is stopped early
        // has written nothing yet
        svg.append("</g><metadata><mapwork:").append(MAP_ELEMENT).append(" xmlns:mapwork=\"").append(MAP_NS)
                .append("\" encoding=\"base64\" format=\"").append(MapJson.FORMAT).append("\">");
        text.append(svg).flush();
        svg.setLength(0);
        try (OutputStream base64 = Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).wrap(new KeptOpen(out))) {
            MapJson.write(doc, base64);
        }
        svg.append("</mapwork:").append(MAP_ELEMENT).append("></metadata></svg>");
        text.append(svg);
        text.close();
        out.flush();
    }

    /** The caller's stream, written through in blocks, neither flushed nor closed by the writers on it. */
    private static final class KeptOpen extends FilterOutputStream {
        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        /** Not passed on: a writer hands its text over on flush without pushing the export's buffer out early. */
        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
