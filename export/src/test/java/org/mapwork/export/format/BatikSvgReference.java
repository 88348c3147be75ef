package org.mapwork.export.format;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
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
 * The SVG file as Mapwork wrote it until the SVG canvas replaced Batik's generator: the painter drawing on Batik's
 * {@code SVGGraphics2D}, the DOM written by a JAXP transformer. Tests hold {@link SvgExport} to the same content.
 */
public final class BatikSvgReference {

    private BatikSvgReference() {
    }

    public static byte[] write(MapDocument doc, MapPainter painter, RenderOptions opts) throws Exception {
        Document dom = GenericDOMImplementation.getDOMImplementation().createDocument(SvgExport.SVG_NS, "svg", null);
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
        Element title = dom.createElementNS(SvgExport.SVG_NS, "title");
        title.setTextContent(TextWrapper.printable(doc.title()));
        Element metadata = dom.createElementNS(SvgExport.SVG_NS, "metadata");
        Element map = dom.createElementNS(SvgExport.MAP_NS, "mapwork:" + SvgExport.MAP_ELEMENT);
        map.setAttributeNS(null, "encoding", "base64");
        map.setAttributeNS(null, "format", MapJson.FORMAT);
        map.setTextContent(Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(MapJson.toBytes(doc)));
        metadata.appendChild(map);
        root.insertBefore(metadata, root.getFirstChild());
        root.insertBefore(title, metadata);
        dom.replaceChild(root, dom.getDocumentElement());
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Transformer t = tf.newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.setOutputProperty(OutputKeys.METHOD, "xml");
        t.setOutputProperty(OutputKeys.INDENT, "no");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.transform(new DOMSource(dom), new StreamResult(out));
        return out.toByteArray();
    }

    private static void fontFallbacks(Element e) {
        if (e.hasAttribute("font-family")) {
            e.setAttribute("font-family", SvgExport.FONT_FAMILY);
        }
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                fontFallbacks(c);
            }
        }
    }
}
