package org.mapwork.model.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Point;
import org.mapwork.model.Style;
import org.mapwork.model.Value;

/**
 * The native format, {@code NAME.mapwork.json}: pretty-printed with a stable key order, so that two saves of the same
 * map are byte-identical and a change shows as a small diff. Elements are written in draw order.
 */
public final class MapJson {

    public static final String FORMAT = "mapwork";
    public static final String EXTENSION = ".mapwork.json";

    /**
     * Limits for reading outside input: big enough for any real map, small enough to refuse a hostile file fast. The
     * document's length is {@link InputLimits}' file limit as the JVM started with it (a file on disk is checked
     * against the reader's own limits before it is opened; this holds a stream too).
     */
    public static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxDocumentLength(InputLimits.current().maxFileBytes())
            .maxNestingDepth(64)
            .maxStringLength(5_000_000)
            .maxNumberLength(64)
            .maxNameLength(1000)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = newReadingMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private MapJson() {
    }

    /**
     * A Jackson mapper for reading outside input: {@link #READ_LIMITS}, duplicate keys refused, no default typing.
     * Other modules reading JSON from outside (imports) should use this too.
     */
    public static ObjectMapper newReadingMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(READ_LIMITS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The document as native JSON text (ends with a newline). */
    public static String toJson(MapDocument doc) {
        return new String(toBytes(doc), StandardCharsets.UTF_8);
    }

    public static byte[] toBytes(MapDocument doc) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + 256 * doc.size());
        try {
            write(doc, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes the document as native JSON text (ending with a newline) and leaves {@code out} open. Element by element:
     * only one element is a JSON tree at a time, so a large map is not held a second and third time (as a tree of the
     * whole map and as its text) while it is written.
     */
    public static void write(MapDocument doc, OutputStream out) throws IOException {
        ObjectNode header = toTree(doc, false);
        try (JsonGenerator g = WRITER.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> field : header.properties()) {
                g.writeFieldName(field.getKey());
                g.writeTree(field.getValue());
            }
            g.writeFieldName("elements");
            g.writeStartArray();
            for (Element e : doc.inDrawOrder()) {
                g.writeTree(element(e));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    /** Writes the file atomically: to a temporary sibling first ({@link TemporarySibling}), then moved over the target. */
    public static void writeFile(MapDocument doc, Path file) throws IOException {
        try (TemporarySibling tmp = TemporarySibling.beside(file)) {
            try (OutputStream out = new java.io.BufferedOutputStream(tmp.output(), 1 << 16)) {
                write(doc, out);
            }
            keepOrOpenPermissions(tmp.path(), file);
            tmp.moveOver(file);
        }
    }

    /**
     * A temporary file is private (rw-------); the saved map should look like any other file the user saves: keep an
     * existing file's permissions, or give a new one rw-r--r--.
     */
    private static void keepOrOpenPermissions(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, permissions);
    }

    /** The document as a JSON tree, keys in the native order. */
    public static ObjectNode toTree(MapDocument doc) {
        return toTree(doc, true);
    }

    private static ObjectNode toTree(MapDocument doc, boolean withElements) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("version", MapDocument.FORMAT_VERSION);
        root.put("id", doc.id());
        root.put("title", doc.title());
        root.put("method", doc.methodId());
        root.put("created", doc.created().toString());
        if (!doc.mapAttributes().isEmpty()) {
            root.set("attributes", values(doc.mapAttributes()));
        }
        if (withElements) {
            ArrayNode elements = root.putArray("elements");
            for (Element e : doc.inDrawOrder()) {
                elements.add(element(e));
            }
        }
        return root;
    }

    /** One element as native JSON, as it appears in {@code $.elements}; also used by the library's change log. */
    public static ObjectNode element(Element e) {
        ObjectNode o = NODES.objectNode();
        o.put("id", e.id());
        o.put("kind", e.kind().jsonName());
        o.put("type", e.type());
        if (!e.label().isEmpty() || !e.isLink()) {
            o.put("label", e.label());
        }
        if (e.isLink()) {
            o.put("source", e.source());
            o.put("target", e.target());
        }
        o.put("order", e.order());
        if (!e.geometry().equals(Geometry.NONE)) {
            o.set("geometry", geometry(e.geometry()));
        }
        if (!e.style().equals(Style.DEFAULT)) {
            o.set("style", style(e.style()));
        }
        if (!e.attributes().isEmpty()) {
            o.set("attributes", values(e.attributes()));
        }
        return o;
    }

    /** A style as native JSON: only the fields that are set. */
    public static ObjectNode style(Style style) {
        ObjectNode s = NODES.objectNode();
        if (style.colour() != null) {
            s.put("colour", style.colour());
        }
        if (style.shape() != null) {
            s.put("shape", style.shape());
        }
        return s;
    }

    /** A geometry as native JSON. */
    public static ObjectNode geometry(Geometry g) {
        ObjectNode o = NODES.objectNode();
        o.set("x", number(g.x()));
        o.set("y", number(g.y()));
        o.set("width", number(g.width()));
        o.set("height", number(g.height()));
        if (!g.points().isEmpty()) {
            ArrayNode pts = o.putArray("points");
            for (Point p : g.points()) {
                pts.addArray().add(number(p.x())).add(number(p.y()));
            }
        }
        return o;
    }

    /** Whole numbers are written without a fraction, so files stay readable. */
    private static JsonNode number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return NODES.numberNode((long) d);
        }
        return NODES.numberNode(d);
    }

    private static ObjectNode values(Map<String, Value> values) {
        ObjectNode o = NODES.objectNode();
        values.forEach((k, v) -> o.set(k, value(v)));
        return o;
    }

    /** An attribute value as native JSON; reading it back needs its {@code AttributeDef}. */
    public static JsonNode value(Value v) {
        if (v instanceof Value.Text t) {
            return NODES.textNode(t.value());
        }
        if (v instanceof Value.Int i) {
            return NODES.numberNode(i.value());
        }
        if (v instanceof Value.Decimal d) {
            return NODES.numberNode(d.value());
        }
        if (v instanceof Value.Bool b) {
            return NODES.booleanNode(b.value());
        }
        if (v instanceof Value.Date d) {
            return NODES.textNode(d.value().toString());
        }
        if (v instanceof Value.TextList l) {
            ArrayNode a = NODES.arrayNode();
            l.values().forEach(a::add);
            return a;
        }
        Value.Rows r = (Value.Rows) v;
        ArrayNode a = NODES.arrayNode();
        for (Map<String, Value> row : r.rows()) {
            a.add(values(row));
        }
        return a;
    }

    static List<String> elementKeys() {
        return List.of("id", "kind", "type", "label", "source", "target", "order", "geometry", "style", "attributes");
    }
}
