package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.mapwork.export.format.PngExport;
import org.mapwork.export.format.SvgExport;
import org.mapwork.export.imports.EmbeddedMapImport;
import org.mapwork.export.imports.SafeXml;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

class SvgPngExportTest {

    private final MapPainter painter = new MapPainter(TestMethod.LOOKUP);
    private final EmbeddedMapImport importer = new EmbeddedMapImport(TestMethod.REGISTRY);

    private byte[] svg(MapDocument doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SvgExport.write(doc, painter, RenderOptions.file(), out);
        return out.toByteArray();
    }

    private byte[] png(MapDocument doc, double dpi) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngExport.write(doc, painter, RenderOptions.file(), dpi, out);
        return out.toByteArray();
    }

    @Test
    void svgParsesStrictlyHasNoDoctypeAndKeepsLabelsAsText() throws Exception {
        byte[] bytes = svg(TestMaps.workersCentre());
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertFalse(text.contains("<!DOCTYPE"), "no DOCTYPE");
        Document dom = SafeXml.parse("map.svg", new ByteArrayInputStream(bytes));
        assertEquals("svg", dom.getDocumentElement().getLocalName());
        assertEquals(SvgExport.SVG_NS, dom.getDocumentElement().getNamespaceURI());
        List<String> texts = textsOf(dom);
        assertTrue(texts.contains("Ministry of Labour"), texts.toString());
        assertTrue(texts.contains("Community health clinic"), texts.toString());
        assertTrue(text.contains("font-family=\"&apos;DejaVu Sans&apos;\"") || text.contains("DejaVu Sans"),
                "text names the bundled font");
    }

    private static List<String> textsOf(Document dom) {
        List<String> out = new ArrayList<>();
        NodeList texts = dom.getElementsByTagNameNS(SvgExport.SVG_NS, "text");
        for (int i = 0; i < texts.getLength(); i++) {
            out.add(texts.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void svgReopensAsTheSameDocument() throws Exception {
        MapDocument doc = TestMaps.workersCentre();
        assertEquals(doc, importer.readSvg("map.svg", new ByteArrayInputStream(svg(doc))));
    }

    @Test
    void pngReopensAsTheSameDocument() throws Exception {
        MapDocument doc = TestMaps.workersCentre();
        assertEquals(doc, importer.readPng("map.png", new ByteArrayInputStream(png(doc, 72))));
    }

    @Test
    void pngSizeFollowsTheDpi() throws Exception {
        MapDocument doc = TestMaps.workersCentre();
        BufferedImage at96 = ImageIO.read(new ByteArrayInputStream(png(doc, 96)));
        BufferedImage at192 = ImageIO.read(new ByteArrayInputStream(png(doc, 192)));
        assertEquals(at96.getWidth() * 2, at192.getWidth(), 1);
        assertEquals(at96.getHeight() * 2, at192.getHeight(), 1);
    }

    @Test
    void aPngTooLargeForMemoryIsRefusedWithAHint() {
        MapDocument doc = TestMaps.grid(2500, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> png(doc, 2400));
        assertTrue(e.getMessage().contains("choose a lower dpi"), e.getMessage());
    }

    @Test
    void hostileLabelsLeaveNoScriptVectorInSvg() throws Exception {
        MapDocument doc = TestMaps.hostile();
        byte[] bytes = svg(doc);
        Document dom = SafeXml.parse("hostile.svg", new ByteArrayInputStream(bytes));
        NodeList all = dom.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String name = e.getLocalName().toLowerCase(Locale.ROOT);
            assertFalse(name.equals("script") || name.equals("foreignobject") || name.equals("a")
                    || name.equals("image") || name.equals("iframe"), "element <" + name + ">");
            NamedNodeMap attrs = e.getAttributes();
            for (int k = 0; k < attrs.getLength(); k++) {
                Attr a = (Attr) attrs.item(k);
                String an = a.getLocalName() == null ? a.getName() : a.getLocalName();
                assertFalse(an.toLowerCase(Locale.ROOT).startsWith("on"), "event attribute " + an + " on <" + name + ">");
                String v = a.getValue().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
                assertFalse(v.contains("javascript:"), "javascript: in " + an);
                if (an.equals("href")) {
                    assertTrue(v.startsWith("#"), "only local references, got " + v);
                }
                assertFalse(v.matches(".*url\\((?!#).*"), "external url() in " + an + ": " + v);
            }
        }
        // the hostile strings are there, but only as text
        String drawn = String.join("", textsOf(dom));
        assertTrue(drawn.contains("<script>alert('x')"), drawn.substring(0, 200));
    }

    @Test
    void hostileLabelsComeBackUnchangedFromSvgAndPng() throws Exception {
        MapDocument doc = TestMaps.hostile();
        MapDocument fromSvg = importer.readSvg("hostile.svg", new ByteArrayInputStream(svg(doc)));
        MapDocument fromPng = importer.readPng("hostile.png", new ByteArrayInputStream(png(doc, 30)));
        assertEquals(doc, fromSvg);
        assertEquals(doc, fromPng);
        for (int i = 0; i < TestMaps.HOSTILE_LABELS.size(); i++) {
            assertEquals(TestMaps.HOSTILE_LABELS.get(i), fromSvg.element("h" + i).label());
        }
    }

    @Test
    void anSvgWithoutAMapIsRefusedWithAClearMessage() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>";
        MapFormatException e = assertThrows(MapFormatException.class,
                () -> importer.readSvg("other.svg", new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("other.svg: "), e.getMessage());
        assertTrue(e.getMessage().contains("holds no Mapwork map"), e.getMessage());
    }

    @Test
    void aPngWithoutAMapIsRefusedWithAClearMessage() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        MapFormatException e = assertThrows(MapFormatException.class,
                () -> importer.readPng("photo.png", new ByteArrayInputStream(out.toByteArray())));
        assertTrue(e.getMessage().contains("holds no Mapwork map"), e.getMessage());
    }
}
