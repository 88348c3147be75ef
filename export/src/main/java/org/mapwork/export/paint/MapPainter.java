package org.mapwork.export.paint;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.mapwork.model.MapDocument;
import org.mapwork.templates.Backdrop;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * The one drawing path for maps: draws a {@link MapDocument} onto any {@link Graphics2D} — the editor's canvas
 * (in tiles it shows), a PNG image, the SVG canvas, a PDF page. It takes the look of nodes, links,
 * towers, badges, backdrops and the legend from the map's method ({@link MethodTemplate#presentation()}).
 *
 * <p>Only what meets the visible area is visited (a grid index per document snapshot). Everything derived from a
 * snapshot (shapes, colours, wrapped labels) is built once and reused while the same snapshot is drawn again;
 * after a change, items of unchanged elements are carried over. A painter is not thread-safe: use one per thread
 * (the editor: one on the JavaFX thread). It never touches JavaFX.
 *
 * <p>Its parts: {@link MapScene} (what a snapshot draws), {@link ItemDrawing}, {@link BackdropDrawing},
 * {@link LegendDrawing} and {@link PageFrame} (drawing and laying out), {@link SceneDamage} and {@link HitTest}.
 */
public final class MapPainter {

    private final Function<String, Optional<MethodTemplate>> methods;
    private final TextWrapper text = new TextWrapper();
    private final ItemDrawing itemDrawing = new ItemDrawing(text);
    private final BackdropDrawing backdropDrawing = new BackdropDrawing(text);
    private final LegendDrawing legendDrawing = new LegendDrawing(text);
    private MapScene scene;

    /** A painter for the methods Mapwork ships ({@link Methods#byId}). */
    public MapPainter() {
        this(Methods::byId);
    }

    /** A painter that finds a map's method with the given function (tests, plug-ins). */
    public MapPainter(Function<String, Optional<MethodTemplate>> methods) {
        this.methods = methods;
    }

    /** A new painter that finds methods as this one does, for another thread (a painter serves one thread). */
    public MapPainter another() {
        return new MapPainter(methods);
    }

    /**
     * Makes every drawing of this painter from now on ask {@code stop} whether to stop, before its first element and
     * then every {@value ItemDrawing#STOP_CHECK_EVERY} elements, and stop with a
     * {@link java.util.concurrent.CancellationException} on a yes: a background export (its {@code ExportProgress}'s
     * cancel) then stops promptly however large the map. A painter stops for nothing unless told.
     */
    public void stopWhen(BooleanSupplier stop) {
        itemDrawing.stopWhen(Objects.requireNonNull(stop, "stop"));
    }

    /** The text wrapper this painter measures with (for other drawings that must break lines the same way). */
    public TextWrapper textWrapper() {
        return text;
    }

    /**
     * Draws the part of the map inside {@code view} onto {@code g}: map point {@code (view.x, view.y)} lands on
     * {@code g}'s current origin, scaled by {@code view.scale}. {@code g}'s transform is restored afterwards.
     */
    public void paint(Graphics2D g, MapDocument doc, Viewport view, RenderOptions opts) {
        paintParts(g, doc, view, opts, null);
    }

    /** Told the name of each part of a map just before {@link #paintParts} draws it. */
    @FunctionalInterface
    public interface PartListener {
        /**
         * The part {@code key} is drawn next, if this answers true: an element's id, or the name of one of the map's
         * own parts ({@link MapParts}). Whatever is drawn until the next call belongs to this part.
         */
        boolean next(String key);
    }

    /**
     * Draws as {@link #paint} does, telling {@code parts} (when not {@code null}) before each part in drawing order:
     * the background, each backdrop, the heading, each element the view meets, the title block and the legend. A part
     * {@code parts} turns down is left out; an element the options hide is not announced. The SVG scene cuts the
     * map into one fragment per part this way, so the browser is drawn by this painter too.
     */
    public void paintParts(Graphics2D g, MapDocument doc, Viewport view, RenderOptions opts, PartListener parts) {
        MapScene s = scene(doc);
        drawing(g, view, () -> {
            PageFrame frame = PageFrame.of(s, opts, text);
            if (opts.background() != null && wanted(parts, MapParts.BACKGROUND)) {
                // an axis-aligned fill needs no antialiasing, and skipping it saves a full-canvas rasterisation
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
                g.setColor(opts.background());
                // to whole device pixels: a file's size is rounded up, and its last row and column are filled too
                double scale = view.scale();
                g.fill(new Rectangle2D.Double(view.x(), view.y(), Math.ceil(view.width() * scale) / scale,
                        Math.ceil(view.height() * scale) / scale));
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            }
            boolean lod = opts.levelOfDetail();
            double scale = view.scale();
            List<String> backdropKeys = parts == null ? null : MapParts.backdropKeys(s.backdrops);
            for (int i = 0; i < s.backdrops.size(); i++) {
                Backdrop b = s.backdrops.get(i);
                // a heading draws nothing here: it is laid out with the title block and drawn below
                if (!(b instanceof Backdrop.Heading) && (parts == null || parts.next(backdropKeys.get(i)))) {
                    backdropDrawing.draw(g, s.content, b, lod && !ItemDrawing.readable(ItemBuilder.LABEL_SIZE, scale));
                }
            }
            if (frame.heading != null && wanted(parts, MapParts.HEADING)) {
                Ink.text(g, frame.heading, frame.headingX, frame.headingY, Ink.INK, false);
            }
            Set<String> hidden = opts.hidden();
            itemDrawing.draw(g, view, opts, parts == null
                    ? visitor -> s.forEachIn(view.x(), view.y(), view.width(), view.height(), visitor)
                    : visitor -> s.forEachIn(view.x(), view.y(), view.width(), view.height(), item -> {
                        String id = item.element.id();
                        if (!hidden.contains(id) && parts.next(id)) {
                            visitor.visit(item);
                        }
                    }));
            if (frame.title != null && wanted(parts, MapParts.TITLE)) {
                Ink.text(g, frame.title, frame.titleX, frame.titleY, Ink.INK, false);
                Ink.text(g, frame.subtitle, frame.titleX, frame.titleY + frame.title.height() + 2, Ink.GREY, false);
            }
            if (frame.legendBox != null && frame.legendBox.intersects(view.x(), view.y(), view.width(), view.height())
                    && wanted(parts, MapParts.LEGEND)) {
                legendDrawing.draw(g, frame);
            }
        });
    }

    private static boolean wanted(PartListener parts, String key) {
        return parts == null || parts.next(key);
    }

    /**
     * Runs {@code draw} with the painter's rendering hints and the view's transform on {@code g}, and gives {@code g}
     * its own transform and hints back afterwards.
     */
    private static void drawing(Graphics2D g, Viewport view, Runnable draw) {
        AffineTransform saved = g.getTransform();
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        Object taa = g.getRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING);
        Object fm = g.getRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS);
        Object sc = g.getRenderingHint(RenderingHints.KEY_STROKE_CONTROL);
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            // fractional metrics: glyph advances match the measuring context, so centred text sits where it was measured
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            // the view's corner in device units, snapped when it is meant to be a whole pixel (the editor's tiles): a
            // drawing in pieces then places every glyph and edge exactly where a drawing in one piece does
            g.translate(snapped(-view.x() * view.scale()), snapped(-view.y() * view.scale()));
            g.scale(view.scale(), view.scale());
            draw.run();
        } finally {
            g.setTransform(saved);
            restore(g, RenderingHints.KEY_ANTIALIASING, aa);
            restore(g, RenderingHints.KEY_TEXT_ANTIALIASING, taa);
            restore(g, RenderingHints.KEY_FRACTIONALMETRICS, fm);
            restore(g, RenderingHints.KEY_STROKE_CONTROL, sc);
        }
    }

    private static double snapped(double deviceOffset) {
        double whole = Math.rint(deviceOffset);
        return Math.abs(deviceOffset - whole) < 1e-6 ? whole : deviceOffset;
    }

    private static void restore(Graphics2D g, RenderingHints.Key key, Object value) {
        if (value != null) {
            g.setRenderingHint(key, value);
        }
    }

    /**
     * Draws only the given elements (in drawing order, without backdrops, title block, legend or background) as
     * {@link #paint} would draw them: the editor draws the elements of a gesture in progress this way, over a picture
     * of the rest of the map.
     */
    public void paintElements(Graphics2D g, MapDocument doc, Viewport view, Collection<String> ids, RenderOptions opts) {
        List<SceneItem> items = itemsOf(doc, ids);
        drawing(g, view, () -> itemDrawing.draw(g, view, opts, visitor -> items.forEach(visitor::visit)));
    }

    /**
     * The union of the drawn bounds (map units) of the given elements as {@link #paintElements} draws them, or
     * {@code null} when none of them is drawn; as cheap as that method for a gesture's snapshot.
     */
    public Rectangle2D elementsBounds(MapDocument doc, Collection<String> ids) {
        Rectangle2D out = null;
        for (SceneItem item : itemsOf(doc, ids)) {
            out = SceneShapes.union(out, item.bounds);
        }
        return out;
    }

    /** The items of the given elements in drawing order, built on their own when {@code doc} is a gesture's snapshot. */
    private List<SceneItem> itemsOf(MapDocument doc, Collection<String> ids) {
        // a gesture's snapshot differs from the one drawn last in these elements only: their items are built on their
        // own, so that a frame of a drag costs what the dragged elements cost, however large the map
        MapScene s = scene;
        List<SceneItem> chosen = s != null && s.doc != doc ? s.detached(doc, ids) : null;
        if (chosen == null) {
            MapScene own = scene(doc);
            chosen = new ArrayList<>(ids.size());
            for (String id : ids) {
                SceneItem item = own.item(id);
                if (item != null) {
                    chosen.add(item);
                }
            }
            chosen.sort((a, b) -> Integer.compare(a.index, b.index));
        }
        return chosen;
    }

    /**
     * Where the drawing of {@code after} differs from that of {@code before}: the drawn bounds (map units) of every
     * element added, removed or drawn differently, before and after; {@link Damage#EVERYTHING} when the change reaches
     * the whole drawing (the method, the map's own attributes, backdrops that follow the content). The editor repaints
     * only these areas of the picture it keeps.
     */
    public Damage damage(MapDocument before, MapDocument after) {
        return damage(before, after, Set.of());
    }

    /**
     * As {@link #damage(MapDocument, MapDocument)}, leaving out the elements in {@code unseen}: elements the picture
     * leaves out before and after alike (the editor lifts a gesture's elements out of its tiles), whose changes
     * therefore change no pixel of it.
     */
    public Damage damage(MapDocument before, MapDocument after, Set<String> unseen) {
        return SceneDamage.between(this, before, after, unseen);
    }

    /**
     * The ids of the elements whose drawing differs between {@code before} and {@code after}: added, removed or drawn
     * differently (a moved node and the links drawn to it, a relabelled link, a node whose tower or badges changed);
     * {@code null} when the change may reach every element (another method, other map attributes). The map's own
     * parts (backdrops, heading, title block, legend) are not judged here. As cheap as {@link #damage}.
     */
    public Set<String> changedElements(MapDocument before, MapDocument after) {
        return SceneDamage.changedElements(this, before, after);
    }

    /**
     * Everything a file shows: the elements, backdrops, heading and (as the options say) title block and legend,
     * with a margin. Exports draw exactly this rectangle.
     */
    public Rectangle2D extent(MapDocument doc, RenderOptions opts) {
        return (Rectangle2D) PageFrame.of(scene(doc), opts, text).extent.clone();
    }

    /** The ids of the elements whose drawn bounds contain the point, front-most first (for the editor's hit test). */
    public List<String> elementsAt(MapDocument doc, double x, double y) {
        return HitTest.elementsAt(scene(doc), x, y);
    }

    /** The ids of the elements whose drawn bounds meet the area, in drawing order (for rubber-band selection). */
    public List<String> elementsIn(MapDocument doc, Rectangle2D area) {
        return HitTest.elementsIn(scene(doc), area);
    }

    /** The drawn bounds (map units) of those of the given elements that are drawn, e.g. to repaint a selection. */
    public List<Rectangle2D> drawnBounds(MapDocument doc, Collection<String> ids) {
        return HitTest.drawnBounds(scene(doc), ids);
    }

    /** The snapshot's derived data, built once per snapshot (carrying over items of unchanged elements). */
    MapScene scene(MapDocument doc) {
        MapScene s = scene;
        if (s == null || s.doc != doc) {
            // a drag or an edit changes a few elements: patch the scene; anything bigger builds a new one
            if (s == null || !s.updateTo(doc)) {
                s = build(doc, s);
            }
            scene = s;
        }
        return s;
    }

    /** A new scene for {@code doc}, taking over what it can of {@code previous} (or {@code null}). */
    MapScene build(MapDocument doc, MapScene previous) {
        return new MapScene(doc, methods.apply(doc.methodId()), text, previous);
    }

    /** Keeps {@code s} as the scene drawn last. */
    void keep(MapScene s) {
        scene = s;
    }
}
