package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapwork.model.Change;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;

/** Reading a library while another Library (the editor's) has it open for writing (issue 16 item 12, ADR 0009). */
class LibraryReadingBesideTest {

    @TempDir
    Path dir;

    private static Library.Options options() {
        return Library.Options.defaults().withBackupOnClose(false);
    }

    private static MapDocument starter(String id, String title) {
        return org.mapwork.model.ChangeEngine.apply(TestMaps.empty(id, title), TestMaps.SCHEMA, TestMaps.starterContent()).after();
    }

    @Test
    void aReaderSeesEveryDurableChangeOfTheOwnerWhileWritesStayTheOwnersAlone() throws Exception {
        Path lib = dir.resolve("lib");
        try (Library owner = Library.open(lib, TestMaps.SCHEMAS, options())) {
            owner.createMap(starter("m-1", "Power map, team B"));
            LoadedMap m = owner.load("m-1");
            MapSession session = new MapSession(m.document(), m.schema(), owner.localActor(), m.lastSeq());
            try (MapRecorder recorder = owner.record(m, session)) {
                session.apply("rename", Change.setLabel("n-union", "Union local 7"));
                long durable = recorder.flush().get();

                Path copyDir;
                try (Library reader = Library.openForReading(lib, TestMaps.SCHEMAS, options())) {
                    copyDir = reader.directory();
                    assertFalse(copyDir.equals(lib.toAbsolutePath().normalize()), "the reader has a copy of its own");
                    List<MapEntry> maps = reader.maps();
                    assertEquals(List.of("m-1"), maps.stream().map(MapEntry::id).toList());
                    assertEquals(durable, maps.get(0).revision(), "the copy has every change the owner made durable");
                    assertEquals("Union local 7", reader.load("m-1").document().element("n-union").label());
                    assertEquals(durable, reader.revisions("m-1").size());
                }
                assertFalse(Files.exists(copyDir), "the copy is deleted when the reader closes");

                // the owner goes on writing, and a second owner is still refused
                session.apply("rename again", Change.setLabel("n-union", "Union local 8"));
                assertEquals(durable + 1, recorder.flush().get());
                assertThrows(LibraryInUseException.class, () -> Library.open(lib, TestMaps.SCHEMAS, options()));
                try (Library reader = Library.openForReading(lib, TestMaps.SCHEMAS, options())) {
                    assertEquals(durable + 1, reader.map("m-1").revision());
                }
            }
        }
        // closed: the socket is gone, and the library opens as before, with everything the owner wrote
        assertFalse(Files.exists(lib.resolve(ReadingCopies.SOCKET)));
        try (Library again = Library.open(lib, TestMaps.SCHEMAS, options())) {
            assertEquals("Union local 8", again.load("m-1").document().element("n-union").label());
        }
    }

    @Test
    void withNobodyServingCopiesAReaderIsToldTheLibraryIsInUse() throws Exception {
        Path lib = dir.resolve("lib");
        try (Library owner = Library.open(lib, TestMaps.SCHEMAS, options())) {
            owner.createMap(starter("m-1", "Power map"));
            // an owner that serves no copies (an older Mapwork): its socket is not there
            Files.delete(lib.resolve(ReadingCopies.SOCKET));
            LibraryInUseException e = assertThrows(LibraryInUseException.class,
                    () -> Library.openForReading(lib, TestMaps.SCHEMAS, options()));
            assertTrue(e.getMessage().contains("is already open"), e.getMessage());
        }
    }

    @Test
    void aReaderBesideAnotherProcessReadsItsLibrary() throws Exception {
        Path lib = dir.resolve("lib");
        try (Library first = Library.open(lib, TestMaps.SCHEMAS, options())) {
            first.createMap(starter("m-1", "Power map, team B"));
        }
        Path out = dir.resolve("holder.txt");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), lib.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            long start = System.nanoTime();
            while (!Files.readString(out).startsWith("open") && holder.isAlive() && System.nanoTime() - start < 30_000_000_000L) {
                Thread.sleep(20);
            }
            assertTrue(Files.readString(out).startsWith("open"), "the other process opened the library: " + Files.readString(out));
            assertThrows(LibraryInUseException.class, () -> Library.open(lib, TestMaps.SCHEMAS, options()));
            try (Library reader = Library.openForReading(lib, TestMaps.SCHEMAS, options())) {
                assertEquals("Power map, team B", reader.find("Power").title());
            }
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
    }
}
