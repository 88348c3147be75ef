package org.mapwork.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.json.MapJson;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.mapwork.templates.workshop.Provenance;

import picocli.CommandLine;

/** {@code mapwork compare}, {@code mapwork merge} and {@code mapwork export --share-safe} on two teams' power maps. */
class CompareMergeCommandTest {

    @TempDir
    Path dir;
    Path teamA;
    Path teamB;

    private record Run(int code, String out, String err) {
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Team A draws the Net-Map example; team B writes two names differently, lowers a tower, leaves out a link. */
    @BeforeEach
    void twoTeams() throws Exception {
        MethodTemplate netMap = Methods.byId("net-map").orElseThrow();
        MapDocument a = netMap.starter(true, Locale.ENGLISH);
        MapDocument b = ChangeEngine.apply(netMap.starter(true, Locale.ENGLISH), netMap.schema(), ChangeSet.of("team B",
                Change.setLabel("chamber", "chamber of  commerce"), Change.setLabel("mayor", "Mayors Office"),
                Change.setAttribute("union", "influence", Value.integer(3)), Change.remove("l-30"))).after();
        teamA = dir.resolve("team-a.mapwork.json");
        teamB = dir.resolve("team-b.mapwork.json");
        MapJson.writeFile(a, teamA);
        MapJson.writeFile(b, teamB);
    }

    @Test
    void compareShowsMatchesWithTheirScoresTowersSideBySideAndTheLinkOnlyOneTeamDrew() {
        Run r = run(new CompareCommand(), teamA.toString(), teamB.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*Mayor's Office +team-b +Mayors Office +0\\.929 +similar name.*"), r.out());
        assertTrue(r.out().matches("(?s).*Service Workers Union Local +5 +for +3 +for.*"), r.out());
        assertTrue(r.out().matches("(?s).*Service Workers Union Local +Conflict +Delivery app companies +team-a +team-b.*"), r.out());
        Run csv = run(new CompareCommand(), teamA.toString(), teamB.toString(), "--csv", "--team", "North", "--team", "South");
        assertEquals(0, csv.code(), csv.err());
        assertTrue(csv.out().startsWith("table,Name,Team,Their name,Score,How\r\n"), csv.out());
        assertTrue(csv.out().contains("Names matched across teams,Mayor's Office,South,Mayors Office,0.9285714285714286,similar name"), csv.out());
    }

    @Test
    void aRefusedPairingIsTwoActorsAndAConfirmedOneIsJoinedWhateverTheThreshold() {
        Run refused = run(new CompareCommand(), teamA.toString(), teamB.toString(), "--no-match", "Mayors Office = Mayor's Office");
        assertEquals(0, refused.code(), refused.err());
        assertTrue(refused.out().matches("(?s).*Mayors Office +— +— +8 +neutral +team-b.*"), refused.out());
        Run confirmed = run(new CompareCommand(), teamA.toString(), teamB.toString(), "--threshold", "1",
                "--match", "Mayor's Office=Mayors Office");
        assertTrue(confirmed.out().matches("(?s).*Mayor's Office +team-b +Mayors Office +0\\.929 +confirmed.*"), confirmed.out());
        Run strict = run(new CompareCommand(), teamA.toString(), teamB.toString(), "--threshold", "1");
        assertTrue(strict.out().matches("(?s).*Mayor's Office +team-b +Mayors Office +0\\.929 +not joined.*"), strict.out());
    }

    @Test
    void aPairingWithoutAnEqualsSignOrMapsOfTwoMethodsAreRefusedWithWhy() throws Exception {
        Run bad = run(new CompareCommand(), teamA.toString(), teamB.toString(), "--match", "Mayor's Office");
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("name in one map=name in another"), bad.err());
        Path tree = dir.resolve("tree.mapwork.json");
        MapJson.writeFile(Methods.byId("problem-tree").orElseThrow().starter(true, Locale.ENGLISH), tree);
        Run mixed = run(new CompareCommand(), teamA.toString(), tree.toString());
        assertEquals(ExitCodes.INVALID_INPUT, mixed.code());
        assertTrue(mixed.err().contains("team tree's map is a problem-tree map"), mixed.err());
    }

    @Test
    void mergeWritesAMapThatValidatesAndChecksWithWhoDrewWhat() throws Exception {
        Path merged = dir.resolve("merged.mapwork.json");
        Run r = run(new MergeCommand(), teamA.toString(), teamB.toString(), "-o", merged.toString(), "--title", "Workshop");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 teams' maps, 21 nodes (21 joined from several teams), 40 links"), r.out());
        assertEquals(0, run(new ValidateCommand(), merged.toString()).code());
        Run check = run(new CheckCommand(), merged.toString());
        assertEquals(0, check.code(), check.out() + check.err());
        MapDocument doc = MapFiles.read(merged);
        assertEquals("Workshop", doc.title());
        assertEquals(List.of("team-a"), Provenance.of(doc).get("l-30").teams());
        assertEquals("influence: team-a 5, team-b 3", Provenance.of(doc).get("union").differences());
        Run again = run(new MergeCommand(), teamA.toString(), teamB.toString(), "-o", merged.toString());
        assertEquals(ExitCodes.INVALID_INPUT, again.code(), "an existing file is not replaced unasked");
    }

    @Test
    void comparesCombinedPictureIsWrittenWithTheTablesStillOnStdout() throws Exception {
        Path picture = dir.resolve("combined.png");
        Run r = run(new CompareCommand(), teamA.toString(), teamB.toString(), "--csv", "--picture", picture.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("table,"), "stdout is the CSV alone");
        assertTrue(r.err().contains("combined.png"), r.err());
        byte[] png = Files.readAllBytes(picture);
        assertEquals((byte) 0x89, png[0]);
        assertEquals(ExitCodes.USAGE, run(new CompareCommand(), teamA.toString(), teamB.toString(), "--picture", "x.gif").code());
    }

    @Test
    void shareSafeExportKeepsTheKeyBesideTheSourceAndNoNameInTheExport() throws Exception {
        Path out = Files.createDirectory(dir.resolve("leaving"));
        Run r = run(new ExportCommand(), teamA.toString(), "--format", "json", "--share-safe", "-o", out.resolve("shared.json").toString());
        assertEquals(0, r.code(), r.err());
        String shared = Files.readString(out.resolve("shared.json"), StandardCharsets.UTF_8);
        assertFalse(shared.contains("Chamber of Commerce"), shared);
        assertTrue(shared.contains("\"A1\""), shared);
        Path key = dir.resolve("team-a.share-key.csv");
        assertTrue(Files.readString(key, StandardCharsets.UTF_8).contains(",actor,Chamber of Commerce,chamber"));
        try (var files = Files.list(out)) {
            assertEquals(List.of(out.resolve("shared.json")), files.toList(), "the key is never beside the export");
        }
        Run types = run(new ExportCommand(), teamA.toString(), "--format", "csv", "--share-safe=types", "-o", out.resolve("t.csv").toString());
        assertEquals(0, types.code(), types.err());
        String nodes = Files.readString(out.resolve("t-nodes.csv"), StandardCharsets.UTF_8);
        assertTrue(nodes.contains("Elected official 2") && !nodes.contains("Council Member"), nodes);
        Run bad = run(new ExportCommand(), teamA.toString(), "--format", "json", "--share-safe=names");
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("choose codes or types"), bad.err());
    }
}
