package org.mapwork.export.imports;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.export.format.AttributeText;
import org.mapwork.model.ElementKind;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.json.InputLimits;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.ElementType;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.fishbone.FishboneTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.mxgraph.io.mxCodec;
import com.mxgraph.model.mxCell;
import com.mxgraph.model.mxGeometry;
import com.mxgraph.model.mxGraphModel;
import com.mxgraph.model.mxICell;
import com.mxgraph.util.mxPoint;

/**
 * Reads draw.io / diagrams.net files ({@code .drawio}, mxGraph XML): the first page, compressed (deflate, base64,
 * URL-encoded, as draw.io saves by default) or plain, decoded into an {@link mxGraphModel} by JGraphX's own codec.
 * Shapes become nodes, connectors become links; a custom property named like an attribute of the node's type (or
 * {@code type}) becomes that attribute. The XML is parsed by {@link SafeXml} and only mxGraph's own elements are
 * handed to the codec, which otherwise could be made to instantiate other classes.
 */
public final class DrawioImport {

    /** The elements the codec may see: a file with anything else is refused before decoding. */
    private static final Set<String> MODEL_ELEMENTS = Set.of("mxGraphModel", "root", "mxCell", "mxGeometry", "mxPoint", "mxRectangle", "Array");
    private static final Set<String> WRAPPERS = Set.of("object", "UserObject");
    private static final Set<String> WRAPPER_FIELDS = Set.of("id", "label", "placeholders", "tooltip", "link");
    private final ImportContext context;

    public DrawioImport(ImportContext context) {
        this.context = context;
    }

    public ImportResult read(String source, InputStream in) throws MapFormatException {
        List<String> warnings = new ArrayList<>();
        Document dom = SafeXml.parse(source, in);
        Element root = dom.getDocumentElement();
        Element model;
        if (root.getLocalName().equals("mxGraphModel")) {
            model = root;
        } else if (root.getLocalName().equals("mxfile")) {
            List<Element> diagrams = children(root, "diagram");
            if (diagrams.isEmpty()) {
                throw new MapFormatException(source, "<mxfile>", "the file has no <diagram> page");
            }
            if (diagrams.size() > 1) {
                warnings.add("the file has " + diagrams.size() + " pages; imported the first, \"" + diagrams.get(0).getAttribute("name") + '"');
            }
            Element diagram = diagrams.get(0);
            List<Element> plain = children(diagram, "mxGraphModel");
            if (!plain.isEmpty()) {
                model = plain.get(0);
            } else {
                String xml = inflate(source, diagram.getTextContent().strip(), context.limits());
                model = SafeXml.parse(source + " (page 1)", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
                if (!model.getLocalName().equals("mxGraphModel")) {
                    throw new MapFormatException(source, "<diagram>", "the page does not hold an mxGraphModel but <" + model.getLocalName() + ">");
                }
            }
        } else {
            throw new MapFormatException(source, "<" + root.getLocalName() + ">", "not a draw.io file: expected <mxfile> or <mxGraphModel>");
        }
        Map<String, Map<String, String>> properties = new HashMap<>();
        unwrap(source, model, properties);
        mxGraphModel graph = new mxGraphModel();
        try {
            new mxCodec(model.getOwnerDocument()).decode(model, graph);
        } catch (RuntimeException e) {
            throw new MapFormatException(source, "<mxGraphModel>", "the diagram cannot be decoded: " + e, e);
        }
        return convert(source, graph, properties, warnings);
    }

    /** Compressed page content: base64 of raw deflate of the URL-encoded XML. */
    static String inflate(String source, String text, InputLimits limits) throws MapFormatException {
        byte[] packed;
        try {
            packed = Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MapFormatException(source, "<diagram>", "the page is neither mxGraph XML nor compressed (base64): " + e.getMessage());
        }
        byte[] inflated = limits.inflate(source, "<diagram>", packed, true);
        String encoded = new String(inflated, StandardCharsets.UTF_8);
        try {
            return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MapFormatException(source, "<diagram>", "the compressed page is not URL-encoded XML: " + e.getMessage());
        }
    }

    /**
     * draw.io wraps cells that carry custom properties in {@code <object label=".." prop="..">}: moves the id and
     * label onto the inner mxCell, keeps the properties aside, and refuses any element the codec should not see.
     */
    private static void unwrap(String source, Element model, Map<String, Map<String, String>> properties) throws MapFormatException {
        List<Element> all = new ArrayList<>();
        collect(model, all);
        for (Element e : all) {
            String name = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
            if (WRAPPERS.contains(name)) {
                List<Element> cells = children(e, "mxCell");
                if (cells.size() != 1) {
                    throw new MapFormatException(source, "<" + name + " id=\"" + e.getAttribute("id") + "\">", "expected one mxCell inside");
                }
                Element cell = cells.get(0);
                cell.setAttribute("id", e.getAttribute("id"));
                cell.setAttribute("value", e.getAttribute("label"));
                Map<String, String> props = new LinkedHashMap<>();
                var attrs = e.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    Node a = attrs.item(i);
                    if (!WRAPPER_FIELDS.contains(a.getNodeName())) {
                        props.put(a.getNodeName(), a.getNodeValue());
                    }
                }
                properties.put(e.getAttribute("id"), props);
                e.getParentNode().replaceChild(cell, e);
            } else if (!MODEL_ELEMENTS.contains(name)) {
                throw new MapFormatException(source, "<" + name + ">", "unexpected element in a draw.io diagram; expected only " + MODEL_ELEMENTS);
            }
        }
    }

    private static void collect(Element e, List<Element> out) {
        out.add(e);
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                collect(c, out);
            }
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && name.equals(c.getLocalName() == null ? c.getTagName() : c.getLocalName())) {
                out.add(c);
            }
        }
        return out;
    }

    private ImportResult convert(String source, mxGraphModel graph, Map<String, Map<String, String>> properties,
                                 List<String> warnings) throws MapFormatException {
        Schema schema = context.schema(context.methodId(), source);
        NativeTree tree = NativeTree.fresh(context.titleFor(source), context.methodId()).within(source, context.limits());
        Map<String, Value> mapValues = Map.of();
        List<mxCell> vertices = new ArrayList<>();
        List<mxCell> edges = new ArrayList<>();
        Map<String, String> edgeLabels = new HashMap<>();
        walk((mxICell) graph.getRoot(), vertices, edges, edgeLabels);
        Map<mxICell, String> ids = new HashMap<>();
        Set<mxCell> frames = new java.util.HashSet<>();
        Set<String> dropped = new LinkedHashSet<>();
        // a group or swimlane holding other shapes becomes a frame drawn behind them, not a node on top of them
        boolean framesAllowed = schema.annotationTypes().containsKey("frame");
        Map<mxCell, DrawioShape> shapes = new LinkedHashMap<>();
        List<mxCell> arrowShapes = new ArrayList<>();
        for (mxCell v : List.copyOf(vertices)) {
            DrawioShape sh = shape(v);
            if (sh.isArrowShape() && sh.label().isBlank() && !properties.containsKey(v.getId()) && v.getChildCount() == 0) {
                // an unlabelled arrow drawn as a shape (a bone, a spine) is a line of the picture, not a node
                arrowShapes.add(v);
                vertices.remove(v);
                continue;
            }
            if (hasVertexChildren(v) && framesAllowed) {
                frames.add(v);
            }
            shapes.put(v, sh);
        }
        List<DrawioShape> nodeShapes = shapes.entrySet().stream().filter(e -> !frames.contains(e.getKey())).map(Map.Entry::getValue).toList();
        List<Connector> connectors = new ArrayList<>();
        for (mxCell e : edges) {
            connectors.add(connector(e, shapes, nodeShapes, frames));
        }
        for (mxCell a : arrowShapes) {
            double[][] axis = shape(a).axis();
            double[] off = offset(a);
            double[] from = {axis[0][0] + off[0], axis[0][1] + off[1]}, to = {axis[1][0] + off[0], axis[1][1] + off[1]};
            connectors.add(new Connector(a, cellOf(shapes, DrawioShape.at(nodeShapes, from[0], from[1])),
                    cellOf(shapes, DrawioShape.at(nodeShapes, to[0], to[1])), List.of(from, to), true));
        }
        double k = DrawioShape.scale(nodeShapes);
        if (k > 1) {
            warnings.add(String.format(java.util.Locale.ROOT, "the picture was enlarged %.2f times so that its labels fit at Mapwork's text size", k));
        }
        FishbonePicture fishbone = null;
        if (FishbonePicture.fits(schema)) {
            Map<String, String> given = new HashMap<>();
            for (mxCell v : vertices) {
                String t = properties.getOrDefault(v.getId(), Map.of()).get("type");
                if (t != null && schema.type(ElementKind.NODE, t, mapValues) != null) {
                    given.put(v.getId(), t);
                }
            }
            fishbone = FishbonePicture.read(nodeShapes, connectors.stream().map(Connector::line).toList(), given);
        }
        for (mxCell v : vertices) {
            String origin = "cell " + v.getId();
            Map<String, String> props = properties.getOrDefault(v.getId(), Map.of());
            boolean container = frames.contains(v);
            DrawioShape sh = shapes.get(v);
            String type;
            if (container) {
                type = "frame";
            } else if (fishbone != null && fishbone.types().containsKey(v.getId())) {
                type = fishbone.types().get(v.getId());
            } else if (fishbone != null && sh.label().isBlank()) {
                continue; // an unlabelled decoration of a fishbone picture (the method draws its own bones)
            } else {
                type = nodeType(schema, props.get("type"), mapValues, warnings, origin);
            }
            String id = tree.id(v.getId(), "n");
            ids.put(v, id);
            ObjectNode o = tree.element(origin);
            o.put("id", id);
            o.put("kind", container ? "annotation" : "node");
            o.put("type", type);
            o.put("label", sh.label());
            o.put("order", tree.nextOrder());
            ObjectNode geo = o.putObject("geometry");
            double w = k * (sh.width() <= 0 ? 160 : sh.width()), h = k * (sh.height() <= 0 ? 60 : sh.height());
            // a node grows (about its centre) until its whole label shows; frames keep their size
            double[] size = container ? new double[] {w, h} : DrawioShape.fitted(sh.label(), w, h);
            geo.put("x", k * sh.x() + (w - size[0]) / 2);
            geo.put("y", k * sh.y() + (h - size[1]) / 2);
            geo.put("width", size[0]);
            geo.put("height", size[1]);
            attributes(source, origin, o, schema.type(container ? ElementKind.ANNOTATION : ElementKind.NODE, type, mapValues), props, dropped);
        }
        String linkType = null;
        Set<String> joined = new java.util.HashSet<>();
        int kept = 0;
        for (Connector c : connectors) {
            mxCell e = c.cell();
            String origin = "cell " + e.getId();
            Map<String, String> props = properties.getOrDefault(e.getId(), Map.of());
            String label = DrawioShape.text(e.getValue() instanceof Element el ? el.getAttribute("label") : e.getValue() == null ? null : e.getValue().toString(),
                    DrawioShape.style(e.getStyle()));
            if (label.isEmpty()) {
                label = edgeLabels.getOrDefault(e.getId(), "");
            }
            String type = props.get("type");
            mxCell s = c.from(), t = c.to();
            boolean ends = s != null && t != null && s != t && ids.containsKey(s) && ids.containsKey(t);
            if (ends && type != null && schema.mapDefinedLinkTypes() != null) {
                type = tree.mapLinkType(schema, type);
            } else if (ends && (type == null || schema.type(ElementKind.LINK, type, mapValues) == null)) {
                if (linkType == null) {
                    linkType = tree.defaultLinkType(schema);
                }
                type = linkType;
            }
            FishbonePicture fb = fishbone;
            String chosen = type;
            java.util.function.BiPredicate<mxCell, mxCell> fits = (a, b) -> allows(schema, chosen, a, b, tree, ids)
                    && (fb == null || (FishbonePicture.upward(tree.typeOf(ids.get(a)), tree.typeOf(ids.get(b))) && !joined.contains(a.getId())));
            if (ends && !fits.test(s, t) && fits.test(t, s)) {
                mxCell swap = s;
                s = t;
                t = swap;
            }
            if (!ends || !fits.test(s, t)) {
                // kept as a drawn line, so the picture stays: a connector that joins no two shapes, or two the method may not link
                stroke(tree, origin, label, c, k);
                kept++;
                continue;
            }
            ObjectNode o = tree.element(origin);
            o.put("id", tree.id(e.getId(), "l"));
            o.put("kind", "link");
            o.put("type", type);
            if (!label.isEmpty()) {
                o.put("label", label);
            }
            o.put("source", ids.get(s));
            o.put("target", ids.get(t));
            o.put("order", tree.nextOrder());
            joined.add(s.getId());
            attributes(source, origin, o, CsvImport.linkTypeOf(schema, type), props, dropped);
        }
        if (kept > 0) {
            warnings.add(kept + " connector(s) not attached to two shapes the method may link were kept as drawn lines (stroke annotations)");
        }
        if (fishbone != null) {
            Map<String, String> byCell = new HashMap<>();
            ids.forEach((cell, id) -> byCell.put(((mxCell) cell).getId(), id));
            for (var p : fishbone.placements(connectors.stream().map(Connector::line).toList(), joined).entrySet()) {
                ObjectNode o = tree.element("cell " + p.getKey());
                o.put("id", tree.id("on-" + p.getKey(), "l"));
                o.put("kind", "link");
                o.put("type", FishboneTemplate.ON);
                o.put("source", byCell.get(p.getKey()));
                o.put("target", byCell.get(p.getValue()));
                o.put("order", tree.nextOrder());
            }
        }
        warnings.addAll(dropped);
        MapDocument doc = tree.read(source, context.schemas());
        return new ImportResult(doc, warnings);
    }

    /** A connector and the shapes its ends are on (attached in draw.io, or lying within {@link DrawioShape#NEAR}). */
    private record Connector(mxCell cell, mxCell from, mxCell to, List<double[]> points, boolean arrowAtEnd) {
        FishbonePicture.Line line() {
            double[] a = points.get(0), b = points.get(points.size() - 1);
            return new FishbonePicture.Line(a[0], a[1], b[0], b[1], arrowAtEnd);
        }
    }

    private static Connector connector(mxCell e, Map<mxCell, DrawioShape> shapes, List<DrawioShape> nodeShapes, Set<mxCell> frames) {
        Map<String, String> style = DrawioShape.style(e.getStyle());
        mxGeometry g = e.getGeometry();
        double[] off = offset(e);
        List<double[]> middle = new ArrayList<>();
        if (g != null && g.getPoints() != null) {
            for (mxPoint p : g.getPoints()) {
                middle.add(new double[] {p.getX() + off[0], p.getY() + off[1]});
            }
        }
        mxCell from = terminal(e, true), to = terminal(e, false);
        double[] a = g == null || g.getSourcePoint() == null ? null : new double[] {g.getSourcePoint().getX() + off[0], g.getSourcePoint().getY() + off[1]};
        double[] b = g == null || g.getTargetPoint() == null ? null : new double[] {g.getTargetPoint().getX() + off[0], g.getTargetPoint().getY() + off[1]};
        if (from == null && a != null) {
            from = cellOf(shapes, DrawioShape.at(nodeShapes, a[0], a[1]));
        }
        if (to == null && b != null) {
            to = cellOf(shapes, DrawioShape.at(nodeShapes, b[0], b[1]));
        }
        if (from != null && (frames.contains(from) || !shapes.containsKey(from))) {
            from = null;
        }
        if (to != null && (frames.contains(to) || !shapes.containsKey(to))) {
            to = null;
        }
        DrawioShape fs = from == null ? null : shapes.get(from), ts = to == null ? null : shapes.get(to);
        double[] towardsA = !middle.isEmpty() ? middle.get(0) : b != null ? b : ts != null ? new double[] {ts.centerX(), ts.centerY()} : new double[] {0, 0};
        double[] towardsB = !middle.isEmpty() ? middle.get(middle.size() - 1) : a != null ? a : fs != null ? new double[] {fs.centerX(), fs.centerY()} : new double[] {0, 0};
        if (a == null) {
            a = fs == null ? towardsA : anchor(fs, style, "exit", towardsA);
        }
        if (b == null) {
            b = ts == null ? towardsB : anchor(ts, style, "entry", towardsB);
        }
        List<double[]> points = new ArrayList<>();
        points.add(a);
        points.addAll(middle);
        points.add(b);
        return new Connector(e, from, to, points, !"none".equals(style.getOrDefault("endArrow", "classic")));
    }

    /** Where an attached connector meets its shape: the style's exit/entry point, else the border towards the line. */
    private static double[] anchor(DrawioShape s, Map<String, String> style, String prefix, double[] towards) {
        if (style.containsKey(prefix + "X") && style.containsKey(prefix + "Y")) {
            double fx = Double.parseDouble(style.get(prefix + "X")), fy = Double.parseDouble(style.get(prefix + "Y"));
            return new double[] {s.x() + fx * s.width(), s.y() + fy * s.height()};
        }
        return s.border(towards[0], towards[1]);
    }

    private static mxCell terminal(mxCell e, boolean source) {
        return e.getTerminal(source) instanceof mxCell c && c.isVertex() ? c : null;
    }

    private static mxCell cellOf(Map<mxCell, DrawioShape> shapes, DrawioShape s) {
        if (s == null) {
            return null;
        }
        for (var en : shapes.entrySet()) {
            if (en.getValue() == s) {
                return en.getKey();
            }
        }
        return null;
    }

    private static boolean allows(Schema schema, String type, mxCell s, mxCell t, NativeTree tree, Map<mxICell, String> ids) {
        var def = schema.linkTypes().get(type);
        if (def == null) {
            return true; // a map-defined link type (Net-Map) joins any two actors
        }
        return def.allows(tree.typeOf(ids.get(s)), tree.typeOf(ids.get(t)));
    }

    private static void stroke(NativeTree tree, String origin, String label, Connector c, double k) throws MapFormatException {
        ObjectNode o = tree.element(origin);
        o.put("id", tree.id(c.cell().getId(), "a"));
        o.put("kind", "annotation");
        o.put("type", "stroke");
        o.put("label", label);
        o.put("order", tree.nextOrder());
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        List<double[]> points = c.points().stream().map(p -> new double[] {k * p[0], k * p[1]}).toList();
        for (double[] p : points) {
            minX = Math.min(minX, p[0]);
            minY = Math.min(minY, p[1]);
            maxX = Math.max(maxX, p[0]);
            maxY = Math.max(maxY, p[1]);
        }
        ObjectNode geo = o.putObject("geometry");
        geo.put("x", minX);
        geo.put("y", minY);
        geo.put("width", maxX - minX);
        geo.put("height", maxY - minY);
        var pts = geo.putArray("points");
        for (double[] p : points) {
            pts.addArray().add(p[0]).add(p[1]);
        }
        o.putObject("attributes").put("arrow", c.arrowAtEnd());
    }

    private static DrawioShape shape(mxCell v) {
        Map<String, String> style = DrawioShape.style(v.getStyle());
        mxGeometry g = v.getGeometry();
        double[] offset = offset(v);
        String raw = v.getValue() == null ? null : v.getValue() instanceof Element e ? e.getAttribute("label") : v.getValue().toString();
        String label = DrawioShape.text(raw, style);
        double x = (g == null ? 0 : g.getX()) + offset[0], y = (g == null ? 0 : g.getY()) + offset[1];
        double w = g == null ? 0 : g.getWidth(), h = g == null ? 0 : g.getHeight();
        DrawioShape shape = new DrawioShape(v.getId(), label, x, y, w, h, style);
        double turn = (shape.number("rotation", 0) % 180 + 180) % 180;
        if (!label.isBlank() && turn > 45 && turn < 135) {
            // a labelled shape turned by a quarter (a cause written along a bone) keeps its footprint: nodes do not turn
            return new DrawioShape(v.getId(), label, x + (w - h) / 2, y + (h - w) / 2, h, w, style);
        }
        return shape;
    }

    /** Vertices and edges in document order; labels that draw.io keeps as children of an edge are joined to it. */
    private static void walk(mxICell cell, List<mxCell> vertices, List<mxCell> edges, Map<String, String> edgeLabels) {
        for (int i = 0; i < cell.getChildCount(); i++) {
            mxICell c = cell.getChildAt(i);
            if (c instanceof mxCell mc) {
                if (mc.isEdge()) {
                    edges.add(mc);
                    for (int k = 0; k < mc.getChildCount(); k++) {
                        if (mc.getChildAt(k) instanceof mxCell lbl && lbl.getValue() != null) {
                            edgeLabels.merge(mc.getId(), DrawioShape.text(lbl.getValue().toString(), DrawioShape.style(lbl.getStyle())), (a, b) -> a + "\n" + b);
                        }
                    }
                    continue;
                }
                if (mc.isVertex() && !(cell instanceof mxCell p && p.isEdge())) {
                    vertices.add(mc);
                }
                walk(mc, vertices, edges, edgeLabels);
            }
        }
    }

    private static boolean hasVertexChildren(mxCell v) {
        for (int i = 0; i < v.getChildCount(); i++) {
            if (v.getChildAt(i) instanceof mxCell c && c.isVertex()) {
                return true;
            }
        }
        return false;
    }

    /** Children of a group sit relative to it: the sum of their ancestors' origins. */
    private static double[] offset(mxCell v) {
        double x = 0, y = 0;
        for (mxICell p = v.getParent(); p instanceof mxCell pc && pc.isVertex(); p = p.getParent()) {
            if (pc.getGeometry() != null) {
                x += pc.getGeometry().getX();
                y += pc.getGeometry().getY();
            }
        }
        return new double[] {x, y};
    }

    private static String nodeType(Schema schema, String given, Map<String, Value> mapValues, List<String> warnings, String origin) throws MapFormatException {
        List<String> names = schema.typeNames(ElementKind.NODE, mapValues);
        if (given != null && schema.type(ElementKind.NODE, given, mapValues) != null) {
            return given;
        }
        if (names.isEmpty()) {
            throw new MapFormatException(origin, "type", "method " + schema.methodId() + " has no node types");
        }
        if (given != null) {
            warnings.add(origin + ": type \"" + given + "\" is not a node type of " + schema.methodId() + "; used " + names.get(0));
        }
        return names.get(0);
    }

    private static void attributes(String source, String origin, ObjectNode o, ElementType type, Map<String, String> props,
                                   Set<String> dropped) throws MapFormatException {
        ObjectNode attrs = null;
        for (var p : props.entrySet()) {
            if (p.getKey().equals("type") || p.getValue().isEmpty()) {
                continue;
            }
            AttributeDef def = type == null ? null : type.attribute(p.getKey());
            if (def == null) {
                dropped.add("property \"" + p.getKey() + "\" dropped where the type has no such attribute (" + (type == null ? "?" : type.name()) + ")");
                continue;
            }
            if (attrs == null) {
                attrs = o.putObject("attributes");
            }
            try {
                attrs.set(def.name(), AttributeText.parse(def, p.getValue()));
            } catch (IllegalArgumentException e) {
                throw new MapFormatException(source, origin + ", " + p.getKey(), e.getMessage());
            }
        }
    }
}
