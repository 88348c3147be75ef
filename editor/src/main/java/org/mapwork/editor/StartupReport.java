package org.mapwork.editor;

import java.lang.management.ManagementFactory;

import javafx.scene.Scene;

import com.sun.javafx.perf.PerformanceTracker;

/**
 * What {@code --startup-report} prints: when the start-up's steps happened, in ms after the JVM's start
 * ({@code RuntimeMXBean#getStartTime}), ending with the first frame the render thread has finished (not just the
 * first pulse, which comes before CSS, layout and drawing). Only the report reads the clock's epoch time, so a caller
 * outside the JVM (a shell script) can also count from its own start.
 */
final class StartupReport {

    /** When {@link EditorLauncher#launch} began (epoch ms), 0 if the editor was started some other way. */
    static volatile long launched;

    private volatile long toolkitUp;
    private volatile long shown;
    private volatile long firstPulse;
    private volatile boolean reported;

    /** Notes that the JavaFX toolkit is up ({@code Application.start} runs). */
    void toolkitUp() {
        toolkitUp = System.currentTimeMillis();
    }

    /** Notes that the first window has been shown (its scene is built). */
    void shown() {
        shown = System.currentTimeMillis();
    }

    /** Notes the first pulse after the window was shown. */
    void firstPulse() {
        if (firstPulse == 0) {
            firstPulse = System.currentTimeMillis();
        }
    }

    /**
     * Prints the report once the render thread has finished the scene's first frame. JavaFX has no public hook for
     * "frame rendered"; the tracker below is the one its own performance tools use (and the bench's probe).
     */
    void reportFirstFrame(Scene scene) {
        PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
        tracker.setOnRenderedFrameTask(() -> {
            if (reported) {
                return;
            }
            reported = true;
            long frame = System.currentTimeMillis();
            tracker.setOnRenderedFrameTask(null);
            long jvm = jvmStart();
            System.out.println("first frame " + (frame - jvm) + " ms after JVM start (launch " + since(jvm, launched)
                    + ", toolkit up " + since(jvm, toolkitUp) + ", window shown " + since(jvm, shown)
                    + ", first pulse " + since(jvm, firstPulse) + "; frame at epoch ms " + frame
                    + "; process CPU " + processCpuMillis() + " ms)");
        });
    }

    /** The JVM's start time (epoch ms). */
    static long jvmStart() {
        return ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /**
     * CPU time of all this JVM's threads so far: on a shared machine a steadier measure of the start-up's work than the
     * time on the clock, which grows with everything else that runs.
     */
    private static String processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Long.toString(os.getProcessCpuTime() / 1_000_000);
        }
        return "-";
    }

    private static String since(long jvm, long t) {
        return t == 0 ? "-" : Long.toString(t - jvm);
    }
}
