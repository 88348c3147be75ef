package org.mapwork.editor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;
import javafx.scene.Scene;

import com.sun.javafx.perf.PerformanceTracker;

/**
 * Runs actions once the render thread has finished the first frame of a scene (on that thread). JavaFX has no public
 * hook for "frame rendered"; its PerformanceTracker is the one its own tools use (and the bench's probe). Where that
 * internal class cannot be reached (JavaFX on the module path without the package opened), the actions run on the
 * JavaFX thread right after start-up instead: earlier, but never lost.
 */
final class FirstFrame {

    private final List<Runnable> actions = new CopyOnWriteArrayList<>();
    private final AtomicBoolean rendered = new AtomicBoolean();

    /** Watches the scene; call on the JavaFX thread before the scene's first pulse. */
    FirstFrame(Scene scene) {
        try {
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
            tracker.setOnRenderedFrameTask(() -> {
                if (rendered.compareAndSet(false, true)) {
                    tracker.setOnRenderedFrameTask(null);
                    actions.forEach(Runnable::run);
                    Platform.runLater(() -> PerformanceTracker.releaseSceneTracker(scene));
                }
            });
        } catch (RuntimeException | LinkageError e) {
            Platform.runLater(() -> {
                rendered.set(true);
                actions.forEach(Runnable::run);
            });
        }
    }

    /** Runs the action once the first frame is rendered (at once if it already is), in the order given. */
    void then(Runnable action) {
        actions.add(action);
        if (rendered.get() && actions.remove(action)) {
            action.run();
        }
    }
}
