package org.mapwork.export.format;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.MapParts;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.Viewport;
import org.mapwork.model.MapDocument;

/**
 * The map as SVG fragments, one per element plus the map's own parts, drawn by the one painter: what a browser at the
 * table shows, so that it draws exactly what the desktop and the SVG and PNG exports draw (issue #12). The painter
 * draws the whole map once on an {@link SvgCanvas} and announces each part as it begins it
 * ({@link MapPainter#paintParts}); the text written for a part is its fragment. After an edit, {@link #update} draws
 * again only the elements whose drawing changed (a moved node and the links drawn to it, ...) and the map's parts, and
 * hands on those whose markup differs.
 *
 * <p>A fragment is one {@code <g data-key="KEY">} in map coordinates, with no ids, defs, markers or clip paths (the
 * painter uses none), so fragments never clash. It leaves out what every drawing shares, which goes once on the root
 * element: {@link #ROOT_ATTRIBUTES} (strokes, fonts and sizes as the SVG export has them on its root).
 * {@link Scene#svg()} assembles a scene into one document; its {@code viewBox} is the {@link Extent}, so at 1 CSS pixel
 * per map unit it looks like the PNG export at 96 dpi. Keys are element ids, or the names of the map's parts in
 * {@link MapParts} (all beginning with {@code ~}): {@code ~background}, {@code ~lanes}, {@code ~quadrants},
 * {@code ~ceiling}, {@code ~line}, {@code ~heading}, {@code ~title}, {@code ~legend}.
 *
 * <p>Drawn as a file is (legend, title block, white background; nothing selected, no editor aids, no level of detail)
 * unless other options are given. Not thread-safe, like the painter: one per thread. It keeps the fragments of the map
 * it drew last, so that {@code update(last, next)} draws only what changed (it still walks the new drawing order once).
 *
 * <p>Labels are {@code <text>} already broken into lines and placed by the painter's measures of DejaVu Sans: a browser
 * without that font shows the same lines in the next family named, a little off centre; serving the bundled font
 * ({@link org.mapwork.export.paint.MapFonts#openFontFile}) as a web font avoids that.
 */
public final class SvgScene {

    /**
     * The drawing defaults every fragment assumes from an enclosing element: the SVG export's root attributes, with
     * shapes drawn at geometric precision, as the painter asks of Java2D (pure stroke control): a renderer that
     * otherwise normalises strokes (Batik) would move every line by up to half a pixel.
     */
    public static final String ROOT_ATTRIBUTES = "font-family=\"" + SvgExport.FONT_FAMILY.replace("'", "&apos;") + "\" "
            + SvgCanvas.ROOT_DEFAULTS.replace("shape-rendering=\"auto\"", "shape-rendering=\"geometricPrecision\"");

    /**
     * One part of the drawing.
     *
     * @param key an element id, or the name of one of the map's parts ({@link MapParts}, beginning with {@code ~})
     * @param svg the markup of one {@code <g>} element with {@code data-key="KEY"}, in map coordinates
     */
    public record Fragment(String key, String svg) {
        public Fragment {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(svg, "svg");
        }
    }

    /**
     * What the whole drawing covers, in map units (the PNG export's picture, margin included). A document shows it as
     * the PNG export at 96 dpi does: {@link #pixelWidth()} × {@link #pixelHeight()} CSS pixels (rounded up, as the
     * image is) with the {@link #viewBox()} from its top-left corner, one pixel per map unit.
     */
    public record Extent(double x, double y, double width, double height) {
        static Extent of(Rectangle2D r) {
            return new Extent(r.getX(), r.getY(), r.getWidth(), r.getHeight());
        }

        /** The width in whole pixels, rounded up (the PNG export's image width at 96 dpi). */
        public int pixelWidth() {
            return (int) Math.ceil(width);
        }

        /** The height in whole pixels, rounded up. */
        public int pixelHeight() {
            return (int) Math.ceil(height);
        }

        /** The value of the {@code viewBox} attribute: the corner, then the size in whole pixels. */
        public String viewBox() {
            SvgMarkup markup = new SvgMarkup();
            StringBuilder out = new StringBuilder(40);
            markup.number(out, x);
            out.append(' ');
            markup.number(out, y);
            return out.append(' ').append(pixelWidth()).append(' ').append(pixelHeight()).toString();
        }
    }

    /**
     * The whole drawing.
     *
     * @param fragments in drawing order, back to front
     * @param extent    what the drawing covers
     */
    public record Scene(List<Fragment> fragments, Extent extent) {
        public Scene {
            fragments = List.copyOf(fragments);
            Objects.requireNonNull(extent, "extent");
        }

        /** The keys of the fragments, in drawing order. */
        public List<String> order() {
            return fragments.stream().map(Fragment::key).toList();
        }

        /** The fragment with this key, or {@code null}. */
        public Fragment fragment(String key) {
            for (Fragment f : fragments) {
                if (f.key().equals(key)) {
                    return f;
                }
            }
            return null;
        }

        /**
         * The scene an update brings this one to: its replaced fragments in, its removed ones out, all in its order
         * (what a browser does with an update; the law {@code scene(before).apply(update(before, after))} equals
         * {@code scene(after)} is tested).
         */
        public Scene apply(Update update) {
            Map<String, Fragment> byKey = new HashMap<>(fragments.size() * 2);
            for (Fragment f : fragments) {
                byKey.put(f.key(), f);
            }
            update.removed().forEach(byKey::remove);
            for (Fragment f : update.replaced()) {
                byKey.put(f.key(), f);
            }
            List<Fragment> out = new ArrayList<>(update.order().size());
            for (String key : update.order()) {
                Fragment f = byKey.get(key);
                if (f == null) {
                    throw new IllegalArgumentException("the update's order names '" + key
                            + "', which neither this scene nor the update's replaced fragments have");
                }
                out.add(f);
            }
            return new Scene(out, update.extent());
        }

        /** The fragments assembled into one SVG document whose view box is the extent (1 unit = 1 CSS pixel). */
        public String svg() {
            StringBuilder out = new StringBuilder(256 + fragments.stream().mapToInt(f -> f.svg().length()).sum());
            openSvg(out, extent);
            for (Fragment f : fragments) {
                out.append(f.svg());
            }
            return out.append("</svg>").toString();
        }
    }

    /**
     * What changed from one drawing to the next.
     *
     * @param replaced new fragments and fragments whose markup changed
     * @param removed  keys of fragments no longer drawn
     * @param order    every key of the new drawing, in drawing order (back to front)
     * @param extent   what the new drawing covers
     */
    public record Update(List<Fragment> replaced, List<String> removed, List<String> order, Extent extent) {
        public Update {
            replaced = List.copyOf(replaced);
            removed = List.copyOf(removed);
            order = List.copyOf(order);
            Objects.requireNonNull(extent, "extent");
        }

        /** Whether nothing is replaced or removed (the order may still have changed: compare it). */
        public boolean noFragmentChanged() {
            return replaced.isEmpty() && removed.isEmpty();
        }
    }

    private final MapPainter painter;
    private final RenderOptions opts;
    /** The map drawn last and its fragments' markup by key, in drawing order; {@code null} before the first. */
    private MapDocument lastDoc;
    private LinkedHashMap<String, String> last;

    /** Fragments drawn as a file is drawn ({@link RenderOptions#file()}), by {@code painter} (which this one then uses). */
    public SvgScene(MapPainter painter) {
        this(painter, RenderOptions.file());
    }

    /**
     * Fragments drawn with {@code opts} (e.g. {@code RenderOptions.file().withTitleBlock(false)}); its selection and
     * hidden elements are cleared and its editor aids and level of detail turned off, as a browser shows none of them.
     */
    public SvgScene(MapPainter painter, RenderOptions opts) {
        this.painter = Objects.requireNonNull(painter, "painter");
        this.opts = new RenderOptions(opts.legend(), opts.titleBlock(), Set.of(), opts.background(), false, opts.date(),
                opts.team(), Set.of(), false);
    }

    /** The whole drawing of {@code doc}. */
    public Scene scene(MapDocument doc) {
        Rectangle2D extent = painter.extent(doc, opts);
        List<Fragment> fragments = new ArrayList<>(doc.size() + 8);
        draw(doc, extent, key -> true, fragments, null);
        remember(doc, fragments);
        return new Scene(fragments, Extent.of(extent));
    }

    /**
     * What changed from the drawing of {@code before} to that of {@code after}: the fragments of elements added or
     * drawn differently and of the map's parts whose markup changed, the keys no longer drawn, the new order and
     * extent. Cheapest when {@code before} is the map this scene drew last ({@link #scene} or {@link #update}); for
     * another it draws {@code before} first.
     */
    public Update update(MapDocument before, MapDocument after) {
        if (lastDoc != before) {
            scene(before);
        }
        Set<String> changed = before == after ? Set.of() : painter.changedElements(before, after);
        Rectangle2D extent = painter.extent(after, opts);
        List<Fragment> drawn = new ArrayList<>();
        List<String> order = new ArrayList<>(after.size() + 8);
        Predicate<String> redraw = changed == null ? key -> true : key -> MapParts.isMapPart(key) || changed.contains(key);
        draw(after, extent, redraw, drawn, order);
        List<Fragment> replaced = new ArrayList<>();
        Map<String, String> now = new HashMap<>(drawn.size() * 2);
        for (Fragment f : drawn) {
            now.put(f.key(), f.svg());
            if (!f.svg().equals(last.get(f.key()))) {
                replaced.add(f);
            }
        }
        LinkedHashMap<String, String> next = new LinkedHashMap<>(order.size() * 2);
        for (String key : order) {
            String svg = now.get(key);
            next.put(key, svg != null ? svg : last.get(key));
        }
        List<String> removed = new ArrayList<>();
        for (String key : last.keySet()) {
            if (!next.containsKey(key)) {
                removed.add(key);
            }
        }
        lastDoc = after;
        last = next;
        return new Update(replaced, removed, order, Extent.of(extent));
    }

    /**
     * Draws {@code doc} over {@code extent} at one CSS pixel per map unit, adding a fragment for each part
     * {@code wanted} accepts to {@code out} and every part's key to {@code order} (when not {@code null}).
     */
    private void draw(MapDocument doc, Rectangle2D extent, Predicate<String> wanted, List<Fragment> out, List<String> order) {
        StringBuilder svg = new StringBuilder(4096);
        SvgCanvas canvas = new SvgCanvas(svg);
        String[] open = {null};
        Runnable close = () -> {
            if (open[0] != null) {
                canvas.finish();
                svg.append("</g>");
                out.add(new Fragment(open[0], svg.toString()));
                open[0] = null;
            }
        };
        // the painter puts the view's corner at the origin; the canvas puts it back, so that fragments are in map
        // coordinates and an element's markup does not change when the extent does (a whole-number corner: exactly);
        // the view covers the whole pixels the document shows (see openSvg), so the background reaches its last row
        double x0 = Math.floor(extent.getX()), y0 = Math.floor(extent.getY());
        Extent shown = Extent.of(extent);
        Viewport view = new Viewport(x0, y0, Math.ceil(extent.getX() + shown.pixelWidth()) - x0,
                Math.ceil(extent.getY() + shown.pixelHeight()) - y0, 1);
        canvas.translate(x0, y0);
        painter.paintParts(canvas, doc, view, opts, key -> {
            close.run();
            if (order != null) {
                order.add(key);
            }
            if (!wanted.test(key)) {
                return false;
            }
            svg.setLength(0);
            svg.append("<g data-key=\"");
            SvgMarkup.attribute(svg, key);
            svg.append("\">");
            open[0] = key;
            return true;
        });
        close.run();
    }

    private void remember(MapDocument doc, List<Fragment> fragments) {
        LinkedHashMap<String, String> byKey = new LinkedHashMap<>(fragments.size() * 2);
        for (Fragment f : fragments) {
            byKey.put(f.key(), f.svg());
        }
        lastDoc = doc;
        last = byKey;
    }

    /**
     * The opening tag of a document showing {@code extent} at one CSS pixel per map unit, with the drawing defaults
     * the fragments assume ({@link #ROOT_ATTRIBUTES}): what {@link Scene#svg()} begins with.
     */
    public static String rootTag(Extent extent) {
        StringBuilder out = new StringBuilder(700);
        openSvg(out, extent);
        return out.toString();
    }

    private static void openSvg(StringBuilder out, Extent extent) {
        // whole pixels, as the PNG export's image: its last row and column are drawn too, at the same scale
        out.append("<svg xmlns=\"").append(SvgExport.SVG_NS).append("\" width=\"").append(extent.pixelWidth())
                .append("\" height=\"").append(extent.pixelHeight()).append("\" viewBox=\"").append(extent.viewBox())
                .append("\" ").append(ROOT_ATTRIBUTES).append('>');
    }
}
