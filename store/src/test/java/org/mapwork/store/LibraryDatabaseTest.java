package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.MapSession;

class LibraryDatabaseTest {

    @TempDir
    Path dir;

    private static final Library.Options OPTIONS = Library.Options.defaults().withBackupOnClose(false);

    @Test
    void aClosedLibraryRefusesReadsAndWritesNamingItself() {
        Library lib = Library.open(dir, TestMaps.SCHEMAS, OPTIONS);
        lib.close();
        lib.close(); // closing twice is harmless

        LibraryException read = assertThrows(LibraryException.class, lib::maps);
        LibraryException write = assertThrows(LibraryException.class, () -> lib.createWorkshop("Session 1"));

        String closed = "The library " + dir.toAbsolutePath().normalize() + " is closed";
        assertEquals(closed, read.getMessage());
        assertEquals(closed, write.getMessage());
    }

    @Test
    void aWriteFromTheWritersOwnThreadIsRefusedInsteadOfWaitingForever() throws Exception {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, OPTIONS)) {
            lib.createMap(ChangeEngine.apply(TestMaps.empty("m-1", "Map"), TestMaps.SCHEMA, TestMaps.starterContent()).after());
            LoadedMap m = lib.load("m-1");
            MapSession s = new MapSession(m.document(), m.schema(), "a-1", m.lastSeq());
            CompletableFuture<RuntimeException> refused = new CompletableFuture<>();
            try (MapRecorder r = lib.record(m, s)) {
                r.onDurable(rev -> {
                    try {
                        lib.createWorkshop("from the writer");
                        refused.complete(null);
                    } catch (RuntimeException e) {
                        refused.complete(e);
                    }
                });
                s.apply("Rename", Change.setLabel("n-union", "U"));
                RuntimeException e = refused.get(30, TimeUnit.SECONDS);
                assertTrue(e instanceof IllegalStateException, String.valueOf(e));
            }
            assertTrue(lib.workshops().isEmpty());
        }
    }
}
