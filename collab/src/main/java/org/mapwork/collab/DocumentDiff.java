package org.mapwork.collab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.mapwork.model.Applied;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeRejected;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.Schema;

/**
 * The changes that turn one version of a map into another, for a device that receives the hub's map as a snapshot
 * instead of entries: applied to the device's confirmed map they give the snapshot, as one exact change set the
 * session can be moved by (so the editor sees only what differs, not a reload).
 */
final class DocumentDiff {

    private DocumentDiff() {
    }

    /**
     * The exact change set from {@code from} to {@code to} (same map id and method). Tries the fine-grained diff
     * first (one change per property that differs); when the method's rules refuse its order of steps (a goal removed
     * while an element still names it until a later step), it falls back to removing what differs and adding it again.
     *
     * @throws IllegalArgumentException when {@code to} cannot be reached by changes (another map, method or creation time)
     */
    static ChangeSet between(MapDocument from, MapDocument to, Schema schema) {
        if (!from.id().equals(to.id()) || !from.methodId().equals(to.methodId()) || !from.created().equals(to.created())) {
            throw new IllegalArgumentException("the snapshot is another map (" + to.id() + ", " + to.methodId() + ", created "
                    + to.created() + ") than this device's (" + from.id() + ", " + from.methodId() + ", created " + from.created() + ")");
        }
        for (boolean fine : new boolean[] {true, false}) {
            try {
                Applied a = ChangeEngine.apply(from, schema, new ChangeSet(fine ? fine(from, to) : coarse(from, to),
                        "The hub's map", Instant.now()));
                if (a.after().equals(to)) {
                    return a.changeSet();
                }
            } catch (ChangeRejected e) {
                // the next, coarser way
            }
        }
        throw new IllegalArgumentException("cannot move this device's copy of map " + from.id() + " to the hub's");
    }

    private static List<Change> fine(MapDocument from, MapDocument to) {
        List<Change> out = new ArrayList<>();
        // links that go or change: removed first (they may use link types or nodes that go)
        for (Element e : from.elements()) {
            Element now = to.contains(e.id()) ? to.element(e.id()) : null;
            if (e.isLink() && !e.equals(now)) {
                out.add(Change.remove(e.id()));
            }
        }
        for (Element e : from.elements()) {
            Element now = to.contains(e.id()) ? to.element(e.id()) : null;
            if (!e.isLink() && (now == null || now.kind() != e.kind())) {
                out.add(Change.remove(e.id()));
            }
        }
        mapLevel(from, to, out);
        for (Element now : to.elements()) {
            if (now.isLink()) {
                continue;
            }
            Element was = from.contains(now.id()) ? from.element(now.id()) : null;
            if (was == null || was.kind() != now.kind()) {
                out.add(Change.add(now));
            } else if (!was.equals(now)) {
                properties(was, now, out);
            }
        }
        for (Element now : to.elements()) {
            if (now.isLink() && !now.equals(from.contains(now.id()) ? from.element(now.id()) : null)) {
                out.add(Change.add(now));
            }
        }
        return out;
    }

    private static void mapLevel(MapDocument from, MapDocument to, List<Change> out) {
        if (!from.title().equals(to.title())) {
            out.add(Change.setTitle(to.title()));
        }
        TreeSet<String> names = new TreeSet<>(from.mapAttributes().keySet());
        names.addAll(to.mapAttributes().keySet());
        for (String name : names) {
            Value now = to.mapAttributes().get(name);
            if (!Objects.equals(from.mapAttributes().get(name), now)) {
                out.add(Change.setMapAttribute(name, now));
            }
        }
    }

    private static void properties(Element was, Element now, List<Change> out) {
        String id = now.id();
        if (!was.type().equals(now.type())) {
            out.add(Change.setType(id, now.type()));
        }
        if (!was.label().equals(now.label())) {
            out.add(Change.setLabel(id, now.label()));
        }
        TreeSet<String> names = new TreeSet<>(was.attributes().keySet());
        names.addAll(now.attributes().keySet());
        Map<String, Value> a = was.attributes();
        Map<String, Value> b = now.attributes();
        for (String name : names) {
            if (!Objects.equals(a.get(name), b.get(name))) {
                out.add(Change.setAttribute(id, name, b.get(name)));
            }
        }
        if (!was.geometry().equals(now.geometry())) {
            out.add(Change.setGeometry(id, now.geometry()));
        }
        if (!was.style().equals(now.style())) {
            out.add(Change.setStyle(id, now.style()));
        }
        if (!was.order().equals(now.order())) {
            out.add(Change.setOrder(id, now.order()));
        }
    }

    /** Removes every element (links first), sets the map's values, adds every element again (nodes first). */
    private static List<Change> coarse(MapDocument from, MapDocument to) {
        List<Change> out = new ArrayList<>();
        from.links().forEach(e -> out.add(Change.remove(e.id())));
        from.elements().stream().filter(e -> !e.isLink()).forEach(e -> out.add(Change.remove(e.id())));
        mapLevel(from, to, out);
        to.elements().stream().filter(e -> !e.isLink()).forEach(e -> out.add(Change.add(e)));
        to.links().forEach(e -> out.add(Change.add(e)));
        return out;
    }
}
