package org.mapwork.export.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.AffineTransform;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapwork.export.TestMaps;
import org.mapwork.export.TestMethod;
import org.mapwork.export.imports.SafeXml;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The SVG canvas writes the same picture Batik's generator wrote for the same drawing: the same elements in the same
 * order, with the same coordinates, texts, colours, strokes, fonts and transforms once each element's inherited
 * attributes are resolved (Batik put them on groups it regrouped at every change, the canvas on the elements). The
 * metadata (the map itself) and the title are the same text.
 */
class SvgCanvasTest {

    static Stream<Arguments> maps() {
        List<Arguments> out = new ArrayList<>();
        MapPainter test = new MapPainter(TestMethod.LOOKUP);
        out.add(Arguments.of("workers", TestMaps.workersCentre(), test, RenderOptions.file()));
        out.add(Arguments.of("workers, selected, no title or legend", TestMaps.workersCentre(), test,
                RenderOptions.file().withTitleBlock(false).withLegend(false).withSelected(Set.of("a-union", "l1", "t-note", "f-frame"))));
        out.add(Arguments.of("hostile", TestMaps.hostile(), test, RenderOptions.file()));
        out.add(Arguments.of("grid", TestMaps.grid(80, 2), test, RenderOptions.file()));
        for (MethodTemplate m : Methods.all()) {
            out.add(Arguments.of(m.id(), m.starter(true, Locale.ENGLISH), new MapPainter(), RenderOptions.file()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maps")
    void theFileHoldsWhatBatikWrote(String name, MapDocument doc, MapPainter painter, RenderOptions opts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SvgExport.write(doc, painter, opts, out);
        Document ours = SafeXml.parse("ours.svg", new ByteArrayInputStream(out.toByteArray()));
        Document batik = SafeXml.parse("batik.svg", new ByteArrayInputStream(BatikSvgReference.write(doc, painter, opts)));

        Element a = batik.getDocumentElement(), b = ours.getDocumentElement();
        for (String attr : List.of("width", "height", "viewBox")) {
            assertEquals(a.getAttribute(attr), b.getAttribute(attr), attr);
        }
        assertEquals(only(batik, "title").getTextContent(), only(ours, "title").getTextContent());
        Element mapA = (Element) batik.getElementsByTagNameNS(SvgExport.MAP_NS, SvgExport.MAP_ELEMENT).item(0);
        Element mapB = (Element) ours.getElementsByTagNameNS(SvgExport.MAP_NS, SvgExport.MAP_ELEMENT).item(0);
        assertEquals(mapA.getTextContent(), mapB.getTextContent(), "the embedded map");
        assertEquals(mapA.getAttribute("format"), mapB.getAttribute("format"));
        assertEquals(mapA.getAttribute("encoding"), mapB.getAttribute("encoding"));

        List<String> expected = drawn(a), actual = drawn(b);
        assertTrue(expected.size() > 10, name + " draws something: " + expected.size());
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), name + ": element " + i);
        }
        assertEquals(expected.size(), actual.size(), name + ": number of elements");
    }

    private static Element only(Document d, String tag) {
        assertEquals(1, d.getElementsByTagNameNS(SvgExport.SVG_NS, tag).getLength(), tag);
        return (Element) d.getElementsByTagNameNS(SvgExport.SVG_NS, tag).item(0);
    }

    // ----- the drawn elements, each with what it inherits resolved -----

    private static final Set<String> SHAPES = Set.of("rect", "circle", "ellipse", "line", "path", "polygon", "polyline", "text");
    private static final Map<String, List<String>> GEOMETRY = Map.of(
            "rect", List.of("x", "y", "width", "height", "rx", "ry"), "circle", List.of("cx", "cy", "r"),
            "ellipse", List.of("cx", "cy", "rx", "ry"), "line", List.of("x1", "y1", "x2", "y2"),
            "path", List.of("d"), "polygon", List.of("points"), "polyline", List.of("points"), "text", List.of("x", "y"));
    /** SVG's initial values, for properties no ancestor sets. */
    private static final Map<String, String> INITIAL = Map.ofEntries(
            Map.entry("fill", "black"), Map.entry("fill-opacity", "1"), Map.entry("fill-rule", "nonzero"),
            Map.entry("stroke", "none"), Map.entry("stroke-opacity", "1"), Map.entry("stroke-width", "1"),
            Map.entry("stroke-linecap", "butt"), Map.entry("stroke-linejoin", "miter"), Map.entry("stroke-miterlimit", "4"),
            Map.entry("stroke-dasharray", "none"), Map.entry("stroke-dashoffset", "0"), Map.entry("font-family", "serif"),
            Map.entry("font-size", "medium"), Map.entry("font-weight", "normal"), Map.entry("font-style", "normal"),
            Map.entry("text-rendering", "auto"), Map.entry("shape-rendering", "auto"));
    private static final List<String> FILLING = List.of("fill", "fill-opacity", "fill-rule");
    private static final List<String> STROKING = List.of("stroke", "stroke-opacity", "stroke-width", "stroke-linecap",
            "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset");
    private static final List<String> FONT = List.of("font-family", "font-size", "font-weight", "font-style", "text-rendering");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("black", "rgb(0,0,0)"), Map.entry("silver", "rgb(192,192,192)"), Map.entry("gray", "rgb(128,128,128)"),
            Map.entry("white", "rgb(255,255,255)"), Map.entry("maroon", "rgb(128,0,0)"), Map.entry("red", "rgb(255,0,0)"),
            Map.entry("purple", "rgb(128,0,128)"), Map.entry("fuchsia", "rgb(255,0,255)"), Map.entry("green", "rgb(0,128,0)"),
            Map.entry("lime", "rgb(0,255,0)"), Map.entry("olive", "rgb(128,128,0)"), Map.entry("yellow", "rgb(255,255,0)"),
            Map.entry("navy", "rgb(0,0,128)"), Map.entry("blue", "rgb(0,0,255)"), Map.entry("teal", "rgb(0,128,128)"),
            Map.entry("aqua", "rgb(0,255,255)"));

    /** Every drawn element in document order, as one line: its name, geometry, text and the properties it draws with. */
    static List<String> drawn(Element root) {
        List<String> out = new ArrayList<>();
        walk(root, new ArrayList<>(), out);
        return out;
    }

    private static void walk(Element e, List<Element> ancestors, List<String> out) {
        String name = e.getLocalName();
        if (name.equals("metadata") || name.equals("title") || name.equals("defs")) {
            return;
        }
        if (SHAPES.contains(name)) {
            List<Element> chain = new ArrayList<>(ancestors);
            chain.add(e);
            out.add(describe(e, chain));
            return;
        }
        ancestors.add(e);
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                walk(c, ancestors, out);
            }
        }
        ancestors.remove(ancestors.size() - 1);
    }

    private static String describe(Element e, List<Element> chain) {
        String name = e.getLocalName();
        Map<String, String> d = new LinkedHashMap<>();
        for (String g : GEOMETRY.get(name)) {
            if (e.hasAttribute(g)) {
                d.put(g, e.getAttribute(g));
            }
        }
        if (name.equals("text")) {
            d.put("text", e.getTextContent());
            d.put("xml:space", e.getAttributeNS("http://www.w3.org/XML/1998/namespace", "space"));
        }
        String fill = colour(resolved("fill", chain)), stroke = colour(resolved("stroke", chain));
        if (!fill.equals("none")) {
            for (String p : FILLING) {
                d.put(p, colour(resolved(p, chain)));
            }
        }
        d.put("stroke", stroke);
        if (!stroke.equals("none")) {
            for (String p : STROKING) {
                d.put(p, colour(resolved(p, chain)));
            }
        }
        if (name.equals("text")) {
            for (String p : FONT) {
                d.put(p, resolved(p, chain));
            }
        } else {
            d.put("shape-rendering", resolved("shape-rendering", chain));
        }
        d.put("transform", matrix(chain));
        return name + " " + d;
    }

    private static String resolved(String property, List<Element> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i).hasAttribute(property)) {
                return chain.get(i).getAttribute(property);
            }
        }
        return INITIAL.get(property);
    }

    private static String colour(String v) {
        return NAMED.getOrDefault(v, v);
    }

    private static final Pattern STEP = Pattern.compile("(translate|matrix|rotate|scale)\\(([^)]*)\\)");

    /** The element's transform to the root, composed, rounded to the files' three decimals. */
    private static String matrix(List<Element> chain) {
        AffineTransform t = new AffineTransform();
        for (Element e : chain) {
            Matcher m = STEP.matcher(e.getAttribute("transform"));
            while (m.find()) {
                String[] parts = m.group(2).trim().split("[ ,]+");
                double[] v = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    v[i] = Double.parseDouble(parts[i]);
                }
                switch (m.group(1)) {
                    case "translate" -> t.translate(v[0], v.length > 1 ? v[1] : 0);
                    case "scale" -> t.scale(v[0], v.length > 1 ? v[1] : v[0]);
                    case "rotate" -> t.rotate(Math.toRadians(v[0]));
                    default -> t.concatenate(new AffineTransform(v));
                }
            }
        }
        double[] m = new double[6];
        t.getMatrix(m);
        StringBuilder s = new StringBuilder();
        for (double x : m) {
            s.append(String.format(Locale.ROOT, "%.3f ", x + 0.0).replace("-0.000", "0.000"));
        }
        return s.toString().trim();
    }
}
