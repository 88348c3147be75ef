package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.MapSession;

class RecordersTest {

    @TempDir
    Path dir;

    private static Library.Options options(int snapshotEvery) {
        return Library.Options.defaults().withSnapshotEvery(snapshotEvery).withBackupOnClose(false);
    }

    private static void createStarter(Library lib) {
        lib.createMap(ChangeEngine.apply(TestMaps.empty("m-1", "Map"), TestMaps.SCHEMA, TestMaps.starterContent()).after());
    }

    @Test
    void aSnapshotFallsEveryNRevisionsAndWhenTheRecorderCloses() throws Exception {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options(5))) {
            createStarter(lib);
            LoadedMap m = lib.load("m-1");
            MapSession s = new MapSession(m.document(), m.schema(), "a-1", m.lastSeq());
            try (MapRecorder r = lib.record(m, s)) {
                for (int i = 0; i < 12; i++) {
                    s.apply("Rename " + i, Change.setLabel("n-union", "Union " + i));
                }
            }
            assertEquals(13, lib.map("m-1").revision());
            assertEquals(13, Snapshots.readInfo(Snapshots.infoFile(dir, "m-1")).revision(),
                    "the file beside the database holds the newest snapshot");
        }
        assertEquals(List.of(13L, 11L, 6L, 1L, 0L), snapshotRevisions("m-1"));
    }

    @Test
    void closingARecorderWithNothingNewTakesNoSnapshot() throws Exception {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options(500))) {
            createStarter(lib);
            LoadedMap m = lib.load("m-1");
            lib.record(m, new MapSession(m.document(), m.schema(), "a-1", m.lastSeq())).close();
        }
        assertEquals(List.of(1L, 0L), snapshotRevisions("m-1"));
    }

    @Test
    void aSessionThatDoesNotHoldTheLoadedMapIsRefused() {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options(500))) {
            createStarter(lib);
            LoadedMap m = lib.load("m-1");
            MapSession other = new MapSession(TestMaps.empty("m-1", "Map"), m.schema(), "a-1", m.lastSeq());

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lib.record(m, other));

            assertTrue(e.getMessage().contains("does not hold map m-1 as loaded"), e.getMessage());
        }
    }

    @Test
    void aMapChangedSinceItWasLoadedMustBeLoadedAgain() {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options(500))) {
            createStarter(lib);
            LoadedMap stale = lib.load("m-1");
            MapSession s = new MapSession(stale.document(), stale.schema(), "a-1", stale.lastSeq());
            try (MapRecorder r = lib.record(stale, s)) {
                s.apply("Rename", Change.setLabel("n-union", "U"));
            }

            MapSession late = new MapSession(stale.document(), stale.schema(), "a-2", stale.lastSeq());
            LibraryException e = assertThrows(LibraryException.class, () -> lib.record(stale, late));

            assertTrue(e.getMessage().contains("has changed since it was loaded (revision 1, now 2)"), e.getMessage());
            lib.record(lib.load("m-1"), new MapSession(lib.load("m-1").document(), stale.schema(), "a-2", 10)).close();
        }
    }

    private List<Long> snapshotRevisions(String mapId) throws Exception {
        try (Connection c = DriverManager.getConnection(LibraryFiles.url(dir), LibraryFiles.USER, "")) {
            List<Long> revisions = LogStore.snapshotRevisions(c, mapId, Long.MAX_VALUE);
            c.createStatement().execute("SHUTDOWN");
            return revisions;
        }
    }
}
