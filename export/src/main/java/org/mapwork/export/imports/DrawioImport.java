package org.mapwork.export.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.export.format.AttributeText;
import org.mapwork.model.ElementKind;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.ElementType;
import org.mapwork.model.schema.Schema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.mxgraph.io.mxCodec;
import com.mxgraph.model.mxCell;
import com.mxgraph.model.mxGeometry;
import com.mxgraph.model.mxGraphModel;
import com.mxgraph.model.mxICell;

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
    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</div>|</p>|</li>");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    /** Largest inflated diagram accepted: a guard against a small file that inflates to gigabytes. */
    private static final int MAX_INFLATED = 64 * 1024 * 1024;

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
                String xml = inflate(source, diagram.getTextContent().strip());
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
    static String inflate(String source, String text) throws MapFormatException {
        byte[] packed;
        try {
            packed = Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MapFormatException(source, "<diagram>", "the page is neither mxGraph XML nor compressed (base64): " + e.getMessage());
        }
        Inflater inflater = new Inflater(true);
        inflater.setInput(packed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new MapFormatException(source, "<diagram>", "the compressed page inflates to more than " + MAX_INFLATED / 1024 / 1024 + " MB");
                }
            }
        } catch (DataFormatException e) {
            throw new MapFormatException(source, "<diagram>", "the compressed page is damaged: " + e.getMessage());
        } finally {
            inflater.end();
        }
        String encoded = out.toString(StandardCharsets.UTF_8);
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
        NativeTree tree = NativeTree.fresh(context.titleFor(source), context.methodId());
        Map<String, Value> mapValues = Map.of();
        List<mxCell> vertices = new ArrayList<>();
        List<mxCell> edges = new ArrayList<>();
        Map<String, String> edgeLabels = new HashMap<>();
        walk((mxICell) graph.getRoot(), vertices, edges, edgeLabels);
        Map<mxICell, String> ids = new HashMap<>();
        Set<String> dropped = new LinkedHashSet<>();
        for (mxCell v : vertices) {
            String origin = "cell " + v.getId();
            Map<String, String> props = properties.getOrDefault(v.getId(), Map.of());
            String id = tree.id(v.getId(), "n");
            ids.put(v, id);
            ObjectNode o = tree.element(origin);
            o.put("id", id);
            o.put("kind", "node");
            String type = nodeType(schema, props.get("type"), mapValues, warnings, origin);
            o.put("type", type);
            o.put("label", text(v.getValue(), v.getStyle()));
            o.put("order", tree.nextOrder());
            mxGeometry g = v.getGeometry();
            double[] offset = offset(v);
            ObjectNode geo = o.putObject("geometry");
            geo.put("x", (g == null ? 0 : g.getX()) + offset[0]);
            geo.put("y", (g == null ? 0 : g.getY()) + offset[1]);
            geo.put("width", g == null || g.getWidth() <= 0 ? 160 : g.getWidth());
            geo.put("height", g == null || g.getHeight() <= 0 ? 60 : g.getHeight());
            attributes(source, origin, o, schema.type(ElementKind.NODE, type, mapValues), props, dropped);
        }
        String linkType = null;
        for (mxCell e : edges) {
            String origin = "cell " + e.getId();
            mxICell s = e.getTerminal(true), t = e.getTerminal(false);
            if (s == null || t == null || !ids.containsKey(s) || !ids.containsKey(t)) {
                warnings.add(origin + ": a connector not attached to two shapes at both ends was left out");
                continue;
            }
            Map<String, String> props = properties.getOrDefault(e.getId(), Map.of());
            ObjectNode o = tree.element(origin);
            o.put("id", tree.id(e.getId(), "l"));
            o.put("kind", "link");
            String type = props.get("type");
            if (type != null && schema.mapDefinedLinkTypes() != null) {
                type = tree.mapLinkType(schema, type);
            } else if (type == null || schema.type(ElementKind.LINK, type, mapValues) == null) {
                if (linkType == null) {
                    linkType = tree.defaultLinkType(schema);
                }
                type = linkType;
            }
            o.put("type", type);
            String label = text(e.getValue(), e.getStyle());
            if (label.isEmpty()) {
                label = edgeLabels.getOrDefault(e.getId(), "");
            }
            if (!label.isEmpty()) {
                o.put("label", label);
            }
            o.put("source", ids.get(s));
            o.put("target", ids.get(t));
            o.put("order", tree.nextOrder());
            attributes(source, origin, o, CsvImport.linkTypeOf(schema, type), props, dropped);
        }
        warnings.addAll(dropped);
        MapDocument doc = tree.read(source, context.schemas());
        return new ImportResult(doc, warnings);
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
                            edgeLabels.merge(mc.getId(), text(lbl.getValue(), lbl.getStyle()), (a, b) -> a + "\n" + b);
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

    /** A cell's text; HTML labels ({@code html=1}) lose their markup, keeping line breaks. */
    static String text(Object value, String style) {
        if (value == null) {
            return "";
        }
        String s = value instanceof Element e ? e.getAttribute("label") : value.toString();
        if (style != null && style.contains("html=1")) {
            s = BREAKS.matcher(s).replaceAll("\n");
            s = TAGS.matcher(s).replaceAll("");
            s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&amp;", "&");
            s = s.strip();
        }
        return s;
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
