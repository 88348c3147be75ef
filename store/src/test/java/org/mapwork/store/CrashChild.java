package org.mapwork.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.mapwork.model.ChangeRejected;
import org.mapwork.model.MapSession;
import org.mapwork.model.json.MapJson;

/**
 * The process {@link LibraryCrashTest} kills: opens the library, edits one map as fast as the writer lets it, and
 * prints {@code applied REV DIGEST} for each change set applied and {@code durable REV} each time the library
 * acknowledges one. Run as {@code CrashChild LIBRARY_DIR SEED}.
 */
public final class CrashChild {

    static final String MAP_ID = "m-crash";

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        Library library = Library.open(dir, TestMaps.SCHEMAS, Library.Options.defaults().withSnapshotEvery(50).withBackupOnClose(false));
        if (library.maps().isEmpty()) {
            library.createMap(TestMaps.empty(MAP_ID, "Crash map"));
        }
        LoadedMap m = library.load(MAP_ID);
        MapSession session = new MapSession(m.document(), m.schema(), "a-child-" + seed, m.lastSeq());
        MapRecorder recorder = library.record(m, session);
        recorder.onDurable(rev -> System.out.println("durable " + rev));
        System.out.println("ready " + m.revision());
        TestMaps.RandomEdits edits = new TestMaps.RandomEdits(seed);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        java.util.Random pace = new java.util.Random(seed);
        while (true) {
            try {
                session.apply(edits.next(session.document()));
            } catch (ChangeRejected refused) {
                continue;
            }
            String digest = HexFormat.of().formatHex(sha.digest(MapJson.toJson(session.document()).getBytes(StandardCharsets.UTF_8)));
            System.out.println("applied " + recorder.lastRevision() + " " + digest);
            if (pace.nextInt(4) == 0) {
                Thread.sleep(pace.nextInt(3));
            }
        }
    }
}
