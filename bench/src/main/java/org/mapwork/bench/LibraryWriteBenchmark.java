package org.mapwork.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.mapwork.model.MapSession;
import org.mapwork.store.Library;
import org.mapwork.store.LoadedMap;
import org.mapwork.store.MapRecorder;

/**
 * The library's write path: how many change sets per second become durable (written and synced to the device)
 * when the editor waits for each one, and when many are queued before waiting (group commit); and what attaching the
 * library costs the editor's thread on each applied change set, next to the same session without it.
 */
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
public class LibraryWriteBenchmark {

    private static final int NODES = 200;

    @State(Scope.Benchmark)
    public static class Recorded {
        Path dir;
        Library library;
        MapSession session;
        MapRecorder recorder;
        int i;

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Files.createTempDirectory("mapwork-bench-write");
            library = Library.open(dir, LibraryBenchMaps.SCHEMAS, Library.Options.defaults().withBackupOnClose(false));
            library.createMap(LibraryBenchMaps.map("m-bench", NODES));
            LoadedMap m = library.load("m-bench");
            session = new MapSession(m.document(), m.schema(), library.localActor(), m.lastSeq());
            recorder = library.record(m, session);
        }

        /** Queued change sets are written between iterations, outside the measured time. */
        @TearDown(Level.Iteration)
        public void drain() {
            recorder.flush().join();
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            recorder.close();
            library.close();
            LibraryBenchMaps.delete(dir);
        }
    }

    @State(Scope.Benchmark)
    public static class Unrecorded {
        MapSession session;
        int i;

        @Setup(Level.Trial)
        public void open() {
            session = new MapSession(LibraryBenchMaps.map("m-bench", NODES), LibraryBenchMaps.SCHEMA, "a-bench", 0);
        }
    }

    /** Apply one change set, then wait until the library says it is durable. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long durableOneAtATime(Recorded s) {
        s.session.apply(LibraryBenchMaps.edit(s.session.document(), s.i++, NODES));
        return s.recorder.whenDurable(s.recorder.lastRevision()).join();
    }

    /** Apply 100 change sets (as fast as the editor can), then wait until all are durable. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(100)
    public long durableBatched(Recorded s) {
        for (int k = 0; k < 100; k++) {
            s.session.apply(LibraryBenchMaps.edit(s.session.document(), s.i++, NODES));
        }
        return s.recorder.flush().join();
    }

    /** The editor's thread: apply one change set with the library attached (it queues; the writer works elsewhere). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object applyWithLibrary(Recorded s) {
        return s.session.apply(LibraryBenchMaps.edit(s.session.document(), s.i++, NODES));
    }

    /** The same apply with no library attached. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object applyWithoutLibrary(Unrecorded s) {
        return s.session.apply(LibraryBenchMaps.edit(s.session.document(), s.i++, NODES));
    }
}
