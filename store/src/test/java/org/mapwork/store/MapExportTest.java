package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapExportTest {

    @TempDir
    Path dir;

    @Test
    void aTitleBecomesAFileNameWithoutAccentsPunctuationOrExcessLength() {
        assertEquals("power-map-team-b", MapExport.slug("Power map, team B"));
        assertEquals("arbol-de-problemas-sesion-3", MapExport.slug("  Árbol de problemas — sesión 3!  "));
        assertEquals("", MapExport.slug("¿?"));
        String longTitle = "a".repeat(59) + " b" + "c".repeat(20);
        assertEquals("a".repeat(59), MapExport.slug(longTitle), "cut at 60, without a dash at the end");
    }

    @Test
    void aMapWhoseTitleGivesNoNameIsNamedByItsId() throws Exception {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, Library.Options.defaults().withBackupOnClose(false))) {
            lib.createMap(TestMaps.empty("m-1", "¿?"));

            Path file = lib.exportMap("m-1", dir.resolve("out"));

            assertEquals("m-1.mapwork.json", file.getFileName().toString());
        }
    }
}
