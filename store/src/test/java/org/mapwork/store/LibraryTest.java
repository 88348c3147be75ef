package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.json.MapJsonReader;

class LibraryTest {

    @TempDir
    Path dir;

    private static MapDocument starter(String id, String title) {
        return ChangeEngine.apply(TestMaps.empty(id, title), TestMaps.SCHEMA, TestMaps.starterContent()).after();
    }

    private static Library.Options options() {
        return Library.Options.defaults().withSnapshotEvery(5);
    }

    @Test
    void aMapEditedAndClosedOpensAgainAsItWas() throws Exception {
        MapDocument live;
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options())) {
            MapEntry entry = lib.createMap(starter("m-1", "Power map, team B"));
            assertEquals(1, entry.revision());
            LoadedMap m = lib.load("m-1");
            MapSession session = new MapSession(m.document(), m.schema(), lib.localActor(), m.lastSeq());
            MapRecorder recorder = lib.record(m, session);
            TestMaps.RandomEdits edits = new TestMaps.RandomEdits(7);
            int applied = 0;
            while (applied < 40) {
                try {
                    session.apply(edits.next(session.document()));
                    applied++;
                } catch (org.mapwork.model.ChangeRejected refused) {
                    // a random edit that does not fit; the session is unchanged
                }
            }
            session.undo();
            session.undo();
            session.redo();
            assertEquals(44, recorder.flush().get());
            assertTrue(recorder.isSaved());
            live = session.document();
            recorder.close();
        }
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options())) {
            LoadedMap again = lib.load("m-1");
            assertEquals(live, again.document());
            assertEquals(44, again.revision());
            assertEquals(44, lib.revisions("m-1").size());
            assertEquals("UNDO", lib.revisions("m-1").get(41).origin());
        }
    }

    @Test
    void theRecorderAcknowledgesEachRevisionOnTheWriterThreadOnlyOnceDurable() throws Exception {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options())) {
            lib.createMap(starter("m-1", "Map"));
            LoadedMap m = lib.load("m-1");
            MapSession s = new MapSession(m.document(), m.schema(), "a-1", m.lastSeq());
            List<String> heard = java.util.Collections.synchronizedList(new ArrayList<>());
            try (MapRecorder r = lib.record(m, s)) {
                r.onDurable(rev -> heard.add(rev + "@" + Thread.currentThread().getName()));
                s.apply("one", Change.setLabel("n-union", "U1"));
                long first = r.lastRevision();
                var ack = r.whenDurable(first);
                s.apply("nothing", new Change[0]);
                assertEquals(first, r.lastRevision(), "an empty change set makes no revision");
                s.apply("two", Change.setLabel("n-union", "U2"));

                assertEquals(first, ack.get());
                assertEquals(first + 1, r.flush().get());
                assertEquals(first + 1, r.durableRevision());
                assertTrue(r.isSaved());
                assertTrue(r.problem().isEmpty());
                assertEquals(first, r.whenDurable(first).get(), "an old revision is acknowledged at once");
                assertThrows(IllegalArgumentException.class, () -> r.whenDurable(first + 5));
                assertThrows(LibraryException.class, () -> lib.record(lib.load("m-1"), s), "one recorder per map");
            }
            assertEquals(List.of("2@mapwork-library-writer", "3@mapwork-library-writer"), heard);
        }
    }

    @Test
    void aNewSessionContinuesAfterTheHighestSequenceNumberInTheLog() throws Exception {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options())) {
            lib.createMap(starter("m-1", "Map"));
            LoadedMap m = lib.load("m-1");
            MapSession s = new MapSession(m.document(), m.schema(), "a-other", m.lastSeq());
            try (MapRecorder r = lib.record(m, s)) {
                s.applyRemote(org.mapwork.model.ChangeSet.of("remote", Change.setLabel("n-union", "Union local 7")
                        .withStamp(new org.mapwork.model.Stamp("a-far", 90))));
            }
            assertEquals(90, lib.load("m-1").lastSeq());
        }
    }

    @Test
    void theRevisionHistoryShowsEveryStateAndRestoringIsANewRevision() throws Exception {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options())) {
            lib.createMap(starter("m-1", "Map"));
            LoadedMap m = lib.load("m-1");
            MapSession s = new MapSession(m.document(), m.schema(), "a-1", m.lastSeq());
            List<MapDocument> states = new ArrayList<>();
            states.add(MapDocument.empty("m-1", "Map", TestMaps.METHOD, m.document().created()));
            states.add(m.document());
            try (MapRecorder r = lib.record(m, s)) {
                for (int i = 0; i < 12; i++) {
                    s.apply("Rename " + i, Change.setLabel("n-union", "Union " + i));
                    states.add(s.document());
                }
                s.apply("Remove the employer", Change.remove("n-employer"));
                states.add(s.document());
            }
            for (int rev = 0; rev < states.size(); rev++) {
                assertEquals(states.get(rev), lib.documentAt("m-1", rev), "revision " + rev);
            }
            Iterator<RevisionState> replay = lib.replay("m-1");
            for (int rev = 0; rev < states.size(); rev++) {
                RevisionState st = replay.next();
                assertEquals(rev, st.revision().number());
                assertEquals(states.get(rev), st.document(), "replayed revision " + rev);
            }
            assertFalse(replay.hasNext());

            long restored = lib.restore("m-1", 3);

            assertEquals(states.size(), restored);
            MapDocument now = lib.load("m-1").document();
            assertEquals(states.get(3), now);
            Revision last = lib.revisions("m-1").get((int) restored - 1);
            assertTrue(last.summary().startsWith("Restore revision 3"), last.summary());
            assertEquals(states.get(states.size() - 1), lib.documentAt("m-1", restored - 1), "the state before restoring is kept");
        }
    }

    @Test
    void theChangeLogIsWrittenAsCsvOneRowPerChange() throws Exception {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options())) {
            lib.createMap(starter("m-1", "Map"));
            LoadedMap m = lib.load("m-1");
            MapSession s = new MapSession(m.document(), m.schema(), "a-1", m.lastSeq());
            try (MapRecorder r = lib.record(m, s)) {
                s.apply("Rename, with \"quotes\"", Change.setLabel("n-union", "Union, local 7"));
            }
            StringWriter out = new StringWriter();
            lib.writeChangeLogCsv("m-1", out);
            List<String> lines = out.toString().lines().toList();
            assertEquals("revision,time,actor,change,element,property,description,summary", lines.get(0));
            assertEquals(1 + 7 + 1, lines.size(), out.toString());
            String last = lines.get(lines.size() - 1);
            assertTrue(last.startsWith("2,"), last);
            assertTrue(last.contains(",a-1,label,n-union,label,\"set label of n-union to \"\"Union, local 7\"\"\",\"Rename, with \"\"quotes\"\"\""), last);
        }
    }

    @Test
    void mapsAreListedRecentFirstWithTheirWorkshopAndTeamAndFoundByTitlePrefix() {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options())) {
            Workshop w = lib.createWorkshop("Session 3");
            Team b = lib.createTeam(w.id(), "Team B");
            lib.createMap(starter("m-1", "Power map"), w.id(), b.id(), lib.localActor());
            lib.createMap(starter("m-2", "Problem tree"));
            LoadedMap m = lib.load("m-1");
            MapSession s = new MapSession(m.document(), m.schema(), "a-1", m.lastSeq());
            try (MapRecorder r = lib.record(m, s)) {
                s.apply("later", Change.setLabel("n-union", "U"));
            }

            List<MapEntry> maps = lib.maps();

            assertEquals(List.of("m-1", "m-2"), maps.stream().map(MapEntry::id).toList());
            assertEquals("Session 3 / Team B", maps.get(0).place());
            assertEquals("", maps.get(1).place());
            assertEquals("m-2", lib.find("prob").id());
            assertEquals("m-1", lib.find("m-1").id());
            LibraryException none = assertThrows(LibraryException.class, () -> lib.find("x"));
            assertTrue(none.getMessage().contains("No map with the id or a title starting \"x\""), none.getMessage());
            lib.createMap(starter("m-3", "Power grid"));
            LibraryException two = assertThrows(LibraryException.class, () -> lib.find("power"));
            assertTrue(two.getMessage().contains("matches 2 maps"), two.getMessage());
        }
    }

    @Test
    void aBackupRestoresEveryMapWithItsHistoryAndKeepsTheReplacedLibrary() throws Exception {
        MapDocument live;
        Path zip;
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options().withBackupOnClose(false))) {
            Workshop w = lib.createWorkshop("Session 1");
            lib.createMap(starter("m-1", "Power map"), w.id(), null, lib.localActor());
            LoadedMap m = lib.load("m-1");
            MapSession s = new MapSession(m.document(), m.schema(), "a-1", m.lastSeq());
            try (MapRecorder r = lib.record(m, s)) {
                for (int i = 0; i < 9; i++) {
                    s.apply("Rename " + i, Change.setLabel("n-union", "Union " + i));
                }
            }
            live = lib.load("m-1").document();
            zip = lib.backup();
            s = new MapSession(live, m.schema(), "a-1", 100);
            LoadedMap m2 = lib.load("m-1");
            try (MapRecorder r = lib.record(m2, s)) {
                s.apply("after the backup", Change.remove("n-union"));
            }
        }
        assertTrue(Files.exists(zip));

        Library.Report report = Library.restoreBackup(zip, dir, TestMaps.SCHEMAS, options());

        assertTrue(report.problems().isEmpty(), report.problems().toString());
        assertTrue(report.done().stream().anyMatch(l -> l.contains("with 10 revision(s)")), report.done().toString());
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options())) {
            assertEquals(live, lib.load("m-1").document());
            assertEquals(10, lib.revisions("m-1").size());
            assertEquals("Session 1", lib.map("m-1").workshop().name());
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("library.mv.db.before-restore-")));
        }
    }

    @Test
    void backupsAreRotated() {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options().withBackupsKept(3).withBackupOnClose(false))) {
            lib.createMap(starter("m-1", "Map"));
            for (int i = 0; i < 5; i++) {
                lib.backup();
            }
            assertEquals(3, lib.backups().size());
        }
    }

    @Test
    void closingWritesABackupWhenSomethingChanged() {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options())) {
            lib.createMap(starter("m-1", "Map"));
        }
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options())) {
            assertEquals(1, lib.backups().size());
        }
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options())) {
            assertEquals(1, lib.backups().size(), "nothing changed, so no second backup");
        }
    }

    @Test
    void aDailyBackupIsWrittenWhenTheNewestIsADayOldAndSomethingChanged() {
        java.time.Clock inTwoDays = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofDays(2));
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options().withBackupOnClose(false))) {
            lib.createMap(starter("m-1", "Map"));
            lib.backup();
        }
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options().withBackupOnClose(false).withClock(inTwoDays))) {
            lib.backupIfDue();
            assertEquals(1, lib.backups().size(), "nothing changed since the last backup");
            lib.createMap(starter("m-2", "Another map"));
            lib.backupIfDue();
            assertEquals(2, lib.backups().size());
        }
    }

    @Test
    void exportWritesNativeFilesThatReadBack() throws Exception {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options())) {
            lib.createMap(starter("m-1", "Power map, team B"));
            lib.createMap(starter("m-2", "Power map, team B"));
            List<Path> files = lib.exportAll(dir.resolve("out"));
            assertEquals(2, files.size());
            assertNotEquals(files.get(0), files.get(1));
            assertEquals("power-map-team-b.mapwork.json", files.get(0).getFileName().toString());
            MapDocument read = new MapJsonReader(TestMaps.SCHEMAS).read(files.get(0));
            assertEquals(lib.load(read.id()).document(), read);
        }
    }

    @Test
    void aSecondOpenInTheSameProcessIsRefusedClearly() {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options())) {
            LibraryInUseException e = assertThrows(LibraryInUseException.class, () -> Library.open(dir, TestMaps.SCHEMAS));
            assertTrue(e.getMessage().startsWith("This library (" + dir.toAbsolutePath().normalize() + ") is already open"), e.getMessage());
        }
    }

    @Test
    void recoveringAHealthyLibraryIsRefusedSoItsHistoryStays() {
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options())) {
            lib.createMap(starter("m-1", "Map"));
        }
        LibraryException e = assertThrows(LibraryException.class,
                () -> Library.recover(dir, TestMaps.SCHEMAS, options(), new ArrayList<>()));
        assertTrue(e.getMessage().endsWith("opens without problems; there is nothing to recover."), e.getMessage());
        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, options())) {
            assertEquals(1, lib.map("m-1").revision());
        }
    }

    @Test
    void theLibraryDirectoryComesFromTheOptionThenTheEnvironmentThenHome() {
        assertEquals(Path.of("/x/lib"), Library.directory(Path.of("/x/lib"), Map.of(Library.HOME_VARIABLE, "/y")));
        assertEquals(Path.of("/y"), Library.directory(null, Map.of(Library.HOME_VARIABLE, "/y")));
        assertEquals(Path.of(System.getProperty("user.home"), ".mapwork"), Library.directory(null, Map.of()));
    }
}
