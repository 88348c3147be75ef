package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryFilesTest {

    @TempDir
    Path dir;

    private static final Library.Options OPTIONS = Library.Options.defaults().withBackupOnClose(false);

    @Test
    void aLibraryWrittenByANewerMapworkIsRefusedAndNotUpgraded() throws Exception {
        Library.open(dir, TestMaps.SCHEMAS, OPTIONS).close();
        try (Connection c = DriverManager.getConnection(LibraryFiles.url(dir), LibraryFiles.USER, "")) {
            c.createStatement().execute("UPDATE \"flyway_schema_history\" SET \"version\" = '"
                    + (LibraryFiles.SCHEMA_VERSION + 1) + "' WHERE \"version\" = '" + LibraryFiles.SCHEMA_VERSION + "'");
            c.createStatement().execute("SHUTDOWN");
        }

        LibraryException e = assertThrows(LibraryException.class, () -> Library.open(dir, TestMaps.SCHEMAS, OPTIONS));

        assertFalse(e instanceof LibraryDamagedException, "a newer library is not a damaged one");
        assertTrue(e.getMessage().contains("was written by a newer Mapwork (its tables are at version "
                + (LibraryFiles.SCHEMA_VERSION + 1)), e.getMessage());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("before-upgrade")), "no upgrade was tried");
        }
    }

    @Test
    void aLibraryHalfMadeByACrashDuringItsCreationIsMadeAgain() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(LibraryFiles.DATABASE_NAME + "-creating.mv.db"), "cut off");

        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, OPTIONS)) {
            assertTrue(lib.maps().isEmpty());
        }
        assertFalse(Files.exists(dir.resolve(LibraryFiles.DATABASE_NAME + "-creating.mv.db")));
    }

    @Test
    void theDatabaseIsMovedAsideUnderItsReasonAndTheTime() throws Exception {
        Clock at = Clock.fixed(Instant.parse("2026-11-22T09:30:05Z"), ZoneOffset.UTC);
        assertNull(LibraryFiles.moveAside(dir, "damaged", at), "no database, nothing to move");
        Files.writeString(dir.resolve(Library.DATABASE_FILE), "old");

        Path aside = LibraryFiles.moveAside(dir, "damaged", at);

        assertEquals(dir.resolve("library.mv.db.damaged-20261122-093005"), aside);
        assertEquals("old", Files.readString(aside));
        assertFalse(Files.exists(dir.resolve(Library.DATABASE_FILE)));
    }
}
