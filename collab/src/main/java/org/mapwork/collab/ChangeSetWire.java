package org.mapwork.collab;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.ElementKind;
import org.mapwork.model.Geometry;
import org.mapwork.model.Point;
import org.mapwork.model.Stamp;
import org.mapwork.model.Style;
import org.mapwork.model.Value;

/**
 * The wire form of a {@link ChangeSet}: self-describing, so it decodes without the receiver's document or schema
 * (unlike the library's log form, {@code ChangeSetCodec}, whose attribute values only make sense next to their
 * definition). Every attribute value names its type: {@code {"text":"x"}}, {@code {"int":3}}, {@code {"decimal":0.5}},
 * {@code {"bool":true}}, {@code {"date":"2026-12-03"}}, {@code {"list":["a"]}}, {@code {"rows":[{"col":VALUE}]}}.
 * Decoding checks the form only; whether a change fits the map is for {@link org.mapwork.model.ChangeEngine} to say.
 * See docs/protocol.md.
 */
public final class ChangeSetWire {

    /** Most changes in one change set (a layout of a large map is a few thousand). */
    public static final int MAX_CHANGES = 20_000;
    /** Most points in a stroke, rows in a value, items in a list. */
    public static final int MAX_ITEMS = 100_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> SET_KEYS = Set.of("summary", "time", "changes");
    private static final Set<String> ELEMENT_KEYS = Set.of("id", "kind", "type", "label", "attributes", "geometry", "style",
            "order", "source", "target");
    private static final Set<String> GEOMETRY_KEYS = Set.of("x", "y", "w", "h", "points");
    private static final Set<String> STYLE_KEYS = Set.of("colour", "shape");
    private static final Set<String> VALUE_KEYS = Set.of("text", "int", "decimal", "bool", "date", "list", "rows");
    private static final Map<String, Set<String>> CHANGE_KEYS = Map.ofEntries(
            Map.entry("add", Set.of("element")),
            Map.entry("remove", Set.of("id", "removed", "links")),
            Map.entry("label", Set.of("id", "value", "old")),
            Map.entry("type", Set.of("id", "value", "old")),
            Map.entry("attribute", Set.of("id", "name", "value", "old")),
            Map.entry("geometry", Set.of("id", "value", "old")),
            Map.entry("style", Set.of("id", "value", "old")),
            Map.entry("order", Set.of("id", "value", "old")),
            Map.entry("endpoints", Set.of("id", "source", "target", "oldSource", "oldTarget")),
            Map.entry("title", Set.of("value", "old")),
            Map.entry("mapAttribute", Set.of("name", "value", "old")));

    private ChangeSetWire() {
    }

    // ----- writing -----

    public static ObjectNode write(ChangeSet cs) {
        ObjectNode o = NODES.objectNode();
        o.put("summary", cs.summary());
        o.put("time", cs.time().toString());
        ArrayNode changes = o.putArray("changes");
        for (Change c : cs.changes()) {
            changes.add(write(c));
        }
        return o;
    }

    static ObjectNode write(Change c) {
        ObjectNode o = NODES.objectNode();
        c.accept(new Writer(o));
        o.put("actor", c.stamp().actor());
        o.put("seq", c.stamp().seq());
        return o;
    }

    /** Writes each kind of change's fields. */
    private static final class Writer implements Change.Visitor<Void> {
        private final ObjectNode o;

        Writer(ObjectNode o) {
            this.o = o;
        }

        @Override
        public Void visit(Change.AddElement c) {
            o.put("change", "add");
            o.set("element", element(c.element()));
            return null;
        }

        @Override
        public Void visit(Change.RemoveElement c) {
            o.put("change", "remove");
            o.put("id", c.elementId());
            if (c.removed() != null) {
                o.set("removed", element(c.removed()));
            }
            if (!c.links().isEmpty()) {
                ArrayNode links = o.putArray("links");
                c.links().forEach(l -> links.add(element(l)));
            }
            return null;
        }

        @Override
        public Void visit(Change.SetLabel c) {
            return texts("label", c.elementId(), c.value(), c.old());
        }

        @Override
        public Void visit(Change.SetType c) {
            return texts("type", c.elementId(), c.value(), c.old());
        }

        @Override
        public Void visit(Change.SetAttribute c) {
            o.put("change", "attribute");
            o.put("id", c.elementId());
            o.put("name", c.name());
            o.set("value", value(c.value()));
            o.set("old", value(c.old()));
            return null;
        }

        @Override
        public Void visit(Change.SetGeometry c) {
            o.put("change", "geometry");
            o.put("id", c.elementId());
            o.set("value", c.value() == null ? NODES.nullNode() : geometry(c.value()));
            o.set("old", c.old() == null ? NODES.nullNode() : geometry(c.old()));
            return null;
        }

        @Override
        public Void visit(Change.SetStyle c) {
            o.put("change", "style");
            o.put("id", c.elementId());
            o.set("value", c.value() == null ? NODES.nullNode() : style(c.value()));
            o.set("old", c.old() == null ? NODES.nullNode() : style(c.old()));
            return null;
        }

        @Override
        public Void visit(Change.SetOrder c) {
            return texts("order", c.elementId(), c.value(), c.old());
        }

        @Override
        public Void visit(Change.SetEndpoints c) {
            o.put("change", "endpoints");
            o.put("id", c.elementId());
            o.put("source", c.source());
            o.put("target", c.target());
            o.put("oldSource", c.oldSource());
            o.put("oldTarget", c.oldTarget());
            return null;
        }

        @Override
        public Void visit(Change.SetTitle c) {
            o.put("change", "title");
            o.put("value", c.value());
            o.put("old", c.old());
            return null;
        }

        @Override
        public Void visit(Change.SetMapAttribute c) {
            o.put("change", "mapAttribute");
            o.put("name", c.name());
            o.set("value", value(c.value()));
            o.set("old", value(c.old()));
            return null;
        }

        private Void texts(String kind, String id, String value, String old) {
            o.put("change", kind);
            o.put("id", id);
            o.put("value", value);
            o.put("old", old);
            return null;
        }
    }

    static ObjectNode element(Element e) {
        ObjectNode o = NODES.objectNode();
        o.put("id", e.id());
        o.put("kind", e.kind().jsonName());
        o.put("type", e.type());
        o.put("label", e.label());
        if (!e.attributes().isEmpty()) {
            ObjectNode a = o.putObject("attributes");
            e.attributes().forEach((k, v) -> a.set(k, value(v)));
        }
        o.set("geometry", geometry(e.geometry()));
        if (!e.style().equals(Style.DEFAULT)) {
            o.set("style", style(e.style()));
        }
        o.put("order", e.order());
        if (e.isLink()) {
            o.put("source", e.source());
            o.put("target", e.target());
        }
        return o;
    }

    static ObjectNode geometry(Geometry g) {
        ObjectNode o = NODES.objectNode();
        o.put("x", g.x());
        o.put("y", g.y());
        o.put("w", g.width());
        o.put("h", g.height());
        if (!g.points().isEmpty()) {
            ArrayNode pts = o.putArray("points");
            for (Point p : g.points()) {
                pts.addArray().add(p.x()).add(p.y());
            }
        }
        return o;
    }

    static ObjectNode style(Style s) {
        ObjectNode o = NODES.objectNode();
        if (s.colour() != null) {
            o.put("colour", s.colour());
        }
        if (s.shape() != null) {
            o.put("shape", s.shape());
        }
        return o;
    }

    static JsonNode value(Value v) {
        if (v == null) {
            return NODES.nullNode();
        }
        ObjectNode o = NODES.objectNode();
        if (v instanceof Value.Text t) {
            o.put("text", t.value());
        } else if (v instanceof Value.Int i) {
            o.put("int", i.value());
        } else if (v instanceof Value.Decimal d) {
            o.put("decimal", d.value());
        } else if (v instanceof Value.Bool b) {
            o.put("bool", b.value());
        } else if (v instanceof Value.Date d) {
            o.put("date", d.value().toString());
        } else if (v instanceof Value.TextList l) {
            ArrayNode a = o.putArray("list");
            l.values().forEach(a::add);
        } else if (v instanceof Value.Rows r) {
            ArrayNode a = o.putArray("rows");
            for (Map<String, Value> row : r.rows()) {
                ObjectNode ro = a.addObject();
                row.forEach((k, cell) -> ro.set(k, value(cell)));
            }
        } else {
            throw new IllegalArgumentException("no wire form for " + v.getClass());
        }
        return o;
    }

    // ----- reading -----

    /** Reads a change set from its wire form; {@code path} is where it sits in the message. */
    public static ChangeSet read(JsonNode node, String path) throws WireException {
        JsonIn o = JsonIn.object(node, path, SET_KEYS);
        String summary = o.text("summary");
        Instant time = instant(o, "time");
        JsonNode arr = o.array("changes", MAX_CHANGES, false);
        List<Change> changes = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            changes.add(change(arr.get(i), o.at("changes") + "[" + i + "]"));
        }
        return new ChangeSet(changes, summary, time);
    }

    static Instant instant(JsonIn o, String key) throws WireException {
        String s = o.text(key);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new WireException(o.at(key), "expected a UTC time like 2026-12-03T09:30:00Z, got \"" + s + '"');
        }
    }

    static Change change(JsonNode node, String path) throws WireException {
        if (node == null || !node.isObject() || !node.path("change").isTextual()) {
            throw new WireException(path + ".change", "expected a change object with a \"change\" kind");
        }
        String kind = node.get("change").textValue();
        Set<String> keys = CHANGE_KEYS.get(kind);
        if (keys == null) {
            throw new WireException(path + ".change", "unknown change \"" + kind + "\"; expected one of "
                    + new java.util.TreeSet<>(CHANGE_KEYS.keySet()));
        }
        Set<String> allowed = new java.util.HashSet<>(keys);
        allowed.addAll(Set.of("change", "actor", "seq"));
        JsonIn o = JsonIn.object(node, path, allowed);
        Stamp stamp = new Stamp(o.text("actor"), o.whole("seq", 0));
        try {
            return switch (kind) {
                case "add" -> new Change.AddElement(element(o.raw("element"), o.at("element")), stamp);
                case "remove" -> {
                    Element removed = o.has("removed") ? element(o.raw("removed"), o.at("removed")) : null;
                    JsonNode ls = o.array("links", MAX_ITEMS, true);
                    List<Element> links = new ArrayList<>(ls.size());
                    for (int i = 0; i < ls.size(); i++) {
                        links.add(element(ls.get(i), o.at("links") + "[" + i + "]"));
                    }
                    yield new Change.RemoveElement(o.text("id"), removed, links, stamp);
                }
                case "label" -> new Change.SetLabel(o.text("id"), o.optText("value"), o.optText("old"), stamp);
                case "type" -> new Change.SetType(o.text("id"), o.optText("value"), o.optText("old"), stamp);
                case "attribute" -> new Change.SetAttribute(o.text("id"), o.text("name"),
                        value(o.raw("value"), o.at("value")), value(o.raw("old"), o.at("old")), stamp);
                case "geometry" -> new Change.SetGeometry(o.text("id"),
                        o.has("value") ? geometry(o.raw("value"), o.at("value")) : null,
                        o.has("old") ? geometry(o.raw("old"), o.at("old")) : null, stamp);
                case "style" -> new Change.SetStyle(o.text("id"),
                        o.has("value") ? style(o.raw("value"), o.at("value")) : null,
                        o.has("old") ? style(o.raw("old"), o.at("old")) : null, stamp);
                case "order" -> new Change.SetOrder(o.text("id"), o.optText("value"), o.optText("old"), stamp);
                case "endpoints" -> new Change.SetEndpoints(o.text("id"), o.optText("source"), o.optText("target"),
                        o.optText("oldSource"), o.optText("oldTarget"), stamp);
                case "title" -> new Change.SetTitle(o.optText("value"), o.optText("old"), stamp);
                case "mapAttribute" -> new Change.SetMapAttribute(o.text("name"),
                        value(o.raw("value"), o.at("value")), value(o.raw("old"), o.at("old")), stamp);
                default -> throw new WireException(path + ".change", "unknown change \"" + kind + '"');
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WireException(path, "not a valid " + kind + " change: " + e.getMessage(), e);
        }
    }

    static Element element(JsonNode node, String path) throws WireException {
        JsonIn o = JsonIn.object(node, path, ELEMENT_KEYS);
        ElementKind kind = ElementKind.fromJson(o.text("kind"));
        if (kind == null) {
            throw new WireException(o.at("kind"), "expected node, link or annotation");
        }
        Map<String, Value> attributes = new LinkedHashMap<>();
        if (o.has("attributes")) {
            JsonNode a = o.raw("attributes");
            if (!a.isObject()) {
                throw new WireException(o.at("attributes"), "expected an object of attribute values");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String at = o.at("attributes") + "." + f.getKey();
                Value v = value(f.getValue(), at);
                if (v == null) {
                    throw new WireException(at, "expected a value; leave an unset attribute out");
                }
                attributes.put(f.getKey(), v);
            }
        }
        Geometry g = o.has("geometry") ? geometry(o.raw("geometry"), o.at("geometry")) : Geometry.NONE;
        Style s = o.has("style") ? style(o.raw("style"), o.at("style")) : Style.DEFAULT;
        try {
            return new Element(o.text("id"), kind, o.text("type"), o.optText("label"), attributes, g, s, o.text("order"),
                    o.optText("source"), o.optText("target"));
        } catch (IllegalArgumentException e) {
            throw new WireException(path, e.getMessage(), e);
        }
    }

    static Geometry geometry(JsonNode node, String path) throws WireException {
        JsonIn o = JsonIn.object(node, path, GEOMETRY_KEYS);
        JsonNode pts = o.array("points", MAX_ITEMS, true);
        List<Point> points = new ArrayList<>(pts.size());
        for (int i = 0; i < pts.size(); i++) {
            JsonNode p = pts.get(i);
            if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new WireException(o.at("points") + "[" + i + "]", "expected [x, y]");
            }
            points.add(new Point(p.get(0).doubleValue(), p.get(1).doubleValue()));
        }
        return new Geometry(o.number("x"), o.number("y"), o.number("w"), o.number("h"), points);
    }

    static Style style(JsonNode node, String path) throws WireException {
        JsonIn o = JsonIn.object(node, path, STYLE_KEYS);
        return new Style(o.optText("colour"), o.optText("shape"));
    }

    /** A typed value, or {@code null} for JSON null or an absent key. */
    static Value value(JsonNode node, String path) throws WireException {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonIn o = JsonIn.object(node, path, VALUE_KEYS);
        if (node.size() != 1) {
            throw new WireException(path, "expected exactly one of " + new java.util.TreeSet<>(VALUE_KEYS) + ", got " + node.size() + " keys");
        }
        String key = node.fieldNames().next();
        JsonNode v = node.get(key);
        String at = o.at(key);
        switch (key) {
            case "text":
                return Value.text(o.text(key));
            case "int":
                return Value.integer(o.whole(key));
            case "decimal":
                double d = o.number(key);
                if (!Double.isFinite(d)) {
                    throw new WireException(at, "expected a finite number");
                }
                return Value.decimal(d);
            case "bool":
                if (!v.isBoolean()) {
                    throw new WireException(at, "expected true or false");
                }
                return Value.bool(v.booleanValue());
            case "date":
                try {
                    return Value.date(LocalDate.parse(o.text(key)));
                } catch (DateTimeParseException e) {
                    throw new WireException(at, "expected a date like 2026-12-03");
                }
            case "list": {
                JsonNode arr = o.array(key, MAX_ITEMS, false);
                List<String> items = new ArrayList<>(arr.size());
                for (int i = 0; i < arr.size(); i++) {
                    if (!arr.get(i).isTextual()) {
                        throw new WireException(at + "[" + i + "]", "expected a string");
                    }
                    items.add(arr.get(i).textValue());
                }
                return new Value.TextList(items);
            }
            default: {
                JsonNode arr = o.array(key, MAX_ITEMS, false);
                List<Map<String, Value>> rows = new ArrayList<>(arr.size());
                for (int i = 0; i < arr.size(); i++) {
                    String rowPath = at + "[" + i + "]";
                    JsonNode row = arr.get(i);
                    if (!row.isObject()) {
                        throw new WireException(rowPath, "expected an object of column values");
                    }
                    Map<String, Value> cells = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> f = it.next();
                        Value cell = value(f.getValue(), rowPath + "." + f.getKey());
                        if (cell == null) {
                            throw new WireException(rowPath + "." + f.getKey(), "expected a value; leave an empty cell out");
                        }
                        cells.put(f.getKey(), cell);
                    }
                    rows.add(cells);
                }
                return new Value.Rows(rows);
            }
        }
    }
}
