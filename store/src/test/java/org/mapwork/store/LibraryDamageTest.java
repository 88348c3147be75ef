package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;

class LibraryDamageTest {

    @TempDir
    Path dir;

    /** Overwrites bytes of the database file: its headers, or a stretch in the middle, or most of it. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"headers", "middle", "most"})
    void aDamagedDatabaseIsDetectedAndTheNewestGoodSnapshotOpens(String where) throws Exception {
        MapDocument atClose;
        List<MapDocument> states = new ArrayList<>();
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, Library.Options.defaults().withBackupOnClose(false))) {
            Workshop w = lib.createWorkshop("Session 3");
            Team t = lib.createTeam(w.id(), "Team B");
            lib.createMap(ChangeEngine.apply(TestMaps.empty("m-1", "Power map"), TestMaps.SCHEMA, TestMaps.starterContent()).after(),
                    w.id(), t.id(), lib.localActor());
            LoadedMap m = lib.load("m-1");
            MapSession s = new MapSession(m.document(), m.schema(), "a-1", m.lastSeq());
            states.add(MapDocument.empty("m-1", "Power map", TestMaps.METHOD, m.document().created()));
            states.add(m.document());
            try (MapRecorder r = lib.record(m, s)) {
                for (int i = 0; i < 30; i++) {
                    s.apply("Rename " + i, Change.setLabel("n-union", "Union " + i));
                    states.add(s.document());
                }
            }
            atClose = s.document();
        }
        Path db = dir.resolve(Library.DATABASE_FILE);
        overwrite(db, where);
        byte[] damaged = Files.readAllBytes(db);

        if (where.equals("middle")) {
            // a stretch in the middle may hit only space H2 no longer uses: then nothing is lost and the library must
            // open with every revision as it was; otherwise the damage must be detected like the others
            Library lib = null;
            try {
                lib = Library.open(dir, TestMaps.SCHEMAS, Library.Options.defaults().withBackupOnClose(false));
            } catch (LibraryDamagedException detected) {
                // go on below
            }
            if (lib != null) {
                try (Library open = lib) {
                    for (int r = 0; r < states.size(); r++) {
                        assertEquals(states.get(r), open.documentAt("m-1", r), "revision " + r);
                    }
                }
                return;
            }
        }
        LibraryDamagedException e = assertThrows(LibraryDamagedException.class, () -> Library.open(dir, TestMaps.SCHEMAS));

        assertTrue(e.getMessage().startsWith("The library database " + db + " is damaged: "), e.getMessage());
        assertTrue(e.getMessage().contains("mapwork library recover"), e.getMessage());
        assertArrayEquals(damaged, Files.readAllBytes(db), "detecting the damage must not touch the file");

        List<String> report = new ArrayList<>();
        try (Library lib = Library.recover(dir, TestMaps.SCHEMAS, Library.Options.defaults().withBackupOnClose(false), report)) {
            assertEquals(atClose, lib.load("m-1").document(), report.toString());
            assertEquals("Session 3 / Team B", lib.map("m-1").place());
        }
        Path aside;
        try (var files = Files.list(dir)) {
            aside = files.filter(p -> p.getFileName().toString().startsWith(Library.DATABASE_FILE + ".damaged-")).findFirst().orElseThrow();
        }
        assertArrayEquals(damaged, Files.readAllBytes(aside), "the damaged file is kept aside untouched");
        assertTrue(report.get(0).contains(aside.getFileName().toString()), report.toString());
    }

    private static void overwrite(Path db, String where) throws Exception {
        Random random = new Random(42);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            long length = f.length();
            long from;
            long count;
            switch (where) {
                case "headers" -> {
                    from = 0;
                    count = 8192;
                }
                case "middle" -> {
                    from = length / 3;
                    count = length / 3;
                }
                default -> {
                    from = 0;
                    count = length * 9 / 10;
                }
            }
            byte[] junk = new byte[(int) count];
            random.nextBytes(junk);
            f.seek(from);
            f.write(junk);
        }
    }
}
