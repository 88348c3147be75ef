package org.mapwork.bench.canvas;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.mapwork.bench.BigNetMap;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.Viewport;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;

/**
 * The editor's speed figures in one run (issue 5, "Speed"), printed as tables:
 * <ol>
 *   <li>pan and zoom frame times of a 10,000-actor / 15,000-link Net-Map in the editor's own canvas
 *       ({@link EditorCanvasFrames}: 1280 × 800, software pipeline, Monocle headless), with how many frames showed
 *       their view whole and how long each gesture's view took to become whole; and the painter's cost of drawing
 *       each view whole into a plain Java2D image (the work the canvas' tiles spread over time);</li>
 *   <li>JGraphX's {@code mxGraphComponent} painting the same graph offscreen along the same frames, and the ratios;</li>
 *   <li>dragging one actor with the editor's select tool: each pointer move to its rendered frame, and the release
 *       (the move applied through the map's session);</li>
 * </ol>
 * Cold start is timed on its own, along the path a person takes ({@code bench/coldstart.sh}: {@code ./mapwork} with its
 * class-data-sharing archive).
 * Every measurement is a warm-up followed by {@value #PASSES} measured passes, each reported. Nothing here is a
 * test: it prints what it measured. Options: {@code --nodes=N --links=N --passes=N --skip-breakdown --only-breakdown
 * --only-editor --only-drag --only-add-remove --edits=N --out=DIR} (pictures of sample frames are written there to look at).
 */
public final class CanvasSpeed {

    static final int PASSES = 2;
    static final int DRAG_MOVES = 120;
    /** Additions (and as many removals) per pass of {@code --only-add-remove}. */
    static final int ADD_REMOVE_EDITS = 100;
    static final int WIDTH = 1280, HEIGHT = 800;
    private static final Color BACKGROUND = new Color(0xfbfbf8);

    private CanvasSpeed() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        int nodes = intArg(args, "nodes", 10_000), links = intArg(args, "links", 15_000);
        int passes = intArg(args, "passes", PASSES);
        Path out = Path.of(stringArg(args, "out", "bench/target/canvas-speed"));
        Files.createDirectories(out);

        System.out.println("# Mapwork canvas speed — " + Instant.now());
        System.out.println("java " + System.getProperty("java.vm.version") + " on " + System.getProperty("os.name") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores; load before: " + load());
        if (List.of(args).contains("--only-breakdown")) {
            MapDocument doc = BigNetMap.generate(nodes, links, 5);
            Rectangle2D extent = new MapPainter().extent(doc, RenderOptions.screen(Set.of()));
            breakdown(nodes, links, ViewScript.standard(WIDTH, HEIGHT, extent.getMaxX(), extent.getMaxY()));
            System.exit(0);
        }

        long t = System.nanoTime();
        MapDocument doc = BigNetMap.generate(nodes, links, 5);
        System.out.printf(Locale.ROOT, "map: %s method, %d actors, %d links, generated and validated through "
                + "ChangeEngine.apply in %.1f s%n", doc.methodId(), doc.nodes().count(), doc.links().count(), (System.nanoTime() - t) / 1e9);

        MapPainter probe = new MapPainter();
        t = System.nanoTime();
        Rectangle2D extent = probe.extent(doc, RenderOptions.screen(Set.of()));
        System.out.printf(Locale.ROOT, "painter scene (shapes, wrapped labels, grid index) built in %.0f ms; content "
                + "%.0f × %.0f map units%n", (System.nanoTime() - t) / 1e6, extent.getWidth(), extent.getHeight());
        List<ViewScript.View> views = ViewScript.standard(WIDTH, HEIGHT, extent.getMaxX(), extent.getMaxY());
        // warm-up: every fourth frame of the script (all bands and kinds), untimed, so the JIT has compiled the paths
        List<ViewScript.View> warmUp = new ArrayList<>();
        for (int i = 0; i < views.size(); i += 4) {
            warmUp.add(views.get(i));
        }
        describeScript(views, doc, probe);
        if (List.of(args).contains("--only-add-remove")) {
            addRemoveOnly(doc, centreActor(doc, extent), intArg(args, "edits", ADD_REMOVE_EDITS), passes);
            System.exit(0);
        }
        if (List.of(args).contains("--only-editor") || List.of(args).contains("--only-drag")) {
            editorOnly(doc, List.of(args).contains("--only-drag") ? List.of() : views, warmUp, passes, extent);
            System.exit(0);
        }

        // ----- 1b. plain Java2D -----
        Java2DFrames j2d = new Java2DFrames();
        j2d.run(doc, warmUp); // warm-up
        List<FrameTimes> java2d = new ArrayList<>();
        for (int p = 1; p <= passes; p++) {
            java2d.add(new FrameTimes("Mapwork painter → Java2D BufferedImage, pass " + p, j2d.run(doc, views)));
        }
        ImageIO.write(j2d.image, "png", out.resolve("java2d-last-frame.png").toFile());
        System.out.println("load after Java2D: " + load());

        // ----- 1a and 3. the editor's canvas: pan/zoom, then dragging one actor -----
        Element dragged = centreActor(doc, extent);
        EditorRows editor = editorRows(doc, views, warmUp, passes, dragged);
        List<FrameTimes> fx = editor.frames();

        // ----- 2. JGraphX -----
        t = System.nanoTime();
        JGraphXFrames jgx = new JGraphXFrames(doc, WIDTH, HEIGHT);
        System.out.printf(Locale.ROOT, "JGraphX graph built: %d vertices, %d edges in %.1f s%n", jgx.vertexCount(),
                jgx.edgeCount(), (System.nanoTime() - t) / 1e9);
        jgx.run(warmUp); // warm-up
        List<FrameTimes> jgraphx = new ArrayList<>();
        for (int p = 1; p <= passes; p++) {
            jgraphx.add(new FrameTimes("JGraphX mxGraphComponent → BufferedImage, pass " + p, jgx.run(views)));
        }
        ImageIO.write(jgx.image(), "png", out.resolve("jgraphx-last-frame.png").toFile());
        System.out.println("load after JGraphX: " + load());

        // ----- report -----
        System.out.println();
        System.out.println("## 1–2. Pan and zoom, " + views.size() + " frames per pass, canvas " + WIDTH + "×" + HEIGHT);
        System.out.println(FrameTimes.header());
        fx.forEach(f -> System.out.println(f.row()));
        editor.fxThread().forEach(f -> System.out.println(f.row()));
        java2d.forEach(f -> System.out.println(f.row()));
        jgraphx.forEach(f -> System.out.println(f.row()));
        editor.printWholeness();
        System.out.println();
        System.out.println("Ratios Mapwork / JGraphX (below 1: Mapwork is faster), pass by pass:");
        for (int p = 0; p < passes; p++) {
            System.out.printf(Locale.ROOT, "  pass %d: editor canvas / JGraphX  p50 %.2f  p95 %.2f;   Java2D painter / JGraphX  p50 %.2f  p95 %.2f%n",
                    p + 1, fx.get(p).percentileMs(50) / jgraphx.get(p).percentileMs(50),
                    fx.get(p).percentileMs(95) / jgraphx.get(p).percentileMs(95),
                    java2d.get(p).percentileMs(50) / jgraphx.get(p).percentileMs(50),
                    java2d.get(p).percentileMs(95) / jgraphx.get(p).percentileMs(95));
        }
        System.out.println();
        System.out.println("By zoom band (far < 25 % ≤ mid ≤ 100 % < close) and kind, last pass:");
        System.out.println(FrameTimes.header());
        for (FrameTimes series : List.of(fx.get(passes - 1), java2d.get(passes - 1), jgraphx.get(passes - 1))) {
            for (Map.Entry<String, FrameTimes> e : series.byBand(views).entrySet()) {
                System.out.println(e.getValue().row());
            }
        }
        System.out.println();
        System.out.println("## 3. Dragging actor " + dragged.id() + " with the select tool at 100 %, " + DRAG_MOVES
                + " pointer moves per pass, then the release");
        System.out.println(FrameTimes.header());
        editor.drag().forEach(f -> System.out.println(f.row()));
        System.out.println("load at the end of the frame measurements: " + load());

        if (!List.of(args).contains("--skip-breakdown")) {
            System.out.println();
            breakdown(nodes, links, views);
        }
        System.exit(0);
    }

    /**
     * A measured hint of where the painter's time goes: the same frames (every third of the script, Java2D) on
     * variants of the map that leave one kind of thing out.
     */
    private static void breakdown(int nodes, int links, List<ViewScript.View> script) throws IOException {
        System.out.println("## 5. Where the painter's time goes: Java2D, every 3rd frame of the script, on map variants");
        System.out.println("(each variant generated like the benchmark map, leaving one thing out; p50 per zoom band, ms)");
        List<ViewScript.View> measured = new ArrayList<>(), warmUp = new ArrayList<>();
        for (int i = 0; i < script.size(); i++) {
            if (i % 3 == 0) {
                measured.add(script.get(i));
            }
            if (i % 8 == 0) {
                warmUp.add(script.get(i));
            }
        }
        Map<String, MapDocument> variants = new java.util.LinkedHashMap<>();
        variants.put("as benchmarked (towers, badges, 2/3 of links dashed or dotted)", BigNetMap.generate(nodes, links, 5));
        variants.put("no links", BigNetMap.generate(nodes, 0, 5));
        variants.put("only solid link types (formal authority, advice)", BigNetMap.generate(nodes, links, 5, true,
                List.of("formal-authority", "advice")));
        variants.put("no influence towers, no goals (no badges)", BigNetMap.generate(nodes, links, 5, false, null));
        System.out.printf(Locale.ROOT, "%-64s %9s %9s %9s %9s %9s%n", "variant", "far p50", "mid p50", "close p50", "all p50", "all p95");
        for (Map.Entry<String, MapDocument> v : variants.entrySet()) {
            Java2DFrames j = new Java2DFrames();
            j.run(v.getValue(), warmUp);
            FrameTimes t = new FrameTimes(v.getKey(), j.run(v.getValue(), measured));
            List<Double> p50s = new ArrayList<>();
            for (String band : List.of("far", "mid", "close")) {
                p50s.add(t.only(band, i -> measured.get(i).band().equals(band)).percentileMs(50));
            }
            System.out.printf(Locale.ROOT, "%-64s %9.1f %9.1f %9.1f %9.1f %9.1f%n", v.getKey(), p50s.get(0), p50s.get(1),
                    p50s.get(2), t.percentileMs(50), t.percentileMs(95));
        }
        System.out.println("load after the breakdown: " + load());
    }

    /**
     * The editor's canvas alone (pan/zoom and drag; with no views, the drag alone), for quick runs while working on it:
     * no Java2D or JGraphX rows.
     */
    private static void editorOnly(MapDocument doc, List<ViewScript.View> views, List<ViewScript.View> warmUp, int passes,
                                   Rectangle2D extent) throws Exception {
        EditorRows editor = editorRows(doc, views, warmUp, passes, centreActor(doc, extent));
        System.out.println(FrameTimes.header());
        editor.frames().forEach(f -> System.out.println(f.row()));
        editor.fxThread().forEach(f -> System.out.println(f.row()));
        if (!views.isEmpty()) {
            editor.frames().get(passes - 1).byBand(views).values().forEach(b -> System.out.println(b.row()));
            editor.printWholeness();
        }
        editor.drag().forEach(f -> System.out.println(f.row()));
        System.out.println("load at the end: " + load());
    }

    /**
     * Adding and removing one actor on the editor's canvas (issue 10): {@code edits} additions and as many removals, one
     * frame each, from the edit to the rendered frame; a warm-up first, then {@code passes} measured passes.
     */
    private static void addRemoveOnly(MapDocument doc, Element like, int edits, int passes) throws Exception {
        try (EditorCanvasFrames canvas = EditorCanvasFrames.open(doc, WIDTH, HEIGHT)) {
            System.out.println("JavaFX pipeline: " + EditorCanvasFrames.pipeline());
            canvas.addRemove(like, Math.max(10, edits / 4)); // warm-up
            System.out.println("## Adding and removing a copy of actor " + like.id() + " at 100 %, " + edits
                    + " times each; load before: " + load());
            System.out.println(FrameTimes.header());
            for (int p = 1; p <= passes; p++) {
                EditorCanvasFrames.Times times = canvas.addRemove(like, edits);
                FrameTimes all = new FrameTimes("add/remove: edit → rendered frame, pass " + p, times.total());
                System.out.println(all.row());
                System.out.println(all.only("  additions, pass " + p, i -> i % 2 == 0).row());
                System.out.println(all.only("  removals, pass " + p, i -> i % 2 == 1).row());
                System.out.println(new FrameTimes("  of which JavaFX thread, pass " + p, times.fxThread()).row());
            }
            System.out.println("load at the end: " + load());
        }
    }

    /** The editor canvas' rows: pan/zoom frames pass by pass, how whole they were, and the drag's rows. */
    private record EditorRows(List<FrameTimes> frames, List<FrameTimes> fxThread, List<String> wholeness,
                              List<Long> settles, long[] tilesDrawn, List<FrameTimes> drag) {
        void printWholeness() {
            wholeness.forEach(w -> System.out.println("  " + w));
            FrameTimes settle = new FrameTimes("time until the view is whole after each gesture",
                    settles.stream().mapToLong(Long::longValue).toArray());
            System.out.println("  " + settle.row());
            System.out.printf(Locale.ROOT, "  tiles drawn during the measured passes: %d on the JavaFX thread, %d in the background%n",
                    tilesDrawn[0], tilesDrawn[1]);
        }
    }

    /**
     * Times the editor's own canvas ({@link EditorCanvasFrames}): a warm-up, then {@code passes} passes over the views
     * (none when empty), then a warm-up drag of {@code dragged} and {@code passes} measured drags.
     */
    private static EditorRows editorRows(MapDocument doc, List<ViewScript.View> views, List<ViewScript.View> warmUp,
                                         int passes, Element dragged) throws Exception {
        List<FrameTimes> fx = new ArrayList<>(), fxThread = new ArrayList<>(), drag = new ArrayList<>();
        List<String> wholeness = new ArrayList<>();
        List<Long> settles = new ArrayList<>();
        long[] tiles;
        try (EditorCanvasFrames canvas = EditorCanvasFrames.open(doc, WIDTH, HEIGHT)) {
            System.out.println("JavaFX pipeline: " + EditorCanvasFrames.pipeline() + " (prism.order="
                    + System.getProperty("prism.order") + ", glass.platform=" + System.getProperty("glass.platform") + ")");
            canvas.panZoom(warmUp, true, new ArrayList<>()); // warm-up
            long[] before = canvas.tilesDrawn();
            for (int p = 1; p <= passes && !views.isEmpty(); p++) {
                List<Long> settle = new ArrayList<>();
                EditorCanvasFrames.Times times = canvas.panZoom(views, true, settle);
                fx.add(new FrameTimes("editor canvas (tiles) → JavaFX, pass " + p, times.total()));
                fxThread.add(new FrameTimes("  of which JavaFX thread (input + paint), pass " + p, times.fxThread()));
                wholeness.add(String.format(Locale.ROOT, "pass %d: %d of %d frames showed the whole view at its own scale; "
                        + "the others showed stand-ins (the last whole view's tiles, scaled) where tiles were on their way",
                        p, times.wholeCount(), views.size()));
                settles.addAll(settle);
            }
            long[] after = canvas.tilesDrawn();
            tiles = new long[] {after[0] - before[0], after[1] - before[1]};
            System.out.println("load after the editor's pan/zoom: " + load());
            canvas.drag(dragged, DRAG_MOVES); // warm-up
            for (int p = 1; p <= passes; p++) {
                EditorCanvasFrames.Times times = canvas.drag(dragged, DRAG_MOVES);
                drag.add(new FrameTimes("drag: pointer move → rendered frame, pass " + p,
                        java.util.Arrays.copyOf(times.total(), DRAG_MOVES)));
                drag.add(new FrameTimes("  of which JavaFX thread, pass " + p,
                        java.util.Arrays.copyOf(times.fxThread(), DRAG_MOVES)));
                drag.add(new FrameTimes("drag: release (applied through MapSession; tiles staged in the background), pass " + p,
                        new long[] {times.total()[DRAG_MOVES]}));
            }
        }
        return new EditorRows(fx, fxThread, wholeness, settles, tiles, drag);
    }

    /** What the script shows: how many items each band's frames visit on average. */
    private static void describeScript(List<ViewScript.View> views, MapDocument doc, MapPainter painter) {
        long pans = views.stream().filter(v -> v.kind().equals("pan")).count();
        System.out.printf(Locale.ROOT, "script: %d frames (%d pans, %d zoom steps), zoom %.0f %%–%.0f %%%n", views.size(),
                pans, views.size() - pans, ViewScript.MIN_SCALE * 100, ViewScript.MAX_SCALE * 100);
        for (String band : List.of("far", "mid", "close")) {
            long frames = 0, items = 0;
            for (ViewScript.View v : views) {
                if (v.band().equals(band)) {
                    frames++;
                    items += painter.elementsIn(doc, Viewport.ofCanvas(v.originX(), v.originY(), WIDTH, HEIGHT, v.scale()).area()).size();
                }
            }
            System.out.printf(Locale.ROOT, "  %-5s %3d frames, on average %6.0f elements (actors + links) in view%n", band,
                    frames, frames == 0 ? 0.0 : (double) items / frames);
        }
    }

    /** The actor nearest the middle of the map. */
    static Element centreActor(MapDocument doc, Rectangle2D extent) {
        double cx = extent.getCenterX(), cy = extent.getCenterY();
        return doc.nodes().min((a, b) -> Double.compare(
                Math.hypot(a.geometry().centerX() - cx, a.geometry().centerY() - cy),
                Math.hypot(b.geometry().centerX() - cx, b.geometry().centerY() - cy))).orElseThrow();
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2] + " (1/5/15 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        String v = stringArg(args, name, null);
        return v == null ? fallback : Integer.parseInt(v);
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith("--" + name + "=")) {
                return a.substring(name.length() + 3);
            }
        }
        return fallback;
    }

    /** The same frames through plain Java2D: clear the image, paint. */
    static final class Java2DFrames {
        final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        private final MapPainter painter = new MapPainter();

        long[] run(MapDocument doc, List<ViewScript.View> views) {
            long[] out = new long[views.size()];
            RenderOptions opts = RenderOptions.screen(Set.of());
            Graphics2D g = image.createGraphics();
            try {
                for (int i = 0; i < out.length; i++) {
                    ViewScript.View v = views.get(i);
                    long t0 = System.nanoTime();
                    g.setColor(BACKGROUND);
                    g.fillRect(0, 0, WIDTH, HEIGHT);
                    painter.paint(g, doc, Viewport.ofCanvas(v.originX(), v.originY(), WIDTH, HEIGHT, v.scale()), opts);
                    out[i] = System.nanoTime() - t0;
                }
            } finally {
                g.dispose();
            }
            return out;
        }
    }
}
