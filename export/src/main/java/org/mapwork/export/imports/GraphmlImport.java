package org.mapwork.export.imports;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.export.format.AttributeText;
import org.mapwork.export.format.GraphmlExport;
import org.mapwork.model.ElementKind;
import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.ElementType;
import org.mapwork.model.schema.Schema;

/**
 * Reads GraphML: Mapwork's own (reopens as the same map), yEd's ({@code y:ShapeNode} geometry and labels), Gephi's
 * and networkx's ({@code label}, {@code x}, {@code y} keys). Keys named like an attribute of the element's type
 * become that attribute; others are reported as dropped. Streaming (StAX) with DTDs off, so errors carry a line.
 */
public final class GraphmlImport {

    private final ImportContext context;

    public GraphmlImport(ImportContext context) {
        this.context = context;
    }

    private record Key(String id, String forWhat, String name, String type, String yfilesType) {
    }

    private static final class Item {
        final boolean edge;
        final int line;
        final String id;
        String source;
        String target;
        final Map<String, String> data = new LinkedHashMap<>();
        String yLabel;
        double[] yGeometry;
        String yFill;

        Item(boolean edge, int line, String id) {
            this.edge = edge;
            this.line = line;
            this.id = id;
        }
    }

    public ImportResult read(String source, InputStream in) throws MapFormatException {
        Map<String, Key> keys = new HashMap<>();
        Map<String, String> graphData = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        XMLStreamReader r = null;
        try {
            r = SafeXml.inputFactory().createXMLStreamReader(in);
            boolean root = true;
            boolean sawGraph = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw new MapFormatException(source, where(r), "a DOCTYPE is not accepted in GraphML files (it could make the reader open other files)");
                }
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new MapFormatException(source, where(r), "entity references are not accepted");
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String ns = r.getNamespaceURI();
                String name = r.getLocalName();
                if (root && !name.equals("graphml")) {
                    throw new MapFormatException(source, where(r), "not a GraphML file: the root element is <" + name + ">");
                }
                root = false;
                if (!(GraphmlExport.GRAPHML_NS.equals(ns) || ns == null || ns.isEmpty())) {
                    continue;
                }
                switch (name) {
                    case "key" -> {
                        String id = attr(r, "id");
                        String attrName = attr(r, "attr.name");
                        keys.put(id, new Key(id, attr(r, "for"), attrName == null ? id : attrName, attr(r, "attr.type"),
                                attr(r, "yfiles.type")));
                    }
                    case "graph" -> {
                        if (sawGraph) {
                            throw new MapFormatException(source, where(r), "nested graphs (groups) are not supported yet; ungroup them first");
                        }
                        sawGraph = true;
                    }
                    case "node", "edge" -> {
                        boolean edge = name.equals("edge");
                        Item item = new Item(edge, r.getLocation().getLineNumber(), attr(r, "id"));
                        if (edge) {
                            item.source = attr(r, "source");
                            item.target = attr(r, "target");
                            if (item.source == null || item.target == null) {
                                throw new MapFormatException(source, where(r), "an edge needs a source and a target");
                            }
                        } else if (item.id == null) {
                            throw new MapFormatException(source, where(r), "a node needs an id");
                        }
                        items.add(item);
                        readItem(source, r, item, keys);
                    }
                    case "data" -> {
                        String key = attr(r, "key");
                        String text = ownText(r);
                        if (key != null) {
                            graphData.put(key, text);
                        }
                    }
                    default -> {
                    }
                }
            }
            if (!sawGraph) {
                throw new MapFormatException(source, "file", "the GraphML file has no <graph>");
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "file" : "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
            throw new MapFormatException(source, where, SafeXml.plain(firstLine(e.getMessage())), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader of a stream we do not own
                }
            }
        }
        return convert(source, keys, graphData, items);
    }

    /** Reads the children of one node or edge: its data, and yEd's label and geometry. */
    private static void readItem(String source, XMLStreamReader r, Item item, Map<String, Key> keys) throws XMLStreamException, MapFormatException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = r.getLocalName();
            String ns = r.getNamespaceURI();
            if (name.equals("data") && (GraphmlExport.GRAPHML_NS.equals(ns) || ns == null || ns.isEmpty())) {
                String key = attr(r, "key");
                Key k = keys.get(key);
                if (k != null && k.yfilesType() != null) {
                    // yEd's graphics: read its label, geometry and fill below
                    depth++;
                    continue;
                }
                item.data.put(key, ownText(r));
                continue;
            }
            if (GraphmlExport.YFILES_NS.equals(ns)) {
                switch (name) {
                    case "Geometry" -> {
                        if (item.yGeometry == null) {
                            item.yGeometry = new double[] {num(source, r, "x"), num(source, r, "y"), num(source, r, "width"), num(source, r, "height")};
                        }
                    }
                    case "Fill" -> {
                        if (item.yFill == null) {
                            item.yFill = attr(r, "color");
                        }
                    }
                    case "NodeLabel", "EdgeLabel" -> {
                        String text = ownText(r);
                        if (item.yLabel == null && !text.isBlank()) {
                            item.yLabel = text.strip();
                        }
                        continue;
                    }
                    default -> {
                    }
                }
            }
            if (name.equals("graph")) {
                throw new MapFormatException(source, where(r), "nested graphs (groups) are not supported yet; ungroup them first");
            }
            if (name.equals("NodeLabel") || name.equals("EdgeLabel")) {
                continue;
            }
            depth++;
        }
    }

    /** The text directly inside the current element (not inside its children); leaves the reader on its end tag. */
    private static String ownText(XMLStreamReader r) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (depth == 1 && (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                    || ev == XMLStreamConstants.SPACE)) {
                b.append(r.getText());
            } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("entity references are not accepted", r.getLocation());
            }
        }
        return b.toString();
    }

    private static double num(String source, XMLStreamReader r, String name) throws MapFormatException {
        String v = attr(r, name);
        if (v == null) {
            return 0;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new MapFormatException(source, where(r), "y:Geometry " + name + " is not a number: \"" + v + '"');
        }
    }

    private static String attr(XMLStreamReader r, String name) {
        return r.getAttributeValue(null, name);
    }

    private static String where(XMLStreamReader r) {
        return "line " + r.getLocation().getLineNumber() + ", column " + r.getLocation().getColumnNumber();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        int m = s.indexOf("Message: ");
        String text = m >= 0 ? s.substring(m + "Message: ".length()) : s;
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    // ----- to the native shape -----

    private ImportResult convert(String source, Map<String, Key> keys, Map<String, String> graphData, List<Item> items) throws MapFormatException {
        List<String> warnings = new ArrayList<>();
        Map<String, String> graph = byName(keys, graphData);
        String method = graph.getOrDefault("mapwork.method", null);
        if (method == null || context.schemas().schema(method).isEmpty()) {
            if (method != null) {
                warnings.add("the file's method \"" + method + "\" is unknown here; imported as " + context.methodId());
            }
            method = context.methodId();
        }
        Schema schema = context.schema(method, source);
        NativeTree tree;
        String id = graph.get("mapwork.id");
        String created = graph.get("mapwork.created");
        if (id != null && Ids.isValid(id) && created != null && parses(created)) {
            tree = new NativeTree(id, graph.getOrDefault("mapwork.title", context.titleFor(source)), method, Instant.parse(created));
        } else {
            tree = NativeTree.fresh(graph.getOrDefault("mapwork.title", context.titleFor(source)), method);
        }
        tree.within(source, context.limits());
        for (var e : graphData.entrySet()) {
            Key k = keys.get(e.getKey());
            if (k == null || k.name().startsWith("mapwork.")) {
                continue;
            }
            AttributeDef def = schema.mapAttributes().get(k.name());
            if (def == null) {
                warnings.add("graph data \"" + k.name() + "\" dropped: method " + method + " has no such map attribute");
                continue;
            }
            String text = GraphmlExport.fromXmlSafe(e.getValue());
            try {
                tree.attributes().set(k.name(), AttributeText.parse(def, text));
            } catch (IllegalArgumentException ex) {
                throw new MapFormatException(source, "graph data " + k.name(), ex.getMessage());
            }
        }
        // the map's own attributes, typed, decide which link types exist (Net-Map defines them per map)
        Map<String, org.mapwork.model.Value> typedMapValues = tree.header(source, context.schemas()).mapAttributes();
        Map<String, String> nodeIds = new HashMap<>();
        for (Item it : items) {
            if (!it.edge && Ids.isValid(it.id) && tree.claim(it.id)) {
                nodeIds.put(it.id, it.id);
            }
        }
        int placed = 0;
        StandInGrid grid = new StandInGrid((int) items.stream().filter(it -> !it.edge).count(), 10, 200, 120);
        for (Item it : items) {
            if (it.edge) {
                continue;
            }
            String origin = "line " + it.line + " (node " + it.id + ")";
            Map<String, String> d = byName(keys, it.data);
            String elementId = nodeIds.computeIfAbsent(it.id, x -> tree.id(x, "n"));
            ObjectNode o = tree.element(origin);
            o.put("id", elementId);
            String kindText = d.getOrDefault("mapwork.kind", "node");
            ElementKind kind = ElementKind.fromJson(kindText);
            if (kind == null || kind == ElementKind.LINK) {
                throw new MapFormatException(source, origin, "mapwork.kind must be node or annotation, got \"" + kindText + '"');
            }
            o.put("kind", kind.jsonName());
            String type = chooseType(schema, kind, d.get("type"), typedMapValues, warnings, origin);
            o.put("type", type);
            String label = d.containsKey("label") ? d.get("label") : it.yLabel != null ? it.yLabel : d.getOrDefault("name", "");
            o.put("label", GraphmlExport.fromXmlSafe(label));
            o.put("order", d.containsKey("mapwork.order") ? d.get("mapwork.order") : tree.nextOrder());
            double[] geo = geometry(source, origin, d, it.yGeometry, grid, placed++);
            ObjectNode g = o.putObject("geometry");
            g.put("x", geo[0]);
            g.put("y", geo[1]);
            g.put("width", geo[2]);
            g.put("height", geo[3]);
            if (d.containsKey("mapwork.points")) {
                ArrayNode pts = g.putArray("points");
                for (String p : d.get("mapwork.points").trim().split("\\s+")) {
                    String[] xy = p.split(",");
                    try {
                        pts.addArray().add(Double.parseDouble(xy[0])).add(Double.parseDouble(xy[1]));
                    } catch (RuntimeException ex) {
                        throw new MapFormatException(source, origin + ", mapwork.points", "expected x,y pairs, got \"" + p + '"');
                    }
                }
            }
            style(o, d);
            attributes(source, origin, o, schema.type(kind, type, typedMapValues), d, warnings);
        }
        Map<String, Item> edgesById = new LinkedHashMap<>();
        items.stream().filter(i -> i.edge && i.id != null).forEach(i -> edgesById.putIfAbsent(i.id, i));
        for (Item it : items) {
            if (!it.edge) {
                continue;
            }
            String origin = "line " + it.line + " (edge " + (it.id == null ? it.source + "→" + it.target : it.id) + ")";
            Map<String, String> d = byName(keys, it.data);
            Item forth = d.containsKey("mapwork.reverseOf") ? edgesById.get(d.get("mapwork.reverseOf")) : null;
            if (forth != null && forth != it && it.source.equals(forth.target) && it.target.equals(forth.source)) {
                continue; // the way back of a mutual link (GraphmlExport writes it for networkx): one link with its pair
            }
            ObjectNode o = tree.element(origin);
            String elementId = it.id != null && Ids.isValid(it.id) && tree.claim(it.id) ? it.id : tree.id(it.id, "l");
            o.put("id", elementId);
            o.put("kind", "link");
            String given = d.get("type");
            String type = given != null && schema.type(ElementKind.LINK, given, typedMapValues) == null && schema.mapDefinedLinkTypes() != null
                    ? tree.mapLinkType(schema, given)
                    : chooseType(schema, ElementKind.LINK, given, typedMapValues, warnings, origin);
            if (type == null || type.isEmpty()) {
                type = tree.defaultLinkType(schema);
            }
            o.put("type", type);
            String label = d.containsKey("label") ? d.get("label") : it.yLabel != null ? it.yLabel : "";
            if (!label.isEmpty()) {
                o.put("label", GraphmlExport.fromXmlSafe(label));
            }
            String s = nodeIds.get(it.source), t = nodeIds.get(it.target);
            if (s == null || t == null) {
                throw new MapFormatException(source, origin, "the edge's " + (s == null ? "source \"" + it.source : "target \"" + it.target) + "\" is not a node of this graph");
            }
            o.put("source", s);
            o.put("target", t);
            o.put("order", d.containsKey("mapwork.order") ? d.get("mapwork.order") : tree.nextOrder());
            style(o, d);
            attributes(source, origin, o, CsvImport.linkTypeOf(schema, type), d, warnings);
        }
        MapDocument doc = tree.read(source, context.schemas());
        return new ImportResult(doc, warnings);
    }

    private static boolean parses(String instant) {
        try {
            Instant.parse(instant);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The data of one item by key name ({@code attr.name}) instead of key id. */
    private static Map<String, String> byName(Map<String, Key> keys, Map<String, String> data) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : data.entrySet()) {
            Key k = keys.get(e.getKey());
            out.put(k == null ? e.getKey() : k.name(), e.getValue());
        }
        return out;
    }

    private static String chooseType(Schema schema, ElementKind kind, String given, Map<String, org.mapwork.model.Value> mapValues,
                                     List<String> warnings, String origin) {
        if (given != null && schema.type(kind, given, mapValues) != null) {
            return given;
        }
        List<String> names = schema.typeNames(kind, mapValues);
        String fallback = kind == ElementKind.ANNOTATION ? "text" : names.isEmpty() ? given : names.get(0);
        if (given != null && !given.isBlank()) {
            warnings.add(origin + ": type \"" + given + "\" is not a " + kind.jsonName() + " type of " + schema.methodId() + "; used " + fallback);
        }
        return fallback == null ? "" : fallback;
    }

    private static double[] geometry(String source, String origin, Map<String, String> d, double[] yGeometry, StandInGrid grid,
                                     int index) throws MapFormatException {
        double[] g = yGeometry != null ? yGeometry.clone() : new double[] {grid.x(index), grid.y(index), 160, 60};
        String[] names = {"x", "y", "width", "height"};
        for (int i = 0; i < 4; i++) {
            String v = d.get(names[i]);
            if (v != null) {
                try {
                    g[i] = Double.parseDouble(v.strip());
                } catch (NumberFormatException e) {
                    throw new MapFormatException(source, origin + ", " + names[i], "expected a number, got \"" + v + '"');
                }
            }
        }
        if (g[2] <= 0) {
            g[2] = 160;
        }
        if (g[3] <= 0) {
            g[3] = 60;
        }
        return g;
    }

    private static void style(ObjectNode o, Map<String, String> d) {
        String colour = d.get("mapwork.colour");
        String shape = d.get("mapwork.shape");
        if (colour != null || shape != null) {
            ObjectNode s = o.putObject("style");
            if (colour != null) {
                s.put("colour", colour);
            }
            if (shape != null) {
                s.put("shape", shape);
            }
        }
    }

    /** Key names that are fields of every element, not attributes. */
    private static final java.util.Set<String> FIELDS = java.util.Set.of("label", "type", "x", "y", "width", "height", "name");

    private static void attributes(String source, String origin, ObjectNode o, ElementType type, Map<String, String> d,
                                   List<String> warnings) throws MapFormatException {
        ObjectNode attrs = null;
        for (var e : d.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("mapwork.") || FIELDS.contains(name)) {
                continue;
            }
            if (name.startsWith("attribute.")) {
                name = name.substring("attribute.".length());
            }
            AttributeDef def = type == null ? null : type.attribute(name);
            if (def == null) {
                warnings.add(origin + ": \"" + name + "\" dropped (not an attribute of " + (type == null ? "this type" : type.name()) + ")");
                continue;
            }
            if (attrs == null) {
                attrs = o.putObject("attributes");
            }
            try {
                attrs.set(name, AttributeText.parse(def, GraphmlExport.fromXmlSafe(e.getValue())));
            } catch (IllegalArgumentException ex) {
                throw new MapFormatException(source, origin + ", " + name, ex.getMessage());
            }
        }
    }
}
