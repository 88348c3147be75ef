package org.mapwork.export.paint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AnnotationType;
import org.mapwork.templates.Backdrop;
import org.mapwork.templates.Badge;
import org.mapwork.templates.LegendEntry;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * The one drawing path for maps: draws a {@link MapDocument} onto any {@link Graphics2D} — the editor's canvas
 * (in tiles it shows), a PNG image, Batik's SVG generator, a PDF page. It takes the look of nodes, links,
 * towers, badges, backdrops and the legend from the map's method ({@link MethodTemplate#presentation()}).
 *
 * <p>Only what meets the visible area is visited (a grid index per document snapshot). Everything derived from a
 * snapshot (shapes, colours, wrapped labels) is built once and reused while the same snapshot is drawn again;
 * after a change, items of unchanged elements are carried over. A painter is not thread-safe: use one per thread
 * (the editor: one on the JavaFX thread). It never touches JavaFX.
 */
public final class MapPainter {

    static final double MARGIN = 24;
    static final float TITLE_SIZE = 22f;
    static final float SUBTITLE_SIZE = 12f;
    static final float HEADING_SIZE = 16f;
    static final float LEGEND_SIZE = 11f;
    // shared colours: drawing a frame allocates none
    private static final Color INK = new Color(0x1a1a1a);
    private static final Color GREY = new Color(0x555555);
    private static final Color RULE = new Color(0xc8ccd2);
    private static final Color MUTED_INK = new Color(0x4a5360);
    private static final Color GRID_LINE = new Color(0xc0c6cc);
    private static final Color LANE_FILL = new Color(0xf5f6f8);
    private static final Color CEILING = new Color(0xb2182b);
    private static final Color SWATCH = new Color(0x888888);
    private static final Color DARK = new Color(0x333333);
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 225);
    private static final Color[] QUADRANT_FILLS = {new Color(0xf3f5f8), new Color(0xeaeef3), new Color(0xeaeef3), new Color(0xf3f5f8)};
    static final Color SELECTION = new Color(0x1f6feb);
    static final Color SELECTION_HALO = new Color(0x1f, 0x6f, 0xeb, 0x55);
    private static final Stroke SELECTION_STROKE = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke NODE_STROKE = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke THIN = new BasicStroke(1f);
    private static final Stroke FRAME_STROKE = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7, 5}, 0);
    private static final Stroke CEILING_STROKE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {12, 6}, 0);
    private static final Stroke FREEHAND = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private final Function<String, Optional<MethodTemplate>> methods;
    private final TextWrapper text = new TextWrapper();
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

    /** The text wrapper this painter measures with (for other drawings that must break lines the same way). */
    public TextWrapper textWrapper() {
        return text;
    }

    /**
     * Draws the part of the map inside {@code view} onto {@code g}: map point {@code (view.x, view.y)} lands on
     * {@code g}'s current origin, scaled by {@code view.scale}. {@code g}'s transform is restored afterwards.
     */
    public void paint(Graphics2D g, MapDocument doc, Viewport view, RenderOptions opts) {
        MapScene s = scene(doc);
        drawing(g, view, () -> {
            Frame frame = frame(s, opts);
            if (opts.background() != null) {
                // an axis-aligned fill needs no antialiasing, and skipping it saves a full-canvas rasterisation
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
                g.setColor(opts.background());
                g.fill(new Rectangle2D.Double(view.x(), view.y(), view.width(), view.height()));
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            }
            boolean lod = opts.levelOfDetail();
            double scale = view.scale();
            for (Backdrop b : s.backdrops) {
                drawBackdrop(g, s, b, lod && !readable(MapScene.LABEL_SIZE, scale));
            }
            if (frame.heading != null) {
                drawText(g, frame.heading, frame.headingX, frame.headingY, INK, false);
            }
            drawItems(g, view, opts, visitor -> s.forEachIn(view.x(), view.y(), view.width(), view.height(), visitor));
            if (frame.title != null) {
                drawText(g, frame.title, frame.titleX, frame.titleY, INK, false);
                drawText(g, frame.subtitle, frame.titleX, frame.titleY + frame.title.height() + 2, GREY, false);
            }
            if (frame.legendBox != null && frame.legendBox.intersects(view.x(), view.y(), view.width(), view.height())) {
                drawLegend(g, frame);
            }
        });
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
        List<MapScene.Item> items = itemsOf(doc, ids);
        drawing(g, view, () -> drawItems(g, view, opts, visitor -> items.forEach(visitor::visit)));
    }

    /**
     * The union of the drawn bounds (map units) of the given elements as {@link #paintElements} draws them, or
     * {@code null} when none of them is drawn; as cheap as that method for a gesture's snapshot.
     */
    public Rectangle2D elementsBounds(MapDocument doc, Collection<String> ids) {
        Rectangle2D out = null;
        for (MapScene.Item item : itemsOf(doc, ids)) {
            out = MapScene.union(out, item.bounds);
        }
        return out;
    }

    /** The items of the given elements in drawing order, built on their own when {@code doc} is a gesture's snapshot. */
    private List<MapScene.Item> itemsOf(MapDocument doc, Collection<String> ids) {
        // a gesture's snapshot differs from the one drawn last in these elements only: their items are built on their
        // own, so that a frame of a drag costs what the dragged elements cost, however large the map
        MapScene s = scene;
        List<MapScene.Item> chosen = s != null && s.doc != doc ? s.detached(doc, ids, text) : null;
        if (chosen == null) {
            MapScene own = scene(doc);
            chosen = new ArrayList<>(ids.size());
            for (String id : ids) {
                MapScene.Item item = own.item(id);
                if (item != null) {
                    chosen.add(item);
                }
            }
            chosen.sort((a, b) -> Integer.compare(a.index, b.index));
        }
        return chosen;
    }

    /** Draws the items {@code walk} visits, at the level of detail the view's scale calls for, leaving out hidden ones. */
    private void drawItems(Graphics2D g, Viewport view, RenderOptions opts,
                           Consumer<MapScene.ItemVisitor> walk) {
        boolean lod = opts.levelOfDetail();
        double scale = view.scale();
        Set<String> hidden = opts.hidden();
        Consumer<MapScene.ItemVisitor> shown = hidden.isEmpty() ? walk
                : visitor -> walk.accept(item -> {
                    if (!hidden.contains(item.element.id())) {
                        visitor.visit(item);
                    }
                });
        if (lod && scale < OVERVIEW_SCALE) {
            drawOverview(g, view, opts, shown);
            return;
        }
        boolean textOn = !lod || readable(MapScene.LABEL_SIZE, scale);
        boolean marks = !lod || scale >= MARKS_SCALE;
        shown.accept(item -> {
            boolean selected = !opts.selected().isEmpty() && opts.selected().contains(item.element.id());
            if (item instanceof MapScene.NodeItem n) {
                drawNode(g, n, selected, textOn, marks, lod && n.element.geometry().width() * scale < 3);
            } else if (item instanceof MapScene.LinkItem l) {
                drawLink(g, l, selected, textOn, view);
            } else if (item instanceof MapScene.AnnotationItem a) {
                drawAnnotation(g, a, selected, textOn);
            }
        });
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
        if (before == after) {
            return Damage.NONE;
        }
        if (!before.methodId().equals(after.methodId()) || before.mapAttributes() != after.mapAttributes()) {
            return Damage.EVERYTHING;
        }
        MapScene old = scene(before);
        List<Backdrop> oldBackdrops = old.backdrops;
        Rectangle2D oldContent = (Rectangle2D) old.content.clone();
        List<Rectangle2D> areas = new ArrayList<>();
        MapScene now;
        if (old.updateTo(after, text)) {
            // patched in place: the items it replaced are all that changed
            now = old;
            for (MapScene.Item item : now.patched()) {
                if (!unseen.contains(item.element.id())) {
                    areas.add(item.bounds);
                }
            }
        } else if (old.doc != before) {
            // the patch gave up half way: the old scene is no longer a picture of the old snapshot
            scene = null;
            return Damage.EVERYTHING;
        } else {
            now = new MapScene(after, methods.apply(after.methodId()), text, old);
            for (MapScene.Item item : now.items) {
                MapScene.Item was = old.item(item.element.id());
                if (!unseen.contains(item.element.id()) && !MapScene.drawnAlike(was, item)) {
                    if (was != null) {
                        areas.add(was.bounds);
                    }
                    areas.add(item.bounds);
                }
            }
            for (MapScene.Item gone : old.items) {
                if (now.item(gone.element.id()) == null && !unseen.contains(gone.element.id())) {
                    areas.add(gone.bounds);
                }
            }
        }
        scene = now;
        if (!now.backdrops.equals(oldBackdrops) || !now.backdrops.isEmpty() && !now.content.equals(oldContent)) {
            // backdrops follow the content (the heading sits above it, the ceiling spans it): where they were and are
            areas.addAll(backdropAreas(oldBackdrops, oldContent));
            areas.addAll(backdropAreas(now.backdrops, now.content));
        }
        return areas.size() > Damage.MAX_AREAS ? Damage.EVERYTHING : Damage.of(areas);
    }

    /** Where backdrops are drawn over content {@code c}, generously (their labels and the heading above the content). */
    private List<Rectangle2D> backdropAreas(List<Backdrop> backdrops, Rectangle2D c) {
        List<Rectangle2D> out = new ArrayList<>();
        for (Backdrop b : backdrops) {
            Rectangle2D r;
            if (b instanceof Backdrop.Heading h) {
                WrappedText t = heading(h, c);
                r = new Rectangle2D.Double(c.getMinX(), headingTop(c, t), t.maxWidth(), t.height());
            } else if (b instanceof Backdrop.HorizontalLine h) {
                r = new Rectangle2D.Double(c.getMinX(), h.y() - 24, c.getWidth(), 28);
            } else {
                r = MapScene.backdropBounds(b);
            }
            if (r != null) {
                out.add(new Rectangle2D.Double(r.getX() - 8, r.getY() - 8, r.getWidth() + 16, r.getHeight() + 16));
            }
        }
        return out;
    }

    /** The drawn bounds (map units) of those of the given elements that are drawn, e.g. to repaint a selection. */
    public List<Rectangle2D> drawnBounds(MapDocument doc, Collection<String> ids) {
        MapScene s = scene(doc);
        List<Rectangle2D> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            MapScene.Item item = s.item(id);
            if (item != null) {
                out.add((Rectangle2D) item.bounds.clone());
            }
        }
        return out;
    }

    /**
     * A straight line as a path. Java2D draws a {@code Line2D} with a plain stroke through a faster antialiasing path
     * that leaves out part of the line when the line begins well outside the clip (seen on the editor's tiles: a
     * link's line faded in the tile where it ended); a path takes the general stroker, which draws every tile alike.
     */
    static Path2D line(double x1, double y1, double x2, double y2) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x1, y1);
        p.lineTo(x2, y2);
        return p;
    }

    private static boolean readable(float size, double scale) {
        return size * scale >= 3.5;
    }

    /**
     * Everything a file shows: the elements, backdrops, heading and (as the options say) title block and legend,
     * with a margin. Exports draw exactly this rectangle.
     */
    public Rectangle2D extent(MapDocument doc, RenderOptions opts) {
        return (Rectangle2D) frame(scene(doc), opts).extent.clone();
    }

    /** The ids of the elements whose drawn bounds contain the point, front-most first (for the editor's hit test). */
    public List<String> elementsAt(MapDocument doc, double x, double y) {
        MapScene s = scene(doc);
        List<String> out = new ArrayList<>();
        s.forEachIn(x, y, 0, 0, item -> {
            boolean hit;
            if (item instanceof MapScene.NodeItem n) {
                hit = n.shape.contains(x, y) || n.element.geometry().intersects(x, y, 0, 0);
            } else if (item instanceof MapScene.LinkItem l) {
                hit = l.segment != null ? l.segment.ptSegDist(x, y) <= 6 : l.bounds.contains(x, y);
            } else {
                hit = item.bounds.contains(x, y);
            }
            if (hit) {
                out.add(0, item.element.id());
            }
        });
        return out;
    }

    /** The ids of the elements whose drawn bounds meet the area, in drawing order (for rubber-band selection). */
    public List<String> elementsIn(MapDocument doc, Rectangle2D area) {
        List<String> out = new ArrayList<>();
        scene(doc).forEachIn(area.getX(), area.getY(), area.getWidth(), area.getHeight(), item -> out.add(item.element.id()));
        return out;
    }

    /** The snapshot's derived data, built once per snapshot (carrying over items of unchanged elements). */
    MapScene scene(MapDocument doc) {
        MapScene s = scene;
        if (s == null || s.doc != doc) {
            // a drag or an edit changes a few elements: patch the scene; anything bigger builds a new one
            if (s == null || !s.updateTo(doc, text)) {
                s = new MapScene(doc, methods.apply(doc.methodId()), text, s);
            }
            scene = s;
        }
        return s;
    }

    // ----- layout of heading, title block and legend -----

    /** Where the parts outside the content go, for one scene and one set of options. */
    private static final class Frame {
        WrappedText heading;
        double headingX, headingY;
        WrappedText title, subtitle;
        double titleX, titleY;
        Rectangle2D legendBox;
        final List<WrappedText> legendLabels = new ArrayList<>();
        List<LegendEntry> legend = List.of();
        Rectangle2D extent;
    }

    /** A heading's text, wrapped to the content's width (at least 360). */
    private WrappedText heading(Backdrop.Heading h, Rectangle2D content) {
        return text.wrap(h.text(), true, HEADING_SIZE, Math.max(360, content.getWidth()), 4);
    }

    /** Where the heading's first line begins: 16 above the content. */
    private static double headingTop(Rectangle2D content, WrappedText heading) {
        return content.getMinY() - 16 - heading.height();
    }

    private Frame frame(MapScene s, RenderOptions opts) {
        Frame f = new Frame();
        Rectangle2D content = s.content;
        Rectangle2D extent = (Rectangle2D) content.clone();
        double top = content.getMinY();
        for (Backdrop b : s.backdrops) {
            if (b instanceof Backdrop.Heading h && !h.text().isBlank()) {
                f.heading = heading(h, content);
                f.headingX = content.getMinX();
                f.headingY = headingTop(content, f.heading);
                top = f.headingY;
                extent.add(new Rectangle2D.Double(f.headingX, f.headingY, f.heading.maxWidth(), f.heading.height()));
                break;
            }
        }
        if (opts.titleBlock()) {
            MapDocument doc = s.doc;
            f.title = text.wrap(doc.title().isBlank() ? "Untitled map" : doc.title(), true, TITLE_SIZE,
                    Math.max(480, content.getWidth()), 3);
            f.subtitle = text.wrap(subtitle(s, opts), false, SUBTITLE_SIZE, Math.max(480, content.getWidth()), 2);
            f.titleX = content.getMinX();
            f.titleY = top - 20 - f.title.height() - 2 - f.subtitle.height();
            extent.add(new Rectangle2D.Double(f.titleX, f.titleY, Math.max(f.title.maxWidth(), f.subtitle.maxWidth()),
                    f.title.height() + 2 + f.subtitle.height()));
        }
        if (opts.legend() && !s.legend().isEmpty()) {
            f.legend = s.legend();
            double w = 0;
            for (LegendEntry e : f.legend) {
                WrappedText t = text.wrap(e.label() == null ? "" : e.label(), false, LEGEND_SIZE, 220, 2);
                f.legendLabels.add(t);
                w = Math.max(w, t.maxWidth());
            }
            double h = 10 + 20 + 6;
            for (WrappedText t : f.legendLabels) {
                h += rowHeight(t);
            }
            f.legendBox = new Rectangle2D.Double(content.getMaxX() + 40, content.getMinY(), Math.max(140, 10 + 44 + w + 12), h);
            extent.add(f.legendBox);
        }
        f.extent = new Rectangle2D.Double(extent.getX() - MARGIN, extent.getY() - MARGIN,
                extent.getWidth() + 2 * MARGIN, extent.getHeight() + 2 * MARGIN);
        return f;
    }

    private static String subtitle(MapScene s, RenderOptions opts) {
        String method = s.method.map(m -> {
            try {
                return m.displayName(Locale.ENGLISH);
            } catch (MissingResourceException | UnsupportedOperationException e) {
                return m.id();
            }
        }).orElse(s.doc.methodId());
        LocalDate date = opts.date() != null ? opts.date() : s.doc.created().atZone(ZoneOffset.UTC).toLocalDate();
        String team = opts.team();
        if (team == null && s.doc.mapAttribute("team") instanceof Value.Text t && !t.value().isBlank()) {
            team = t.value();
        }
        return method + "  ·  " + date + (team == null || team.isBlank() ? "" : "  ·  " + team);
    }

    // ----- drawing -----

    private static void drawText(Graphics2D g, WrappedText t, double x, double top, Color colour, boolean centred) {
        drawText(g, t, x, top, colour, centred ? 0.5 : 0, 0);
    }

    /** Draws the lines of {@code t}; {@code align} 0 left, 0.5 centred on x, 1 right-aligned at x. */
    private static void drawText(Graphics2D g, WrappedText t, double x, double top, Color colour, double align, double width) {
        g.setFont(MapFonts.font(t.bold(), t.size()));
        g.setColor(colour);
        for (int i = 0; i < t.lines().size(); i++) {
            String line = t.lines().get(i);
            if (line.isEmpty()) {
                continue;
            }
            double lx = x - t.widths()[i] * align;
            g.drawString(line, (float) lx, (float) (top + t.ascent() + i * t.lineHeight()));
        }
    }

    /** Below this zoom the screen shows an overview: boxes and lines only, without antialiasing. */
    static final double OVERVIEW_SCALE = 0.25;
    /** Below this zoom towers and badges are left out on screen: too small to read. */
    static final double MARKS_SCALE = 0.5;

    /** The zoomed-out screen: every node as a filled box, every link as a hairline; what a person can make out. */
    private static void drawOverview(Graphics2D g, Viewport view, RenderOptions opts, Consumer<MapScene.ItemVisitor> walk) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        Stroke hairline = new BasicStroke((float) (1 / view.scale()));
        Stroke selectedLine = new BasicStroke((float) (3 / view.scale()));
        walk.accept(item -> {
            boolean selected = !opts.selected().isEmpty() && opts.selected().contains(item.element.id());
            if (item instanceof MapScene.LinkItem l) {
                g.setColor(selected ? SELECTION : l.colour);
                g.setStroke(selected ? selectedLine : hairline);
                g.draw(l.path);
            } else if (item instanceof MapScene.NodeItem n) {
                var geo = n.element.geometry();
                Rectangle2D box = new Rectangle2D.Double(geo.x(), geo.y(), geo.width(), geo.height());
                g.setColor(n.fill);
                g.fill(box);
                g.setColor(selected ? SELECTION : n.stroke);
                g.setStroke(selected ? selectedLine : hairline);
                g.draw(box);
            } else if (item instanceof MapScene.AnnotationItem a && a.shape != null) {
                g.setColor(a.colour);
                g.setStroke(hairline);
                g.draw(a.shape);
            }
        });
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    private void drawNode(Graphics2D g, MapScene.NodeItem n, boolean selected, boolean textOn, boolean marks, boolean tiny) {
        var geo = n.element.geometry();
        if (tiny) {
            g.setColor(n.fill);
            g.fill(n.shape.getBounds2D());
            return;
        }
        if (selected) {
            g.setColor(SELECTION);
            g.setStroke(SELECTION_STROKE);
            g.draw(new RoundRectangle2D.Double(geo.x() - 4, geo.y() - 4, geo.width() + 8, geo.height() + 8, 10, 10));
        }
        g.setColor(n.fill);
        g.fill(n.shape);
        g.setColor(n.stroke);
        g.setStroke(NODE_STROKE);
        g.draw(n.shape);
        if ("note".equals(n.shapeName)) {
            double fold = Math.min(14, Math.min(geo.width(), geo.height()) / 3);
            Path2D corner = new Path2D.Double();
            corner.moveTo(geo.x() + geo.width() - fold, geo.y());
            corner.lineTo(geo.x() + geo.width() - fold, geo.y() + fold);
            corner.lineTo(geo.x() + geo.width(), geo.y() + fold);
            g.draw(corner);
        }
        if (n.pictogram != null) {
            g.setColor(n.textColour);
            g.fill(n.pictogram);
        }
        if (textOn) {
            double cx = geo.x() + geo.width() / 2;
            if (n.typeLabel != null) {
                drawText(g, n.typeLabel, cx, n.typeLabelTop, n.typeLabelColour, true);
            }
            if (n.label != null) {
                drawText(g, n.label, cx, n.labelTop, n.textColour, true);
            }
        }
        if (!marks) {
            return;
        }
        if (n.tower >= 0) {
            drawTower(g, n.towerShape, n.tower);
        }
        double bx = geo.x() + 9;
        for (Badge b : n.badges) {
            drawBadge(g, b, bx, geo.y());
            bx += Math.max(18, text.line(b.text() == null ? "" : b.text(), true, 10f).maxWidth() + 8) + 4;
        }
    }

    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    private static final Color TOWER_FILL = new Color(0x8c6d31);
    private static final Color TOWER_TOP = new Color(0xc9a55a);

    private static final Color TOWER_EDGE = new Color(0x4a3a1a);

    /** An influence tower: stacked discs (at most ten drawn) with the height written on top, so it reads in grey too. */
    private void drawTower(Graphics2D g, MapScene.Tower t, long height) {
        g.setStroke(THIN);
        g.setColor(TOWER_FILL);
        g.fill(t.body());
        g.setColor(TOWER_EDGE);
        g.draw(t.rims());
        g.setColor(TOWER_TOP);
        g.fill(t.top());
        g.setColor(TOWER_EDGE);
        g.draw(t.top());
        WrappedText number = text.line(Long.toString(height), true, 11f);
        drawText(g, number, t.numberX(), t.numberBottom() - number.height(), INK, true);
    }

    private void drawBadge(Graphics2D g, Badge badge, double cx, double cy) {
        Color fill = Colours.parse(badge.colour(), GREY);
        WrappedText t = text.line(badge.text() == null ? "" : badge.text(), true, 10f);
        // a circle for one character, a pill for more (owner initials)
        double w = Math.max(18, t.maxWidth() + 8);
        Shape pill = new RoundRectangle2D.Double(cx - 9, cy - 9, w, 18, 18, 18);
        g.setColor(fill);
        g.fill(pill);
        g.setColor(Color.WHITE);
        g.setStroke(THIN);
        g.draw(pill);
        drawText(g, t, cx - 9 + w / 2, cy - t.height() / 2, Colours.textOn(fill), true);
    }

    private static void drawLink(Graphics2D g, MapScene.LinkItem l, boolean selected, boolean textOn, Viewport view) {
        if (selected) {
            g.setColor(SELECTION_HALO);
            g.setStroke(l.halo);
            g.draw(l.path);
        }
        g.setColor(l.colour);
        if (!drawDashedWithin(g, l, view)) {
            g.setStroke(l.stroke);
            g.draw(l.path);
        }
        if (l.arrow != null) {
            g.fill(l.arrow);
        }
        if (textOn && l.label != null) {
            double w = l.label.maxWidth(), h = l.label.height();
            g.setColor(LABEL_BACKGROUND);
            g.fill(new RoundRectangle2D.Double(l.labelX - w / 2 - 3, l.labelY - h / 2 - 1, w + 6, h + 2, 6, 6));
            drawText(g, l.label, l.labelX, l.labelY - h / 2, l.labelColour, true);
        }
    }

    /**
     * Draws a dashed straight link cut to the view (with a margin), its dashes carried on from where the cut begins, and
     * returns true; false for anything else. Java2D's stroker walks every dash of a line, also those far outside the
     * clip: a link across a large map cost each small view (each editor tile) thousands of dashes.
     */
    private static boolean drawDashedWithin(Graphics2D g, MapScene.LinkItem l, Viewport view) {
        if (l.segment == null || !(l.stroke instanceof BasicStroke bs) || bs.getDashArray() == null) {
            return false;
        }
        Line2D s = l.segment;
        double pad = bs.getLineWidth() + 4;
        double[] t = clipped(s, view.x() - pad, view.y() - pad, view.x() + view.width() + pad, view.y() + view.height() + pad);
        if (t == null) {
            return true;
        }
        if (t[0] <= 0 && t[1] >= 1) {
            return false;
        }
        double dx = s.getX2() - s.getX1(), dy = s.getY2() - s.getY1();
        double period = 0;
        for (float d : bs.getDashArray()) {
            period += d;
        }
        double phase = (bs.getDashPhase() + t[0] * Math.hypot(dx, dy)) % period;
        g.setStroke(new BasicStroke(bs.getLineWidth(), bs.getEndCap(), bs.getLineJoin(), bs.getMiterLimit(),
                bs.getDashArray(), (float) phase));
        g.draw(line(s.getX1() + dx * t[0], s.getY1() + dy * t[0], s.getX1() + dx * t[1], s.getY1() + dy * t[1]));
        return true;
    }

    /** The part of a segment inside a rectangle, as parameters {t0, t1} along it (Liang–Barsky), or null if none. */
    static double[] clipped(Line2D s, double minX, double minY, double maxX, double maxY) {
        double dx = s.getX2() - s.getX1(), dy = s.getY2() - s.getY1();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {s.getX1() - minX, maxX - s.getX1(), s.getY1() - minY, maxY - s.getY1()};
        double t0 = 0, t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null;
                }
            } else {
                double r = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
            }
        }
        return t0 > t1 ? null : new double[] {t0, t1};
    }

    private static void drawAnnotation(Graphics2D g, MapScene.AnnotationItem a, boolean selected, boolean textOn) {
        var geo = a.element.geometry();
        if (selected) {
            g.setColor(SELECTION);
            g.setStroke(SELECTION_STROKE);
            g.draw(new RoundRectangle2D.Double(a.bounds.getX() + 2, a.bounds.getY() + 2, a.bounds.getWidth() - 4,
                    a.bounds.getHeight() - 4, 10, 10));
        }
        if (a.form == AnnotationType.Form.STROKE) {
            g.setColor(a.colour);
            g.setStroke(FREEHAND);
            g.draw(a.shape);
            if (a.arrow != null) {
                g.fill(a.arrow);
            }
        } else if (a.form == AnnotationType.Form.FRAME) {
            g.setColor(a.colour);
            g.setStroke(FRAME_STROKE);
            g.draw(a.shape);
            if (textOn && a.label != null) {
                drawText(g, a.label, geo.x() + 8, geo.y() + 6, a.colour, false);
            }
        } else if (textOn && a.label != null) {
            drawText(g, a.label, geo.x(), geo.y(), a.colour, false);
        }
    }

    private void drawBackdrop(Graphics2D g, MapScene s, Backdrop b, boolean noText) {
        Rectangle2D c = s.content;
        if (b instanceof Backdrop.Lanes lanes) {
            for (Backdrop.Lane lane : lanes.lanes()) {
                Rectangle2D r = new Rectangle2D.Double(lane.x(), lane.y(), lane.width(), lane.height());
                g.setColor(Colours.parse(lane.fill(), LANE_FILL));
                g.fill(r);
                g.setColor(RULE);
                g.setStroke(THIN);
                g.draw(r);
                if (!noText && lane.label() != null) {
                    drawText(g, text.wrap(lane.label(), true, 13f, Math.max(20, lane.width() - 16), 2),
                            lane.x() + 8, lane.y() + 6, MUTED_INK, false);
                }
            }
        } else if (b instanceof Backdrop.Quadrants q) {
            drawQuadrants(g, q, noText);
        } else if (b instanceof Backdrop.HorizontalLine h) {
            Color colour = Colours.parse(h.colour(), CEILING);
            g.setColor(colour);
            g.setStroke(CEILING_STROKE);
            g.draw(line(c.getMinX(), h.y(), c.getMaxX(), h.y()));
            if (!noText && h.label() != null && !h.label().isBlank()) {
                WrappedText t = text.line(h.label(), true, 12f);
                drawText(g, t, c.getMinX(), h.y() - 4 - t.height(), colour, false);
            }
        } else if (b instanceof Backdrop.Line l) {
            Color colour = Colours.parse(l.colour(), GREY);
            float w = (float) (l.width() > 0 ? l.width() : 2);
            g.setColor(colour);
            g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double ux = l.x2() - l.x1(), uy = l.y2() - l.y1(), len = Math.hypot(ux, uy);
            if (l.arrow() && len > 0) {
                ux /= len;
                uy /= len;
                double al = 10 + 2 * w, aw = 5 + w;
                g.draw(line(l.x1(), l.y1(), l.x2() - ux * al * 0.8, l.y2() - uy * al * 0.8));
                Path2D head = new Path2D.Double();
                head.moveTo(l.x2(), l.y2());
                head.lineTo(l.x2() - ux * al - uy * aw, l.y2() - uy * al + ux * aw);
                head.lineTo(l.x2() - ux * al + uy * aw, l.y2() - uy * al - ux * aw);
                head.closePath();
                g.fill(head);
            } else {
                g.draw(line(l.x1(), l.y1(), l.x2(), l.y2()));
            }
        }
    }

    private void drawQuadrants(Graphics2D g, Backdrop.Quadrants q, boolean noText) {
        double hw = q.width() / 2, hh = q.height() / 2;
        Color[] fills = QUADRANT_FILLS;
        String[] labels = {q.topLeft(), q.topRight(), q.bottomLeft(), q.bottomRight()};
        Color ink = MUTED_INK;
        for (int i = 0; i < 4; i++) {
            double x = q.x() + (i % 2) * hw, y = q.y() + (i / 2) * hh;
            Rectangle2D r = new Rectangle2D.Double(x, y, hw, hh);
            g.setColor(fills[i]);
            g.fill(r);
            g.setColor(GRID_LINE);
            g.setStroke(THIN);
            g.draw(r);
            if (!noText && labels[i] != null && !labels[i].isBlank()) {
                WrappedText t = text.wrap(labels[i], true, 13f, Math.max(20, hw - 20), 2);
                boolean right = i % 2 == 1, bottom = i / 2 == 1;
                double tx = right ? x + hw - 10 : x + 10;
                double ty = bottom ? y + hh - 10 - t.height() : y + 10;
                drawText(g, t, tx, ty, ink, right ? 1 : 0, 0);
            }
        }
        g.setColor(ink);
        g.setStroke(new BasicStroke(1.5f));
        double axisY = q.y() + q.height() + 12;
        g.draw(line(q.x(), axisY, q.x() + q.width() - 8, axisY));
        g.fill(triangle(q.x() + q.width(), axisY, 1, 0));
        double axisX = q.x() - 12;
        g.draw(line(axisX, q.y() + q.height(), axisX, q.y() + 8));
        g.fill(triangle(axisX, q.y(), 0, -1));
        if (!noText) {
            if (q.xAxis() != null && !q.xAxis().isBlank()) {
                WrappedText t = text.line(q.xAxis(), false, 12f);
                drawText(g, t, q.x() + q.width() / 2, axisY + 3, ink, true);
            }
            if (q.yAxis() != null && !q.yAxis().isBlank()) {
                WrappedText t = text.line(q.yAxis(), false, 12f);
                AffineTransform saved = g.getTransform();
                g.translate(axisX - 3 - t.height(), q.y() + q.height() / 2);
                g.rotate(-Math.PI / 2);
                drawText(g, t, 0, 0, ink, true);
                g.setTransform(saved);
            }
        }
    }

    private static Shape triangle(double tipX, double tipY, double ux, double uy) {
        Path2D p = new Path2D.Double();
        p.moveTo(tipX, tipY);
        p.lineTo(tipX - ux * 9 - uy * 5, tipY - uy * 9 + ux * 5);
        p.lineTo(tipX - ux * 9 + uy * 5, tipY - uy * 9 - ux * 5);
        p.closePath();
        return p;
    }

    /** A legend row: one swatch high, taller when its label takes two lines. */
    private static double rowHeight(WrappedText label) {
        return Math.max(26, label.height() + 10);
    }

    private void drawLegend(Graphics2D g, Frame f) {
        Rectangle2D box = f.legendBox;
        g.setColor(Color.WHITE);
        g.fill(box);
        g.setColor(RULE);
        g.setStroke(THIN);
        g.draw(box);
        drawText(g, text.line("Legend", true, 12f), box.getX() + 10, box.getY() + 8, INK, false);
        double y = box.getY() + 32;
        for (int i = 0; i < f.legend.size(); i++) {
            LegendEntry e = f.legend.get(i);
            double sx = box.getX() + 10, sy = y + 3;
            Color colour = Colours.parse(e.colour(), SWATCH);
            switch (e.kind()) {
                case NODE -> {
                    Shape sh = MapScene.shape(e.shape(), sx, sy, 34, 18);
                    g.setColor(colour);
                    g.fill(sh);
                    g.setColor(colour.darker());
                    g.setStroke(THIN);
                    g.draw(sh);
                }
                case LINK -> {
                    g.setColor(colour);
                    g.setStroke(MapScene.stroke(e.dash(), 2));
                    double ly = sy + 9;
                    g.draw(line(sx, ly, sx + (e.directed() ? 26 : 34), ly));
                    if (e.directed()) {
                        g.fill(triangle(sx + 34, ly, 1, 0));
                    }
                }
                case PICTOGRAM -> {
                    Optional<Shape> icon = PictogramShapes.shape(e.pictogram());
                    g.setColor(Colours.parse(e.colour(), DARK));
                    if (icon.isPresent()) {
                        AffineTransform at = AffineTransform.getTranslateInstance(sx + 8, sy - 1);
                        at.scale(20 / 24.0, 20 / 24.0);
                        g.fill(at.createTransformedShape(icon.get()));
                    }
                }
                default -> {
                }
            }
            WrappedText label = f.legendLabels.get(i);
            drawText(g, label, sx + 44, y + 12 - Math.min(label.height(), 18) / 2, INK, false);
            y += rowHeight(label);
        }
    }
}
