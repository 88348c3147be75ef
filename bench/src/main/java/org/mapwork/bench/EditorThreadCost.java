package org.mapwork.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.mapwork.model.MapSession;
import org.mapwork.store.Library;
import org.mapwork.store.LoadedMap;
import org.mapwork.store.MapRecorder;

/**
 * What the library costs the editor's thread per applied change set, at the pace of a person (a change set every
 * 5 ms, faster than any gesture) and flat out: CPU time of the applying thread (ThreadMXBean) and the wall time of
 * each {@code apply}, median and 99th percentile, with the library attached and without. JMH's average time cannot
 * separate the caller's own work from the writer thread taking the CPU away on a busy two-core machine; this can.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.mapwork.bench.EditorThreadCost}
 */
public final class EditorThreadCost {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int NODES = 200;

    private EditorThreadCost() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("mapwork-editor-cost");
        try (Library library = Library.open(dir, LibraryBenchMaps.SCHEMAS, Library.Options.defaults().withBackupOnClose(false))) {
            library.createMap(LibraryBenchMaps.map("m-bench", NODES));
            LoadedMap m = library.load("m-bench");
            MapSession recorded = new MapSession(m.document(), m.schema(), library.localActor(), m.lastSeq());
            MapRecorder recorder = library.record(m, recorded);
            MapSession plain = new MapSession(m.document(), m.schema(), "a-plain", 0);
            // warm-up of both paths
            run(recorded, 20_000, 0);
            run(plain, 20_000, 0);
            recorder.flush().join();
            for (long paceNanos : new long[] {5_000_000, 0}) {
                String pace = paceNanos == 0 ? "flat out" : "one change set every " + paceNanos / 1_000_000 + " ms";
                int n = paceNanos == 0 ? 20_000 : 1_000;
                System.out.println(pace + ", " + n + " change sets:");
                System.out.println("  with the library:    " + run(recorded, n, paceNanos));
                recorder.flush().join();
                System.out.println("  without the library: " + run(plain, n, paceNanos));
            }
            recorder.close();
        } finally {
            LibraryBenchMaps.delete(dir);
        }
    }

    private static String run(MapSession session, int n, long paceNanos) throws InterruptedException {
        long[] wall = new long[n];
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long next = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (paceNanos > 0) {
                next += paceNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            long t = System.nanoTime();
            session.apply(LibraryBenchMaps.edit(session.document(), i, NODES));
            wall[i] = System.nanoTime() - t;
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        Arrays.sort(wall);
        return String.format("apply wall median %.1f µs, p99 %.1f µs; editor-thread CPU incl. pacing %.1f µs per change set",
                wall[n / 2] / 1e3, wall[n * 99 / 100] / 1e3, cpu / 1e3 / n);
    }
}
