package org.mapwork.export.paint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Point;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AnnotationType;
import org.mapwork.templates.Backdrop;
import org.mapwork.templates.Badge;
import org.mapwork.templates.LegendEntry;
import org.mapwork.templates.LinkLook;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.NodeLook;
import org.mapwork.templates.Presentation;

/**
 * Everything the painter derives from one document snapshot: the shapes, strokes, colours and wrapped texts of
 * every element in drawing order, and a grid index over their bounds so a frame only visits what it shows.
 * Built once per snapshot; items of unchanged elements are taken over from the previous scene.
 */
final class MapScene {

    static final float LABEL_SIZE = 12f;
    /** A heading annotation's size (a rich picture's title). */
    static final float HEADING_SIZE = 24f;
    static final float MIN_LABEL_SIZE = 9f;
    static final float TYPE_LABEL_SIZE = 9f;
    static final float LINK_LABEL_SIZE = 10f;
    static final double PAD = 6;
    static final double PARALLEL_SPACING = 10;
    private static final double CELL = 256;
    /** Items spanning more grid cells than this are kept in a short list checked on every frame instead. */
    private static final int MAX_CELLS = 64;

    MapDocument doc;
    final Presentation presentation;
    final Optional<MethodTemplate> method;
    final Item[] items;
    Rectangle2D content;
    List<Backdrop> backdrops;
    private List<LegendEntry> legend;
    private final Map<String, Item> byId;
    private final Map<Long, int[]> grid = new HashMap<>();
    /** Items too large for the grid (long links across the map), checked on every visit. */
    private int[] wide;
    // per-frame scratch, reused so that drawing a frame allocates nothing that grows with the map
    private int[] visible = new int[256];
    private final int[] seen;
    private int stamp;

    /** One drawable thing, in drawing order. */
    abstract static class Item {
        final Element element;
        Rectangle2D bounds;
        int index;

        Item(Element element) {
            this.element = element;
        }
    }

    static final class NodeItem extends Item {
        final NodeLook look;
        final String shapeName;
        final Shape shape;
        final Color fill;
        final Color stroke;
        final Color textColour;
        final WrappedText label;
        final double labelTop;
        final WrappedText typeLabel;
        final Shape pictogram;
        final long tower;
        final List<Badge> badges;

        NodeItem(Element e, NodeLook look, String shapeName, Shape shape, Color fill, Color stroke, Color textColour,
                 WrappedText label, double labelTop, WrappedText typeLabel, Shape pictogram, long tower, List<Badge> badges,
                 double typeLabelTop, Tower towerShape) {
            super(e);
            this.look = look;
            this.shapeName = shapeName;
            this.shape = shape;
            this.fill = fill;
            this.stroke = stroke;
            this.textColour = textColour;
            this.label = label;
            this.labelTop = labelTop;
            this.typeLabel = typeLabel;
            this.pictogram = pictogram;
            this.tower = tower;
            this.badges = badges;
            this.typeLabelTop = typeLabelTop;
            this.towerShape = towerShape;
            this.typeLabelColour = MapPainter.withAlpha(textColour, 190);
        }

        final Color typeLabelColour;

        final Tower towerShape;

        final double typeLabelTop;

        double cx() {
            return element.geometry().centerX();
        }

        double cy() {
            return element.geometry().centerY();
        }
    }

    static final class LinkItem extends Item {
        final Shape path;
        /** The straight part between the two nodes (for hit tests), or {@code null} for a loop. */
        final Line2D segment;
        /** How far from its segment a link draws (halo, arrowhead, antialiasing), in map units. */
        private final double reach;

        /** Whether what this link draws can meet the area (its line within reach of it, or its label in it). */
        boolean meets(double x, double y, double w, double h) {
            if (segment == null || segment.intersects(x - reach, y - reach, w + 2 * reach, h + 2 * reach)) {
                return true;
            }
            return label != null && labelX + label.maxWidth() / 2 + 4 >= x && labelX - label.maxWidth() / 2 - 4 <= x + w
                    && labelY + label.height() / 2 + 3 >= y && labelY - label.height() / 2 - 3 <= y + h;
        }
        final Shape arrow;
        final Color colour;
        final Stroke stroke;
        final Stroke halo;
        final WrappedText label;
        final double labelX;
        final double labelY;

        /** What the path was drawn from: the two end nodes' items and the link's place among parallel links. */
        final NodeItem from, to;
        final int indexInPair, pairSize;

        LinkItem(Element e, NodeItem from, NodeItem to, int indexInPair, int pairSize, Shape path, Line2D segment,
                 Shape arrow, Color colour, Stroke stroke, Stroke halo, WrappedText label, double labelX, double labelY) {
            super(e);
            this.segment = segment;
            this.reach = segment == null ? 0 : (((BasicStroke) halo).getLineWidth() / 2 + 14);
            this.from = from;
            this.to = to;
            this.indexInPair = indexInPair;
            this.pairSize = pairSize;
            this.path = path;
            this.arrow = arrow;
            this.colour = colour;
            this.stroke = stroke;
            this.halo = halo;
            this.label = label;
            this.labelX = labelX;
            this.labelY = labelY;
            this.labelColour = colour.darker();
        }

        final Color labelColour;
    }

    static final class AnnotationItem extends Item {
        final AnnotationType.Form form;
        final Shape shape;
        final Shape arrow;
        final Color colour;
        final WrappedText label;

        AnnotationItem(Element e, AnnotationType.Form form, Shape shape, Shape arrow, Color colour, WrappedText label) {
            super(e);
            this.form = form;
            this.shape = shape;
            this.arrow = arrow;
            this.colour = colour;
            this.label = label;
        }
    }

    MapScene(MapDocument doc, Optional<MethodTemplate> method, TextWrapper text, MapScene previous) {
        this.doc = doc;
        this.method = method;
        this.presentation = method.map(MethodTemplate::presentation).orElseGet(() -> new PlainPresentation(doc));
        List<Element> ordered = doc.inDrawOrder();
        List<Item> frames = new ArrayList<>();
        List<Item> links = new ArrayList<>();
        List<Item> nodes = new ArrayList<>();
        List<Item> notes = new ArrayList<>();
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
                    item = node(e, look, tower.orElse(-1), badges, text);
                }
                nodes.add(item);
                nodeItems.put(e.id(), item);
            } else if (e.isAnnotation()) {
                AnnotationItem a = annotation(e, text);
                (a.form == AnnotationType.Form.FRAME ? frames : notes).add(a);
            }
        }
        Map<String, List<Element>> pairs = new HashMap<>();
        for (Element e : ordered) {
            if (e.isLink()) {
                pairs.computeIfAbsent(pairKey(e), k -> new ArrayList<>()).add(e);
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
                    List<Element> pair = pairs.get(pairKey(e));
                    links.add(link(doc, e, s, t, pair.indexOf(e), pair.size(), text));
                }
            }
        }
        List<Item> all = new ArrayList<>(ordered.size());
        all.addAll(frames);
        all.addAll(links);
        all.addAll(nodes);
        all.addAll(notes);
        items = all.toArray(new Item[0]);
        byId = new HashMap<>(items.length * 2);
        List<Integer> wideItems = new ArrayList<>();
        Rectangle2D bounds = null;
        for (int i = 0; i < items.length; i++) {
            Item it = items[i];
            it.index = i;
            byId.put(it.element.id(), it);
            bounds = union(bounds, it.bounds);
            if (!index(i, it.bounds)) {
                wideItems.add(i);
            }
        }
        wide = wideItems.stream().mapToInt(Integer::intValue).toArray();
        seen = new int[items.length];
        finish(bounds);
    }

    /** The union of the items' bounds (the content without backdrops). */
    private Rectangle2D itemBounds;
    private boolean touchedEdge;
    /** The items the last {@link #updateTo} replaced, old and new in turn. */
    private final List<Item> patched = new ArrayList<>();

    /** Backdrops, legend and the content's bounds, from the items' bounds. */
    private void finish(Rectangle2D unionOfItems) {
        itemBounds = unionOfItems == null ? new Rectangle2D.Double() : (Rectangle2D) unionOfItems.clone();
        Rectangle2D bounds = unionOfItems == null ? null : (Rectangle2D) unionOfItems.clone();
        backdrops = presentation.backdrops(doc);
        for (Backdrop b : backdrops) {
            bounds = union(bounds, backdropBounds(b));
        }
        for (Backdrop b : backdrops) {
            if (b instanceof Backdrop.HorizontalLine h && bounds != null) {
                bounds = union(bounds, new Rectangle2D.Double(bounds.getX(), h.y() - 20, bounds.getWidth(), 24));
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

    /** Most element changes at a time that are patched in place; more, and the scene is rebuilt. */
    private static final int MAX_PATCH = 256;

    /**
     * Brings this scene to {@code next} in place when {@code next} differs from the current snapshot only in a few
     * elements' geometry, labels, attributes or style (a drag, an edit): their items and the items of the links they
     * touch are rebuilt and re-indexed, everything else stays. Returns {@code false}, leaving the scene unusable,
     * when the difference is larger or structural (elements added or removed, order, endpoints, map attributes):
     * the caller then builds a new scene.
     */
    boolean updateTo(MapDocument next, TextWrapper text) {
        if (presentation instanceof PlainPresentation || !next.methodId().equals(doc.methodId())
                || next.mapAttributes() != doc.mapAttributes() || next.size() != doc.size()) {
            return false;
        }
        List<Element> changed = new ArrayList<>();
        for (Element e : next.elements()) {
            Item it = byId.get(e.id());
            if (it == null) {
                // an element without an item is a dangling link (endpoint missing) or something new: rebuild
                if (doc.element(e.id()) != e) {
                    return false;
                }
                continue;
            }
            Element old = it.element;
            if (old != e) {
                if (old.kind() != e.kind() || !old.order().equals(e.order()) || !java.util.Objects.equals(old.source(), e.source())
                        || !java.util.Objects.equals(old.target(), e.target()) || changed.size() >= MAX_PATCH) {
                    return false;
                }
                changed.add(e);
            }
        }
        doc = next;
        touchedEdge = false;
        patched.clear();
        java.util.Set<String> linksToRedo = new java.util.LinkedHashSet<>();
        for (Element e : changed) {
            Item old = byId.get(e.id());
            Item fresh;
            if (e.isNode()) {
                fresh = node(e, presentation.nodeLook(next, e), presentation.tower(e).orElse(-1), presentation.badges(next, e), text);
                for (Element l : next.linksOf(e.id())) {
                    linksToRedo.add(l.id());
                }
            } else if (e.isLink()) {
                linksToRedo.add(e.id());
                continue;
            } else {
                fresh = annotation(e, text);
            }
            if (!replace(old, fresh)) {
                return false;
            }
        }
        // links between the same two nodes are drawn side by side: redo the whole bundle
        java.util.Set<String> bundles = new java.util.LinkedHashSet<>();
        for (String id : linksToRedo) {
            for (Element sibling : bundle(next, next.element(id))) {
                bundles.add(sibling.id());
            }
        }
        for (String id : bundles) {
            Element l = next.element(id);
            Item old = byId.get(id);
            if (old == null) {
                return false;
            }
            List<Element> pair = bundle(next, l);
            NodeItem s = (NodeItem) byId.get(l.source()), t = (NodeItem) byId.get(l.target());
            if (s == null || t == null || !replace(old, link(next, l, s, t, pair.indexOf(l), pair.size(), text))) {
                return false;
            }
        }
        Rectangle2D bounds;
        if (touchedEdge) {
            bounds = null;
            for (Item it : items) {
                bounds = union(bounds, it.bounds);
            }
        } else {
            // nothing left the content's edge: the bounds can only have grown, by the new items' bounds (the old ones lie
            // inside them)
            bounds = (Rectangle2D) itemBounds.clone();
            for (Item it : patched) {
                bounds.add(it.bounds);
            }
        }
        finish(bounds);
        return true;
    }

    /** Puts {@code fresh} where {@code old} was, in the drawing order and in the grid. */
    private boolean replace(Item old, Item fresh) {
        Rectangle2D b = old.bounds;
        touchedEdge |= b.getMinX() <= itemBounds.getMinX() || b.getMinY() <= itemBounds.getMinY()
                || b.getMaxX() >= itemBounds.getMaxX() || b.getMaxY() >= itemBounds.getMaxY();
        patched.add(old);
        patched.add(fresh);
        int i = old.index;
        if (!unindex(i, old.bounds)) {
            wide = Arrays.stream(wide).filter(k -> k != i).toArray();
        }
        fresh.index = i;
        items[i] = fresh;
        byId.put(fresh.element.id(), fresh);
        if (!index(i, fresh.bounds)) {
            wide = Arrays.copyOf(wide, wide.length + 1);
            wide[wide.length - 1] = i;
        }
        return true;
    }

    /** The items the last {@link #updateTo} replaced, each old item followed by its new one. */
    List<Item> patched() {
        return List.copyOf(patched);
    }

    /** Removes item {@code i} from the grid cells of {@code b}; false when it was kept in the wide list instead. */
    private boolean unindex(int i, Rectangle2D b) {
        int x0 = cell(b.getMinX()), x1 = cell(b.getMaxX()), y0 = cell(b.getMinY()), y1 = cell(b.getMaxY());
        if ((long) (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS) {
            return false;
        }
        for (int cx = x0; cx <= x1; cx++) {
            for (int cy = y0; cy <= y1; cy++) {
                int[] list = grid.get(key(cx, cy));
                if (list == null) {
                    continue;
                }
                for (int k = 1; k <= list[0]; k++) {
                    if (list[k] == i) {
                        list[k] = list[list[0]];
                        list[0]--;
                        break;
                    }
                }
            }
        }
        return true;
    }

    Item item(String id) {
        return byId.get(id);
    }

    /**
     * Items for the given elements of {@code other} — a snapshot of this map that a gesture has changed in a few
     * elements — built on their own, in drawing order, without bringing this scene to {@code other}: what the live
     * drawing of a gesture needs, at a cost that grows with the elements, not with the map. Returns {@code null} when
     * {@code other} has another method or other map attributes (the caller then builds a scene for it).
     */
    List<Item> detached(MapDocument other, java.util.Collection<String> ids, TextWrapper text) {
        if (!other.methodId().equals(doc.methodId()) || other.mapAttributes() != doc.mapAttributes()) {
            return null;
        }
        Map<String, NodeItem> nodes = new HashMap<>();
        java.util.function.Function<String, NodeItem> nodeOf = id -> {
            NodeItem done = nodes.get(id);
            Element n = other.element(id);
            if (done == null && n != null && n.isNode()) {
                done = node(n, presentation.nodeLook(other, n), presentation.tower(n).orElse(-1), presentation.badges(other, n), text);
                nodes.put(id, done);
            }
            return done;
        };
        List<Item> out = new ArrayList<>();
        for (String id : ids) {
            Element e = other.element(id);
            if (e == null) {
                continue;
            }
            if (e.isNode()) {
                out.add(nodeOf.apply(id));
            } else if (e.isLink()) {
                NodeItem s = nodeOf.apply(e.source()), t = nodeOf.apply(e.target());
                if (s != null && t != null) {
                    List<Element> pair = bundle(other, e);
                    out.add(link(other, e, s, t, pair.indexOf(e), pair.size(), text));
                }
            } else {
                out.add(annotation(e, text));
            }
        }
        // the scene's own order: frames, links, nodes, other annotations, each by the elements' order keys
        out.sort(java.util.Comparator.comparingInt(MapScene::layer)
                .thenComparing(it -> it.element.order()).thenComparing(it -> it.element.id()));
        return out;
    }

    private static int layer(Item it) {
        if (it instanceof AnnotationItem a) {
            return a.form == AnnotationType.Form.FRAME ? 0 : 3;
        }
        return it instanceof LinkItem ? 1 : 2;
    }

    /**
     * Whether two items of the same element, from two scenes of one method with the same map attributes, draw the
     * same pixels: the same item, or a link or annotation rebuilt from the same element (and, for a link, the same
     * end nodes in the same place among parallel links).
     */
    static boolean drawnAlike(Item a, Item b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.element != b.element || !a.bounds.equals(b.bounds)) {
            return false;
        }
        if (a instanceof LinkItem la && b instanceof LinkItem lb) {
            return la.from.element == lb.from.element && la.to.element == lb.to.element
                    && la.from.look.equals(lb.from.look) && la.to.look.equals(lb.to.look)
                    && la.indexInPair == lb.indexInPair && la.pairSize == lb.pairSize;
        }
        return a instanceof AnnotationItem && b instanceof AnnotationItem;
    }

    /** The links between the same two nodes as {@code link} (itself included), by id: they are drawn side by side. */
    private static List<Element> bundle(MapDocument doc, Element link) {
        List<Element> pair = new ArrayList<>();
        for (Element sibling : doc.linksOf(link.source())) {
            if (pairKey(sibling).equals(pairKey(link))) {
                pair.add(sibling);
            }
        }
        pair.sort((a, b) -> a.id().compareTo(b.id()));
        return pair;
    }

    private static String pairKey(Element link) {
        return link.source().compareTo(link.target()) <= 0
                ? link.source() + '\u0000' + link.target() : link.target() + '\u0000' + link.source();
    }

    // ----- spatial index -----

    private boolean index(int i, Rectangle2D b) {
        int x0 = cell(b.getMinX()), x1 = cell(b.getMaxX()), y0 = cell(b.getMinY()), y1 = cell(b.getMaxY());
        if ((long) (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS) {
            return false;
        }
        for (int cx = x0; cx <= x1; cx++) {
            for (int cy = y0; cy <= y1; cy++) {
                long key = key(cx, cy);
                int[] list = grid.get(key);
                if (list == null) {
                    list = new int[] {0, 0, 0, 0, 0};
                    grid.put(key, list);
                } else if (list[0] + 1 == list.length) {
                    list = Arrays.copyOf(list, list.length * 2);
                    grid.put(key, list);
                }
                list[++list[0]] = i;
            }
        }
        return true;
    }

    private static int cell(double v) {
        return (int) Math.floor(v / CELL);
    }

    private static long key(int cx, int cy) {
        return ((long) cx << 32) ^ (cy & 0xffffffffL);
    }

    interface ItemVisitor {
        void visit(Item item);
    }

    /** Visits, in drawing order, every item whose bounds meet the area. */
    void forEachIn(double x, double y, double w, double h, ItemVisitor visitor) {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        int n = 0;
        int x0 = cell(x), x1 = cell(x + w), y0 = cell(y), y1 = cell(y + h);
        long cells = (long) (x1 - x0 + 1) * (y1 - y0 + 1);
        if (cells > grid.size()) {
            // zoomed far out: walking the occupied cells is cheaper than walking the empty ones
            for (int[] list : grid.values()) {
                n = collect(list, x, y, w, h, n);
            }
        } else {
            for (int cx = x0; cx <= x1; cx++) {
                for (int cy = y0; cy <= y1; cy++) {
                    int[] list = grid.get(key(cx, cy));
                    if (list != null) {
                        n = collect(list, x, y, w, h, n);
                    }
                }
            }
        }
        for (int i : wide) {
            n = add(i, x, y, w, h, n);
        }
        Arrays.sort(visible, 0, n);
        for (int k = 0; k < n; k++) {
            visitor.visit(items[visible[k]]);
        }
    }

    private int collect(int[] list, double x, double y, double w, double h, int n) {
        for (int k = 1; k <= list[0]; k++) {
            n = add(list[k], x, y, w, h, n);
        }
        return n;
    }

    private int add(int i, double x, double y, double w, double h, int n) {
        if (seen[i] == stamp) {
            return n;
        }
        seen[i] = stamp;
        Rectangle2D b = items[i].bounds;
        if (b.getMaxX() < x || b.getMinX() > x + w || b.getMaxY() < y || b.getMinY() > y + h) {
            return n;
        }
        // a long link's box covers much more than the link: skip it where only the box meets the area
        if (items[i] instanceof LinkItem l && !l.meets(x, y, w, h)) {
            return n;
        }
        if (n == visible.length) {
            visible = Arrays.copyOf(visible, n * 2);
        }
        visible[n] = i;
        return n + 1;
    }

    // ----- nodes -----

    private NodeItem node(Element e, NodeLook look, long tower, List<Badge> badges, TextWrapper text) {
        var g = e.geometry();
        String shapeName = e.style().shape() != null ? e.style().shape() : look.shape();
        Color fill = Colours.parse(e.style().colour() != null ? e.style().colour() : look.fill(), new Color(0xeeeeee));
        Color stroke = Colours.parse(look.stroke(), fill.darker());
        Color textColour = e.style().colour() != null ? Colours.textOn(fill) : Colours.parse(look.textColour(), Colours.textOn(fill));
        Shape shape = shape(shapeName, g.x(), g.y(), g.width(), g.height());
        double inner = textWidthFactor(shapeName);
        // small boxes get less padding, so that a label line still fits
        double pad = Math.max(2, Math.min(PAD, g.height() * 0.08));
        double areaW = Math.max(8, g.width() * inner - 2 * pad);
        double top = g.y() + pad;
        double bottom = g.y() + g.height() - pad;
        Shape pictogram = null;
        Optional<Shape> icon = PictogramShapes.shape(look.pictogram());
        double iconSize = 0;
        if (icon.isPresent()) {
            iconSize = Math.max(8, Math.min(Math.min(areaW, (bottom - top) * 0.55), 56));
        }
        WrappedText typeLabel = null;
        boolean wantTypeLabel = look.typeLabel() != null && !look.typeLabel().isBlank();
        WrappedText label = null;
        // the label gets the largest size (12 down to 9) at which it fits the box whole; the type name above it
        // gives way first when even that is not enough
        for (int attempt = 0; attempt < 2; attempt++) {
            boolean withType = wantTypeLabel && attempt == 0;
            typeLabel = withType ? text.wrap(look.typeLabel(), true, TYPE_LABEL_SIZE, areaW, 1) : null;
            double labelTop = top + (typeLabel == null ? 0 : typeLabel.height()) + (iconSize > 0 ? iconSize + 2 : 0);
            if (e.label().isEmpty()) {
                break;
            }
            for (float size = LABEL_SIZE; size >= MIN_LABEL_SIZE; size -= 1f) {
                double lineHeight = Math.ceil(size * 1.25 * 100) / 100;
                int maxLines = Math.max(1, (int) Math.floor((bottom - labelTop) / lineHeight));
                label = text.wrap(e.label(), false, size, areaW, maxLines);
                if (!label.truncated()) {
                    break;
                }
            }
            if (!label.truncated() || !wantTypeLabel) {
                break;
            }
        }
        if (typeLabel != null) {
            top += typeLabel.height();
        }
        if (icon.isPresent()) {
            AffineTransform at = new AffineTransform();
            at.translate(g.centerX() - iconSize / 2, top);
            at.scale(iconSize / 24, iconSize / 24);
            pictogram = at.createTransformedShape(icon.get());
            top += iconSize + 2;
        }
        double labelTop = label == null ? top : top + Math.max(0, (bottom - top - label.height()) / 2);
        Rectangle2D bounds = new Rectangle2D.Double(g.x() - 6, g.y() - 6, g.width() + 12, g.height() + 12);
        if (label != null && labelTop + label.height() > bounds.getMaxY()) {
            bounds.add(g.x(), labelTop + label.height() + 2);
        }
        if (tower >= 0) {
            bounds.add(towerBounds(g.x() + g.width(), g.y() + g.height(), tower));
        }
        if (!badges.isEmpty()) {
            double w = 0;
            for (Badge b : badges) {
                w += Math.max(18, text.line(b.text() == null ? "" : b.text(), true, 10f).maxWidth() + 8) + 4;
            }
            bounds.add(new Rectangle2D.Double(g.x() - 2, g.y() - 12, w + 4, 24));
        }
        NodeItem item = new NodeItem(e, look, shapeName, shape, fill, stroke, textColour, label, labelTop, typeLabel,
                pictogram, tower, List.copyOf(badges), g.y() + pad,
                tower >= 0 ? tower(g.x() + g.width(), g.y() + g.height(), tower) : null);
        item.bounds = bounds;
        return item;
    }

    static final int TOWER_MAX_DISCS = 10;
    static final double DISC_W = 20, DISC_H = 7, DISC_STEP = 5;

    /**
     * An influence tower as a stack of discs (at most ten drawn), in three shapes so that any target draws it in a
     * few operations: the body (the discs' union), the rims between discs, and the top disc.
     */
    record Tower(Shape body, Shape rims, Shape top, double numberX, double numberBottom) {
    }

    static Tower tower(double right, double bottom, long height) {
        Rectangle2D b = towerBounds(right, bottom, height);
        long discs = Math.max(1, Math.min(height, TOWER_MAX_DISCS));
        double x = b.getX() + 4;
        double topY = bottom - DISC_H - (discs - 1) * DISC_STEP;
        Path2D body = new Path2D.Double();
        // the side walls from the top disc's middle down to the bottom disc's middle, closed by the bottom half-ellipse
        body.moveTo(x, topY + DISC_H / 2);
        body.lineTo(x, bottom - DISC_H / 2);
        body.append(new java.awt.geom.Arc2D.Double(x, bottom - DISC_H, DISC_W, DISC_H, 180, 180, java.awt.geom.Arc2D.OPEN), true);
        body.lineTo(x + DISC_W, topY + DISC_H / 2);
        body.closePath();
        Path2D rims = new Path2D.Double();
        for (int i = 0; i < discs - 1; i++) {
            double y = bottom - DISC_H - i * DISC_STEP;
            rims.append(new java.awt.geom.Arc2D.Double(x, y, DISC_W, DISC_H, 180, 180, java.awt.geom.Arc2D.OPEN), false);
        }
        rims.moveTo(x, topY + DISC_H / 2);
        rims.lineTo(x, bottom - DISC_H / 2);
        rims.moveTo(x + DISC_W, topY + DISC_H / 2);
        rims.lineTo(x + DISC_W, bottom - DISC_H / 2);
        Shape top = new Ellipse2D.Double(x, topY, DISC_W, DISC_H);
        return new Tower(body, rims, top, x + DISC_W / 2, topY - 1);
    }

    /** The tower stands right of the node's bottom-right corner: up to ten discs, its number on top. */
    static Rectangle2D towerBounds(double right, double bottom, long height) {
        long discs = Math.min(height, TOWER_MAX_DISCS);
        double h = DISC_H + Math.max(0, discs - 1) * DISC_STEP + 18;
        return new Rectangle2D.Double(right + 4, bottom - h, DISC_W + 8, h + 2);
    }

    static double textWidthFactor(String shape) {
        if (shape == null) {
            return 1;
        }
        return switch (shape) {
            case "ellipse", "circle", "cloud" -> 0.74;
            case "diamond" -> 0.56;
            case "hexagon" -> 0.8;
            default -> 1;
        };
    }

    static Shape shape(String name, double x, double y, double w, double h) {
        String n = name == null ? "rectangle" : name;
        switch (n) {
            case "rounded":
                return new RoundRectangle2D.Double(x, y, w, h, Math.min(18, w / 2), Math.min(18, h / 2));
            case "ellipse":
                return new Ellipse2D.Double(x, y, w, h);
            case "circle": {
                double d = Math.min(w, h);
                return new Ellipse2D.Double(x + (w - d) / 2, y + (h - d) / 2, d, d);
            }
            case "diamond": {
                Path2D p = new Path2D.Double();
                p.moveTo(x + w / 2, y);
                p.lineTo(x + w, y + h / 2);
                p.lineTo(x + w / 2, y + h);
                p.lineTo(x, y + h / 2);
                p.closePath();
                return p;
            }
            case "hexagon": {
                double d = Math.min(w / 4, h / 2);
                Path2D p = new Path2D.Double();
                p.moveTo(x + d, y);
                p.lineTo(x + w - d, y);
                p.lineTo(x + w, y + h / 2);
                p.lineTo(x + w - d, y + h);
                p.lineTo(x + d, y + h);
                p.lineTo(x, y + h / 2);
                p.closePath();
                return p;
            }
            case "note": {
                double f = Math.min(14, Math.min(w, h) / 3);
                Path2D p = new Path2D.Double();
                p.moveTo(x, y);
                p.lineTo(x + w - f, y);
                p.lineTo(x + w, y + f);
                p.lineTo(x + w, y + h);
                p.lineTo(x, y + h);
                p.closePath();
                return p;
            }
            case "cloud":
                return cloud(x, y, w, h);
            default:
                return new Rectangle2D.Double(x, y, w, h);
        }
    }

    /** A cloud: bumps of quadratic curves around an ellipse. */
    private static Shape cloud(double x, double y, double w, double h) {
        int bumps = 10;
        double cx = x + w / 2, cy = y + h / 2, rx = w / 2 * 0.86, ry = h / 2 * 0.80;
        Path2D p = new Path2D.Double();
        for (int i = 0; i <= bumps; i++) {
            double a = 2 * Math.PI * i / bumps;
            double px = cx + rx * Math.cos(a), py = cy + ry * Math.sin(a);
            if (i == 0) {
                p.moveTo(px, py);
            } else {
                double m = 2 * Math.PI * (i - 0.5) / bumps;
                p.quadTo(cx + rx * 1.3 * Math.cos(m), cy + ry * 1.3 * Math.sin(m), px, py);
            }
        }
        p.closePath();
        return p;
    }

    // ----- links -----

    private LinkItem link(MapDocument of, Element e, NodeItem s, NodeItem t, int indexInPair, int pairSize, TextWrapper text) {
        LinkLook look = presentation.linkLook(of, e);
        Color colour = Colours.parse(e.style().colour() != null ? e.style().colour() : look.colour(), new Color(0x555555));
        double width = look.width() > 0 ? look.width() : 1.5;
        Stroke stroke = stroke(look.dash(), width);
        Stroke halo = new BasicStroke((float) (width + 8), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        Shape path;
        Line2D segment = null;
        Shape arrow = null;
        double mx, my;
        if (s == t) {
            var g = s.element.geometry();
            double r = 14;
            double cx = g.x() + g.width(), cy = g.y();
            path = new Ellipse2D.Double(cx - r - 4 * indexInPair, cy - r - 4 * indexInPair, 2 * r, 2 * r);
            mx = cx + r;
            my = cy - r;
        } else {
            // offsets are measured against the pair's canonical direction, so opposite links stay apart too
            boolean canonical = e.source().compareTo(e.target()) <= 0;
            NodeItem a = canonical ? s : t, b = canonical ? t : s;
            double dx = b.cx() - a.cx(), dy = b.cy() - a.cy();
            double len = Math.hypot(dx, dy);
            double nx = len == 0 ? 0 : -dy / len, ny = len == 0 ? 1 : dx / len;
            double offset = (indexInPair - (pairSize - 1) / 2.0) * PARALLEL_SPACING;
            double sx = s.cx() + nx * offset, sy = s.cy() + ny * offset;
            double tx = t.cx() + nx * offset, ty = t.cy() + ny * offset;
            Point2D p0 = exit(s, sx, sy, tx - sx, ty - sy);
            Point2D p1 = exit(t, tx, ty, sx - tx, sy - ty);
            double ux = p1.getX() - p0.getX(), uy = p1.getY() - p0.getY();
            double ul = Math.hypot(ux, uy);
            if (ul > 0) {
                ux /= ul;
                uy /= ul;
            }
            double endX = p1.getX(), endY = p1.getY();
            if (look.directed() && ul > 0) {
                double al = 9 + 1.5 * width, aw = 4.5 + 0.75 * width;
                Path2D head = new Path2D.Double();
                head.moveTo(p1.getX(), p1.getY());
                head.lineTo(p1.getX() - ux * al - uy * aw, p1.getY() - uy * al + ux * aw);
                head.lineTo(p1.getX() - ux * al + uy * aw, p1.getY() - uy * al - ux * aw);
                head.closePath();
                arrow = head;
                endX = p1.getX() - ux * al * 0.8;
                endY = p1.getY() - uy * al * 0.8;
            }
            segment = new Line2D.Double(p0.getX(), p0.getY(), endX, endY);
            path = MapPainter.line(p0.getX(), p0.getY(), endX, endY);
            mx = (p0.getX() + p1.getX()) / 2;
            my = (p0.getY() + p1.getY()) / 2;
        }
        WrappedText label = e.label().isEmpty() ? null : text.wrap(e.label(), false, LINK_LABEL_SIZE, 140, 2);
        Rectangle2D bounds = path.getBounds2D();
        if (arrow != null) {
            bounds.add(arrow.getBounds2D());
        }
        bounds = new Rectangle2D.Double(bounds.getX() - width - 5, bounds.getY() - width - 5,
                bounds.getWidth() + 2 * width + 10, bounds.getHeight() + 2 * width + 10);
        if (label != null) {
            bounds.add(new Rectangle2D.Double(mx - label.maxWidth() / 2 - 4, my - label.height() / 2 - 3,
                    label.maxWidth() + 8, label.height() + 6));
        }
        LinkItem item = new LinkItem(e, s, t, indexInPair, pairSize, path, segment, arrow, colour, stroke, halo, label, mx, my);
        item.bounds = bounds;
        return item;
    }

    static Stroke stroke(String dash, double width) {
        float w = (float) width;
        if ("dashed".equals(dash)) {
            return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8 + 2 * w, 5 + w}, 0f);
        }
        if ("dotted".equals(dash)) {
            return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {0.1f, 3 + 2 * w}, 0f);
        }
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
    }

    /** Where a ray from (px, py) inside the node, in direction (dx, dy), leaves the node's outline. */
    static Point2D exit(NodeItem n, double px, double py, double dx, double dy) {
        var g = n.element.geometry();
        double len = Math.hypot(dx, dy);
        if (len == 0 || g.width() <= 0 || g.height() <= 0) {
            return new Point2D.Double(px, py);
        }
        dx /= len;
        dy /= len;
        // the box first: exact for rectangles and the outer limit for every other shape
        double tx = dx > 0 ? (g.x() + g.width() - px) / dx : dx < 0 ? (g.x() - px) / dx : Double.POSITIVE_INFINITY;
        double ty = dy > 0 ? (g.y() + g.height() - py) / dy : dy < 0 ? (g.y() - py) / dy : Double.POSITIVE_INFINITY;
        double tBox = Math.max(0, Math.min(tx, ty));
        String shape = n.shapeName == null ? "rectangle" : n.shapeName;
        switch (shape) {
            case "rectangle", "rounded", "note":
                return new Point2D.Double(px + dx * tBox, py + dy * tBox);
            case "ellipse", "circle": {
                Rectangle2D b = n.shape.getBounds2D();
                double a = b.getWidth() / 2, c = b.getHeight() / 2;
                double ox = px - b.getCenterX(), oy = py - b.getCenterY();
                double qa = dx * dx / (a * a) + dy * dy / (c * c);
                double qb = 2 * (ox * dx / (a * a) + oy * dy / (c * c));
                double qc = ox * ox / (a * a) + oy * oy / (c * c) - 1;
                double disc = qb * qb - 4 * qa * qc;
                if (disc < 0) {
                    return new Point2D.Double(px, py);
                }
                double t = (-qb + Math.sqrt(disc)) / (2 * qa);
                return new Point2D.Double(px + dx * Math.max(0, t), py + dy * Math.max(0, t));
            }
            default: {
                // other outlines: bisect between the inside point and the box edge
                double lo = 0, hi = tBox;
                for (int i = 0; i < 18; i++) {
                    double mid = (lo + hi) / 2;
                    if (n.shape.contains(px + dx * mid, py + dy * mid)) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                return new Point2D.Double(px + dx * hi, py + dy * hi);
            }
        }
    }

    // ----- annotations -----

    private AnnotationItem annotation(Element e, TextWrapper text) {
        AnnotationType.Form form = method.map(m -> m.schema().annotationTypes().get(e.type()))
                .map(AnnotationType::form)
                .orElseGet(() -> switch (e.type()) {
                    case "stroke" -> AnnotationType.Form.STROKE;
                    case "frame" -> AnnotationType.Form.FRAME;
                    default -> AnnotationType.Form.TEXT;
                });
        var g = e.geometry();
        Color colour = Colours.parse(e.style().colour(), form == AnnotationType.Form.FRAME ? new Color(0x6b7785) : new Color(0x333333));
        Shape shape = null;
        Shape arrow = null;
        WrappedText label = null;
        Rectangle2D bounds;
        switch (form) {
            case STROKE -> {
                Path2D p = new Path2D.Double();
                List<Point> pts = g.points();
                for (int i = 0; i < pts.size(); i++) {
                    if (i == 0) {
                        p.moveTo(pts.get(i).x(), pts.get(i).y());
                    } else {
                        p.lineTo(pts.get(i).x(), pts.get(i).y());
                    }
                }
                shape = p;
                if (pts.size() >= 2 && e.attribute("arrow") instanceof Value.Bool b && b.value()) {
                    Point end = pts.get(pts.size() - 1), before = pts.get(pts.size() - 2);
                    double ux = end.x() - before.x(), uy = end.y() - before.y(), l = Math.hypot(ux, uy);
                    if (l > 0) {
                        ux /= l;
                        uy /= l;
                        Path2D head = new Path2D.Double();
                        head.moveTo(end.x() + ux * 4, end.y() + uy * 4);
                        head.lineTo(end.x() - ux * 10 - uy * 6, end.y() - uy * 10 + ux * 6);
                        head.lineTo(end.x() - ux * 10 + uy * 6, end.y() - uy * 10 - ux * 6);
                        head.closePath();
                        arrow = head;
                    }
                }
                bounds = p.getBounds2D();
                bounds = new Rectangle2D.Double(bounds.getX() - 12, bounds.getY() - 12, bounds.getWidth() + 24, bounds.getHeight() + 24);
            }
            case FRAME -> {
                shape = new RoundRectangle2D.Double(g.x(), g.y(), g.width(), g.height(), 12, 12);
                if (!e.label().isEmpty()) {
                    label = text.wrap(e.label(), true, LABEL_SIZE, Math.max(20, g.width() - 16), 2);
                }
                bounds = new Rectangle2D.Double(g.x() - 6, g.y() - 6, g.width() + 12, g.height() + 12);
            }
            case HEADING -> {
                // as wide and tall as its words (a short title leaves the rest of its box free to click through)
                double w = g.width() > 0 ? g.width() : 400;
                int maxLines = g.height() > 0 ? Math.max(1, (int) (g.height() / (HEADING_SIZE * 1.25))) : 3;
                label = text.wrap(e.label().isEmpty() ? " " : e.label(), true, HEADING_SIZE, w, maxLines);
                double textWidth = Math.max(HEADING_SIZE, label.maxWidth());
                bounds = new Rectangle2D.Double(g.x() - 6, g.y() - 6, textWidth + 12, label.height() + 12);
                if (e.label().isEmpty()) {
                    label = null;
                }
            }
            default -> {
                double w = g.width() > 0 ? g.width() : 200;
                if (!e.label().isEmpty()) {
                    int maxLines = g.height() > 0 ? Math.max(1, (int) (g.height() / (LABEL_SIZE * 1.25))) : 20;
                    label = text.wrap(e.label(), false, LABEL_SIZE, w, maxLines);
                }
                double h = Math.max(g.height(), label == null ? 0 : label.height());
                bounds = new Rectangle2D.Double(g.x() - 6, g.y() - 6, w + 12, h + 12);
            }
        }
        AnnotationItem item = new AnnotationItem(e, form, shape, arrow, colour, label);
        item.bounds = bounds;
        return item;
    }

    // ----- backdrops -----

    static Rectangle2D backdropBounds(Backdrop b) {
        if (b instanceof Backdrop.Lanes l) {
            Rectangle2D r = null;
            for (Backdrop.Lane lane : l.lanes()) {
                r = union(r, new Rectangle2D.Double(lane.x(), lane.y(), lane.width(), lane.height()));
            }
            return r;
        }
        if (b instanceof Backdrop.Quadrants q) {
            return new Rectangle2D.Double(q.x() - 34, q.y(), q.width() + 34, q.height() + 40);
        }
        if (b instanceof Backdrop.Line l) {
            Rectangle2D r = new Rectangle2D.Double(Math.min(l.x1(), l.x2()), Math.min(l.y1(), l.y2()),
                    Math.abs(l.x2() - l.x1()), Math.abs(l.y2() - l.y1()));
            double m = l.width() + 12;
            return new Rectangle2D.Double(r.getX() - m, r.getY() - m, r.getWidth() + 2 * m, r.getHeight() + 2 * m);
        }
        return null;
    }

    static Rectangle2D union(Rectangle2D a, Rectangle2D b) {
        if (a == null) {
            return b == null ? null : (Rectangle2D) b.clone();
        }
        if (b != null) {
            a.add(b);
        }
        return a;
    }
}
