package org.mapwork.bench.canvas;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import com.sun.javafx.perf.PerformanceTracker;
import org.jfree.fx.FXGraphics2D;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.Viewport;
import org.mapwork.model.MapDocument;

/**
 * Frames painted the editor's way: a {@link Canvas} in a {@link Scene} on a {@link Stage}, drawn through
 * {@link FXGraphics2D} by the shared {@link MapPainter}, on JavaFX's software pipeline under Monocle's headless glass.
 *
 * <p>What one frame's time covers: on the JavaFX thread, inside an {@link AnimationTimer} (as the editor repaints),
 * from the start of the frame's preparation (model work, if any) through clearing the canvas and the painter's call
 * — which only records drawing commands into the canvas' buffer — to the moment the QuantumRenderer thread has
 * finished rendering the pulse that carries them (rasterising the canvas commands with the software pipeline and
 * presenting the scene to the headless screen). That last moment is JavaFX's own "frame rendered" notification
 * ({@code com.sun.javafx.perf.PerformanceTracker#setOnRenderedFrameTask}, called on the render thread at the end of
 * each rendered frame). Frames are strictly one after another: the next starts at the first pulse after the previous
 * one was rendered, so no frame's time includes another's, and nothing else in the scene asks for pulses.
 */
public final class FxCanvasFrames implements AutoCloseable {

    /** Prepares one frame (on the JavaFX thread) and says what to draw. */
    public interface Frame {
        Viewport view();

        /** The document to draw; any work done here (applying a change) is timed as the frame's "prepare" part. */
        MapDocument prepare(MapPainter painter);
    }

    /** Per-frame times of one pass, in nanoseconds. */
    public record Times(long[] prepare, long[] paint, long[] render) {
        public long[] total() {
            long[] t = new long[prepare.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = prepare[i] + paint[i] + render[i];
            }
            return t;
        }
    }

    private static final Color BACKGROUND = Color.web("#fbfbf8");

    private final int width, height;
    private Stage stage;
    private Canvas canvas;
    private FXGraphics2D g2;
    private final MapPainter painter = new MapPainter();
    private volatile Runnable onRendered = () -> { };

    private FxCanvasFrames(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /**
     * Starts JavaFX headless (Monocle, software pipeline) unless it runs already, and shows a stage with a canvas of
     * {@code width × height}.
     */
    public static FxCanvasFrames open(int width, int height) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", width + "x" + height + "-32");
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        up.await();
        Platform.setImplicitExit(false);
        FxCanvasFrames f = new FxCanvasFrames(width, height);
        onFx(() -> {
            f.canvas = new Canvas(width, height);
            f.g2 = new FXGraphics2D(f.canvas.getGraphicsContext2D());
            Scene scene = new Scene(new Group(f.canvas), width, height);
            f.stage = new Stage();
            f.stage.setScene(scene);
            f.stage.show();
            PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> f.onRendered.run());
            return null;
        });
        return f;
    }

    /** Which rendering pipeline JavaFX chose (to print beside the figures). */
    public static String pipeline() {
        return com.sun.prism.GraphicsPipeline.getPipeline() == null ? "?"
                : com.sun.prism.GraphicsPipeline.getPipeline().getClass().getName();
    }

    /** Paints the frames one after another and returns each one's times. */
    public Times run(List<? extends Frame> frames) throws Exception {
        int n = frames.size();
        long[] prepare = new long[n], paint = new long[n], render = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger awaiting = new AtomicInteger(-1);
        long[] paintedAt = new long[n];
        CompletableFuture<Void> done = new CompletableFuture<>();
        onRendered = () -> {
            int i = awaiting.get();
            if (i >= 0) {
                render[i] = System.nanoTime() - paintedAt[i];
                next.set(i + 1);
                awaiting.set(-1);
            }
        };
        RenderOptions opts = RenderOptions.screen(Set.of());
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (awaiting.get() >= 0) {
                    return;
                }
                int i = next.get();
                if (i >= n) {
                    stop();
                    done.complete(null);
                    return;
                }
                try {
                    Frame f = frames.get(i);
                    long t0 = System.nanoTime();
                    MapDocument doc = f.prepare(painter);
                    long t1 = System.nanoTime();
                    GraphicsContext gc = canvas.getGraphicsContext2D();
                    gc.setFill(BACKGROUND);
                    gc.fillRect(0, 0, width, height);
                    painter.paint(g2, doc, f.view(), opts);
                    long t2 = System.nanoTime();
                    prepare[i] = t1 - t0;
                    paint[i] = t2 - t1;
                    paintedAt[i] = t2;
                    awaiting.set(i);
                } catch (RuntimeException | Error e) {
                    stop();
                    done.completeExceptionally(e);
                }
            }
        };
        Platform.runLater(timer::start);
        done.get(10, TimeUnit.MINUTES);
        onRendered = () -> { };
        return new Times(prepare, paint, render);
    }

    @Override
    public void close() throws Exception {
        onFx(() -> {
            stage.close();
            return null;
        });
        Platform.exit();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(1, TimeUnit.MINUTES);
    }
}
