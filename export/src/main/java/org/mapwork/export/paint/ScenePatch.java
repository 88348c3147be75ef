package org.mapwork.export.paint;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
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
        List<Element> changed = new ArrayList<>();
        List<Element> added = new ArrayList<>();
        for (Element e : next.elements()) {
            SceneItem it = scene.byId.get(e.id());
            if (it == null) {
                Element was = before.element(e.id());
                if (was == null) {
                    added.add(e);
                } else if (was != e) {
                    // a dangling link (an endpoint missing) that changed: rebuild
                    return false;
                }
            } else if (it.element != e) {
                Element old = it.element;
                // an annotation of another type may be drawn in another layer (a text that becomes a frame)
                if (old.kind() != e.kind() || !old.order().equals(e.order()) || !Objects.equals(old.source(), e.source())
                        || !Objects.equals(old.target(), e.target()) || e.isAnnotation() && !old.type().equals(e.type())) {
                    return false;
                }
                changed.add(e);
            }
            if (changed.size() + added.size() > MAX_PATCH) {
                return false;
            }
        }
        List<Element> removed = new ArrayList<>();
        if (before.size() + added.size() != next.size()) {
            for (Element e : before.elements()) {
                if (next.element(e.id()) == null) {
                    removed.add(e);
                }
            }
            if (changed.size() + added.size() + removed.size() > MAX_PATCH) {
                return false;
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
        scene.grid.remove(item.index, item.bounds);
        scene.byId.remove(item.element.id());
    }

    /** Puts {@code fresh} where {@code old} was, in the drawing order and in the grid. */
    private void replace(SceneItem old, SceneItem item) {
        touchedEdge |= touchesEdge(old.bounds);
        scene.patched.add(old);
        scene.patched.add(item);
        int i = old.index;
        scene.grid.remove(i, old.bounds);
        item.index = i;
        scene.items[i] = item;
        scene.byId.put(item.element.id(), item);
        scene.grid.add(i, item.bounds);
    }

    /**
     * The drawing order without the items taken out and with the new ones in their places (by layer, then by the
     * elements' order keys, as a fresh scene orders them), the grid's item numbers moved along, the new items indexed.
     */
    private void merge() {
        SceneItem[] items = scene.items;
        fresh.sort(SceneItem.DRAWING_ORDER);
        SceneItem[] merged = new SceneItem[items.length + fresh.size()];
        int[] moved = new int[items.length];
        int n = 0, f = 0;
        for (int i = 0; i < items.length; i++) {
            if (gone[i]) {
                moved[i] = -1;
                continue;
            }
            while (f < fresh.size() && SceneItem.DRAWING_ORDER.compare(fresh.get(f), items[i]) < 0) {
                merged[n++] = fresh.get(f++);
            }
            moved[i] = n;
            merged[n++] = items[i];
        }
        while (f < fresh.size()) {
            merged[n++] = fresh.get(f++);
        }
        scene.items = items = Arrays.copyOf(merged, n);
        scene.grid.renumber(moved, n);
        Set<SceneItem> isFresh = Collections.newSetFromMap(new IdentityHashMap<>());
        isFresh.addAll(fresh);
        for (int i = 0; i < items.length; i++) {
            SceneItem it = items[i];
            it.index = i;
            if (isFresh.contains(it)) {
                scene.patched.add(it);
                scene.grid.add(i, it.bounds);
            }
        }
    }
}
