package org.mapwork.bench.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import com.sun.javafx.perf.PerformanceTracker;
import org.mapwork.bench.BigNetMap;
import org.mapwork.editor.canvas.PainterHitTester;
import org.mapwork.editor.map.ClipboardPort;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.tool.CanvasInput;
import org.mapwork.editor.tool.Tool;
import org.mapwork.editor.view.MapCanvasView;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.OrderKey;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.templates.Methods;

/**
 * Frames of the editor's real canvas ({@link MapCanvasView} over a {@link MapViewModel} and a {@link MapSession}, as
 * the map window builds them) in a {@link Scene} on a {@link Stage}, on JavaFX's software pipeline under Monocle's
 * headless glass.
 *
 * <p>What one frame's time covers: on the JavaFX thread, inside an {@link AnimationTimer} (where input events are
 * handled too), from the input — the camera moved as a drag or a wheel step moves it, or a pointer move handed to the
 * select tool — through the canvas' paint (tiles copied, lifted elements drawn, chrome) to the moment the
 * QuantumRenderer thread has finished rendering the pulse that carries it (JavaFX's own "frame rendered" notification,
 * {@code PerformanceTracker#setOnRenderedFrameTask}). Frames go strictly one after another: the next starts at the
 * first pulse after the previous one was rendered. Tiles drawn by the canvas' background thread meanwhile are part of
 * the machine's load, not of any frame's time; whether each frame showed its view whole (every tile at its own
 * scale) is recorded beside its time, and so is how long the view takes to become whole after each gesture.
 */
public final class EditorCanvasFrames implements AutoCloseable {

    /** Per-frame results of one run: total time, the JavaFX-thread part, and whether the view was shown whole. */
    public record Times(long[] total, long[] fxThread, boolean[] whole) {
        public int wholeCount() {
            int n = 0;
            for (boolean w : whole) {
                n += w ? 1 : 0;
            }
            return n;
        }
    }

    private final int width, height;
    private Stage stage;
    private MapCanvasView view;
    private MapViewModel vm;
    private volatile Runnable onRendered = () -> { };
    /** The canvas' paint count when JavaFX last reported a rendered frame (written on the render thread). */
    private volatile long paintsAtLastRender = -1;

    private EditorCanvasFrames(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /**
     * Starts JavaFX headless (Monocle, software pipeline) unless it runs already and shows the editor's canvas on
     * {@code doc} with a drawing area of {@code width × height}.
     */
    public static EditorCanvasFrames open(MapDocument doc, int width, int height) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        // the canvas view keeps 14 px for its scroll bars
        System.setProperty("headless.geometry", (width + 14) + "x" + (height + 14) + "-32");
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        up.await();
        Platform.setImplicitExit(false);
        EditorCanvasFrames f = new EditorCanvasFrames(width, height);
        onFx(() -> {
            MapPainter painter = new MapPainter();
            MapSession session = new MapSession(doc, BigNetMap.schema(), "bench", 0);
            f.vm = new MapViewModel(session, Methods.byId(doc.methodId()).orElseThrow(), Methods.schemas(),
                    new PainterHitTester(painter), ClipboardPort.inMemory());
            f.view = new MapCanvasView(f.vm, painter);
            Scene scene = new Scene(new StackPane(f.view), width + 14, height + 14);
            f.stage = new Stage();
            f.stage.setScene(scene);
            f.stage.show();
            f.view.applyCss();
            f.view.layout();
            PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
                f.paintsAtLastRender = f.view.framesPainted();
                f.onRendered.run();
            });
            return null;
        });
        double cw = onFx(() -> f.view.canvas().getWidth()), ch = onFx(() -> f.view.canvas().getHeight());
        if (cw != width || ch != height) {
            throw new IllegalStateException("canvas is " + cw + "×" + ch + ", wanted " + width + "×" + height);
        }
        return f;
    }

    /** Which rendering pipeline JavaFX chose (to print beside the figures). */
    public static String pipeline() {
        return com.sun.prism.GraphicsPipeline.getPipeline() == null ? "?"
                : com.sun.prism.GraphicsPipeline.getPipeline().getClass().getName();
    }

    /**
     * The views one after another, each one frame. With {@code settle}, after the last frame of each gesture (a run
     * of views of one kind) the canvas is left alone until its view is whole, as when a person pauses between
     * gestures, and that wait is returned in {@code settleTimes}.
     */
    public Times panZoom(List<ViewScript.View> views, boolean settle, List<Long> settleTimes) throws Exception {
        Times t = frames(views.size(), i -> {
            ViewScript.View v = views.get(i);
            vm.camera().set(v.originX(), v.originY(), v.scale());
            vm.viewing().viewChanged();
        }, i -> settle && (i + 1 == views.size() || !views.get(i + 1).kind().equals(views.get(i).kind())), settleTimes);
        return t;
    }

    /** Nothing selected, the view at 100 % centred on a map point, and every tile of it drawn: where a measured gesture starts. */
    private void centreAt(double x, double y) throws Exception {
        onFx(() -> {
            vm.selection().select(List.of());
            vm.camera().set(x - width / 2.0, y - height / 2.0, 1.0);
            vm.viewing().viewChanged();
            view.paintNow();
            return null;
        });
        waitWhole();
    }

    /**
     * Drags {@code node} with the select tool at 100 %: a press on its centre, {@code moves} pointer moves of a few
     * pixels each (one frame each), and the release as a last frame of its own (the move applied through the
     * session, the tiles it reaches drawn again). Checks that the actor went where the pointer went, then undoes the
     * move, untimed.
     */
    public Times drag(Element node, int moves) throws Exception {
        double x0 = node.geometry().centerX(), y0 = node.geometry().centerY();
        centreAt(x0, y0);
        CanvasInput.Modifiers none = CanvasInput.Modifiers.NONE;
        Tool tool = onFx(() -> view.tool());
        onFx(() -> {
            var cam = vm.camera();
            tool.handle(new CanvasInput.PointerDown(x0, y0, cam.toScreenX(x0), cam.toScreenY(y0), CanvasInput.Button.PRIMARY, 1, none));
            return null;
        });
        Times times = frames(moves + 1, i -> {
            var cam = vm.camera();
            double x = x0 + 3.0 * (i + 1), y = y0 + 40 * Math.sin((i + 1) / 10.0);
            if (i < moves) {
                tool.handle(new CanvasInput.PointerMove(x, y, cam.toScreenX(x), cam.toScreenY(y), none));
            } else {
                tool.handle(new CanvasInput.PointerUp(x, y, cam.toScreenX(x), cam.toScreenY(y), CanvasInput.Button.PRIMARY, none));
            }
        }, i -> false, new ArrayList<>());
        // the measured frames must have been a real drag: the release moved the actor where the pointer went (less the
        // few pixels the select tool waits for before a press becomes a drag)
        var after = document().element(node.id()).geometry();
        double dx = after.centerX() - x0, dy = after.centerY() - y0;
        double wantX = 3.0 * (moves + 1), wantY = 40 * Math.sin((moves + 1) / 10.0);
        if (Math.abs(dx - wantX) > 8 || Math.abs(dy - wantY) > 8) {
            throw new IllegalStateException("the drag did not move " + node.id() + " as the pointer went: moved by ("
                    + dx + ", " + dy + "), pointer by (" + wantX + ", " + wantY + ")");
        }
        // back where it was (the move may have put it onto a neighbour, which the next drag would pick up instead)
        onFx(() -> {
            vm.edits().undo();
            view.paintNow();
            return null;
        });
        return times;
    }

    /**
     * Adds a copy of {@code like} beside it and removes it again, {@code times} times, each edit one frame at 100 %
     * (applied through the view model and its session, as the palette and the delete key apply theirs; the tiles it
     * reaches drawn again). Even frames are the additions, odd ones the removals.
     */
    public Times addRemove(Element like, int times) throws Exception {
        double x0 = like.geometry().centerX(), y0 = like.geometry().centerY();
        centreAt(x0, y0);
        String id = "bench-added";
        Times t = frames(2 * times, i -> {
            boolean ok;
            if (i % 2 == 0) {
                ok = vm.apply("add an actor", List.of(Change.add(like.withId(id)
                        .withGeometry(like.geometry().movedBy(60, 45)).withOrder(OrderKey.after(vm.document().frontOrderKey())))));
            } else {
                ok = vm.apply("remove an actor", List.of(Change.remove(id)));
            }
            if (!ok) {
                throw new IllegalStateException("the session refused frame " + i + "'s edit");
            }
        }, i -> false, new ArrayList<>());
        if (document().element(id) != null) {
            throw new IllegalStateException("the added actor is still there after its removal");
        }
        return t;
    }

    /** The map as the session holds it now (after drags). */
    public MapDocument document() throws Exception {
        return onFx(() -> vm.document());
    }

    /** Waits until the canvas shows its view whole and draws no tiles in the background; returns how long that took. */
    public long waitWhole() throws Exception {
        long t0 = System.nanoTime();
        CompletableFuture<Void> done = new CompletableFuture<>();
        AnimationTimer poll = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (view.lastFrameWhole() && !view.tilesPending()) {
                    stop();
                    done.complete(null);
                }
            }
        };
        Platform.runLater(poll::start);
        done.get(5, TimeUnit.MINUTES);
        return System.nanoTime() - t0;
    }

    /** Tiles drawn so far on the JavaFX thread and in the background. */
    public long[] tilesDrawn() throws Exception {
        return onFx(() -> view.tilesDrawn());
    }

    /**
     * Runs {@code n} frames: {@code input} acts on the JavaFX thread at the start of frame i, the canvas paints what
     * that asked for, and the frame ends when JavaFX has rendered it. After frame i, if {@code settleAfter} says so,
     * waits for the whole view and adds that wait to {@code settleTimes}.
     */
    private Times frames(int n, IntConsumer input, java.util.function.IntPredicate settleAfter, List<Long> settleTimes)
            throws Exception {
        long[] total = new long[n], fx = new long[n];
        boolean[] whole = new boolean[n];
        for (int i = 0; i < n; i++) {
            int frame = i;
            CompletableFuture<Long> rendered = new CompletableFuture<>();
            long[] start = new long[1];
            AnimationTimer once = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    // a frame starts on a quiet canvas: no repaint asked for (a tile arriving asks for one) and no
                    // paint still on its way to the screen, so that the render that follows is this frame's own
                    if (view.repaintPending() || view.framesPainted() != paintsAtLastRender) {
                        return;
                    }
                    stop();
                    try {
                        start[0] = System.nanoTime();
                        onRendered = () -> rendered.complete(System.nanoTime());
                        input.accept(frame);
                        view.paintIfRequested();
                        fx[frame] = System.nanoTime() - start[0];
                        whole[frame] = view.lastFrameWhole();
                    } catch (RuntimeException | Error e) {
                        rendered.completeExceptionally(e);
                    }
                }
            };
            Platform.runLater(once::start);
            long end = rendered.get(2, TimeUnit.MINUTES);
            onRendered = () -> { };
            total[frame] = end - start[0];
            if (settleAfter.test(frame)) {
                settleTimes.add(waitWhole() + total[frame]);
            }
        }
        return new Times(total, fx, whole);
    }

    @Override
    public void close() throws Exception {
        onFx(() -> {
            view.dispose();
            stage.close();
            return null;
        });
        Platform.exit();
    }

    static <T> T onFx(java.util.concurrent.Callable<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(2, TimeUnit.MINUTES);
    }
}
