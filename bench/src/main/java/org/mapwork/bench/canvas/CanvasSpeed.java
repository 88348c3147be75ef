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
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.schema.Schema;

/**
 * The editor's speed figures in one run (issue 5, "Speed"), printed as tables:
 * <ol>
 *   <li>pan and zoom frame times of a 10,000-actor / 15,000-link Net-Map on a 1280 × 800 JavaFX canvas (software
 *       pipeline, Monocle headless), and the same frames painted by the same painter into a plain Java2D image;</li>
 *   <li>JGraphX's {@code mxGraphComponent} painting the same graph offscreen along the same frames, and the ratios;</li>
 *   <li>dragging one actor: the preview frame the editor paints during a drag, and a frame that applies the move
 *       through a {@link MapSession};</li>
 *   <li>cold start of the editor to its first frame, in child JVMs under Xvfb ({@link ColdStart}).</li>
 * </ol>
 * Every measurement is a warm-up followed by {@value #PASSES} measured passes, each reported. Nothing here is a
 * test: it prints what it measured. Options: {@code --nodes=N --links=N --passes=N --skip-cold-start
 * --only-cold-start --skip-breakdown --only-breakdown --cold-starts=N --out=DIR} (pictures of sample frames are written there to look at).
 */
public final class CanvasSpeed {

    static final int PASSES = 2;
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
        if (List.of(args).contains("--only-cold-start")) {
            ColdStart.report(intArg(args, "cold-starts", 3), out);
            System.exit(0);
        }

        long t = System.nanoTime();
        MapDocument doc = BigNetMap.generate(nodes, links, 5);
        Schema schema = BigNetMap.schema();
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

        List<String> table = new ArrayList<>();
        List<String> bands = new ArrayList<>();

        // ----- 1b. plain Java2D -----
        Java2DFrames j2d = new Java2DFrames();
        j2d.run(doc, warmUp); // warm-up
        List<FrameTimes> java2d = new ArrayList<>();
        for (int p = 1; p <= passes; p++) {
            java2d.add(new FrameTimes("Mapwork painter → Java2D BufferedImage, pass " + p, j2d.run(doc, views)));
        }
        ImageIO.write(j2d.image, "png", out.resolve("java2d-last-frame.png").toFile());
        System.out.println("load after Java2D: " + load());

        // ----- 1a. JavaFX canvas -----
        List<FrameTimes> fx = new ArrayList<>(), fxPaint = new ArrayList<>(), fxRender = new ArrayList<>();
        List<FrameTimes> dragFx = new ArrayList<>();
        Element dragged = centreActor(doc, extent);
        try (FxCanvasFrames canvas = FxCanvasFrames.open(WIDTH, HEIGHT)) {
            System.out.println("JavaFX pipeline: " + FxCanvasFrames.pipeline() + " (prism.order="
                    + System.getProperty("prism.order") + ", glass.platform=" + System.getProperty("glass.platform") + ")");
            List<FxCanvasFrames.Frame> panZoom = views.stream().map(v -> (FxCanvasFrames.Frame) new PanZoomFrame(v, doc)).toList();
            canvas.run(warmUp.stream().map(v -> (FxCanvasFrames.Frame) new PanZoomFrame(v, doc)).toList()); // warm-up
            for (int p = 1; p <= passes; p++) {
                FxCanvasFrames.Times times = canvas.run(panZoom);
                fx.add(new FrameTimes("Mapwork painter → FXGraphics2D → JavaFX canvas, pass " + p, times.total()));
                fxPaint.add(new FrameTimes("  of which FX thread: painter + FXGraphics2D calls, pass " + p, times.paint()));
                fxRender.add(new FrameTimes("  of which pulse + sw render of the canvas, pass " + p, times.render()));
            }
            System.out.println("load after JavaFX pan/zoom: " + load());
            // ----- 3. dragging, JavaFX -----
            canvas.run(DragFrames.preview(doc, schema, dragged)); // warm-up
            for (int p = 1; p <= passes; p++) {
                FxCanvasFrames.Times preview = canvas.run(DragFrames.preview(doc, schema, dragged));
                dragFx.add(new FrameTimes("drag preview on JavaFX canvas (apply + scene + paint + render), pass " + p, preview.total()));
                FxCanvasFrames.Times commit = canvas.run(DragFrames.commit(doc, schema, dragged));
                dragFx.add(new FrameTimes("drag via MapSession.apply on JavaFX canvas (same + undo entry), pass " + p, commit.total()));
                dragFx.add(new FrameTimes("  of which MapSession.apply + painter scene rebuild, pass " + p, commit.prepare()));
            }
        }

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

        // ----- 3. dragging, Java2D with the parts apart -----
        List<FrameTimes> dragJ2d = new ArrayList<>();
        DragFrames.java2d(doc, schema, dragged, false, 0); // warm-up
        DragFrames.java2d(doc, schema, dragged, true, 0);
        for (int p = 1; p <= passes; p++) {
            dragJ2d.addAll(DragFrames.java2d(doc, schema, dragged, false, p));
            dragJ2d.addAll(DragFrames.java2d(doc, schema, dragged, true, p));
        }

        // ----- report -----
        System.out.println();
        System.out.println("## 1–2. Pan and zoom, " + views.size() + " frames per pass, canvas " + WIDTH + "×" + HEIGHT);
        System.out.println(FrameTimes.header());
        fx.forEach(f -> System.out.println(f.row()));
        fxPaint.forEach(f -> System.out.println(f.row()));
        fxRender.forEach(f -> System.out.println(f.row()));
        java2d.forEach(f -> System.out.println(f.row()));
        jgraphx.forEach(f -> System.out.println(f.row()));
        System.out.println();
        System.out.println("Ratios Mapwork / JGraphX (below 1: Mapwork is faster), pass by pass:");
        for (int p = 0; p < passes; p++) {
            System.out.printf(Locale.ROOT, "  pass %d: JavaFX canvas / JGraphX  p50 %.2f  p95 %.2f;   Java2D painter / JGraphX  p50 %.2f  p95 %.2f%n",
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
        System.out.println("## 3. Dragging actor " + dragged.id() + " at 100 %, " + DragFrames.FRAMES + " frames per pass");
        System.out.println(FrameTimes.header());
        dragFx.forEach(f -> System.out.println(f.row()));
        dragJ2d.forEach(f -> System.out.println(f.row()));
        System.out.println("load at the end of the frame measurements: " + load());

        // ----- 4. cold start -----
        if (!List.of(args).contains("--skip-cold-start")) {
            System.out.println();
            ColdStart.report(intArg(args, "cold-starts", 3), out);
        }
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

    /** A pan/zoom frame: nothing to prepare, the map as it is. */
    record PanZoomFrame(ViewScript.View v, MapDocument doc) implements FxCanvasFrames.Frame {
        @Override
        public Viewport view() {
            return Viewport.ofCanvas(v.originX(), v.originY(), WIDTH, HEIGHT, v.scale());
        }

        @Override
        public MapDocument prepare(MapPainter painter) {
            return doc;
        }
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

    /**
     * Dragging one actor at 100 %: each frame moves it a little further from where it started. The preview frame is
     * what the editor paints while the button is held (the model with the moved geometry laid over it by
     * {@link ChangeEngine#apply}, never stored); the commit frame applies the move through a {@link MapSession} as
     * the editor does on release (validated, stamped, an undo entry) — here on every frame, as the worst case.
     */
    static final class DragFrames {
        static final int FRAMES = 120;

        static Geometry moved(Geometry start, int frame) {
            return start.movedBy(3.0 * frame, 40 * Math.sin(frame / 10.0));
        }

        static Viewport view(Element e) {
            Geometry g = e.geometry();
            return Viewport.ofCanvas(g.centerX() - WIDTH / 2.0, g.centerY() - HEIGHT / 2.0, WIDTH, HEIGHT, 1.0);
        }

        /** Forces the painter's per-snapshot scene to be built now (a hit test far off the map visits nothing). */
        static void buildScene(MapPainter painter, MapDocument doc) {
            painter.elementsAt(doc, -1e9, -1e9);
        }

        static List<FxCanvasFrames.Frame> preview(MapDocument base, Schema schema, Element e) {
            List<FxCanvasFrames.Frame> out = new ArrayList<>();
            Viewport view = view(e);
            for (int i = 1; i <= FRAMES; i++) {
                Geometry g = moved(e.geometry(), i);
                out.add(new FxCanvasFrames.Frame() {
                    @Override
                    public Viewport view() {
                        return view;
                    }

                    @Override
                    public MapDocument prepare(MapPainter painter) {
                        MapDocument d = ChangeEngine.apply(base, schema, ChangeSet.of("preview", Change.setGeometry(e.id(), g))).after();
                        buildScene(painter, d);
                        return d;
                    }
                });
            }
            return out;
        }

        static List<FxCanvasFrames.Frame> commit(MapDocument base, Schema schema, Element e) {
            MapSession session = new MapSession(base, schema, "bench", 0);
            List<FxCanvasFrames.Frame> out = new ArrayList<>();
            Viewport view = view(e);
            for (int i = 1; i <= FRAMES; i++) {
                Geometry g = moved(e.geometry(), i);
                out.add(new FxCanvasFrames.Frame() {
                    @Override
                    public Viewport view() {
                        return view;
                    }

                    @Override
                    public MapDocument prepare(MapPainter painter) {
                        session.apply(ChangeSet.of("move actor", Change.setGeometry(e.id(), g)));
                        buildScene(painter, session.document());
                        return session.document();
                    }
                });
            }
            return out;
        }

        /** Java2D frames with their parts timed apart: model, painter scene rebuild, paint. */
        static List<FrameTimes> java2d(MapDocument base, Schema schema, Element e, boolean commit, int pass) {
            MapPainter painter = new MapPainter();
            MapSession session = new MapSession(base, schema, "bench", 0);
            BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g2 = image.createGraphics();
            RenderOptions opts = RenderOptions.screen(Set.of());
            Viewport view = view(e);
            long[] model = new long[FRAMES], scene = new long[FRAMES], paint = new long[FRAMES];
            buildScene(painter, base);
            for (int i = 0; i < FRAMES; i++) {
                Geometry g = moved(e.geometry(), i + 1);
                long t0 = System.nanoTime();
                MapDocument d;
                if (commit) {
                    session.apply(ChangeSet.of("move actor", Change.setGeometry(e.id(), g)));
                    d = session.document();
                } else {
                    d = ChangeEngine.apply(base, schema, ChangeSet.of("preview", Change.setGeometry(e.id(), g))).after();
                }
                long t1 = System.nanoTime();
                buildScene(painter, d);
                long t2 = System.nanoTime();
                g2.setColor(BACKGROUND);
                g2.fillRect(0, 0, WIDTH, HEIGHT);
                painter.paint(g2, d, view, opts);
                long t3 = System.nanoTime();
                model[i] = t1 - t0;
                scene[i] = t2 - t1;
                paint[i] = t3 - t2;
            }
            g2.dispose();
            String what = commit ? "MapSession.apply" : "preview ChangeEngine.apply";
            FrameTimes m = new FrameTimes("  of which " + what + ", pass " + pass, model);
            FrameTimes s = new FrameTimes("  of which painter scene rebuild for the new snapshot, pass " + pass, scene);
            FrameTimes p = new FrameTimes("  of which paint (visible part), pass " + pass, paint);
            return List.of(FrameTimes.sum("drag " + (commit ? "via MapSession.apply" : "preview") + " → Java2D image, pass " + pass, m, s, p), m, s, p);
        }
    }
}
