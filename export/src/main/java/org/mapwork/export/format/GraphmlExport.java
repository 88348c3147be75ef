package org.mapwork.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Point;
import org.mapwork.model.Value;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.LinkLook;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.NodeLook;
import org.mapwork.templates.Presentation;

/**
 * The map as GraphML for yEd, Gephi, networkx and Cytoscape: every attribute is a declared {@code <key>} with a
 * type; positions and sizes are the keys {@code x}, {@code y}, {@code width}, {@code height} (Gephi) and yEd's
 * {@code y:ShapeNode} geometry, fill and label. The map header and Mapwork's own fields ({@code mapwork.*}) make
 * the file reopen as the same map.
 *
 * <p>The graph is directed, and every edge in it is too: a mutual link (conflict, partnership) is written as two
 * edges, one each way, the second naming the first in {@code mapwork.reverseOf}, and both say
 * {@code mapwork.directed=false}. networkx refuses undirected edges in a directed graph, and a pair is what its
 * directed measures (and Gephi's) need to treat the tie as going both ways; reading the file back joins the pair
 * into one link again (docs/adr/0011-mutual-links-in-graphml.md).
 *
 * <p>XML 1.0 cannot carry control characters; a text holding one (or starting with {@value #BASE64_PREFIX}) is
 * written as {@value #BASE64_PREFIX} and its UTF-8 in base64, so nothing is lost.
 */
public final class GraphmlExport {

    public static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
    public static final String YFILES_NS = "http://www.yworks.com/xml/graphml";
    public static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String BASE64_PREFIX = "base64:";

    /** Key ids of the fields every node and edge has. */
    static final List<String> NODE_FIELDS = List.of("label", "type", "kind", "x", "y", "width", "height", "colour", "shape", "order", "points");
    static final List<String> EDGE_FIELDS = List.of("label", "type", "colour", "order", "directed", "reverseOf");

    private final Function<String, Optional<MethodTemplate>> methods;

    public GraphmlExport(Function<String, Optional<MethodTemplate>> methods) {
        this.methods = methods;
    }

    public void write(MapDocument doc, OutputStream out) throws IOException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            write(doc, w);
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write GraphML: " + e.getMessage(), e);
        }
    }

    private void write(MapDocument doc, XMLStreamWriter w) throws XMLStreamException {
        Optional<MethodTemplate> method = methods.apply(doc.methodId());
        Presentation look = method.map(MethodTemplate::presentation).orElse(null);
        Schema schema = method.map(MethodTemplate::schema).orElse(null);
        List<Element> nodes = new ArrayList<>();
        List<Element> links = new ArrayList<>();
        for (Element e : doc.inDrawOrder()) {
            (e.isLink() ? links : nodes).add(e);
        }
        Map<String, String> nodeAttrTypes = attributeTypes(nodes);
        Map<String, String> edgeAttrTypes = attributeTypes(links);
        Map<String, String> graphAttrTypes = attributeTypes(doc.mapAttributes());

        w.writeStartDocument("UTF-8", "1.0");
        nl(w, 0);
        w.setDefaultNamespace(GRAPHML_NS);
        w.writeStartElement(GRAPHML_NS, "graphml");
        w.writeDefaultNamespace(GRAPHML_NS);
        w.writeNamespace("xsi", XSI_NS);
        w.writeNamespace("y", YFILES_NS);
        w.writeAttribute(XSI_NS, "schemaLocation",
                GRAPHML_NS + " http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd");
        for (String k : List.of("id", "title", "method", "created", "version")) {
            key(w, "g.mapwork." + k, "graph", "mapwork." + k, k.equals("version") ? "int" : "string");
        }
        for (var e : graphAttrTypes.entrySet()) {
            key(w, "g." + e.getKey(), "graph", e.getKey(), e.getValue());
        }
        for (String f : NODE_FIELDS) {
            key(w, "n." + f, "node", fieldName(f), fieldType(f));
        }
        for (var e : nodeAttrTypes.entrySet()) {
            key(w, "na." + e.getKey(), "node", attributeName(e.getKey(), NODE_FIELDS), e.getValue());
        }
        for (String f : EDGE_FIELDS) {
            key(w, "e." + f, "edge", fieldName(f), f.equals("directed") ? "boolean" : "string");
        }
        for (var e : edgeAttrTypes.entrySet()) {
            key(w, "ea." + e.getKey(), "edge", attributeName(e.getKey(), EDGE_FIELDS), e.getValue());
        }
        nl(w, 1);
        w.writeEmptyElement(GRAPHML_NS, "key");
        w.writeAttribute("id", "y.nodegraphics");
        w.writeAttribute("for", "node");
        w.writeAttribute("yfiles.type", "nodegraphics");
        nl(w, 1);
        w.writeEmptyElement(GRAPHML_NS, "key");
        w.writeAttribute("id", "y.edgegraphics");
        w.writeAttribute("for", "edge");
        w.writeAttribute("yfiles.type", "edgegraphics");

        nl(w, 1);
        w.writeStartElement(GRAPHML_NS, "graph");
        w.writeAttribute("id", doc.id());
        w.writeAttribute("edgedefault", "directed");
        data(w, 2, "g.mapwork.id", doc.id());
        data(w, 2, "g.mapwork.title", doc.title());
        data(w, 2, "g.mapwork.method", doc.methodId());
        data(w, 2, "g.mapwork.created", doc.created().toString());
        data(w, 2, "g.mapwork.version", Integer.toString(MapDocument.FORMAT_VERSION));
        for (var e : doc.mapAttributes().entrySet()) {
            data(w, 2, "g." + e.getKey(), AttributeText.toText(e.getValue()));
        }
        for (Element n : nodes) {
            nl(w, 2);
            w.writeStartElement(GRAPHML_NS, "node");
            w.writeAttribute("id", n.id());
            Geometry g = n.geometry();
            data(w, 3, "n.label", n.label());
            data(w, 3, "n.type", n.type());
            data(w, 3, "n.kind", n.kind().jsonName());
            data(w, 3, "n.x", AttributeText.decimal(g.x()));
            data(w, 3, "n.y", AttributeText.decimal(g.y()));
            data(w, 3, "n.width", AttributeText.decimal(g.width()));
            data(w, 3, "n.height", AttributeText.decimal(g.height()));
            if (n.style().colour() != null) {
                data(w, 3, "n.colour", n.style().colour());
            }
            if (n.style().shape() != null) {
                data(w, 3, "n.shape", n.style().shape());
            }
            data(w, 3, "n.order", n.order());
            if (!g.points().isEmpty()) {
                data(w, 3, "n.points", points(g.points()));
            }
            for (var a : n.attributes().entrySet()) {
                data(w, 3, "na." + a.getKey(), AttributeText.toText(a.getValue()));
            }
            if (n.isNode()) {
                shapeNode(w, doc, n, look);
            }
            nl(w, 2);
            w.writeEndElement();
        }
        for (Element l : links) {
            boolean directed = directed(doc, schema, look, l);
            edge(w, doc, look, l, l.id(), l.source(), l.target(), directed, null);
            if (!directed) {
                edge(w, doc, look, l, reverseId(doc, l), l.target(), l.source(), false, l.id());
            }
        }
        nl(w, 1);
        w.writeEndElement();
        nl(w, 0);
        w.writeEndElement();
        nl(w, 0);
        w.writeEndDocument();
    }

    /** One edge of a link: the link itself, or (with {@code reverseOf}) the way back of a mutual one. */
    private static void edge(XMLStreamWriter w, MapDocument doc, Presentation look, Element l, String id, String source,
            String target, boolean directed, String reverseOf) throws XMLStreamException {
        nl(w, 2);
        w.writeStartElement(GRAPHML_NS, "edge");
        w.writeAttribute("id", id);
        w.writeAttribute("source", source);
        w.writeAttribute("target", target);
        if (!l.label().isEmpty()) {
            data(w, 3, "e.label", l.label());
        }
        data(w, 3, "e.type", l.type());
        if (l.style().colour() != null) {
            data(w, 3, "e.colour", l.style().colour());
        }
        if (reverseOf == null) {
            data(w, 3, "e.order", l.order());
        }
        data(w, 3, "e.directed", Boolean.toString(directed));
        if (reverseOf != null) {
            data(w, 3, "e.reverseOf", reverseOf);
        }
        for (var a : l.attributes().entrySet()) {
            data(w, 3, "ea." + a.getKey(), AttributeText.toText(a.getValue()));
        }
        polyLineEdge(w, doc, l, look, directed);
        nl(w, 2);
        w.writeEndElement();
    }

    /** An id for a mutual link's way back that no element of the map has. */
    private static String reverseId(MapDocument doc, Element l) {
        String id = l.id() + ".back";
        while (doc.element(id) != null) {
            id += "_";
        }
        return id;
    }

    private static boolean directed(MapDocument doc, Schema schema, Presentation look, Element link) {
        if (schema != null) {
            var t = schema.linkTypesOf(doc.mapAttributes()).get(link.type());
            if (t != null) {
                return t.directed();
            }
        }
        return look == null || look.linkLook(doc, link).directed();
    }

    private static String fieldName(String f) {
        return f.equals("label") || f.equals("x") || f.equals("y") || f.equals("width") || f.equals("height")
                || f.equals("type") ? f : "mapwork." + f;
    }

    private static String fieldType(String f) {
        return switch (f) {
            case "x", "y", "width", "height" -> "double";
            default -> "string";
        };
    }

    /** Attributes keep their own name unless it would clash with a field's. */
    private static String attributeName(String name, List<String> fields) {
        return fields.stream().anyMatch(f -> fieldName(f).equals(name)) ? "attribute." + name : name;
    }

    private static String points(List<Point> points) {
        StringBuilder b = new StringBuilder();
        for (Point p : points) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(AttributeText.decimal(p.x())).append(',').append(AttributeText.decimal(p.y()));
        }
        return b.toString();
    }

    /** GraphML type per attribute name: the value kind when all agree, text otherwise. */
    private static Map<String, String> attributeTypes(List<Element> elements) {
        Map<String, String> types = new TreeMap<>();
        for (Element e : elements) {
            merge(types, e.attributes());
        }
        return types;
    }

    private static Map<String, String> attributeTypes(Map<String, Value> values) {
        Map<String, String> types = new TreeMap<>();
        merge(types, values);
        return types;
    }

    private static void merge(Map<String, String> types, Map<String, Value> values) {
        for (var a : values.entrySet()) {
            String t = a.getValue() instanceof Value.Int ? "long"
                    : a.getValue() instanceof Value.Decimal ? "double"
                    : a.getValue() instanceof Value.Bool ? "boolean" : "string";
            types.merge(a.getKey(), t, (x, y) -> x.equals(y) ? x : "string");
        }
    }

    private static void key(XMLStreamWriter w, String id, String forWhat, String name, String type) throws XMLStreamException {
        nl(w, 1);
        w.writeEmptyElement(GRAPHML_NS, "key");
        w.writeAttribute("id", id);
        w.writeAttribute("for", forWhat);
        w.writeAttribute("attr.name", name);
        w.writeAttribute("attr.type", type);
    }

    private static void data(XMLStreamWriter w, int indent, String key, String value) throws XMLStreamException {
        nl(w, indent);
        w.writeStartElement(GRAPHML_NS, "data");
        w.writeAttribute("key", key);
        w.writeCharacters(xmlSafe(value));
        w.writeEndElement();
    }

    /** The text itself, or {@value #BASE64_PREFIX} + base64 when XML 1.0 cannot carry it (see the class comment). */
    public static String xmlSafe(String s) {
        boolean ok = !s.startsWith(BASE64_PREFIX);
        for (int i = 0; ok && i < s.length(); ) {
            int c = s.codePointAt(i);
            ok = c == 0x9 || c == 0xA || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            // \r would come back as \n after XML line-end normalisation
            ok &= c != 0xD;
            i += Character.charCount(c);
        }
        return ok ? s : BASE64_PREFIX + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The inverse of {@link #xmlSafe}. */
    public static String fromXmlSafe(String s) {
        if (s.startsWith(BASE64_PREFIX)) {
            try {
                return new String(Base64.getDecoder().decode(s.substring(BASE64_PREFIX.length()).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return s;
            }
        }
        return s;
    }

    private static final Map<String, String> YED_SHAPES = new LinkedHashMap<>();

    static {
        YED_SHAPES.put("rectangle", "rectangle");
        YED_SHAPES.put("rounded", "roundrectangle");
        YED_SHAPES.put("ellipse", "ellipse");
        YED_SHAPES.put("circle", "ellipse");
        YED_SHAPES.put("diamond", "diamond");
        YED_SHAPES.put("hexagon", "hexagon");
        YED_SHAPES.put("note", "rectangle");
        YED_SHAPES.put("cloud", "ellipse");
    }

    private static void shapeNode(XMLStreamWriter w, MapDocument doc, Element n, Presentation look) throws XMLStreamException {
        NodeLook nl = look == null ? null : look.nodeLook(doc, n);
        String fill = n.style().colour() != null ? n.style().colour() : nl != null ? nl.fill() : "#eeeeee";
        String stroke = nl != null && nl.stroke() != null ? nl.stroke() : "#555555";
        String shape = n.style().shape() != null ? n.style().shape() : nl != null ? nl.shape() : "rectangle";
        Geometry g = n.geometry();
        nl(w, 3);
        w.writeStartElement(GRAPHML_NS, "data");
        w.writeAttribute("key", "y.nodegraphics");
        nl(w, 4);
        w.writeStartElement(YFILES_NS, "ShapeNode");
        nl(w, 5);
        w.writeEmptyElement(YFILES_NS, "Geometry");
        w.writeAttribute("x", AttributeText.decimal(g.x()));
        w.writeAttribute("y", AttributeText.decimal(g.y()));
        w.writeAttribute("width", AttributeText.decimal(g.width()));
        w.writeAttribute("height", AttributeText.decimal(g.height()));
        nl(w, 5);
        w.writeEmptyElement(YFILES_NS, "Fill");
        w.writeAttribute("color", upper(fill));
        w.writeAttribute("transparent", "false");
        nl(w, 5);
        w.writeEmptyElement(YFILES_NS, "BorderStyle");
        w.writeAttribute("color", upper(stroke));
        w.writeAttribute("type", "line");
        w.writeAttribute("width", "1.5");
        nl(w, 5);
        w.writeStartElement(YFILES_NS, "NodeLabel");
        w.writeCharacters(xmlSafe(n.label()));
        w.writeEndElement();
        nl(w, 5);
        w.writeEmptyElement(YFILES_NS, "Shape");
        w.writeAttribute("type", YED_SHAPES.getOrDefault(shape, "rectangle"));
        nl(w, 4);
        w.writeEndElement();
        nl(w, 3);
        w.writeEndElement();
    }

    private static void polyLineEdge(XMLStreamWriter w, MapDocument doc, Element l, Presentation look, boolean directed) throws XMLStreamException {
        LinkLook ll = look == null ? null : look.linkLook(doc, l);
        String colour = l.style().colour() != null ? l.style().colour() : ll != null ? ll.colour() : "#555555";
        String dash = ll == null || ll.dash() == null ? "line" : switch (ll.dash()) {
            case "dashed" -> "dashed";
            case "dotted" -> "dotted";
            default -> "line";
        };
        nl(w, 3);
        w.writeStartElement(GRAPHML_NS, "data");
        w.writeAttribute("key", "y.edgegraphics");
        nl(w, 4);
        w.writeStartElement(YFILES_NS, "PolyLineEdge");
        nl(w, 5);
        w.writeEmptyElement(YFILES_NS, "LineStyle");
        w.writeAttribute("color", upper(colour));
        w.writeAttribute("type", dash);
        w.writeAttribute("width", AttributeText.decimal(ll == null ? 1.5 : ll.width()));
        nl(w, 5);
        w.writeEmptyElement(YFILES_NS, "Arrows");
        w.writeAttribute("source", "none");
        w.writeAttribute("target", directed ? "standard" : "none");
        if (!l.label().isEmpty()) {
            nl(w, 5);
            w.writeStartElement(YFILES_NS, "EdgeLabel");
            w.writeCharacters(xmlSafe(l.label()));
            w.writeEndElement();
        }
        nl(w, 4);
        w.writeEndElement();
        nl(w, 3);
        w.writeEndElement();
    }

    private static String upper(String colour) {
        return colour == null ? "#555555" : colour.toUpperCase(java.util.Locale.ROOT);
    }

    private static void nl(XMLStreamWriter w, int indent) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(indent));
    }
}
