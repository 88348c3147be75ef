package org.mapwork.bench.canvas;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

import com.sun.javafx.perf.PerformanceTracker;
import org.mapwork.editor.EditorLauncher;

/**
 * Starts the editor exactly as its launcher does, in this (fresh) JVM, and prints when its first window's first
 * frame was rendered, counted from JVM start ({@code RuntimeMXBean#getStartTime}) and from the process' start.
 * A watcher thread waits for the JavaFX toolkit to come up, then follows every window that appears: the first time
 * the render thread finishes a frame of a showing window's scene (JavaFX's "frame rendered" notification) is the
 * first frame. It also notes the first pulse after a window is shown. Then it closes the application.
 *
 * <p>Run by {@link ColdStart} in a child JVM under Xvfb; arguments go to the editor unchanged.
 */
public final class FirstFrameProbe {

    private static final AtomicBoolean REPORTED = new AtomicBoolean();
    private static volatile long firstPulseMillis = -1;
    private static volatile boolean hookedLate;

    private FirstFrameProbe() {
    }

    public static void main(String[] args) {
        Thread watcher = new Thread(FirstFrameProbe::waitForToolkit, "first-frame-probe");
        watcher.setDaemon(true);
        watcher.start();
        EditorLauncher.launch(args);
    }

    private static void waitForToolkit() {
        while (true) {
            try {
                Platform.runLater(FirstFrameProbe::hook);
                return;
            } catch (IllegalStateException notYet) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void hook() {
        for (Window w : Window.getWindows()) {
            hookedLate |= w.isShowing();
            follow(w);
        }
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(FirstFrameProbe::follow);
            }
        });
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (Window.getWindows().stream().anyMatch(Window::isShowing)) {
                    firstPulseMillis = System.currentTimeMillis();
                    stop();
                }
            }
        }.start();
    }

    private static void follow(Window w) {
        if (w.getScene() != null) {
            watch(w, w.getScene());
        }
        w.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                watch(w, scene);
            }
        });
    }

    private static void watch(Window w, Scene scene) {
        PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
            if (w.isShowing() && REPORTED.compareAndSet(false, true)) {
                report(System.currentTimeMillis());
            }
        });
    }

    private static void report(long firstFrame) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long processStart = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
        System.out.println("FIRST_FRAME jvm_ms=" + (firstFrame - jvmStart)
                + " process_ms=" + (processStart < 0 ? -1 : firstFrame - processStart)
                + " first_pulse_jvm_ms=" + (firstPulseMillis < 0 ? -1 : firstPulseMillis - jvmStart)
                + " hooked_late=" + hookedLate);
        System.out.flush();
        Platform.runLater(Platform::exit);
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(0);
        }, "probe-exit");
        killer.setDaemon(true);
        killer.start();
    }
}
