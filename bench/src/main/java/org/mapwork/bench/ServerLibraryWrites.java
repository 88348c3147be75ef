package org.mapwork.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.mapwork.model.MapSession;
import org.mapwork.store.Library;
import org.mapwork.store.LoadedMap;
import org.mapwork.store.MapRecorder;
import org.mapwork.store.ServerStore;

/**
 * Durable change sets per second on the two stores side by side, in one run: a library directory (H2) and a library
 * on PostgreSQL (issue 14), rounds interleaved so that the machine's load falls on both alike. Per round and store:
 * change sets applied one at a time, each awaited until durable (a hub whose devices wait for each commit), and
 * applied 100 at a time before waiting (group commit). Not JMH: the PostgreSQL server is outside the JVM, and what
 * matters is the ratio between the two in one run.
 *
 * <pre>
 * PGUSER=… PGPASSWORD=… java -cp … org.mapwork.bench.ServerLibraryWrites postgresql://127.0.0.1:PORT/DB [ROUNDS]
 * </pre>
 */
public final class ServerLibraryWrites {

    private static final int NODES = 200;
    private static final int ONE_AT_A_TIME = 200;
    private static final int BATCHES = 20;
    private static final int BATCH = 100;

    private ServerLibraryWrites() {
    }

    public static void main(String[] args) throws Exception {
        ServerStore server = ServerStore.parse(args[0], System.getenv(), null);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<double[]> h2 = new ArrayList<>();
        List<double[]> pg = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("mapwork-bench-h2-");
            try (Library lib = Library.open(dir, LibraryBenchMaps.SCHEMAS, Library.Options.defaults().withBackupOnClose(false))) {
                h2.add(measure(lib, "m-h2-" + round));
            } finally {
                LibraryBenchMaps.delete(dir);
            }
            try (Library lib = Library.open(server, LibraryBenchMaps.SCHEMAS, Library.Options.defaults())) {
                pg.add(measure(lib, "m-pg-" + round + "-" + System.nanoTime()));
            }
            System.out.printf("round %d  H2: %6.0f/s one at a time, %6.0f/s batched   PostgreSQL: %6.0f/s, %6.0f/s%n",
                    round, h2.get(round - 1)[0], h2.get(round - 1)[1], pg.get(round - 1)[0], pg.get(round - 1)[1]);
        }
        double h2One = median(h2, 0);
        double h2Batch = median(h2, 1);
        double pgOne = median(pg, 0);
        double pgBatch = median(pg, 1);
        System.out.printf("median  H2: %.0f/s one at a time, %.0f/s batched   PostgreSQL: %.0f/s, %.0f/s%n",
                h2One, h2Batch, pgOne, pgBatch);
        System.out.printf("PostgreSQL / H2: %.2f one at a time, %.2f batched%n", pgOne / h2One, pgBatch / h2Batch);
    }

    /** {one at a time, batched} durable change sets per second on a new map of {@code lib}. */
    private static double[] measure(Library lib, String mapId) throws Exception {
        lib.createMap(LibraryBenchMaps.map(mapId, NODES));
        LoadedMap m = lib.load(mapId);
        MapSession session = new MapSession(m.document(), m.schema(), "a-bench", m.lastSeq());
        try (MapRecorder recorder = lib.record(m, session)) {
            int i = 0;
            long start = System.nanoTime();
            for (int k = 0; k < ONE_AT_A_TIME; k++) {
                session.apply(LibraryBenchMaps.edit(session.document(), i++, NODES));
                recorder.whenDurable(recorder.lastRevision()).get(30, TimeUnit.SECONDS);
            }
            double one = ONE_AT_A_TIME / ((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            for (int b = 0; b < BATCHES; b++) {
                for (int k = 0; k < BATCH; k++) {
                    session.apply(LibraryBenchMaps.edit(session.document(), i++, NODES));
                }
                recorder.flush().get(30, TimeUnit.SECONDS);
            }
            double batched = BATCHES * BATCH / ((System.nanoTime() - start) / 1e9);
            return new double[] {one, batched};
        }
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
