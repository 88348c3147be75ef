package org.mapwork.export.paint;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.AnnotationType;
import org.mapwork.templates.Backdrop;
import org.mapwork.templates.Badge;
import org.mapwork.templates.LegendEntry;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.NodeLook;
import org.mapwork.templates.Presentation;

/**
 * Everything the painter derives from one document snapshot: the items that draw every element, in drawing order
 * (frames, links, nodes, other annotations), a {@link GridIndex} over their bounds so a frame only visits what it
 * shows, the backdrops and the content's bounds. Built once per snapshot, taking over the items of unchanged nodes
 * from the previous scene; a small change is {@link ScenePatch patched} in place instead.
 */
final class MapScene {

    MapDocument doc;
    final Presentation presentation;
    final Optional<MethodTemplate> method;
    /** Builds the items of this scene's method (and the painter's text wrapper). */
    final ItemBuilder build;
    SceneItem[] items;
    Rectangle2D content;
    List<Backdrop> backdrops;
    private List<LegendEntry> legend;
    final Map<String, SceneItem> byId;
    final GridIndex grid;
    /** The union of the items' bounds (the content without backdrops); {@code null} when there are no items. */
    Rectangle2D itemBounds;
    /** The items the last {@link #updateTo} took out, put in or replaced (old and new). */
    final List<SceneItem> patched = new ArrayList<>();

    /** What {@link #forEachIn} calls for each item it finds. */
    interface ItemVisitor {
        void visit(SceneItem item);
    }

    MapScene(MapDocument doc, Optional<MethodTemplate> method, TextWrapper text, MapScene previous) {
        this.doc = doc;
        this.method = method;
        this.presentation = method.map(MethodTemplate::presentation).orElseGet(() -> new PlainPresentation(doc));
        this.build = new ItemBuilder(presentation, method, text);
        List<Element> ordered = doc.inDrawOrder();
        List<SceneItem> frames = new ArrayList<>();
        List<SceneItem> links = new ArrayList<>();
        List<SceneItem> nodes = new ArrayList<>();
        List<SceneItem> notes = new ArrayList<>();
        Map<String, NodeItem> nodeItems = new HashMap<>();
        boolean sameMapAttributes = previous != null && previous.doc.mapAttributes() == doc.mapAttributes()
                && previous.method.equals(method);
        for (Element e : ordered) {
            if (e.isNode()) {
                NodeLook look = presentation.nodeLook(doc, e);
                OptionalLong tower = presentation.tower(e);
                List<Badge> badges = presentation.badges(doc, e);
                NodeItem item = null;
                if (sameMapAttributes && previous.byId.get(e.id()) instanceof NodeItem old && old.element == e
                        && old.look.equals(look) && old.badges.equals(badges) && old.tower == tower.orElse(-1)) {
                    item = old;
                }
                if (item == null) {
                    item = build.node(e, look, tower.orElse(-1), badges);
                }
                nodes.add(item);
                nodeItems.put(e.id(), item);
            } else if (e.isAnnotation()) {
                AnnotationItem a = build.annotation(e);
                (a.form == AnnotationType.Form.FRAME ? frames : notes).add(a);
            }
        }
        Map<String, List<Element>> pairs = new HashMap<>();
        for (Element e : ordered) {
            if (e.isLink()) {
                pairs.computeIfAbsent(ItemBuilder.pairKey(e), k -> new ArrayList<>()).add(e);
            }
        }
        for (List<Element> pair : pairs.values()) {
            if (pair.size() > 1) {
                pair.sort((a, b) -> a.id().compareTo(b.id()));
            }
        }
        for (Element e : ordered) {
            if (e.isLink()) {
                NodeItem s = nodeItems.get(e.source());
                NodeItem t = nodeItems.get(e.target());
                if (s != null && t != null) {
                    List<Element> pair = pairs.get(ItemBuilder.pairKey(e));
                    links.add(build.link(doc, e, s, t, pair.indexOf(e), pair.size()));
                }
            }
        }
        List<SceneItem> all = new ArrayList<>(ordered.size());
        all.addAll(frames);
        all.addAll(links);
        all.addAll(nodes);
        all.addAll(notes);
        items = all.toArray(new SceneItem[0]);
        byId = new HashMap<>(items.length * 2);
        grid = new GridIndex(items.length);
        Rectangle2D bounds = null;
        for (int i = 0; i < items.length; i++) {
            SceneItem it = items[i];
            it.index = i;
            byId.put(it.element.id(), it);
            bounds = SceneShapes.union(bounds, it.bounds);
            grid.add(it);
        }
        finish(bounds);
    }

    /** Backdrops, legend and the content's bounds, from the items' bounds. */
    void finish(Rectangle2D unionOfItems) {
        itemBounds = unionOfItems == null ? null : (Rectangle2D) unionOfItems.clone();
        Rectangle2D bounds = unionOfItems == null ? null : (Rectangle2D) unionOfItems.clone();
        backdrops = presentation.backdrops(doc);
        for (Backdrop b : backdrops) {
            bounds = SceneShapes.union(bounds, SceneShapes.backdropBounds(b));
        }
        for (Backdrop b : backdrops) {
            if (b instanceof Backdrop.HorizontalLine h && bounds != null) {
                bounds = SceneShapes.union(bounds, new Rectangle2D.Double(bounds.getX(), h.y() - 20, bounds.getWidth(), 24));
            }
        }
        content = bounds != null ? bounds : new Rectangle2D.Double(0, 0, 400, 300);
        legend = null;
    }

    /** The legend entries, asked of the method only when a legend is drawn (the screen draws none). */
    List<LegendEntry> legend() {
        if (legend == null) {
            legend = presentation.legend(doc);
        }
        return legend;
    }

    /**
     * Brings this scene to {@code next} in place when {@code next} differs from the current snapshot only in a few
     * elements (see {@link ScenePatch}). Returns {@code false}, leaving the scene as it was, when the difference is
     * larger or structural: the caller then builds a new scene.
     */
    boolean updateTo(MapDocument next) {
        return new ScenePatch(this, next).apply();
    }

    /** The items the last {@link #updateTo} took out, put in or replaced (old and new): where the drawing changed. */
    List<SceneItem> patched() {
        return List.copyOf(patched);
    }

    /** The item that draws element {@code id}, or {@code null} when it is not drawn. */
    SceneItem item(String id) {
        return byId.get(id);
    }

    /**
     * Items for the given elements of {@code other} — a snapshot of this map that a gesture has changed in a few
     * elements — built on their own, in drawing order, without bringing this scene to {@code other}: what the live
     * drawing of a gesture needs, at a cost that grows with the elements, not with the map. Returns {@code null} when
     * {@code other} has another method or other map attributes (the caller then builds a scene for it).
     */
    List<SceneItem> detached(MapDocument other, Collection<String> ids) {
        if (!other.methodId().equals(doc.methodId()) || other.mapAttributes() != doc.mapAttributes()) {
            return null;
        }
        return build.detached(other, ids);
    }

    /** Visits, in drawing order, every item whose bounds meet the area. */
    void forEachIn(double x, double y, double w, double h, ItemVisitor visitor) {
        grid.forEachIn(items, x, y, w, h, visitor);
    }
}
