package org.mapwork.editor.map;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.model.Value;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.ElementType;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;

/**
 * Copied elements travel as a small map in Mapwork's own JSON format: the selected nodes and annotations, the links
 * between them, and the map attributes that give meaning to them (e.g. a Net-Map's link types and goals). So copy and
 * paste work between maps and between windows, and a pasted fragment is checked like any file.
 */
public final class MapFragment {

    private MapFragment() {
    }

    /** The selected elements (plus links whose two ends are selected) as Mapwork JSON. */
    public static String copy(MapDocument doc, Schema schema, Collection<String> selection) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : selection) {
            Element e = doc.element(id);
            if (e != null && !e.isLink()) {
                ids.add(id);
            }
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Value> a : doc.mapAttributes().entrySet()) {
            changes.add(Change.setMapAttribute(a.getKey(), a.getValue()));
        }
        for (Element e : doc.inDrawOrder()) {
            boolean keep = ids.contains(e.id())
                    || e.isLink() && ids.contains(e.source()) && ids.contains(e.target());
            if (keep) {
                changes.add(Change.add(e));
            }
        }
        MapDocument fragment = MapDocument.empty(Ids.newId("clip"), doc.title(), doc.methodId(), Instant.now());
        fragment = ChangeEngine.apply(fragment, schema, ChangeSet.of("copy", changes)).after();
        return MapJson.toJson(fragment);
    }

    /** What pasting would add: the changes, and how many copied elements do not fit the target map. */
    public record Paste(List<Change> changes, List<String> newIds, int leftOut) {
    }

    /**
     * Reads a fragment and makes the changes that add its elements to {@code target} under new ids, moved by
     * {@code (dx, dy)}, on top of everything. Elements whose type the target map does not have are left out.
     *
     * @throws MapFormatException when the text is not a Mapwork map (the reader's message says where)
     */
    public static Paste paste(String json, SchemaRegistry schemas, MapDocument target, Schema targetSchema,
                              double dx, double dy) throws MapFormatException {
        MapDocument fragment = new MapJsonReader(schemas).read("clipboard", json);
        Map<String, String> newIds = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        List<String> added = new ArrayList<>();
        int leftOut = 0;
        // the rows the pasted elements refer to (goals, link types) come along when the target lacks them
        Map<String, Value> attributes = new LinkedHashMap<>(target.mapAttributes());
        changes.addAll(referencedRows(fragment, targetSchema, attributes));
        String order = target.nextOrderKey();
        for (Element e : fragment.inDrawOrder()) {
            if (e.isLink()) {
                continue;
            }
            if (targetSchema.type(e.kind(), e.type(), attributes) == null) {
                leftOut++;
                continue;
            }
            String id = Ids.newId(e.isNode() ? "n" : "a");
            newIds.put(e.id(), id);
            changes.add(Change.add(e.withId(id).withGeometry(e.geometry().movedBy(dx, dy)).withOrder(order)));
            added.add(id);
            order = OrderKey.after(order);
        }
        for (Element e : fragment.inDrawOrder()) {
            if (!e.isLink()) {
                continue;
            }
            String s = newIds.get(e.source());
            String t = newIds.get(e.target());
            if (s == null || t == null || targetSchema.type(e.kind(), e.type(), attributes) == null) {
                leftOut++;
                continue;
            }
            String id = Ids.newId("l");
            changes.add(Change.add(e.withId(id).withEndpoints(s, t).withOrder(order)));
            added.add(id);
            order = OrderKey.after(order);
        }
        if (added.isEmpty()) {
            return new Paste(List.of(), List.of(), leftOut);
        }
        return new Paste(changes, added, leftOut);
    }

    /**
     * Map attributes of rows (a Net-Map's goals, its link types) that elements of the fragment refer to by id and
     * the target does not define: the missing rows are appended to the target's, so that an actor pasted into
     * another map keeps its goals and a link its type. {@code attributes} (the target's) is updated to match.
     */
    private static List<Change> referencedRows(MapDocument fragment, Schema schema, Map<String, Value> attributes) {
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        for (Element e : fragment.elements()) {
            if (e.isLink() && schema.mapDefinedLinkTypes() != null) {
                wanted.computeIfAbsent(schema.mapDefinedLinkTypes().mapAttribute(), k -> new LinkedHashSet<>())
                        .add(e.type());
            }
            ElementType type = schema.type(e.kind(), e.type(), fragment.mapAttributes());
            if (type == null) {
                continue;
            }
            for (AttributeDef a : type.attributes()) {
                if (a.optionsFrom() == null) {
                    continue;
                }
                Value v = e.attribute(a.name());
                Set<String> ids = wanted.computeIfAbsent(a.optionsFrom(), k -> new LinkedHashSet<>());
                if (v instanceof Value.Text t) {
                    ids.add(t.value());
                } else if (v instanceof Value.TextList l) {
                    ids.addAll(l.values());
                }
            }
        }
        List<Change> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> w : wanted.entrySet()) {
            if (!(fragment.mapAttribute(w.getKey()) instanceof Value.Rows from)) {
                continue;
            }
            List<Map<String, Value>> rows = new ArrayList<>(
                    attributes.get(w.getKey()) instanceof Value.Rows r ? r.rows() : List.of());
            Set<Value> have = new LinkedHashSet<>();
            rows.forEach(r -> have.add(r.get("id")));
            boolean grew = false;
            for (Map<String, Value> row : from.rows()) {
                Value id = row.get("id");
                if (id instanceof Value.Text t && w.getValue().contains(t.value()) && have.add(id)) {
                    rows.add(row);
                    grew = true;
                }
            }
            if (grew) {
                Value.Rows merged = new Value.Rows(rows);
                attributes.put(w.getKey(), merged);
                out.add(Change.setMapAttribute(w.getKey(), merged));
            }
        }
        return out;
    }

    /** Whether some text looks like a Mapwork map rather than a list of names. */
    public static boolean looksLikeMap(String text) {
        String t = text.strip();
        return t.startsWith("{") && t.contains("\"format\"");
    }

    static Optional<String> firstLine(String text) {
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).findFirst();
    }
}
