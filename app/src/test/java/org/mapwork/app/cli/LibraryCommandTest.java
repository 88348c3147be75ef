package org.mapwork.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.OrderKey;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;
import org.mapwork.store.Library;
import org.mapwork.store.LoadedMap;
import org.mapwork.store.MapRecorder;
import org.mapwork.store.Workshop;

import picocli.CommandLine;

class LibraryCommandTest {

    private static final Schema SCHEMA = Schema.builder("cli-test").node(NodeType.of("actor"))
            .link(LinkType.any("influences", true)).build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.of(SCHEMA);

    @TempDir
    Path dir;
    private Path lib;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new LibraryCommand(SCHEMAS, Map.of("MAPWORK_HOME", lib.toString()), ZoneOffset.UTC));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void aLibraryWithTwoMaps() {
        lib = dir.resolve("lib");
        try (Library library = Library.open(lib, SCHEMAS, Library.Options.defaults().withBackupOnClose(false))) {
            Workshop w = library.createWorkshop("Session 3");
            library.createMap(MapDocument.empty("m-power", "Power map, team B", "cli-test", Instant.parse("2026-11-22T09:00:00Z")),
                    w.id(), library.createTeam(w.id(), "Team B").id(), library.localActor());
            library.createMap(MapDocument.empty("m-tree", "Problem tree", "cli-test", Instant.parse("2026-11-22T09:00:00Z")));
            LoadedMap m = library.load("m-power");
            MapSession s = new MapSession(m.document(), m.schema(), "a-cli", m.lastSeq());
            try (MapRecorder r = library.record(m, s)) {
                s.apply("Add the employer", Change.add(Element.node("n-1", "actor", "Employer", Geometry.box(0, 0, 100, 50), OrderKey.first())));
                s.apply("Rename", Change.setLabel("n-1", "Employers, \"big\" ones"));
                s.apply("Remove", Change.remove("n-1"));
            }
        }
    }

    @Test
    void listShowsEveryMapWithItsWorkshopAndTeam() {
        Run r = run("list");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(1).startsWith("m-power "), r.out());
        assertTrue(lines.get(1).contains("Session 3 / Team B") && lines.get(1).endsWith("Power map, team B"), r.out());
    }

    @Test
    void showWithRevisionsListsTheHistoryOfAMapNamedByTitlePrefix() {
        Run r = run("show", "power", "--revisions");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Power map, team B\n  id:        m-power\n"), r.out());
        assertTrue(r.out().contains("       1  2026-"), r.out());
        assertTrue(r.out().contains("a-cli               LOCAL    Add the employer"), r.out());
    }

    @Test
    void restoreBringsBackARevisionAsANewOne() {
        Run r = run("restore", "m-power", "--revision", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals("Restored \"Power map, team B\" to revision 2 as revision 4 (revision 3 stays in the history).\n", r.out());
        try (Library library = Library.open(lib, SCHEMAS, Library.Options.defaults().withBackupOnClose(false))) {
            assertEquals("Employers, \"big\" ones", library.load("m-power").document().element("n-1").label());
        }
    }

    @Test
    void logAsCsvHasOneRowPerChange() {
        Run r = run("log", "m-power", "--csv");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("revision,time,actor,change,element,property,description,summary", lines.get(0));
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(2).contains(",a-cli,label,n-1,label,"), r.out());
    }

    @Test
    void aShareSafeLogHasNoAuthorNameLabelOrIdOfTheMap() {
        Run r = run("log", "m-power", "--share-safe", "--csv");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().filter(l -> !l.isBlank()).toList();
        assertEquals("table,revision,time,author,property,element", lines.get(0));
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(2).endsWith(",author 1,label,e1"), r.out());
        for (String secret : List.of("a-cli", "Employer", "n-1", "Rename", "Add the employer")) {
            assertFalse(r.out().contains(secret), secret + " in " + r.out());
        }
        Run text = run("log", "m-power", "--share-safe");
        assertTrue(text.out().contains("author 1") && !text.out().contains("a-cli"), text.out());
    }

    @Test
    void exportWritesOneMapOrAll() throws Exception {
        Run one = run("export", "Problem", dir.resolve("one").toString());
        assertEquals(0, one.code(), one.err());
        assertTrue(Files.exists(dir.resolve("one/problem-tree.mapwork.json")), one.out());
        Run all = run("export", "--all", dir.resolve("all").toString());
        assertEquals(0, all.code(), all.err());
        try (var files = Files.list(dir.resolve("all"))) {
            assertEquals(2, files.count());
        }
        assertEquals(2, run("export", "--all").code(), "a missing directory is a usage error");
    }

    @Test
    void backupAndRestoreBackupBringTheLibraryBack() {
        Run backup = run("backup");
        assertEquals(0, backup.code(), backup.err());
        Path zip = Path.of(backup.out().trim());
        assertTrue(Files.exists(zip), backup.out());
        assertEquals(0, run("restore", "m-power", "--revision", "1").code());

        Run restore = run("restore-backup", zip.toString());

        assertEquals(0, restore.code(), restore.err());
        assertTrue(restore.out().contains("Restored \"Power map, team B\" (m-power) with 3 revision(s)"), restore.out());
        assertTrue(run("show", "m-power").out().contains("revision:  3"));
    }

    @Test
    void importPutsAMapFileIntoAWorkshopAndTeam() throws Exception {
        Path file = dir.resolve("riders.mapwork.json");
        org.mapwork.model.json.MapJson.writeFile(MapDocument.empty("m-riders", "Riders' map", "cli-test",
                Instant.parse("2026-11-22T10:00:00Z")), file);

        Run r = run("import", file.toString(), "--workshop", "Session 3", "--team", "Team C");

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Imported \"Riders' map\" as m-riders into Session 3 / Team C"), r.out());
        assertTrue(run("list").out().contains("Session 3 / Team C"));
        Run again = run("import", file.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already has a map with id m-riders"), again.err());
    }

    @Test
    void anUnknownMapIsAnInvalidInputWithAClearMessage() {
        Run r = run("show", "nothing-like-this");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("mapwork library show: No map with the id or a title starting \"nothing-like-this\""), r.err());
        Run ambiguous = run("show", "p");
        assertEquals(1, ambiguous.code());
        assertTrue(ambiguous.err().contains("\"p\" matches 2 maps"), ambiguous.err());
    }

    @Test
    void besideTheEditorTheReadingCommandsWorkAndAWriteIsRefused() throws Exception {
        // the editor's library, open for writing and serving reading copies (docs/adr/0009)
        try (Library held = Library.open(lib, SCHEMAS)) {
            Run list = run("list");
            assertEquals(0, list.code(), list.err());
            assertTrue(list.out().contains("m-power") && list.out().contains("Problem tree"), list.out());
            Run show = run("show", "m-power", "--revisions");
            assertEquals(0, show.code(), show.err());
            assertTrue(show.out().startsWith("Power map, team B"), show.out());
            assertTrue(show.out().contains("Rename"), show.out());
            Run log = run("log", "m-power");
            assertEquals(0, log.code(), log.err());
            assertTrue(log.out().contains("Employer"), log.out());
            Path out = dir.resolve("out");
            Run export = run("export", "m-power", out.toString());
            assertEquals(0, export.code(), export.err());
            assertTrue(Files.exists(Path.of(export.out().trim())), export.out());

            Path file = out.resolve(Path.of(export.out().trim()).getFileName());
            Run imported = run("import", file.toString());
            assertEquals(1, imported.code());
            assertTrue(imported.err().startsWith("mapwork library import: This library (" + lib + ") is already open"), imported.err());
            assertEquals(2, held.maps().size(), "nothing was imported");
        }
    }

    @Test
    void theLibraryOptionOverridesTheEnvironment() {
        Run r = run("list", "--library", dir.resolve("other").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("has no maps yet"), r.out());
    }
}
