package org.mapwork.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.templates.Methods;

import picocli.CommandLine;

class ExportImportCommandTest {

    @TempDir
    Path dir;

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

    private Path example(String method) throws Exception {
        MapDocument doc = Methods.byId(method).orElseThrow().starter(true, Locale.ENGLISH);
        Path file = dir.resolve(method + ".mapwork.json");
        MapJson.writeFile(doc, file);
        return file;
    }

    @Test
    void exportWritesEachFormatBesideTheMap() throws Exception {
        Path map = example("net-map");
        for (String f : new String[] {"svg", "pdf", "json", "graphml", "csv", "kumu", "md", "html"}) {
            Run r = run(new ExportCommand(), map.toString(), "--format", f, "-o", dir.resolve("out-" + f + "." + f).toString());
            assertEquals(0, r.code(), f + ": " + r.err());
            assertTrue(r.out().startsWith("wrote "), r.out());
        }
        assertTrue(Files.exists(dir.resolve("out-csv-nodes.csv")));
        assertTrue(Files.exists(dir.resolve("out-csv-links.csv")));
        Run png = run(new ExportCommand(), map.toString(), "--format", "png", "--dpi", "72", "--no-legend");
        assertEquals(0, png.code(), png.err());
        assertTrue(Files.exists(dir.resolve("net-map.png")));
    }

    @Test
    void aMarkdownReportDoesNotReplaceAnSvgOfTheSameNameUnasked() throws Exception {
        Path map = example("net-map");
        Path mine = dir.resolve("report.svg");
        Files.writeString(mine, "my own drawing");
        Run refused = run(new ExportCommand(), map.toString(), "--format", "md", "-o", dir.resolve("report.md").toString());
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.err().contains("report.svg exists: the report's figure would replace it"), refused.err());
        assertEquals("my own drawing", Files.readString(mine), "left as it was");
        assertTrue(Files.notExists(dir.resolve("report.md")), "nothing half written");

        Run forced = run(new ExportCommand(), map.toString(), "--format", "md", "--force", "-o", dir.resolve("report.md").toString());
        assertEquals(0, forced.code(), forced.err());
        assertTrue(forced.out().contains("report.md") && forced.out().contains("report.svg"), "both files are named: " + forced.out());
        assertTrue(Files.readString(mine).contains("<svg"), "replaced when asked");
    }

    @Test
    void exportReportsABadFileWithItsPlaceAndAnUnknownFormatAsUsage() throws Exception {
        Path bad = dir.resolve("bad.mapwork.json");
        Files.writeString(bad, "{\"format\":\"mapwork\",\"version\":1,\"id\":\"m1\",\"title\":\"x\",\"method\":\"net-map\","
                + "\"created\":\"2026-11-22T09:00:00Z\",\"elements\":[{\"id\":\"a\",\"kind\":\"node\",\"type\":\"nope\",\"label\":\"A\",\"order\":\"V\"}]}");
        Run r = run(new ExportCommand(), bad.toString(), "--format", "svg");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.mapwork.json: $.elements[0].type"), r.err());
        Run usage = run(new ExportCommand(), bad.toString(), "--format", "tiff");
        assertEquals(2, usage.code());
        assertTrue(usage.err().contains("unknown format \"tiff\""), usage.err());
        Run missing = run(new ExportCommand(), dir.resolve("none.mapwork.json").toString(), "--format", "svg");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void importReopensAnExportedSvgAndRefusesToOverwrite() throws Exception {
        Path map = example("theory-of-change");
        MapDocument original = new MapJsonReader(Methods.schemas()).read(map);
        Path svg = dir.resolve("toc.svg");
        assertEquals(0, run(new ExportCommand(), map.toString(), "-f", "svg", "-o", svg.toString()).code());
        Path back = dir.resolve("back.mapwork.json");
        Run r = run(new ImportCommand(), svg.toString(), "-o", back.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(original, new MapJsonReader(Methods.schemas()).read(back));
        Run again = run(new ImportCommand(), svg.toString(), "-o", back.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
    }

    @Test
    void importOfACsvNeedsAMethodAndNamesTheRowOfABadCell() throws Exception {
        Path csv = dir.resolve("scan.csv");
        Files.writeString(csv, "label,influence\r\nWorkers' centre,4\r\nCity council,lots\r\n");
        Run noMethod = run(new ImportCommand(), csv.toString());
        assertEquals(1, noMethod.code());
        assertTrue(noMethod.err().contains("--method"), noMethod.err());
        Run bad = run(new ImportCommand(), csv.toString(), "--method", "net-map");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("row 3, column influence"), bad.err());
        Files.writeString(csv, "label,influence\r\nWorkers' centre,4\r\nCity council,5\r\n");
        Run ok = run(new ImportCommand(), csv.toString(), "--method", "net-map");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("imported 2 nodes and 0 links"), ok.out());
        Run unknown = run(new ImportCommand(), csv.toString(), "--method", "mind-map");
        assertEquals(2, unknown.code());
    }

    @Test
    void importOfALatin1CsvIsRefusedWithTheLineOrReadWithEncoding() throws Exception {
        Path csv = dir.resolve("cafe-nodes.csv");
        Files.write(csv, "label\r\nCaf\u00e9 cr\u00e8me\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Run refused = run(new ImportCommand(), csv.toString(), "--method", "net-map");
        assertEquals(ExitCodes.INVALID_INPUT, refused.code(), refused.out());
        assertTrue(refused.err().contains("line 2, byte 4") && refused.err().contains("--encoding"), refused.err());
        assertTrue(!Files.exists(dir.resolve("cafe.mapwork.json")), "nothing written");
        Run read = run(new ImportCommand(), csv.toString(), "--method", "net-map", "--encoding", "ISO-8859-1");
        assertEquals(0, read.code(), read.err());
        MapDocument doc = new MapJsonReader(Methods.schemas()).read(dir.resolve("cafe.mapwork.json"));
        assertEquals("Caf\u00e9 cr\u00e8me", doc.nodes().findFirst().orElseThrow().label());
        Run unknown = run(new ImportCommand(), csv.toString(), "--method", "net-map", "--encoding", "klingon-8");
        assertTrue(unknown.code() != 0 && unknown.err().contains("unknown character encoding \"klingon-8\""), unknown.err());
    }
}
