package org.mapwork.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.model.Applied;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeRejected;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Stamp;
import org.mapwork.model.Value;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.ElementType;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;

/**
 * The change log's JSON form of an applied {@link ChangeSet}: every change record with its stamp and its old values,
 * elements and attribute values written as in the native map format. One change set is one line of JSON:
 *
 * <pre>{"summary":"Add actor","time":"2026-11-22T10:00:00Z","changes":[
 *   {"change":"add","actor":"a-1","seq":7,"element":{...}},
 *   {"change":"label","actor":"a-1","seq":8,"id":"n-1","value":"Employers","old":""}]}</pre>
 *
 * <p>Attribute values in JSON only make sense next to their definition (a date and a text look alike), so a logged
 * change set is read back <em>against the document it applies to</em>: {@link #replay} decodes each change with the
 * method's schema, re-applies it through {@link ChangeEngine#apply}, and checks that the old values the log recorded
 * are the ones the document had. A log entry that does not fit is refused with its JSON path.
 */
public final class ChangeSetCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = MapJson.newReadingMapper();
    private static final MapJsonReader PARTS = new MapJsonReader(SchemaRegistry.of());

    private static final Set<String> ROOT_KEYS = Set.of("summary", "time", "changes");

    private ChangeSetCodec() {
    }

    /** One line of JSON (no line breaks inside). */
    public static String toJson(ChangeSet changeSet) {
        try {
            return MAPPER.writeValueAsString(toTree(changeSet));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode toTree(ChangeSet changeSet) {
        ObjectNode root = NODES.objectNode();
        root.put("summary", changeSet.summary());
        root.put("time", changeSet.time().toString());
        ArrayNode changes = root.putArray("changes");
        for (Change c : changeSet.changes()) {
            changes.add(change(c));
        }
        return root;
    }

    private static ObjectNode change(Change c) {
        ObjectNode o = NODES.objectNode();
        o.put("change", kind(c));
        o.put("actor", c.stamp().actor());
        o.put("seq", c.stamp().seq());
        c.accept(new ChangeFields(o));
        return o;
    }

    /** Writes the fields of one logged change beside its kind and stamp. */
    private static final class ChangeFields implements Change.Visitor<Void> {
        private final ObjectNode o;

        ChangeFields(ObjectNode o) {
            this.o = o;
        }

        @Override
        public Void visit(Change.AddElement a) {
            o.set("element", MapJson.element(a.element()));
            return null;
        }

        @Override
        public Void visit(Change.RemoveElement r) {
            o.put("id", r.elementId());
            if (r.removed() != null) {
                o.set("removed", MapJson.element(r.removed()));
            }
            if (!r.links().isEmpty()) {
                ArrayNode links = o.putArray("links");
                r.links().forEach(l -> links.add(MapJson.element(l)));
            }
            return null;
        }

        @Override
        public Void visit(Change.SetLabel s) {
            o.put("id", s.elementId());
            o.put("value", s.value());
            o.put("old", s.old());
            return null;
        }

        @Override
        public Void visit(Change.SetType s) {
            o.put("id", s.elementId());
            o.put("value", s.value());
            o.put("old", s.old());
            return null;
        }

        @Override
        public Void visit(Change.SetAttribute s) {
            o.put("id", s.elementId());
            o.put("name", s.name());
            putValue(o, "value", s.value());
            putValue(o, "old", s.old());
            return null;
        }

        @Override
        public Void visit(Change.SetGeometry s) {
            o.put("id", s.elementId());
            o.set("value", s.value() == null ? NODES.nullNode() : MapJson.geometry(s.value()));
            o.set("old", s.old() == null ? NODES.nullNode() : MapJson.geometry(s.old()));
            return null;
        }

        @Override
        public Void visit(Change.SetStyle s) {
            o.put("id", s.elementId());
            o.set("value", s.value() == null ? NODES.nullNode() : MapJson.style(s.value()));
            o.set("old", s.old() == null ? NODES.nullNode() : MapJson.style(s.old()));
            return null;
        }

        @Override
        public Void visit(Change.SetOrder s) {
            o.put("id", s.elementId());
            o.put("value", s.value());
            o.put("old", s.old());
            return null;
        }

        @Override
        public Void visit(Change.SetEndpoints s) {
            o.put("id", s.elementId());
            o.put("source", s.source());
            o.put("target", s.target());
            o.put("oldSource", s.oldSource());
            o.put("oldTarget", s.oldTarget());
            return null;
        }

        @Override
        public Void visit(Change.SetTitle s) {
            o.put("value", s.value());
            o.put("old", s.old());
            return null;
        }

        @Override
        public Void visit(Change.SetMapAttribute s) {
            o.put("name", s.name());
            putValue(o, "value", s.value());
            putValue(o, "old", s.old());
            return null;
        }
    }

    private static void putValue(ObjectNode o, String key, Value v) {
        o.set(key, v == null ? NODES.nullNode() : MapJson.value(v));
    }

    /** The name of a change's kind in the log (also the CSV's "change" column). */
    static String kind(Change c) {
        return c.accept(KindName.INSTANCE);
    }

    /** The log's name for each kind of change; {@link #decode} reads them back. */
    private static final class KindName implements Change.Visitor<String> {
        static final KindName INSTANCE = new KindName();

        @Override
        public String visit(Change.AddElement c) {
            return "add";
        }

        @Override
        public String visit(Change.RemoveElement c) {
            return "remove";
        }

        @Override
        public String visit(Change.SetLabel c) {
            return "label";
        }

        @Override
        public String visit(Change.SetType c) {
            return "type";
        }

        @Override
        public String visit(Change.SetAttribute c) {
            return "attribute";
        }

        @Override
        public String visit(Change.SetGeometry c) {
            return "geometry";
        }

        @Override
        public String visit(Change.SetStyle c) {
            return "style";
        }

        @Override
        public String visit(Change.SetOrder c) {
            return "order";
        }

        @Override
        public String visit(Change.SetEndpoints c) {
            return "endpoints";
        }

        @Override
        public String visit(Change.SetTitle c) {
            return "title";
        }

        @Override
        public String visit(Change.SetMapAttribute c) {
            return "mapAttribute";
        }
    }

    /**
     * Reads one logged change set and applies it to {@code before}.
     *
     * @param source names the entry in messages, e.g. {@code map m-1 revision 12}
     * @return the applied change set, as {@link ChangeEngine#apply} gives it
     * @throws MapFormatException when the entry is not valid JSON of this form, or does not apply to {@code before}
     *                            (the message names the JSON path and the problem)
     */
    public static Applied replay(MapDocument before, Schema schema, String source, String json) throws MapFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MapFormatException(source, "$", "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MapFormatException(source, "$", "cannot read: " + e.getMessage(), e);
        }
        return replay(before, schema, source, root);
    }

    public static Applied replay(MapDocument before, Schema schema, String source, JsonNode root) throws MapFormatException {
        if (root == null || !root.isObject()) {
            throw new MapFormatException(source, "$", "expected a change set object");
        }
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!ROOT_KEYS.contains(k)) {
                throw new MapFormatException(source, "$." + k, "unknown key; expected one of " + new java.util.TreeSet<>(ROOT_KEYS));
            }
        }
        String summary = requiredText(source, root, "$", "summary");
        Instant time;
        String timeText = requiredText(source, root, "$", "time");
        try {
            time = Instant.parse(timeText);
        } catch (DateTimeParseException e) {
            throw new MapFormatException(source, "$.time", "expected a UTC time like 2026-11-22T09:30:00Z, got \"" + timeText + '"');
        }
        JsonNode changes = root.get("changes");
        if (changes == null || !changes.isArray()) {
            throw new MapFormatException(source, "$.changes", "expected an array of changes");
        }
        MapJsonReader.Parts parts = PARTS.parts(source);
        MapDocument current = before;
        List<Change> applied = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            String path = "$.changes[" + i + "]";
            Change logged = decode(parts, changes.get(i), path, current, schema, source);
            Applied step;
            try {
                step = ChangeEngine.apply(current, schema, new ChangeSet(List.of(logged), summary, time));
            } catch (ChangeRejected r) {
                throw new MapFormatException(source, path, r.getMessage().replaceFirst("^change 0 ", ""), r);
            }
            Change actual = step.changeSet().changes().get(0);
            if (!actual.equals(logged)) {
                throw new MapFormatException(source, path, "the log's old values do not match the map: logged "
                        + logged + ", but the map gave " + actual);
            }
            applied.add(actual);
            current = step.after();
        }
        return new Applied(before, current, new ChangeSet(applied, summary, time));
    }

    private static Change decode(MapJsonReader.Parts parts, JsonNode node, String path, MapDocument doc, Schema schema,
                                 String source) throws MapFormatException {
        if (node == null || !node.isObject()) {
            throw new MapFormatException(source, path, "expected a change object");
        }
        String kind = requiredText(source, node, path, "change");
        String actor = requiredText(source, node, path, "actor");
        JsonNode seqNode = node.get("seq");
        if (seqNode == null || !seqNode.isIntegralNumber() || !seqNode.canConvertToLong()) {
            throw new MapFormatException(source, path + ".seq", "expected a whole sequence number");
        }
        Stamp stamp = new Stamp(actor, seqNode.longValue());
        switch (kind) {
            case "add": {
                Element e = parts.element(node.get("element"), path + ".element", schema, doc.mapAttributes());
                return new Change.AddElement(e, stamp);
            }
            case "remove": {
                String id = requiredText(source, node, path, "id");
                Element removed = node.hasNonNull("removed")
                        ? parts.element(node.get("removed"), path + ".removed", schema, doc.mapAttributes()) : null;
                List<Element> links = new ArrayList<>();
                JsonNode ls = node.get("links");
                if (ls != null) {
                    if (!ls.isArray()) {
                        throw new MapFormatException(source, path + ".links", "expected an array of links");
                    }
                    for (int i = 0; i < ls.size(); i++) {
                        links.add(parts.element(ls.get(i), path + ".links[" + i + "]", schema, doc.mapAttributes()));
                    }
                }
                return new Change.RemoveElement(id, removed, links, stamp);
            }
            case "label":
                return new Change.SetLabel(requiredText(source, node, path, "id"), text(source, node, path, "value"),
                        text(source, node, path, "old"), stamp);
            case "type":
                return new Change.SetType(requiredText(source, node, path, "id"), text(source, node, path, "value"),
                        text(source, node, path, "old"), stamp);
            case "attribute": {
                String id = requiredText(source, node, path, "id");
                String name = requiredText(source, node, path, "name");
                Element e = doc.element(id);
                if (e == null) {
                    throw new MapFormatException(source, path + ".id", "no element with id " + id + " in the map at this point");
                }
                ElementType type = schema.type(e.kind(), e.type(), doc.mapAttributes());
                AttributeDef def = type == null ? null : type.attribute(name);
                if (def == null && !node.hasNonNull("value") && !node.hasNonNull("old")) {
                    // unsetting an attribute the type does not have: the engine allows it, and no value needs a type
                    return new Change.SetAttribute(id, name, null, null, stamp);
                }
                if (def == null) {
                    throw new MapFormatException(source, path + ".name", "type " + e.type() + " has no attribute \"" + name + '"');
                }
                return new Change.SetAttribute(id, name, value(parts, def, node, path, "value"),
                        value(parts, def, node, path, "old"), stamp);
            }
            case "geometry":
                return new Change.SetGeometry(requiredText(source, node, path, "id"),
                        node.hasNonNull("value") ? parts.geometry(node.get("value"), path + ".value") : null,
                        node.hasNonNull("old") ? parts.geometry(node.get("old"), path + ".old") : null, stamp);
            case "style":
                return new Change.SetStyle(requiredText(source, node, path, "id"),
                        node.hasNonNull("value") ? parts.style(node.get("value"), path + ".value") : null,
                        node.hasNonNull("old") ? parts.style(node.get("old"), path + ".old") : null, stamp);
            case "order":
                return new Change.SetOrder(requiredText(source, node, path, "id"), text(source, node, path, "value"),
                        text(source, node, path, "old"), stamp);
            case "endpoints":
                return new Change.SetEndpoints(requiredText(source, node, path, "id"), text(source, node, path, "source"),
                        text(source, node, path, "target"), text(source, node, path, "oldSource"),
                        text(source, node, path, "oldTarget"), stamp);
            case "title":
                return new Change.SetTitle(text(source, node, path, "value"), text(source, node, path, "old"), stamp);
            case "mapAttribute": {
                String name = requiredText(source, node, path, "name");
                AttributeDef def = schema.mapAttributes().get(name);
                if (def == null) {
                    throw new MapFormatException(source, path + ".name", "method " + schema.methodId()
                            + " has no map attribute \"" + name + "\"; known: " + schema.mapAttributes().keySet());
                }
                return new Change.SetMapAttribute(name, value(parts, def, node, path, "value"),
                        value(parts, def, node, path, "old"), stamp);
            }
            default:
                throw new MapFormatException(source, path + ".change", "unknown change \"" + kind
                        + "\"; expected add, remove, label, type, attribute, geometry, style, order, endpoints, title or mapAttribute");
        }
    }

    private static Value value(MapJsonReader.Parts parts, AttributeDef def, JsonNode node, String path, String key)
            throws MapFormatException {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : parts.value(def, v, path + "." + key);
    }

    private static String requiredText(String source, JsonNode node, String path, String key) throws MapFormatException {
        String s = text(source, node, path, key);
        if (s == null) {
            throw new MapFormatException(source, path + "." + key, "missing; expected a string");
        }
        return s;
    }

    private static String text(String source, JsonNode node, String path, String key) throws MapFormatException {
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new MapFormatException(source, path + "." + key, "expected a string, got " + n);
        }
        return n.textValue();
    }
}
