package org.mapwork.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.store.Library;
import org.mapwork.store.LoadedMap;
import org.mapwork.store.MapRecorder;

/**
 * Opening a big map: 10,000 nodes (and 5,000 links) with a history of 100,000 change sets. After a normal close the
 * newest snapshot is the map itself; after a crash, opening replays the change sets after the newest snapshot —
 * the worst case measured here replays the longest such tail in the library.
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class LibraryOpenBenchmark {

    static final int NODES = 10_000;
    static final int HISTORY = 100_000;
    static final String MAP = "m-big";

    Path dir;
    Library library;
    long worstTailRevision;

    @Setup(Level.Trial)
    public void build() throws Exception {
        // building takes minutes; each benchmark runs in its own JVM, so the library is built once and kept
        dir = Path.of(System.getProperty("java.io.tmpdir"), "mapwork-bench-open-" + NODES + "-" + HISTORY);
        Path complete = dir.resolve("built");
        if (!Files.exists(complete)) {
            LibraryBenchMaps.delete(dir);
            Files.createDirectories(dir);
            long t0 = System.nanoTime();
            try (Library lib = Library.open(dir, LibraryBenchMaps.SCHEMAS, Library.Options.defaults().withBackupOnClose(false))) {
                lib.createMap(LibraryBenchMaps.map(MAP, NODES));
                LoadedMap m = lib.load(MAP);
                MapSession session = new MapSession(m.document(), m.schema(), lib.localActor(), m.lastSeq());
                try (MapRecorder recorder = lib.record(m, session)) {
                    for (int i = 0; i < HISTORY; i++) {
                        session.apply(LibraryBenchMaps.edit(session.document(), i, NODES));
                        if (i % 5000 == 4999) {
                            recorder.flush().join(); // keep the queue (and memory) bounded while building
                        }
                    }
                }
            }
            System.out.printf("%nbuilt %d nodes + %d change sets in %.1f s%n", NODES, HISTORY, (System.nanoTime() - t0) / 1e9);
            Files.createFile(complete);
        }
        // the snapshot with the longest stretch of log after it (before the next one): the worst crash to reopen from
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("library"), "mapwork", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT revision, LEAD(revision) OVER (ORDER BY revision) "
                     + "FROM snapshot WHERE map_id = '" + MAP + "' ORDER BY revision")) {
            long best = -1;
            while (rs.next()) {
                long next = rs.getLong(2);
                if (!rs.wasNull() && next - 1 - rs.getLong(1) > best) {
                    best = next - 1 - rs.getLong(1);
                    worstTailRevision = next - 1;
                }
            }
            System.out.printf("%nworst tail: %d change sets to replay (to revision %d)%n", best, worstTailRevision);
        }
        library = Library.open(dir, LibraryBenchMaps.SCHEMAS, Library.Options.defaults().withBackupOnClose(false));
    }

    @TearDown(Level.Trial)
    public void close() {
        library.close();
    }

    /** Open the map after a normal close: its newest snapshot is the map. */
    @Benchmark
    public MapDocument loadAfterClose() {
        return library.load(MAP).document();
    }

    /** Open the map as it was just before the next snapshot: the newest snapshot plus the longest tail of the log. */
    @Benchmark
    public MapDocument loadAfterCrashWorstCase() {
        return library.documentAt(MAP, worstTailRevision);
    }
}
