package org.mapwork.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.mapwork.templates.common.LayoutSupport;

import picocli.CommandLine;

class CommandsTest {

    record Run(int code, String out, String err) {
    }

    static Run run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @TempDir
    Path dir;

    @Test
    void everyMethodsExampleIsMadeAndPassesCheckInBothLanguages() throws Exception {
        for (MethodTemplate m : Methods.all()) {
            for (String lang : List.of("en", "es")) {
                Path f = dir.resolve(m.id() + "-" + lang + ".mapwork.json");
                Run made = run(new NewCommand(), "--method", m.id(), "--example", "--lang", lang, "-o", f.toString());
                assertEquals(0, made.code(), made.err());
                assertTrue(made.out().startsWith("wrote "), made.out());
                Run checked = run(new CheckCommand(), f.toString());
                assertEquals(0, checked.code(), checked.out() + checked.err());
                assertTrue(checked.out().contains("0 error(s), 0 warning(s), 0 note(s)"), checked.out());
                Run empty = run(new NewCommand(), "--method", m.id(), "--lang", lang, "-o", dir.resolve(m.id() + "-" + lang + "-empty.json").toString());
                assertEquals(0, empty.code(), empty.err());
            }
        }
    }

    @Test
    void checkExitsOneOnAnErrorFindingAndNamesIt() throws Exception {
        Path f = dir.resolve("toc.mapwork.json");
        assertEquals(0, run(new NewCommand(), "--method", "theory-of-change", "--example", "-o", f.toString()).code());
        // a causal loop: staffing agencies paying correctly → faster investigations → ... → back
        String json = Files.readString(f).replace("\"elements\": [", """
                "elements" : [ { "id" : "loop", "kind" : "link", "type" : "causal", "source" : "p-comply", "target" : "p-enforcement", "order" : "zz" },""");
        Files.writeString(f, json);
        Run r = run(new CheckCommand(), f.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("ERROR   toc.causal-cycle"), r.out());
        assertTrue(r.out().contains("1 error(s)"), r.out());
    }

    @Test
    void warningsAloneDoNotFailTheCheck() throws Exception {
        Path f = dir.resolve("plan.mapwork.json");
        assertEquals(0, run(new NewCommand(), "--method", "action-plan", "--example", "-o", f.toString()).code());
        Files.writeString(f, Files.readString(f).replace("\"owner\": \"Ana R.\",", ""));
        Run r = run(new CheckCommand(), f.toString());
        assertEquals(0, r.code());
        assertTrue(r.out().contains("WARNING action-plan.no-owner [a-card]"), r.out());
    }

    @Test
    void analyzeShowsTheNetMapCentralityAsTextAndCsv() throws Exception {
        Path f = dir.resolve("net.mapwork.json");
        assertEquals(0, run(new NewCommand(), "--method", "net-map", "--example", "-o", f.toString()).code());
        Run text = run(new AnalyzeCommand(), f.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("Betweenness by link type (normalised)"), text.out());
        assertTrue(text.out().contains("Eastside Worker Center            Worker center             4          for      8   9    0.407"), text.out());
        Run csv = run(new AnalyzeCommand(), f.toString(), "--csv");
        assertEquals(0, csv.code());
        // the CSV carries every digit (the text table rounds to three places)
        assertTrue(java.util.regex.Pattern.compile("\r\nActors: ties and betweenness over all links,Eastside Worker Center,"
                + "Worker center,4,for,8,9,0\\.407\\d{6,}\r\n").matcher(csv.out()).find(), csv.out());
    }

    @Test
    void layoutWritesAMapWithoutOverlapsAndReportsCrossings() throws Exception {
        Path f = dir.resolve("tree.mapwork.json"), out = dir.resolve("tree-laid.mapwork.json");
        assertEquals(0, run(new NewCommand(), "--method", "problem-tree", "--example", "-o", f.toString()).code());
        // pile every node on one spot
        Files.writeString(f, Files.readString(f).replaceAll("\"x\": [0-9.]+", "\"x\": 0").replaceAll("\"y\": [0-9.]+", "\"y\": 0"));
        Run r = run(new LayoutCommand(), f.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("overlapping nodes 0"), r.out());
        MapDocument laid = new MapJsonReader(Methods.schemas()).read(out);
        assertEquals(List.of(), LayoutSupport.overlaps(laid));
        Run only = run(new LayoutCommand(), out.toString(), "-o", out.toString(), "--only", "c-quotas,c-fear");
        assertEquals(0, only.code(), only.err());
        Run bad = run(new LayoutCommand(), out.toString(), "-o", out.toString(), "--only", "nope");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("\"nope\" is not a node"), bad.err());
    }

    @Test
    void badInputIsRefusedWithTheFileAndPlace() throws Exception {
        Path f = dir.resolve("broken.mapwork.json");
        Files.writeString(f, "{ \"format\": \"mapwork\", \"version\": 1, ");
        Run r = run(new CheckCommand(), f.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith(f + ": line "), r.err());
        Run missing = run(new AnalyzeCommand(), dir.resolve("none.json").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void usageMistakesExitTwoAndExistingFilesAreNotReplaced() throws Exception {
        Path f = dir.resolve("x.mapwork.json");
        Run unknown = run(new NewCommand(), "--method", "swot", "-o", f.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("known: problem-tree, fishbone"), unknown.err());
        assertEquals(2, run(new NewCommand(), "--method", "fishbone", "--lang", "fr", "-o", f.toString()).code());
        assertEquals(2, run(new NewCommand(), "--method", "fishbone").code());
        Files.writeString(f, "my precious map");
        Run again = run(new NewCommand(), "--method", "fishbone", "-o", f.toString());
        assertEquals(1, again.code());
        assertEquals("my precious map", Files.readString(f));
        assertEquals(0, run(new NewCommand(), "--method", "fishbone", "-o", f.toString(), "--force").code());
    }

    @Test
    void methodsListsAllSevenInBothLanguages() {
        Run en = run(new MethodsCommand());
        assertEquals(0, en.code());
        assertEquals(7, en.out().lines().count());
        assertTrue(en.out().lines().findFirst().orElseThrow().startsWith("problem-tree      Problem tree: "), en.out());
        Run es = run(new MethodsCommand(), "--lang", "es");
        assertTrue(es.out().contains("Teoría del cambio"), es.out());
    }
}
