package org.mapwork.export.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.export.format.AttributeText;
import org.mapwork.model.ElementKind;
import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.ElementType;
import org.mapwork.model.schema.Schema;

/**
 * Reads Kumu JSON: the import shape ({@code elements} with {@code label} and {@code type}, {@code connections} with
 * {@code from} and {@code to} naming elements by label or id) and Kumu's own export ({@code _id} and an
 * {@code attributes} object with {@code label}, {@code element type}, {@code connection type}). Fields named like an
 * attribute of the element's type become that attribute. Read with Mapwork's limits on outside JSON.
 */
public final class KumuImport {

    private static final Set<String> ELEMENT_FIELDS = Set.of("_id", "id", "label", "type", "element type", "x", "y");
    private static final Set<String> CONNECTION_FIELDS = Set.of("_id", "id", "from", "to", "type", "connection type", "direction", "label");

    private final ImportContext context;

    public KumuImport(ImportContext context) {
        this.context = context;
    }

    public ImportResult read(String source, InputStream in) throws MapFormatException {
        JsonNode root;
        com.fasterxml.jackson.core.JsonParser parser = null;
        try {
            var mapper = MapJson.newReadingMapper();
            parser = mapper.getFactory().createParser(in);
            root = mapper.readTree(parser);
        } catch (StreamConstraintsException e) {
            throw new MapFormatException(source, org.mapwork.model.json.ReadLimitMessage.where(e, parser),
                    org.mapwork.model.json.ReadLimitMessage.of(e, parser), e);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new MapFormatException(source, loc == null ? "file" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MapFormatException(source, "file", "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("elements").isArray()) {
            throw new MapFormatException(source, "$.elements", "not a Kumu file: expected an object with an \"elements\" array");
        }
        Set<String> warnings = new LinkedHashSet<>();
        JsonNode header = root.path("mapwork");
        String method = header.path("method").asText(null);
        if (method == null || context.schemas().schema(method).isEmpty()) {
            if (method != null) {
                warnings.add("the map's method \"" + method + "\" is unknown here; imported as " + context.methodId());
            }
            method = context.methodId();
        }
        Schema schema = context.schema(method, source);
        String title = header.path("title").isTextual() ? header.get("title").textValue() : context.titleFor(source);
        String mapId = header.path("id").asText(null);
        java.time.Instant created = null;
        try {
            created = header.path("created").isTextual() ? java.time.Instant.parse(header.get("created").textValue()) : null;
        } catch (java.time.format.DateTimeParseException e) {
            warnings.add("$.mapwork.created is not a time; the map gets a new id and creation time");
        }
        NativeTree tree = mapId != null && Ids.isValid(mapId) && created != null
                ? new NativeTree(mapId, title, method, created) : NativeTree.fresh(title, method);
        tree.within(source, context.limits());
        Map<String, Value> mapValues = Map.of();
        if (header.path("attributes").isObject()) {
            var it = header.get("attributes").fields();
            while (it.hasNext()) {
                var a = it.next();
                if (schema.mapAttributes().containsKey(a.getKey())) {
                    tree.attributes().set(a.getKey(), a.getValue());
                } else {
                    warnings.add("map attribute \"" + a.getKey() + "\" dropped: method " + method + " has no such map attribute");
                }
            }
            // the map's own attributes, typed, decide which options and link types exist (goals, Net-Map's link types)
            mapValues = tree.header(source, context.schemas()).mapAttributes();
        }
        Map<String, String> byKey = new HashMap<>();
        Map<String, List<String>> byLabel = new HashMap<>();
        JsonNode elements = root.get("elements");
        StandInGrid grid = new StandInGrid(elements.size(), 8, 200, 120);
        for (int i = 0; i < elements.size(); i++) {
            String path = "$.elements[" + i + "]";
            JsonNode e = elements.get(i);
            if (!e.isObject()) {
                throw new MapFormatException(source, path, "expected an object");
            }
            JsonNode fields = e.path("attributes").isObject() ? e.get("attributes") : e;
            String label = text(fields, "label", source, path);
            if (label == null) {
                throw new MapFormatException(source, path + ".label", "an element needs a label");
            }
            String key = firstText(e, "_id", "id");
            ObjectNode o = tree.element(path);
            String id = key != null && Ids.isValid(key) && tree.claim(key) ? key : tree.id(key, "n");
            o.put("id", id);
            o.put("kind", "node");
            String given = firstText(fields, "element type", "type");
            String type = type(schema, ElementKind.NODE, given, mapValues, source, path, warnings);
            o.put("type", type);
            o.put("label", label);
            o.put("order", tree.nextOrder());
            ObjectNode g = o.putObject("geometry");
            g.put("x", e.path("x").isNumber() ? e.get("x").doubleValue() : grid.x(i));
            g.put("y", e.path("y").isNumber() ? e.get("y").doubleValue() : grid.y(i));
            g.put("width", 160);
            g.put("height", 64);
            attributes(source, path, o, schema.type(ElementKind.NODE, type, mapValues), fields, ELEMENT_FIELDS, warnings);
            if (key != null) {
                byKey.put(key, id);
            }
            byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(id);
        }
        boolean placed = false;
        for (JsonNode e : elements) {
            placed |= e.path("x").isNumber() && e.path("y").isNumber();
        }
        if (!placed && elements.size() > 0) {
            warnings.add("a Kumu file carries no positions, sizes, drawing order, styles or annotations: the elements were laid out on a grid");
        }
        JsonNode connections = root.path("connections");
        for (int i = 0; i < connections.size(); i++) {
            String path = "$.connections[" + i + "]";
            JsonNode c = connections.get(i);
            if (!c.isObject()) {
                throw new MapFormatException(source, path, "expected an object");
            }
            JsonNode fields = c.path("attributes").isObject() ? c.get("attributes") : c;
            ObjectNode o = tree.element(path);
            String key = firstText(c, "_id", "id");
            o.put("id", key != null && Ids.isValid(key) && tree.claim(key) ? key : tree.id(null, "l"));
            o.put("kind", "link");
            String givenType = firstText(fields, "connection type", "type");
            String type = schema.mapDefinedLinkTypes() != null
                    ? (givenType == null || givenType.isBlank() ? tree.defaultLinkType(schema)
                            : tree.mapLinkType(schema, givenType, !"mutual".equalsIgnoreCase(firstText(fields, "direction"))))
                    : type(schema, ElementKind.LINK, givenType, mapValues, source, path, warnings);
            o.put("type", type);
            String label = text(fields, "label", source, path);
            if (label != null && !label.isEmpty()) {
                o.put("label", label);
            }
            o.put("source", resolve(source, path + ".from", text(c, "from", source, path), byKey, byLabel));
            o.put("target", resolve(source, path + ".to", text(c, "to", source, path), byKey, byLabel));
            o.put("order", tree.nextOrder());
            attributes(source, path, o, CsvImport.linkTypeOf(schema, type), fields, CONNECTION_FIELDS, warnings);
        }
        MapDocument doc = tree.read(source, context.schemas());
        return new ImportResult(doc, new ArrayList<>(warnings));
    }

    private static String text(JsonNode o, String field, String source, String path) throws MapFormatException {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            throw new MapFormatException(source, path + "." + field, "expected text");
        }
        return n.asText();
    }

    private static String firstText(JsonNode o, String... fields) {
        for (String f : fields) {
            JsonNode n = o.get(f);
            if (n != null && n.isValueNode() && !n.isNull()) {
                return n.asText();
            }
        }
        return null;
    }

    private static String resolve(String source, String path, String ref, Map<String, String> byKey,
                                  Map<String, List<String>> byLabel) throws MapFormatException {
        if (ref == null) {
            throw new MapFormatException(source, path, "missing; expected an element's label or id");
        }
        if (byKey.containsKey(ref)) {
            return byKey.get(ref);
        }
        List<String> ids = byLabel.get(ref);
        if (ids == null) {
            throw new MapFormatException(source, path, "no element with label or id \"" + ref + '"');
        }
        if (ids.size() > 1) {
            throw new MapFormatException(source, path, ids.size() + " elements are labelled \"" + ref + "\"; give them ids");
        }
        return ids.get(0);
    }

    private static String type(Schema schema, ElementKind kind, String given, Map<String, Value> mapValues, String source,
                               String path, Set<String> warnings) throws MapFormatException {
        List<String> names = schema.typeNames(kind, mapValues);
        if (given != null) {
            if (schema.type(kind, given, mapValues) != null) {
                return given;
            }
            for (String n : names) {
                if (n.equalsIgnoreCase(given.strip())) {
                    return n;
                }
            }
        }
        if (names.isEmpty()) {
            throw new MapFormatException(source, path, "method " + schema.methodId() + " has no " + kind.jsonName() + " types");
        }
        if (given != null) {
            warnings.add("type \"" + given + "\" is not a " + kind.jsonName() + " type of " + schema.methodId() + "; used " + names.get(0));
        }
        return names.get(0);
    }

    private static void attributes(String source, String path, ObjectNode o, ElementType type, JsonNode fields,
                                   Set<String> known, Set<String> warnings) throws MapFormatException {
        ObjectNode attrs = null;
        Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
        while (it.hasNext()) {
            var f = it.next();
            if (known.contains(f.getKey()) || f.getValue().isNull()) {
                continue;
            }
            AttributeDef def = type == null ? null : type.attribute(f.getKey());
            if (def == null) {
                warnings.add("field \"" + f.getKey() + "\" dropped where the type has no such attribute (" + (type == null ? "?" : type.name()) + ")");
                continue;
            }
            if (attrs == null) {
                attrs = o.putObject("attributes");
            }
            JsonNode v = f.getValue();
            try {
                attrs.set(def.name(), v.isTextual() ? AttributeText.parse(def, v.textValue()) : v);
            } catch (IllegalArgumentException e) {
                throw new MapFormatException(source, path + "." + f.getKey(), e.getMessage());
            }
        }
    }
}
