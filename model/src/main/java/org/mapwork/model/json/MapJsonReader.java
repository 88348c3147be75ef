package org.mapwork.model.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.ElementKind;
import org.mapwork.model.Geometry;
import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Point;
import org.mapwork.model.Style;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.ElementType;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;

/**
 * Reads native map files strictly: every problem is reported with the file and a JSON path, e.g.
 * {@code map.mapwork.json: $.elements[12].attributes.influence: expected an integer ≥ 0, got "high"}.
 * Files of an older format version are migrated first; newer ones are refused with a clear message.
 */
public final class MapJsonReader {

    /** Migration steps, version N → N+1, in order. Version 1 is the first format: none yet. */
    public static final List<Migration> MIGRATIONS = List.of();

    private static final Set<String> ROOT_KEYS = Set.of("format", "version", "id", "title", "method", "created", "attributes", "elements");
    private static final Set<String> GEOMETRY_KEYS = Set.of("x", "y", "width", "height", "points");
    private static final Set<String> STYLE_KEYS = Set.of("colour", "shape");

    /** Reads one value of the file at a time; what follows it is the file's next value, not a trailing token. */
    private static final com.fasterxml.jackson.databind.ObjectReader VALUES = MapJson.mapper().reader()
            .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final SchemaRegistry schemas;
    private final List<Migration> migrations;
    private final int currentVersion;
    private InputLimits limits = InputLimits.current();

    public MapJsonReader(SchemaRegistry schemas) {
        this(schemas, MIGRATIONS, MapDocument.FORMAT_VERSION);
    }

    /** A reader with its own migration chain; {@code currentVersion} is the version the chain ends at. */
    public MapJsonReader(SchemaRegistry schemas, List<Migration> migrations, int currentVersion) {
        this.schemas = schemas;
        this.migrations = List.copyOf(migrations);
        this.currentVersion = currentVersion;
    }

    /** This reader, keeping {@code limits} instead of {@link InputLimits#current()}. */
    public MapJsonReader withLimits(InputLimits limits) {
        MapJsonReader r = new MapJsonReader(schemas, migrations, currentVersion);
        r.limits = limits;
        return r;
    }

    public MapDocument read(Path file) throws MapFormatException {
        String name = file.toString();
        limits.checkFileSize(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, in);
        } catch (NoSuchFileException e) {
            throw new MapFormatException(name, "file", "no such file");
        } catch (IOException e) {
            throw new MapFormatException(name, "file", "cannot read: " + e.getMessage(), e);
        }
    }

    public MapDocument read(String source, String json) throws MapFormatException {
        return read(source, new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Reads a map from a stream. The elements are turned into the model one at a time as the parser meets them, not
     * after a JSON tree of the whole file (a 200 MB map's tree took 3 GB): only the header and one element are a tree
     * at any moment, in the order Mapwork writes a file. A file in another order still reads the same.
     */
    public MapDocument read(String source, InputStream in) throws MapFormatException {
        JsonParser parser = null;
        try {
            parser = MapJson.mapper().getFactory().createParser(in);
            return new Walk(source).stream(parser);
        } catch (StreamConstraintsException e) {
            throw new MapFormatException(source, ReadLimitMessage.where(e, parser), ReadLimitMessage.of(e, parser), e);
        } catch (JsonProcessingException e) {
            throw new MapFormatException(source, where(e.getLocation()), "not valid JSON: " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new MapFormatException(source, "file", "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a document already parsed into a JSON tree (e.g. a map carried inside a network message), with the same
     * checks and messages as a file; locations are JSON paths from the tree's root ({@code $}).
     */
    public MapDocument read(String source, JsonNode root) throws MapFormatException {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new MapFormatException(source, "$", "no map");
        }
        return new Walk(source).document(root, false);
    }

    /**
     * As {@link #read(String, JsonNode)} for a tree the caller hands over and no longer needs (an import's): each
     * element is taken out of it once it is read, so that the tree of a large map and the map are never both whole.
     */
    public MapDocument readHandedOver(String source, JsonNode root) throws MapFormatException {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new MapFormatException(source, "$", "no map");
        }
        return new Walk(source).document(root, true);
    }

    /**
     * A reader for parts of the native format (an element, an attribute value, a geometry, a style) found inside
     * other JSON, such as the library's change log, with the same checks and messages as in a whole file.
     *
     * @param source the file or stream name used in messages
     */
    public Parts parts(String source) {
        return new Parts(new Walk(source));
    }

    /** Reads parts of the native format; see {@link #parts(String)}. */
    public static final class Parts {
        private final Walk walk;

        private Parts(Walk walk) {
            this.walk = walk;
        }

        /**
         * One element as it appears in {@code $.elements}.
         *
         * @param mapAttributes the map attributes of the document it belongs to (they may define link types)
         */
        public Element element(JsonNode node, String path, Schema schema, Map<String, Value> mapAttributes)
                throws MapFormatException {
            return walk.element(node, path, schema, mapAttributes);
        }

        /** One attribute value of the given definition. */
        public Value value(AttributeDef def, JsonNode node, String path) throws MapFormatException {
            return walk.value(def, node, path);
        }

        public Geometry geometry(JsonNode node, String path) throws MapFormatException {
            return walk.geometry(node, path);
        }

        public Style style(JsonNode node, String path) throws MapFormatException {
            return walk.style(node, path);
        }
    }

    private static String where(JsonLocation loc) {
        return loc == null ? "?" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** Jackson's message, first line only, with its "[Source: ...; line: L, column: C]" made readable. */
    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.replaceAll("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
    }

    /** One reading of one file; carries the source name for messages. */
    private final class Walk {
        private final String source;

        Walk(String source) {
            this.source = source;
        }

        MapFormatException error(String path, String problem) {
            return new MapFormatException(source, path, problem);
        }

        /** The whole map from a tree (migrated first when it is of an older format version). */
        MapDocument document(JsonNode node, boolean release) throws MapFormatException {
            ObjectNode root = migrate(object(node, "$"), version(object(node, "$")));
            ReadElements.Header header = header(root);
            JsonNode elementsNode = root.get("elements");
            if (elementsNode == null || !elementsNode.isArray()) {
                throw error("$.elements", "expected an array of elements, got " + describe(elementsNode));
            }
            ReadElements elements = new ReadElements(source, header);
            for (int i = 0; i < elementsNode.size(); i++) {
                limits.checkElementCount(source, "$.elements[" + i + "]", i);
                elements.add(i, element(elementsNode.get(i), "$.elements[" + i + "]", header.schema(), header.mapValues()));
                if (release) {
                    ((ArrayNode) elementsNode).set(i, com.fasterxml.jackson.databind.node.NullNode.instance);
                }
            }
            return elements.document();
        }

        /**
         * The whole map from a parser standing before the file's first token. Each element is made as soon as it is
         * read when the header before it says all it needs (format, version, method, and for a method whose maps
         * define their link types, the map's attributes); an element that comes before what it needs is kept as a
         * tree until the end. A file of an older version is read as a tree and migrated.
         */
        MapDocument stream(JsonParser p) throws IOException, MapFormatException {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw error("$", "the file is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                return document(VALUES.<JsonNode>readTree(p), true); // says what the file holds instead of an object
            }
            ObjectNode root = MapJson.mapper().getNodeFactory().objectNode();
            ReadElements elements = null;
            Map<Integer, JsonNode> waiting = new java.util.TreeMap<>();
            boolean elementsRead = false;
            int count = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (!key.equals("elements") || value != JsonToken.START_ARRAY) {
                    root.set(key, VALUES.<JsonNode>readTree(p));
                    continue;
                }
                root.putArray("elements");
                elementsRead = true;
                ReadElements.Header header = ready(root);
                if (header != null) {
                    elements = new ReadElements(source, header);
                }
                boolean linkTypesKnown = header != null && (root.has("attributes") || header.schema().mapDefinedLinkTypes() == null);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String path = "$.elements[" + count + "]";
                    limits.checkElementCount(source, path, count);
                    JsonNode e = VALUES.<JsonNode>readTree(p);
                    if (header != null && (linkTypesKnown || !"link".equals(e.path("kind").asText()))) {
                        elements.add(count, element(e, path, header.schema(), header.mapValues()));
                    } else {
                        waiting.put(count, e);
                    }
                    count++;
                }
            }
            if (p.nextToken() != null) {
                throw error(where(p.currentTokenLocation()), "more follows the map's closing brace; a map file holds one JSON object");
            }
            if (elements == null) {
                // the header came after the elements, or the file is of an older version: read it whole, as a tree
                if (elementsRead) {
                    ArrayNode all = root.putArray("elements");
                    waiting.values().forEach(all::add);
                }
                return document(root, true);
            }
            ReadElements.Header header = header(root); // every key, also those after the elements
            for (Map.Entry<Integer, JsonNode> w : waiting.entrySet()) {
                elements.add(w.getKey(), element(w.getValue(), "$.elements[" + w.getKey() + "]", header.schema(), header.mapValues()));
            }
            return elements.withHeader(header).document();
        }

        /** The header when everything the elements need has come before them, in the current version; else null. */
        private ReadElements.Header ready(ObjectNode soFar) throws MapFormatException {
            for (String key : List.of("format", "version", "id", "title", "method", "created")) {
                if (!soFar.has(key)) {
                    return null;
                }
            }
            return version(soFar) == currentVersion ? header(soFar) : null;
        }

        /** The format's name and version, checked: a map file, of a version this reader reads. */
        private int version(ObjectNode root) throws MapFormatException {
            String format = root.path("format").isTextual() ? root.get("format").asText() : null;
            if (!MapJson.FORMAT.equals(format)) {
                throw error("$.format", "expected \"" + MapJson.FORMAT + "\" (a Mapwork map), got "
                        + (root.has("format") ? describe(root.get("format")) : "no format key"));
            }
            JsonNode versionNode = root.get("version");
            if (versionNode == null || !versionNode.canConvertToInt() || !versionNode.isIntegralNumber()) {
                throw error("$.version", "expected a whole format version, got " + describe(versionNode));
            }
            int version = versionNode.intValue();
            if (version > currentVersion) {
                throw error("$.version", "this file is format version " + version + ", written by a newer Mapwork; this one reads up to version "
                        + currentVersion + ". Update Mapwork to open it.");
            }
            if (version < 1) {
                throw error("$.version", "expected a format version 1.." + currentVersion + ", got " + version);
            }
            return version;
        }

        /** Everything of a map but its elements, checked: keys, id, title, method, creation time, map attributes. */
        private ReadElements.Header header(ObjectNode root) throws MapFormatException {
            version(root);
            checkKeys(root, "$", ROOT_KEYS);
            String id = text(root, "$", "id", true);
            if (!Ids.isValid(id)) {
                throw error("$.id", "expected an id of letters, digits and -_.:, got " + describe(root.get("id")));
            }
            String title = text(root, "$", "title", true);
            String brokenTitle = org.mapwork.model.Unicode.problem(title);
            if (brokenTitle != null) {
                throw error("$.title", brokenTitle);
            }
            String method = text(root, "$", "method", true);
            Schema schema = schemas.schema(method).orElseThrow(() ->
                    error("$.method", "unknown method \"" + method + "\"; known: " + schemas.methodIds()));
            Instant created;
            String createdText = text(root, "$", "created", true);
            try {
                created = Instant.parse(createdText);
            } catch (DateTimeParseException e) {
                throw error("$.created", "expected a UTC time like 2026-11-22T09:30:00Z, got \"" + createdText + '"');
            }
            List<Change> changes = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            // map attributes first: elements' options and link types depend on them
            Map<String, Value> mapValues = new LinkedHashMap<>();
            JsonNode attrs = root.get("attributes");
            if (attrs != null) {
                ObjectNode attrObj = object(attrs, "$.attributes");
                Iterator<Map.Entry<String, JsonNode>> it = attrObj.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> f = it.next();
                    String path = "$.attributes." + f.getKey();
                    AttributeDef def = schema.mapAttributes().get(f.getKey());
                    if (def == null) {
                        throw error(path, "method " + method + " has no map attribute \"" + f.getKey() + "\"; known: "
                                + schema.mapAttributes().keySet());
                    }
                    Value v = value(def, f.getValue(), path);
                    changes.add(Change.setMapAttribute(f.getKey(), v));
                    paths.add(path);
                    mapValues.put(f.getKey(), v);
                }
            }
            return new ReadElements.Header(MapDocument.empty(id, title, method, created), schema, changes, paths, mapValues);
        }

        private ObjectNode migrate(ObjectNode root, int version) throws MapFormatException {
            // a migration changes the tree: never the caller's (a tree handed to read(source, JsonNode))
            ObjectNode tree = version < currentVersion ? root.deepCopy() : root;
            for (int v = version; v < currentVersion; v++) {
                final int from = v;
                Migration step = migrations.stream().filter(m -> m.from() == from).findFirst().orElseThrow(() ->
                        error("$.version", "no migration from format version " + from + " to " + (from + 1)));
                tree = step.migrate(tree);
                tree.put("version", from + 1);
            }
            return tree;
        }

        private Element element(JsonNode node, String path, Schema schema, Map<String, Value> mapValues) throws MapFormatException {
            ObjectNode o = object(node, path);
            checkKeys(o, path, Set.copyOf(MapJson.elementKeys()));
            String id = text(o, path, "id", true);
            String kindText = text(o, path, "kind", true);
            ElementKind kind = ElementKind.fromJson(kindText);
            if (kind == null) {
                throw error(path + ".kind", "expected node, link or annotation, got \"" + kindText + '"');
            }
            String type = text(o, path, "type", true);
            ElementType elementType = schema.type(kind, type, mapValues);
            if (elementType == null) {
                throw error(path + ".type", "unknown " + kind.jsonName() + " type \"" + type + "\" in method "
                        + schema.methodId() + "; known: " + schema.typeNames(kind, mapValues));
            }
            String label = o.has("label") ? text(o, path, "label", true) : "";
            String order = text(o, path, "order", true);
            String source = null, target = null;
            if (kind == ElementKind.LINK) {
                source = text(o, path, "source", true);
                target = text(o, path, "target", true);
            } else if (o.has("source") || o.has("target")) {
                throw error(path + (o.has("source") ? ".source" : ".target"), "only links have a source and a target");
            }
            Geometry geometry = o.has("geometry") ? geometry(o.get("geometry"), path + ".geometry") : Geometry.NONE;
            Style style = o.has("style") ? style(o.get("style"), path + ".style") : Style.DEFAULT;
            Map<String, Value> attributes = new LinkedHashMap<>();
            if (o.has("attributes")) {
                ObjectNode a = object(o.get("attributes"), path + ".attributes");
                Iterator<Map.Entry<String, JsonNode>> it = a.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> f = it.next();
                    String apath = path + ".attributes." + f.getKey();
                    AttributeDef def = elementType.attribute(f.getKey());
                    if (def == null) {
                        throw error(apath, "type " + type + " has no attribute \"" + f.getKey() + "\"; known: "
                                + elementType.attributes().stream().map(AttributeDef::name).toList());
                    }
                    attributes.put(f.getKey(), value(def, f.getValue(), apath));
                }
            }
            return new Element(id, kind, type, label, attributes, geometry, style, order, source, target);
        }

        private Style style(JsonNode node, String path) throws MapFormatException {
            ObjectNode s = object(node, path);
            checkKeys(s, path, STYLE_KEYS);
            return new Style(text(s, path, "colour", false), text(s, path, "shape", false));
        }

        private Geometry geometry(JsonNode node, String path) throws MapFormatException {
            ObjectNode o = object(node, path);
            checkKeys(o, path, GEOMETRY_KEYS);
            double x = number(o, path, "x"), y = number(o, path, "y");
            double w = number(o, path, "width"), h = number(o, path, "height");
            List<Point> points = new ArrayList<>();
            JsonNode pts = o.get("points");
            if (pts != null) {
                if (!pts.isArray()) {
                    throw error(path + ".points", "expected an array of [x, y] pairs, got " + describe(pts));
                }
                for (int i = 0; i < pts.size(); i++) {
                    JsonNode p = pts.get(i);
                    if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                        throw error(path + ".points[" + i + "]", "expected an [x, y] pair of numbers, got " + describe(p));
                    }
                    points.add(new Point(p.get(0).doubleValue(), p.get(1).doubleValue()));
                }
            }
            return new Geometry(x, y, w, h, points);
        }

        private double number(ObjectNode o, String path, String key) throws MapFormatException {
            JsonNode n = o.get(key);
            if (n == null) {
                return 0;
            }
            if (!n.isNumber()) {
                throw error(path + "." + key, "expected a number, got " + describe(n));
            }
            return n.doubleValue();
        }

        /** Reads one attribute value as its definition says, then checks its range and options. */
        private Value value(AttributeDef def, JsonNode n, String path) throws MapFormatException {
            Value v = rawValue(def, n, path);
            return v;
        }

        private Value rawValue(AttributeDef def, JsonNode n, String path) throws MapFormatException {
            String expected = "expected " + def.expectation() + ", got " + describe(n);
            switch (def.type()) {
                case TEXT, LONG_TEXT, ENUM -> {
                    if (!n.isTextual()) {
                        throw error(path, expected);
                    }
                    return new Value.Text(n.textValue());
                }
                case INTEGER -> {
                    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                        throw error(path, expected);
                    }
                    return new Value.Int(n.longValue());
                }
                case DECIMAL -> {
                    if (!n.isNumber()) {
                        throw error(path, expected);
                    }
                    return new Value.Decimal(n.doubleValue());
                }
                case BOOLEAN -> {
                    if (!n.isBoolean()) {
                        throw error(path, expected);
                    }
                    return new Value.Bool(n.booleanValue());
                }
                case DATE -> {
                    if (!n.isTextual()) {
                        throw error(path, expected);
                    }
                    try {
                        return new Value.Date(LocalDate.parse(n.textValue()));
                    } catch (DateTimeParseException e) {
                        throw error(path, expected);
                    }
                }
                case MULTI_ENUM -> {
                    if (!n.isArray()) {
                        throw error(path, expected);
                    }
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < n.size(); i++) {
                        if (!n.get(i).isTextual()) {
                            throw error(path + "[" + i + "]", "expected an option name, got " + describe(n.get(i)));
                        }
                        values.add(n.get(i).textValue());
                    }
                    return new Value.TextList(values);
                }
                case ROWS -> {
                    if (!n.isArray()) {
                        throw error(path, expected);
                    }
                    List<Map<String, Value>> rows = new ArrayList<>();
                    for (int i = 0; i < n.size(); i++) {
                        String rpath = path + "[" + i + "]";
                        ObjectNode row = object(n.get(i), rpath);
                        Map<String, Value> cells = new LinkedHashMap<>();
                        Iterator<Map.Entry<String, JsonNode>> it = row.fields();
                        while (it.hasNext()) {
                            Map.Entry<String, JsonNode> f = it.next();
                            AttributeDef col = def.column(f.getKey());
                            if (col == null) {
                                throw error(rpath + "." + f.getKey(), "unknown column; known: "
                                        + def.columns().stream().map(AttributeDef::name).toList());
                            }
                            cells.put(f.getKey(), rawValue(col, f.getValue(), rpath + "." + f.getKey()));
                        }
                        rows.add(cells);
                    }
                    return new Value.Rows(rows);
                }
                default -> throw new AssertionError(def.type());
            }
        }

        private ObjectNode object(JsonNode n, String path) throws MapFormatException {
            if (n == null || !n.isObject()) {
                throw error(path, "expected an object, got " + describe(n));
            }
            return (ObjectNode) n;
        }

        private String text(ObjectNode o, String path, String key, boolean required) throws MapFormatException {
            JsonNode n = o.get(key);
            if (n == null || n.isNull()) {
                if (required) {
                    throw error(path + "." + key, "missing; expected a string");
                }
                return null;
            }
            if (!n.isTextual()) {
                throw error(path + "." + key, "expected a string, got " + describe(n));
            }
            return n.textValue();
        }

        private void checkKeys(ObjectNode o, String path, Set<String> known) throws MapFormatException {
            Iterator<String> names = o.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                if (!known.contains(k)) {
                    throw error(path + "." + k, "unknown key; expected one of " + new java.util.TreeSet<>(known));
                }
            }
        }
    }

    /** A short rendering of a JSON value for messages. */
    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
