package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkshopsTest {

    @TempDir
    Path dir;

    @Test
    void aWorkshopAndATeamNeedANameAndKeepItWithoutSurroundingSpace() {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, Library.Options.defaults().withBackupOnClose(false))) {
            assertThrows(IllegalArgumentException.class, () -> lib.createWorkshop("  "));
            Workshop w = lib.createWorkshop("  Session 3 ");
            assertThrows(IllegalArgumentException.class, () -> lib.createTeam(w.id(), null));
            Team t = lib.createTeam(w.id(), " Team B");

            assertEquals(List.of(w), lib.workshops());
            assertEquals("Session 3", lib.workshops().get(0).name());
            assertEquals(List.of(t), lib.teams());
            assertEquals("Team B", t.name());
        }
    }

    @Test
    void aMapIsPlacedIntoATeamAndBackToStandingAlone() {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, Library.Options.defaults().withBackupOnClose(false))) {
            lib.createMap(TestMaps.empty("m-1", "Map"));
            Workshop w = lib.createWorkshop("Session 3");
            Team t = lib.createTeam(w.id(), "Team B");

            lib.placeMap("m-1", w.id(), t.id());
            assertEquals("Session 3 / Team B", lib.map("m-1").place());

            lib.placeMap("m-1", null, null);
            assertNull(lib.map("m-1").workshop());
            assertEquals("", lib.map("m-1").place());
        }
    }
}
