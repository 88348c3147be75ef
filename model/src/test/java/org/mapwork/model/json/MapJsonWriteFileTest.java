package org.mapwork.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.model.MapDocument;

class MapJsonWriteFileTest {

    @TempDir
    Path dir;

    @Test
    void a_saved_map_has_ordinary_permissions_and_an_overwrite_keeps_the_files_own() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class), "POSIX file system");
        MapDocument doc = MapDocument.empty("m1", "Title", "any-method", Instant.parse("2026-01-01T00:00:00Z"));
        Path file = dir.resolve("map.mapwork.json");
        MapJson.writeFile(doc, file);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        MapJson.writeFile(doc, file);
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(MapJson.toJson(doc), Files.readString(file));
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "no temporary file left behind");
        }
    }
}
