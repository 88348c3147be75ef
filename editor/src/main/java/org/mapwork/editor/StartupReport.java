package org.mapwork.editor;

import java.lang.management.ManagementFactory;

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

    /** Prints the report once the render thread has finished the first frame (of the scene the given watcher watches). */
    void reportFirstFrame(FirstFrame firstFrame) {
        firstFrame.then(() -> {
            long frame = System.currentTimeMillis();
            long jvm = jvmStart();
            System.out.println("first frame " + (frame - jvm) + " ms after JVM start (launch " + since(jvm, launched)
                    + ", toolkit up " + since(jvm, toolkitUp) + ", window shown " + since(jvm, shown)
                    + ", first pulse " + since(jvm, firstPulse) + "; frame at epoch ms " + frame
                    + "; process CPU " + processCpuMillis() + " ms)");
            System.out.println("CPU ms by live thread: " + threadCpuMillis());
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

    /**
     * CPU time per live thread (Linux only, from /proc: the JIT compiler and GC threads count too, and they are
     * what Java's thread beans do not show). Threads that already ended (the method loader) are missing.
     */
    private static String threadCpuMillis() {
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (var task : tasks.toList()) {
                String stat = java.nio.file.Files.readString(task.resolve("stat"));
                // name in parentheses; after it, fields 14 and 15 of stat(5) are user and system time in ticks
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[ #]?\\d+$", "");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                byName.merge(name, ticks * 1000 / 100, Long::sum); // USER_HZ is 100 on Linux
            }
        } catch (java.io.IOException | RuntimeException e) {
            return "(not available here)";
        }
        byName.values().removeIf(ms -> ms == 0);
        return byName.toString();
    }

    private static String since(long jvm, long t) {
        return t == 0 ? "-" : Long.toString(t - jvm);
    }
}
