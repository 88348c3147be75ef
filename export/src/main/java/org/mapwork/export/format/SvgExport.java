package org.mapwork.export.format;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.TextWrapper;
import org.mapwork.export.paint.Viewport;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The map as an SVG file, drawn by the {@link MapPainter} through Batik's SVG generator: labels stay real
 * {@code <text>} in the bundled font's family, no DOCTYPE, and the map's native JSON (base64, so no label can break
 * out of it) in {@code <metadata>} so that Mapwork can reopen the file for editing.
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

    private static void fontFallbacks(Element e) {
        if (e.hasAttribute("font-family")) {
            e.setAttribute("font-family", FONT_FAMILY);
        }
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                fontFallbacks(c);
            }
        }
    }

    public static void write(MapDocument doc, MapPainter painter, RenderOptions opts, OutputStream out) throws IOException {
        Document svg = toDom(doc, painter, opts);
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.METHOD, "xml");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            t.transform(new DOMSource(svg), new StreamResult(out));
            out.flush();
        } catch (TransformerException e) {
            throw new IOException("cannot write SVG: " + e.getMessage(), e);
        }
    }

    /** The SVG as a DOM (for embedding in HTML reports). */
    public static Document toDom(MapDocument doc, MapPainter painter, RenderOptions opts) {
        Document dom = GenericDOMImplementation.getDOMImplementation().createDocument(SVG_NS, "svg", null);
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(dom);
        ctx.setEmbeddedFontsOn(false);
        ctx.setComment(null);
        ctx.setPrecision(3);
        SVGGraphics2D g = new SVGGraphics2D(ctx, false);
        Rectangle2D extent = painter.extent(doc, opts);
        int w = (int) Math.ceil(extent.getWidth()), h = (int) Math.ceil(extent.getHeight());
        g.setSVGCanvasSize(new Dimension(w, h));
        painter.paint(g, doc, Viewport.of(extent, 1), opts);
        Element root = g.getRoot();
        root.setAttributeNS(null, "width", Integer.toString(w));
        root.setAttributeNS(null, "height", Integer.toString(h));
        root.setAttributeNS(null, "viewBox", "0 0 " + w + " " + h);
        g.dispose();

        fontFallbacks(root);
        Element title = dom.createElementNS(SVG_NS, "title");
        title.setTextContent(TextWrapper.printable(doc.title()));
        Element metadata = dom.createElementNS(SVG_NS, "metadata");
        Element map = dom.createElementNS(MAP_NS, "mapwork:" + MAP_ELEMENT);
        map.setAttributeNS(null, "encoding", "base64");
        map.setAttributeNS(null, "format", MapJson.FORMAT);
        map.setTextContent(Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(MapJson.toBytes(doc)));
        metadata.appendChild(map);
        root.insertBefore(metadata, root.getFirstChild());
        root.insertBefore(title, metadata);
        dom.replaceChild(root, dom.getDocumentElement());
        return dom;
    }
}
