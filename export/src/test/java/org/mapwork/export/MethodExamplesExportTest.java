package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapwork.export.imports.ImportContext;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * Every method's worked example, exported in every format into target/look/examples (open the files to look at them),
 * and the formats that carry the map read back as the same map.
 */
class MethodExamplesExportTest {

    static Stream<MethodTemplate> methods() {
        return Methods.all().stream();
    }

    @ParameterizedTest
    @MethodSource("methods")
    void everyFormatIsWrittenAndTheMapFormatsReopen(MethodTemplate method) throws Exception {
        MapDocument doc = method.starter(true, Locale.ENGLISH);
        Path dir = Path.of("target", "look", "examples");
        Files.createDirectories(dir);
        MapExporter exporter = new MapExporter();
        MapImporter importer = new MapImporter(new ImportContext(Methods.schemas(), method.id()));
        for (ExportFormat f : ExportFormat.values()) {
            MapExporter.Options opts = MapExporter.Options.defaults().withDpi(f == ExportFormat.PNG ? 96 : 300);
            List<Path> files = exporter.export(doc, f, MapExporter.defaultTarget(dir, method.id(), f), opts);
            for (Path p : files) {
                assertTrue(Files.size(p) > 20, p + " has content");
            }
            if (f == ExportFormat.SVG || f == ExportFormat.PNG || f == ExportFormat.JSON || f == ExportFormat.GRAPHML) {
                MapDocument back = importer.read(files.get(0)).document();
                // the JSON text first: a difference then shows where
                assertEquals(org.mapwork.model.json.MapJson.toJson(doc), org.mapwork.model.json.MapJson.toJson(back), method.id() + " through " + f);
                assertEquals(doc, back, method.id() + " through " + f);
            }
            if (f == ExportFormat.MD) {
                String md = Files.readString(files.get(0));
                String expected = switch (method.id()) {
                    case "net-map", "power-interest" -> "## Actors ranked by influence";
                    case "theory-of-change" -> "## Outcomes, indicators, assumptions and interventions";
                    case "action-plan" -> "## Action plan by owner and due date";
                    default -> "## Links";
                };
                assertTrue(md.contains(expected), method.id() + " report has " + expected);
            }
            if (f == ExportFormat.PDF) {
                try (PDDocument pdf = Loader.loadPDF(files.get(0).toFile())) {
                    String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
                    for (Element e : doc.elements()) {
                        // labels may be cut to fit their box; their first words are always drawn
                        String start = e.label().replaceAll("\\s+", "");
                        start = start.substring(0, Math.min(12, start.length()));
                        assertTrue(text.contains(start), method.id() + ": \"" + e.label() + "\" not in the PDF text");
                    }
                }
            }
        }
    }
}
