package org.mapwork.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeRejected;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.Schema;

/**
 * The changes that turn one state of a map into another: how restoring an old revision becomes a new change set
 * (so nothing is lost by restoring), and how a whole document enters the log as its first change set.
 *
 * <p>The diff is fine-grained (one change per differing property), in an order that keeps every step valid:
 * links that go are removed first, then elements that go, then map attributes, then property changes, then new
 * elements (nodes before links). An element whose kind or type differs is removed and added again. When even
 * that order cannot be applied (a cycle between map attributes and elements), the diff falls back to removing
 * every element and adding the target's, which always applies.
 */
public final class MapDiff {

    private MapDiff() {
    }

    /**
     * Draft changes that turn {@code from} into {@code to} (same map id and method), checked by applying them.
     *
     * @throws IllegalArgumentException when the two are different maps
     */
    public static ChangeSet between(MapDocument from, MapDocument to, Schema schema, String summary) {
        if (!from.id().equals(to.id()) || !from.methodId().equals(to.methodId())) {
            throw new IllegalArgumentException("cannot diff map " + from.id() + " (" + from.methodId() + ") against map "
                    + to.id() + " (" + to.methodId() + ")");
        }
        ChangeSet fine = ChangeSet.of(summary, fineGrained(from, to));
        if (reaches(from, to, schema, fine)) {
            return fine;
        }
        ChangeSet coarse = ChangeSet.of(summary, wholesale(from, to));
        if (reaches(from, to, schema, coarse)) {
            return coarse;
        }
        throw new IllegalStateException("no change set turns map " + from.id() + " into the requested state");
    }

    private static boolean reaches(MapDocument from, MapDocument to, Schema schema, ChangeSet changes) {
        try {
            MapDocument after = ChangeEngine.apply(from, schema, changes).after();
            return after.equals(to);
        } catch (ChangeRejected e) {
            return false;
        }
    }

    private static List<Change> fineGrained(MapDocument from, MapDocument to) {
        List<Change> out = new ArrayList<>();
        Set<String> replaced = new HashSet<>();
        for (Element e : from.elements()) {
            Element t = to.element(e.id());
            if (t != null && (t.kind() != e.kind() || !t.type().equals(e.type()))) {
                replaced.add(e.id());
            }
        }
        // 1. links that go (or are replaced, or touch a replaced node)
        Set<String> gone = new HashSet<>();
        for (Element e : from.elements()) {
            if (e.isLink()) {
                boolean goes = !to.contains(e.id()) || replaced.contains(e.id())
                        || replaced.contains(e.source()) || replaced.contains(e.target());
                if (goes) {
                    out.add(Change.remove(e.id()));
                    gone.add(e.id());
                }
            }
        }
        // 2. other elements that go
        for (Element e : from.elements()) {
            if (!e.isLink() && (!to.contains(e.id()) || replaced.contains(e.id()))) {
                out.add(Change.remove(e.id()));
                gone.add(e.id());
                if (e.isNode()) {
                    from.linksOf(e.id()).forEach(l -> gone.add(l.id()));
                }
            }
        }
        // 3. the map itself
        if (!from.title().equals(to.title())) {
            out.add(Change.setTitle(to.title()));
        }
        Set<String> names = new TreeSet<>(from.mapAttributes().keySet());
        names.addAll(to.mapAttributes().keySet());
        for (String name : names) {
            Value a = from.mapAttribute(name), b = to.mapAttribute(name);
            if (!Objects.equals(a, b)) {
                out.add(Change.setMapAttribute(name, b));
            }
        }
        // 4. properties of elements that stay (nodes and annotations before links, whose endpoints may move)
        for (boolean links : new boolean[] {false, true}) {
            for (Element e : from.elements()) {
                if (e.isLink() != links || gone.contains(e.id())) {
                    continue;
                }
                Element t = to.element(e.id());
                if (!e.label().equals(t.label())) {
                    out.add(Change.setLabel(e.id(), t.label()));
                }
                Set<String> attrs = new TreeSet<>(e.attributes().keySet());
                attrs.addAll(t.attributes().keySet());
                for (String name : attrs) {
                    if (!Objects.equals(e.attribute(name), t.attribute(name))) {
                        out.add(Change.setAttribute(e.id(), name, t.attribute(name)));
                    }
                }
                if (!e.geometry().equals(t.geometry())) {
                    out.add(Change.setGeometry(e.id(), t.geometry()));
                }
                if (!e.style().equals(t.style())) {
                    out.add(Change.setStyle(e.id(), t.style()));
                }
                if (!e.order().equals(t.order())) {
                    out.add(Change.setOrder(e.id(), t.order()));
                }
                if (e.isLink() && (!e.source().equals(t.source()) || !e.target().equals(t.target()))) {
                    out.add(Change.setEndpoints(e.id(), t.source(), t.target()));
                }
            }
        }
        // 5. elements that come (again): nodes and annotations, then links
        addMissing(to, out, id -> !from.contains(id) || gone.contains(id));
        return out;
    }

    private static List<Change> wholesale(MapDocument from, MapDocument to) {
        List<Change> out = new ArrayList<>();
        from.links().forEach(l -> out.add(Change.remove(l.id())));
        from.elements().stream().filter(e -> !e.isLink()).forEach(e -> out.add(Change.remove(e.id())));
        if (!from.title().equals(to.title())) {
            out.add(Change.setTitle(to.title()));
        }
        Set<String> names = new TreeSet<>(from.mapAttributes().keySet());
        names.addAll(to.mapAttributes().keySet());
        for (String name : names) {
            if (!Objects.equals(from.mapAttribute(name), to.mapAttribute(name))) {
                out.add(Change.setMapAttribute(name, to.mapAttribute(name)));
            }
        }
        addMissing(to, out, id -> true);
        return out;
    }

    private static void addMissing(MapDocument to, List<Change> out, java.util.function.Predicate<String> missing) {
        for (Element e : to.inDrawOrder()) {
            if (!e.isLink() && missing.test(e.id())) {
                out.add(Change.add(e));
            }
        }
        for (Element e : to.inDrawOrder()) {
            if (e.isLink() && missing.test(e.id())) {
                out.add(Change.add(e));
            }
        }
    }

    /** The changes that build {@code doc} from its empty map: map attributes, then elements, links last. */
    public static ChangeSet creation(MapDocument doc, Schema schema, String summary) {
        MapDocument empty = MapDocument.empty(doc.id(), doc.title(), doc.methodId(), doc.created());
        return between(empty, doc, schema, summary);
    }
}
