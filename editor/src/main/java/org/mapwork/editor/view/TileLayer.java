package org.mapwork.editor.view;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.LinkedBlockingDeque;

import javafx.application.Platform;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;

import org.mapwork.editor.map.MapViewModel;
import org.mapwork.export.paint.Damage;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.Viewport;
import org.mapwork.model.MapDocument;

/**
 * The map as the canvas shows it, kept as square tiles of {@value #TILE} device pixels that the shared painter draws
 * into images. A frame only copies the visible tiles onto the canvas, so panning and zooming cost a few image copies
 * whatever the size of the map.
 *
 * <p>Tiles a view lacks (after a pan or a zoom) are drawn by one background thread with a painter of its own; until
 * they arrive the frame shows the tiles of the last complete view, scaled, so a zoom enlarges or shrinks the picture
 * at once and sharpens when the tiles are ready. When what is drawn changes — the document, the selection, the
 * elements a gesture lifts out, the grid — the painter says which areas differ ({@link MapPainter#damage}) and only
 * the tiles those areas reach are dropped; the visible ones are drawn again at once, on the JavaFX thread, so an edit
 * never shows a stale picture.
 *
 * <p>Everything here but the worker's own drawing runs on the JavaFX thread.
 */
final class TileLayer implements AutoCloseable {

    /** Tile edge in device pixels. */
    static final int TILE = 256;
    static final Color BACKGROUND = new Color(0xfbfbf8);
    private static final Color GRID = new Color(0xe6e6e0);
    /** Drawn bounds miss antialiasing fringes and selection halos by a little: damage reaches this much further (map units). */
    private static final double DAMAGE_MARGIN = 4;
    private static final System.Logger LOG = System.getLogger(TileLayer.class.getName());

    /** What the tiles show. {@code hidden}: elements a gesture lifts out (the canvas draws them over the tiles). */
    record Content(MapDocument doc, Set<String> selected, Set<String> hidden, boolean grid) {
        Content {
            Objects.requireNonNull(doc, "doc");
            selected = Set.copyOf(selected);
            hidden = Set.copyOf(hidden);
        }

        /** Same drawing: the same document snapshot (by identity: snapshots are immutable) and the same sets. */
        boolean sameAs(Content o) {
            return o != null && doc == o.doc && grid == o.grid && selected.equals(o.selected) && hidden.equals(o.hidden);
        }
    }

    /** One tile: column and row at one device scale (its {@code double} bits, so that scales compare exactly). */
    record Key(long scaleBits, int col, int row) {
        double scale() {
            return Double.longBitsToDouble(scaleBits);
        }

        /** The map area this tile shows, in map units. */
        Rectangle2D area() {
            double s = scale();
            return new Rectangle2D.Double(col * (double) TILE / s, row * (double) TILE / s, TILE / s, TILE / s);
        }
    }

    /** A tile to draw in the background: for the shown content, or ({@code staged}) for the one being staged. */
    private record Job(Key key, Content content, long generation, boolean staged) {
    }

    private final MapPainter painter;
    private final MapPainter workerPainter;
    private final LinkedHashMap<Key, WritableImage> cache = new LinkedHashMap<>(256, 0.75f, true);
    private final Set<Key> requested = new HashSet<>();
    private final Set<Key> redrawNow = new HashSet<>();
    private final LinkedBlockingDeque<Job> queue = new LinkedBlockingDeque<>();
    private Content content;
    private Content staging;
    private Damage stagingDamage;
    private final Map<Key, WritableImage> staged = new HashMap<>();
    private final Set<Key> stagingOwed = new HashSet<>();
    private int[] visibleColumns = {0, -1}, visibleRows = {0, -1};
    private boolean redrawAllVisible;
    /** Bumped when queued work goes stale (new content or new scale): the worker skips jobs of older generations. */
    private volatile long generation;
    private long scaleBits = -1;
    private long completeScaleBits = -1;
    private Runnable onTileReady = () -> { };
    private Thread worker;
    private volatile boolean closed;
    private int capacity = 96;
    private long tilesDrawnHere, tilesDrawnByWorker;

    /**
     * @param painter the JavaFX thread's painter (also the one that says what changed)
     */
    TileLayer(MapPainter painter) {
        this.painter = painter;
        this.workerPainter = painter.another();
    }

    /** Called on the JavaFX thread when a tile from the background thread has arrived (to ask for a repaint). */
    void setOnTileReady(Runnable r) {
        onTileReady = r;
    }

    /** What to show from now on; drops the tiles whose picture this changes. */
    void setContent(Content next) {
        if (next.sameAs(content)) {
            return;
        }
        Content before = content;
        content = next;
        newGeneration();
        Damage damage = before == null ? Damage.EVERYTHING : damageBetween(before, next);
        if (damage.everything()) {
            dropAll();
        } else if (!damage.areas().isEmpty()) {
            drop(damage.areas(), true);
        }
    }

    /** Where the pictures of two contents differ. */
    private Damage damageBetween(Content before, Content next) {
        if (before.grid != next.grid) {
            return Damage.EVERYTHING;
        }
        // elements selected or lifted, or no longer: where they are drawn, before the change and after it (asked in
        // that order, so that the painter moves from one snapshot to the next once)
        Set<String> changedLooks = symmetricDifference(before.selected, next.selected);
        changedLooks.addAll(symmetricDifference(before.hidden, next.hidden));
        List<Rectangle2D> lookAreas = new ArrayList<>();
        if (!changedLooks.isEmpty() && before.doc != next.doc) {
            lookAreas.addAll(painter.drawnBounds(before.doc, changedLooks));
        }
        // elements lifted out of both pictures change none of their pixels, however they changed
        Set<String> unseen = new HashSet<>(before.hidden);
        unseen.retainAll(next.hidden);
        Damage damage = painter.damage(before.doc, next.doc, unseen);
        if (!damage.everything() && !changedLooks.isEmpty()) {
            lookAreas.addAll(painter.drawnBounds(next.doc, changedLooks));
            damage = damage.plus(Damage.of(lookAreas));
        }
        return damage;
    }

    private static Set<String> symmetricDifference(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        out.removeAll(both);
        return out;
    }

    private void dropAll() {
        cache.clear();
        redrawNow.clear();
        completeScaleBits = -1;
        redrawAllVisible = true;
    }

    /**
     * Drops every tile that meets one of the areas; with {@code redraw}, tiles of the current scale are drawn again at
     * once if visible.
     */
    private void drop(List<Rectangle2D> areas, boolean redraw) {
        for (Iterator<Key> it = cache.keySet().iterator(); it.hasNext(); ) {
            Key key = it.next();
            if (reaches(areas, key)) {
                it.remove();
                if (redraw && key.scaleBits == scaleBits) {
                    redrawNow.add(key);
                }
            }
        }
    }

    private static boolean reaches(List<Rectangle2D> areas, Key key) {
        Rectangle2D tile = key.area();
        double margin = DAMAGE_MARGIN + 2 / key.scale();
        for (Rectangle2D a : areas) {
            if (a.getMaxX() + margin > tile.getMinX() && a.getMinX() - margin < tile.getMaxX()
                    && a.getMaxY() + margin > tile.getMinY() && a.getMinY() - margin < tile.getMaxY()) {
                return true;
            }
        }
        return false;
    }

    // ----- a content drawn in the background and shown once its visible tiles are ready -----

    /**
     * Starts drawing {@code next} in the background where its picture differs from the one shown, which stays on screen
     * meanwhile (the editor keeps a finished gesture's elements drawn on top until then): {@link #stagedReady} says
     * when every visible tile it changes is drawn, {@link #showStaged} shows it. A change of the shown content or of
     * the scale abandons it.
     */
    void stage(Content next) {
        if (staging != null && next.sameAs(staging) || content == null || next.sameAs(content)) {
            return;
        }
        abandonStaging();
        staging = next;
        stagingDamage = damageBetween(content, next);
        for (int r = visibleRows[0]; r <= visibleRows[1]; r++) {
            for (int c = visibleColumns[0]; c <= visibleColumns[1]; c++) {
                Key key = new Key(scaleBits, c, r);
                if (stagingDamage.everything() || reaches(stagingDamage.areas(), key)) {
                    stagingOwed.add(key);
                    queue.addFirst(new Job(key, next, generation, true));
                }
            }
        }
        startWorker();
    }

    /** Whether {@code next}, staged, has all its visible tiles drawn. */
    boolean stagedReady(Content next) {
        return staging != null && staging.sameAs(next) && stagingOwed.isEmpty();
    }

    /** Shows the staged content: its tiles replace those it changes (others it changes are dropped). */
    void showStaged() {
        Content next = staging;
        Damage damage = stagingDamage;
        Map<Key, WritableImage> ready = new HashMap<>(staged);
        abandonStaging();
        content = next;
        newGeneration();
        if (damage.everything()) {
            cache.clear();
            completeScaleBits = -1;
        } else {
            drop(damage.areas(), false);
        }
        ready.forEach(this::store);
    }

    private void abandonStaging() {
        staging = null;
        stagingDamage = null;
        staged.clear();
        stagingOwed.clear();
    }

    private void newGeneration() {
        generation++;
        queue.clear();
        requested.clear();
        abandonStaging();
    }

    /**
     * Draws the view onto {@code gc}: map point {@code (originX, originY)} at the canvas' top-left corner, at
     * {@code scale} canvas units per map unit, on a canvas of {@code width × height} units shown at
     * {@code outputScale} device pixels per unit. With {@code complete}, every missing visible tile is drawn now.
     *
     * @return whether the view was drawn whole at this scale (otherwise tiles are on their way)
     */
    boolean draw(GraphicsContext gc, double originX, double originY, double scale, double width, double height,
                 double outputScale, boolean complete) {
        double ds = scale * outputScale;
        long bits = Double.doubleToLongBits(ds);
        if (bits != scaleBits) {
            scaleBits = bits;
            redrawNow.clear();
            newGeneration();
        }
        long offX = Math.round(originX * ds), offY = Math.round(originY * ds);
        long devW = (long) Math.ceil(width * outputScale), devH = (long) Math.ceil(height * outputScale);
        int c0 = (int) Math.floorDiv(offX, TILE), c1 = (int) Math.floorDiv(offX + devW - 1, TILE);
        int r0 = (int) Math.floorDiv(offY, TILE), r1 = (int) Math.floorDiv(offY + devH - 1, TILE);
        capacity = Math.max(96, 3 * (c1 - c0 + 3) * (r1 - r0 + 3));
        visibleColumns = new int[] {c0, c1};
        visibleRows = new int[] {r0, r1};
        boolean drawAll = complete || redrawAllVisible;
        redrawAllVisible = false;
        List<Key> missing = new ArrayList<>();
        List<Key> shown = new ArrayList<>();
        List<WritableImage> images = new ArrayList<>();
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                Key key = new Key(bits, c, r);
                WritableImage image = cache.get(key);
                if (image == null) {
                    if (drawAll || redrawNow.contains(key)) {
                        image = render(painter, content, key);
                        store(key, image);
                        tilesDrawnHere++;
                    } else {
                        missing.add(key);
                        continue;
                    }
                }
                shown.add(key);
                images.add(image);
            }
        }
        redrawNow.clear();
        boolean whole = missing.isEmpty();
        double unit = TILE / outputScale;
        if (!whole) {
            gc.setFill(javafx.scene.paint.Color.rgb(BACKGROUND.getRed(), BACKGROUND.getGreen(), BACKGROUND.getBlue()));
            gc.fillRect(0, 0, width, height);
            // stand-ins are scaled without smoothing: they show for a few frames, and the software pipeline scales
            // twice as fast that way (zoom frames p50 12-17 ms against 22-45 ms, measured with CanvasSpeed)
            gc.setImageSmoothing(false);
            drawStandIns(gc, originX, originY, scale, width, height);
            gc.setImageSmoothing(true);
        }
        for (int i = 0; i < shown.size(); i++) {
            Key key = shown.get(i);
            gc.drawImage(images.get(i), (key.col * (long) TILE - offX) / outputScale,
                    (key.row * (long) TILE - offY) / outputScale, unit, unit);
        }
        if (whole) {
            completeScaleBits = bits;
            // then the ring around the view, so that a pan finds its next tiles ready
            for (int r = r0 - 1; r <= r1 + 1; r++) {
                for (int c = c0 - 1; c <= c1 + 1; c++) {
                    Key key = new Key(bits, c, r);
                    if (!cache.containsKey(key)) {
                        missing.add(key);
                    }
                }
            }
        }
        double midC = (c0 + c1) / 2.0, midR = (r0 + r1) / 2.0;
        missing.sort(Comparator.comparingDouble(k -> Math.hypot(k.col - midC, k.row - midR)));
        for (Key key : missing) {
            if (requested.add(key)) {
                queue.addLast(new Job(key, content, generation, false));
            }
        }
        if (!queue.isEmpty()) {
            startWorker();
        }
        return whole;
    }

    /** While a view's own tiles are on their way: the last complete view's tiles, scaled to where they belong now. */
    private void drawStandIns(GraphicsContext gc, double originX, double originY, double scale, double width,
                              double height) {
        if (completeScaleBits == -1 || completeScaleBits == scaleBits) {
            return;
        }
        double viewX1 = originX + width / scale, viewY1 = originY + height / scale;
        for (Map.Entry<Key, WritableImage> e : cache.entrySet()) {
            Key key = e.getKey();
            if (key.scaleBits != completeScaleBits) {
                continue;
            }
            Rectangle2D a = key.area();
            if (a.getMinX() > viewX1 || a.getMinY() > viewY1 || a.getMaxX() < originX || a.getMaxY() < originY) {
                continue;
            }
            gc.drawImage(e.getValue(), (a.getMinX() - originX) * scale, (a.getMinY() - originY) * scale,
                    a.getWidth() * scale, a.getHeight() * scale);
        }
    }

    private void store(Key key, WritableImage image) {
        cache.put(key, image);
        // least recently drawn first: the view being shown was touched last, so its tiles stay
        Iterator<Key> it = cache.keySet().iterator();
        while (cache.size() > capacity && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /**
     * Draws one tile with {@code p}. The image JavaFX shows shares the pixels Java2D drew into ({@link SharedPixels}), so
     * nothing is copied or converted here.
     */
    static WritableImage render(MapPainter p, Content c, Key key) {
        double ds = key.scale();
        BufferedImage img = SharedPixels.canvas(TILE, TILE);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, TILE, TILE);
            if (c.grid()) {
                drawGrid(g, key, ds);
            }
            p.paint(g, c.doc(), new Viewport(key.col * (double) TILE / ds, key.row * (double) TILE / ds, TILE / ds, TILE / ds, ds),
                    RenderOptions.screen(c.selected()).withHidden(c.hidden()));
        } finally {
            g.dispose();
        }
        return SharedPixels.shown(img);
    }

    /** The editor's grid: a line every {@link MapViewModel#GRID} map units, or a multiple of five of that when denser than 8 px. */
    private static void drawGrid(Graphics2D g, Key key, double ds) {
        double step = MapViewModel.GRID * ds;
        while (step < 8) {
            step *= 5;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setColor(GRID);
        double x0 = key.col * (double) TILE, y0 = key.row * (double) TILE;
        for (double x = Math.ceil(x0 / step) * step; x < x0 + TILE; x += step) {
            int px = (int) Math.floor(x - x0);
            g.drawLine(px, 0, px, TILE);
        }
        for (double y = Math.ceil(y0 / step) * step; y < y0 + TILE; y += step) {
            int py = (int) Math.floor(y - y0);
            g.drawLine(0, py, TILE, py);
        }
    }

    // ----- the background thread -----

    private void startWorker() {
        if (worker != null || closed) {
            return;
        }
        worker = new Thread(this::work, "map-tiles");
        worker.setDaemon(true);
        worker.start();
    }

    private void work() {
        while (!closed) {
            Job job;
            try {
                job = queue.takeFirst();
            } catch (InterruptedException e) {
                return;
            }
            if (job.generation != generation) {
                continue;
            }
            WritableImage image;
            try {
                image = render(workerPainter, job.content, job.key);
            } catch (RuntimeException e) {
                // a tile that cannot be drawn stays missing (the stand-in or the background shows); say why
                LOG.log(System.Logger.Level.WARNING, "could not draw map tile " + job.key, e);
                continue;
            }
            Platform.runLater(() -> arrived(job, image));
        }
    }

    private void arrived(Job job, WritableImage image) {
        if (closed || job.generation != generation) {
            return;
        }
        if (job.staged) {
            if (job.content == staging && stagingOwed.remove(job.key)) {
                staged.put(job.key, image);
                tilesDrawnByWorker++;
                if (stagingOwed.isEmpty()) {
                    onTileReady.run();
                }
            }
            return;
        }
        requested.remove(job.key);
        store(job.key, image);
        tilesDrawnByWorker++;
        onTileReady.run();
    }

    /** Whether tiles are still on their way. */
    boolean busy() {
        return !requested.isEmpty() || !stagingOwed.isEmpty();
    }

    /** Tiles drawn so far on the JavaFX thread and by the background thread (for the speed harness and tests). */
    long[] tilesDrawn() {
        return new long[] {tilesDrawnHere, tilesDrawnByWorker};
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        if (worker != null) {
            worker.interrupt();
        }
    }
}
