package org.mapwork.export.paint;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;

/**
 * Brings a {@link MapScene} to the next snapshot in place when that differs only in a few elements (a drag, an edit,
 * elements added or removed): their items and the items of the links they touch are built anew, inserted or taken
 * out, and the grid index follows; everything else stays. A patched scene holds exactly what a scene built afresh for
 * the snapshot holds. It declines, leaving the scene as it was, when the difference is larger or structural (order,
 * endpoints, an annotation's type, map attributes, the method).
 */
final class ScenePatch {

    /** Most element changes at a time that are patched in place; more, and the scene is rebuilt. */
    static final int MAX_PATCH = 256;

    private final MapScene scene;
    private final MapDocument next;
    private final ItemBuilder build;
    /** Whether an item taken out or replaced reached the edge of the items' bounds (they must then be summed again). */
    private boolean touchedEdge;
    /** Which of the scene's items (by place) are taken out. */
    private boolean[] gone;
    private boolean anyGone;
    /** New items, not yet in the drawing order. */
    private final List<SceneItem> fresh = new ArrayList<>();
    /** The elements that differ between the two snapshots: in both, only in the newer, only in the older. */
    private final List<Element> changed = new ArrayList<>(), added = new ArrayList<>(), removed = new ArrayList<>();

    ScenePatch(MapScene scene, MapDocument next) {
        this.scene = scene;
        this.next = next;
        this.build = scene.build;
    }

    /** Patches the scene; false, touching nothing, when the change is too large or structural for a patch. */
    boolean apply() {
        MapDocument before = scene.doc;
        if (scene.presentation instanceof PlainPresentation || !next.methodId().equals(before.methodId())
                || next.mapAttributes() != before.mapAttributes()) {
            return false;
        }
        // what differs: the elements the newer snapshot says changed since the older, or else one walk over both
        // snapshots' elements (each sorted by id; unchanged ones are shared)
        Optional<Set<String>> touched = next.changedSince(before);
        if (touched.isPresent()) {
            if (touched.get().size() > MAX_PATCH) {
                return false;
            }
            for (String id : touched.get()) {
                if (!sort(before.element(id), next.element(id))) {
                    return false;
                }
            }
        } else {
            Iterator<Element> was = before.elements().iterator(), is = next.elements().iterator();
            Element a = was.hasNext() ? was.next() : null, b = is.hasNext() ? is.next() : null;
            while (a != null || b != null) {
                int c = a == b ? 0 : a == null ? 1 : b == null ? -1 : a.id().compareTo(b.id());
                if (!sort(c <= 0 ? a : null, c >= 0 ? b : null)) {
                    return false;
                }
                if (c <= 0) {
                    a = was.hasNext() ? was.next() : null;
                }
                if (c >= 0) {
                    b = is.hasNext() ? is.next() : null;
                }
                if (changed.size() + added.size() + removed.size() > MAX_PATCH) {
                    return false;
                }
            }
        }
        scene.doc = next;
        scene.patched.clear();
        gone = new boolean[scene.items.length];
        Set<String> linksToRedo = new LinkedHashSet<>();
        // removed elements leave, and with a removed node the links that were drawn to it
        for (Element e : removed) {
            take(scene.byId.get(e.id()));
            if (e.isNode()) {
                for (Element l : before.linksOf(e.id())) {
                    take(scene.byId.get(l.id()));
                }
            } else if (e.isLink()) {
                // the links left beside it move over
                ItemBuilder.siblings(next, e, linksToRedo);
            }
        }
        for (Element e : changed) {
            SceneItem old = scene.byId.get(e.id());
            if (e.isNode()) {
                replace(old, build.node(next, e));
                for (Element l : next.linksOf(e.id())) {
                    linksToRedo.add(l.id());
                }
            } else if (e.isLink()) {
                linksToRedo.add(e.id());
            } else {
                replace(old, build.annotation(e));
            }
        }
        for (Element e : added) {
            if (e.isNode()) {
                put(build.node(next, e));
                // links that had no end here until now
                for (Element l : next.linksOf(e.id())) {
                    linksToRedo.add(l.id());
                }
            } else if (e.isLink()) {
                linksToRedo.add(e.id());
                ItemBuilder.siblings(next, e, linksToRedo);
            } else {
                put(build.annotation(e));
            }
        }
        redoLinks(linksToRedo);
        if (!fresh.isEmpty() || anyGone) {
            merge();
        }
        Rectangle2D bounds;
        if (touchedEdge || scene.itemBounds == null) {
            bounds = null;
            for (SceneItem it : scene.items) {
                bounds = SceneShapes.union(bounds, it.bounds);
            }
        } else {
            // nothing left the content's edge: the bounds can only have grown, by the new items' bounds (the old ones lie
            // inside them)
            bounds = (Rectangle2D) scene.itemBounds.clone();
            for (SceneItem it : scene.patched) {
                if (scene.byId.get(it.element.id()) == it) {
                    bounds.add(it.bounds);
                }
            }
        }
        scene.finish(bounds);
        return true;
    }

    /**
     * Files one element as it was ({@code a}) and is ({@code b}, either {@code null} when it is not there) under
     * changed, added or removed; false for a change a patch does not make: an element not drawn (a dangling link)
     * that changed, or one that moves to another place in the drawing order or to other ends. An annotation of another
     * type may be drawn in another layer (a text that becomes a frame).
     */
    private boolean sort(Element a, Element b) {
        if (a == b) {
            return true;
        }
        if (a == null) {
            added.add(b);
        } else if (b == null) {
            removed.add(a);
        } else {
            if (scene.byId.get(a.id()) == null || a.kind() != b.kind() || !a.order().equals(b.order())
                    || !Objects.equals(a.source(), b.source()) || !Objects.equals(a.target(), b.target())
                    || b.isAnnotation() && !a.type().equals(b.type())) {
                return false;
            }
            changed.add(b);
        }
        return true;
    }

    /** Builds the given links again, with the whole bundle of each: links between the same two nodes sit side by side. */
    private void redoLinks(Set<String> linksToRedo) {
        Set<String> bundles = new LinkedHashSet<>();
        for (String id : linksToRedo) {
            Element l = next.element(id);
            if (l != null) {
                for (Element sibling : ItemBuilder.bundle(next, l)) {
                    bundles.add(sibling.id());
                }
            }
        }
        for (String id : bundles) {
            Element l = next.element(id);
            List<Element> pair = ItemBuilder.bundle(next, l);
            SceneItem old = scene.byId.get(id);
            if (old != null && old.index >= 0 && gone[old.index]) {
                old = null;
            }
            NodeItem s = scene.byId.get(l.source()) instanceof NodeItem n ? n : null;
            NodeItem t = scene.byId.get(l.target()) instanceof NodeItem n ? n : null;
            if (s == null || t == null) {
                if (old != null) {
                    // an end is missing: the link is no longer drawn
                    take(old);
                }
                continue;
            }
            LinkItem item = build.link(next, l, s, t, pair.indexOf(l), pair.size());
            if (old != null) {
                replace(old, item);
            } else {
                put(item);
            }
        }
    }

    private boolean touchesEdge(Rectangle2D b) {
        Rectangle2D all = scene.itemBounds;
        return all == null || b.getMinX() <= all.getMinX() || b.getMinY() <= all.getMinY()
                || b.getMaxX() >= all.getMaxX() || b.getMaxY() >= all.getMaxY();
    }

    /** A new item: found by its id now, put into the drawing order at the {@link #merge}. */
    private void put(SceneItem item) {
        scene.byId.put(item.element.id(), item);
        fresh.add(item);
    }

    /** Takes an item out: out of the grid and the ids now, out of the drawing order at the {@link #merge}. */
    private void take(SceneItem item) {
        if (item == null || item.index < 0 || gone[item.index] || scene.items[item.index] != item) {
            return;
        }
        touchedEdge |= touchesEdge(item.bounds);
        scene.patched.add(item);
        gone[item.index] = true;
        anyGone = true;
        scene.grid.remove(item);
        scene.byId.remove(item.element.id());
    }

    /** Puts {@code fresh} where {@code old} was, in the drawing order and in the grid. */
    private void replace(SceneItem old, SceneItem item) {
        touchedEdge |= touchesEdge(old.bounds);
        scene.patched.add(old);
        scene.patched.add(item);
        scene.grid.remove(old);
        item.index = old.index;
        scene.items[old.index] = item;
        scene.byId.put(item.element.id(), item);
        scene.grid.add(item);
    }

    /**
     * The drawing order without the items taken out and with the new ones in their places (by layer, then by the
     * elements' order keys, as a fresh scene orders them), in runs copied whole; the items from the first place that
     * moved on get their new places, and the new items go into the grid.
     */
    private void merge() {
        SceneItem[] items = scene.items;
        fresh.sort(SceneItem.DRAWING_ORDER);
        // where each new item goes among the old ones (the old ones are in drawing order, the taken ones still in place)
        int[] at = new int[fresh.size()];
        for (int f = 0; f < at.length; f++) {
            int lo = 0, hi = items.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (SceneItem.DRAWING_ORDER.compare(items[mid], fresh.get(f)) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            at[f] = lo;
        }
        int goneCount = 0, firstMoved = items.length;
        for (int i = 0; i < gone.length; i++) {
            if (gone[i]) {
                goneCount++;
                firstMoved = Math.min(firstMoved, i);
            }
        }
        if (at.length > 0) {
            firstMoved = Math.min(firstMoved, at[0]);
        }
        SceneItem[] merged = new SceneItem[items.length - goneCount + fresh.size()];
        System.arraycopy(items, 0, merged, 0, firstMoved);
        int n = firstMoved, f = 0;
        for (int i = firstMoved; i <= items.length; i++) {
            while (f < at.length && at[f] == i) {
                merged[n++] = fresh.get(f++);
            }
            if (i == items.length) {
                break;
            }
            if (!gone[i]) {
                // a run of kept items up to the next one taken out or the next new one's place
                int end = i + 1;
                int stop = f < at.length ? at[f] : items.length;
                while (end < stop && !gone[end]) {
                    end++;
                }
                System.arraycopy(items, i, merged, n, end - i);
                n += end - i;
                i = end - 1;
            }
        }
        scene.items = merged;
        for (int i = firstMoved; i < merged.length; i++) {
            merged[i].index = i;
        }
        for (SceneItem it : fresh) {
            scene.patched.add(it);
            scene.grid.add(it);
        }
    }
}
