package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.MapSession;

class RevisionsTest {

    @TempDir
    Path dir;

    private Library open() {
        Library lib = Library.open(dir, TestMaps.SCHEMAS, Library.Options.defaults().withBackupOnClose(false));
        lib.createMap(ChangeEngine.apply(TestMaps.empty("m-1", "Map"), TestMaps.SCHEMA, TestMaps.starterContent()).after());
        return lib;
    }

    @Test
    void aMapOpenForEditingIsRestoredThereNotInTheLibrary() {
        try (Library lib = open()) {
            LoadedMap m = lib.load("m-1");
            try (MapRecorder r = lib.record(m, new MapSession(m.document(), m.schema(), "a-1", m.lastSeq()))) {
                LibraryException e = assertThrows(LibraryException.class, () -> lib.restore("m-1", 0));
                assertTrue(e.getMessage().contains("is open for editing; restore it there"), e.getMessage());
            }
            assertEquals(1, lib.map("m-1").revision(), "nothing was restored");
        }
    }

    @Test
    void restoringTheRevisionTheMapIsAtMakesNoNewRevision() {
        try (Library lib = open()) {
            LoadedMap m = lib.load("m-1");
            MapSession s = new MapSession(m.document(), m.schema(), "a-1", m.lastSeq());
            try (MapRecorder r = lib.record(m, s)) {
                s.apply("Rename", Change.setLabel("n-union", "U"));
                s.undo();
            }

            assertEquals(3, lib.restore("m-1", 1), "revision 3 (the undo) equals revision 1");
            assertEquals(3, lib.revisions("m-1").size());
        }
    }

    @Test
    void aRevisionOutsideTheMapsHistoryIsRefusedNamingTheRange() {
        try (Library lib = open()) {
            LibraryException after = assertThrows(LibraryException.class, () -> lib.documentAt("m-1", 2));
            assertTrue(after.getMessage().contains("has revisions 0 to 1; there is no revision 2"), after.getMessage());
            assertThrows(LibraryException.class, () -> lib.documentAt("m-1", -1));
            LibraryException none = assertThrows(LibraryException.class, () -> lib.revisions("m-x"));
            assertTrue(none.getMessage().startsWith("No map with id m-x"), none.getMessage());
        }
    }
}
