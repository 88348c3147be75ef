package org.mapwork.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.mxgraph.swing.mxGraphComponent;
import com.mxgraph.view.mxGraph;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.mapwork.editor.canvas.PainterHitTester;
import org.mapwork.editor.map.ClipboardPort;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.tool.CanvasInput;
import org.mapwork.editor.tool.SelectTool;
import org.mapwork.editor.view.MapCanvasView;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.Viewport;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.templates.Methods;

/**
 * Frame times of the editor's canvas on a 10,000-actor / 15,000-link power map, panned and zoomed headlessly on
 * JavaFX's software pipeline, beside JGraphX's Swing {@code mxGraphComponent} painting the same graph offscreen, and
 * the time to drag one node. A plain harness (not JMH): every frame is timed on its own so that percentiles can be
 * reported. Run it with the properties in {@code bench/README.md}.
 *
 * <p>What is timed, per frame, for the same sequence of viewports (1280×800 pixels):
 * <ul>
 *   <li><b>canvas record</b>: the editor's {@code MapCanvasView.paintNow()} on the JavaFX thread — the shared painter
 *   drawing the visible area through FXGraphics2D into the canvas's command buffer, plus grid, overlay and scroll bars;</li>
 *   <li><b>canvas record + rasterise</b>: the same followed by {@code canvas.snapshot()}, which makes the software
 *   pipeline execute those commands into pixels (and read them back: an upper bound of a pulse's work);</li>
 *   <li><b>painter → BufferedImage</b>: the same painter onto a Java2D image, the like-for-like comparison with
 *   <b>JGraphX</b>: {@code mxGraphComponent.getGraphControl().paint(g)} into a BufferedImage of the same size,
 *   clipped to the same viewport (zoom frames include JGraphX's own {@code view.setScale}, as a zoom there needs).</li>
 * </ul>
 */
public final class EditorFrameBench {

    static final int W = 1280;
    static final int H = 800;

    /** One frame's view: the map point at the top-left corner and the zoom. */
    record View(String phase, double x, double y, double scale) {
    }

    private EditorFrameBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> flags = Arrays.stream(args).filter(a -> a.startsWith("--")).toList();
        List<String> numbers = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        int nodes = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 10_000;
        int links = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 15_000;
        dragOnly = flags.contains("--drag-only");
        long t0 = System.nanoTime();
        MapDocument doc = BigNetMap.generate(nodes, links, 42);
        System.out.printf(Locale.ROOT, "map: %d actors, %d links (built in %.0f ms)%n", doc.nodes().count(),
                doc.links().count(), (System.nanoTime() - t0) / 1e6);
        List<View> views = views(doc);

        if (dragOnly) {
            Platform.startup(() -> { });
            FxResults fx = onFx(() -> fxFrames(doc, views)).get(30, TimeUnit.MINUTES);
            row("drag one node: move + record", Map.of("drag", fx.dragRecord));
            row("drag one node: move + record + rasterise", Map.of("drag", fx.dragRasterised));
            System.out.printf(Locale.ROOT, "drag release (one SetGeometry change set applied + repaint): %.2f ms%n", fx.release);
            Platform.exit();
            System.exit(0);
        }
        // 1. the shared painter onto a Java2D image
        MapPainter painter = new MapPainter();
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        Map<String, double[]> painterTimes = time(views, v -> () -> {
            Graphics2D g = image.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, W, H);
            painter.paint(g, doc, Viewport.ofCanvas(v.x(), v.y(), W, H, v.scale()), RenderOptions.screen(Set.of()));
            g.dispose();
        });

        // 2. JGraphX's Swing component, same graph, same viewports
        mxGraphComponent component = jgraphx(doc);
        System.out.println("painter done");
        Map<String, double[]> jgraphxTimes = time(views, v -> () -> {
            mxGraph graph = component.getGraph();
            if (graph.getView().getScale() != v.scale()) {
                graph.getView().setScale(v.scale());
            }
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, W, H);
            double sx = v.x() * v.scale();
            double sy = v.y() * v.scale();
            g.translate(-sx, -sy);
            g.setClip((int) sx, (int) sy, W, H);
            component.getGraphControl().paint(g);
            g.dispose();
        });

        System.out.println("JGraphX done");
        // 3. the editor's canvas on the JavaFX software pipeline, and 4. dragging one node
        Platform.startup(() -> { });
        FxResults fx = onFx(() -> fxFrames(doc, views)).get(30, TimeUnit.MINUTES);

        System.out.println();
        System.out.println("frame times in ms (p50 / p95 / p99 / max), viewport " + W + "x" + H + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, prism.order=" + System.getProperty("prism.order"));
        row("canvas record (editor paint)", fx.record);
        row("canvas record + rasterise", fx.rasterised);
        row("snapshot of an unchanged canvas (readback)", fx.readback);
        row("painter -> BufferedImage", painterTimes);
        row("JGraphX mxGraphComponent", jgraphxTimes);
        System.out.println();
        for (String phase : phases(views)) {
            double ours = percentile(painterTimes.get(phase), 50);
            double theirs = percentile(jgraphxTimes.get(phase), 50);
            System.out.printf(Locale.ROOT, "JGraphX / painter, p50, %-14s %6.2f x%n", phase, theirs / ours);
        }
        double[] allOurs = concat(painterTimes);
        double[] allTheirs = concat(jgraphxTimes);
        System.out.printf(Locale.ROOT, "JGraphX / painter, p50, all frames     %6.2f x  (p95: %.2f x)%n",
                percentile(allTheirs, 50) / percentile(allOurs, 50), percentile(allTheirs, 95) / percentile(allOurs, 95));
        System.out.println();
        row("drag one node: move + record", Map.of("drag", fx.dragRecord));
        row("drag one node: move + record + rasterise", Map.of("drag", fx.dragRasterised));
        System.out.printf(Locale.ROOT, "drag release (one SetGeometry change set applied + repaint): %.2f ms%n", fx.release);
        Platform.exit();
        System.exit(0);
    }

    /** Pan at 100 %, zoom from 100 % to 10 % and back, pan at 25 %: 120 frames each. */
    static List<View> views(MapDocument doc) {
        double cx = doc.nodes().mapToDouble(e -> e.geometry().centerX()).average().orElse(0);
        double cy = doc.nodes().mapToDouble(e -> e.geometry().centerY()).average().orElse(0);
        List<View> out = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            out.add(new View("pan 100%", cx - W / 2.0 + i * 23, cy - H / 2.0 + i * 11, 1.0));
        }
        for (int i = 0; i < 120; i++) {
            double t = i < 60 ? i / 59.0 : (119 - i) / 59.0;
            double s = Math.exp(Math.log(1.0) * (1 - t) + Math.log(0.1) * t);
            out.add(new View("zoom 100-10%", cx - W / 2.0 / s, cy - H / 2.0 / s, s));
        }
        for (int i = 0; i < 120; i++) {
            double s = 0.25;
            out.add(new View("pan 25%", cx - W / 2.0 / s - 3000 + i * 50, cy - H / 2.0 / s - 1500 + i * 25, s));
        }
        return out;
    }

    static List<String> phases(List<View> views) {
        return views.stream().map(View::phase).distinct().toList();
    }

    /** Runs the frames once to warm up, then times each; results by phase. */
    static Map<String, double[]> time(List<View> views, java.util.function.Function<View, Runnable> frame) {
        for (View v : views) {
            frame.apply(v).run();
        }
        Map<String, List<Double>> by = new HashMap<>();
        for (View v : views) {
            Runnable r = frame.apply(v);
            long t = System.nanoTime();
            r.run();
            by.computeIfAbsent(v.phase(), k -> new ArrayList<>()).add((System.nanoTime() - t) / 1e6);
        }
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        for (String p : phases(views)) {
            out.put(p, by.get(p).stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }

    static mxGraphComponent jgraphx(MapDocument doc) {
        mxGraph graph = new mxGraph();
        Object parent = graph.getDefaultParent();
        Map<String, Object> cells = new HashMap<>();
        graph.getModel().beginUpdate();
        try {
            for (Element e : (Iterable<Element>) doc.nodes()::iterator) {
                var g = e.geometry();
                cells.put(e.id(), graph.insertVertex(parent, e.id(), e.label(), g.x(), g.y(), g.width(), g.height(),
                        "rounded=1;fillColor=#f6d7b0;strokeColor=#c07020;fontColor=#1a1a1a"));
            }
            for (Element l : (Iterable<Element>) doc.links()::iterator) {
                graph.insertEdge(parent, l.id(), "", cells.get(l.source()), cells.get(l.target()),
                        "strokeColor=#0072B2;endArrow=classic");
            }
        } finally {
            graph.getModel().endUpdate();
        }
        // without its mouse and drag-and-drop handlers, which need a display; painting does not use them
        mxGraphComponent component = new mxGraphComponent(graph) {
            @Override
            protected void createHandlers() {
            }
        };
        component.setSize(W, H);
        component.doLayout();
        var control = component.getGraphControl();
        control.setSize(control.getPreferredSize());
        return component;
    }

    /** The JavaFX part's results. */
    static final class FxResults {
        Map<String, double[]> record;
        Map<String, double[]> rasterised;
        Map<String, double[]> readback;
        double[] dragRecord;
        double[] dragRasterised;
        double release;
    }

    static <T> CompletableFuture<T> onFx(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    /** Runs on the JavaFX thread: the real canvas view in a stage, driven frame by frame. */
    static FxResults fxFrames(MapDocument doc, List<View> views) {
        MapPainter painter = new MapPainter();
        MapSession session = new MapSession(doc, BigNetMap.schema(), "bench", 0);
        MapViewModel vm = new MapViewModel(session, Methods.byId(BigNetMap.METHOD).orElseThrow(), Methods.schemas(), new PainterHitTester(painter),
                ClipboardPort.inMemory());
        MapCanvasView view = new MapCanvasView(vm, painter);
        Stage stage = new Stage();
        stage.setScene(new Scene(new StackPane(view), W + 14, H + 14));
        stage.show();
        view.applyCss();
        view.layout();
        WritableImage img = new WritableImage(W, H);
        FxResults r = new FxResults();
        if (dragOnly) {
            views = List.of(views.get(0));
        }
        r.record = time(views, v -> () -> {
            vm.camera().set(v.x(), v.y(), v.scale());
            view.paintNow();
        });
        // the cost of the measurement itself: a snapshot of a canvas whose picture has not changed
        r.readback = time(views.subList(0, 60), v -> () -> view.canvas().snapshot(null, img));
        r.rasterised = time(views, v -> () -> {
            vm.camera().set(v.x(), v.y(), v.scale());
            view.paintNow();
            view.canvas().snapshot(null, img);
        });

        // drag one node near the middle of the view at 100 %
        View centre = views.get(0);
        vm.camera().set(centre.x(), centre.y(), 1.0);
        view.paintNow();
        var cam = vm.camera();
        Element node = doc.nodes().filter(e -> e.geometry().intersects(cam.toMapX(W / 2.0), cam.toMapY(H / 2.0), 200, 200))
                .findFirst().orElseThrow();
        double x0 = node.geometry().centerX();
        double y0 = node.geometry().centerY();
        r.dragRecord = drag(vm, view, x0, y0, null);
        r.dragRasterised = drag(vm, view, x0, y0, img);
        r.release = lastRelease;
        stage.close();
        return r;
    }

    private static double[] drag(MapViewModel vm, MapCanvasView view, double x0, double y0, WritableImage img) {
        SelectTool tool = new SelectTool(vm);
        var cam = vm.camera();
        var none = CanvasInput.Modifiers.NONE;
        tool.handle(new CanvasInput.PointerDown(x0, y0, cam.toScreenX(x0), cam.toScreenY(y0), CanvasInput.Button.PRIMARY, 1, none));
        double[] times = new double[150];
        for (int i = 0; i < times.length; i++) {
            double x = x0 + 5 + i * 2;
            double y = y0 + 5 + i;
            long t = System.nanoTime();
            tool.handle(new CanvasInput.PointerMove(x, y, cam.toScreenX(x), cam.toScreenY(y), none));
            view.paintNow();
            if (img != null) {
                view.canvas().snapshot(null, img);
            }
            times[i] = (System.nanoTime() - t) / 1e6;
        }
        double x = x0 + 5 + times.length * 2;
        double y = y0 + 5 + times.length;
        long t = System.nanoTime();
        tool.handle(new CanvasInput.PointerUp(x, y, cam.toScreenX(x), cam.toScreenY(y), CanvasInput.Button.PRIMARY, none));
        view.paintNow();
        if (img != null) {
            lastRelease = (System.nanoTime() - t) / 1e6;
        }
        vm.undo();
        // the first frames warm the JIT; report the rest
        return Arrays.copyOfRange(times, 30, times.length);
    }

    private static double lastRelease;
    private static boolean dragOnly;

    static double percentile(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    static double[] concat(Map<String, double[]> byPhase) {
        return byPhase.values().stream().flatMapToDouble(Arrays::stream).toArray();
    }

    static void row(String what, Map<String, double[]> byPhase) {
        for (Map.Entry<String, double[]> e : byPhase.entrySet()) {
            double[] v = e.getValue();
            System.out.printf(Locale.ROOT, "%-44s %-14s %7.2f %7.2f %7.2f %7.2f  (%d frames)%n", what, e.getKey(),
                    percentile(v, 50), percentile(v, 95), percentile(v, 99), percentile(v, 100), v.length);
        }
    }
}
