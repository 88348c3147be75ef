package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
            if (f == ExportFormat.SVG) {
                String svgText = svgText(Files.readString(files.get(0)));
                for (Element e : doc.elements()) {
                    assertTrue(svgText.contains(e.label().replaceAll("\\s+", "")), method.id() + ": \"" + e.label() + "\" not whole in the SVG");
                }
                assertFalse(svgText.contains("…"), method.id() + ": a label cut with … in the SVG");
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
                        // a report figure shows every label whole: no "…", wherever it is wrapped
                        String whole = e.label().replaceAll("\\s+", "");
                        assertTrue(text.contains(whole), method.id() + ": \"" + e.label() + "\" not whole in the PDF text");
                    }
                    assertFalse(text.contains("…"), method.id() + ": a label cut with … in the PDF");
                }
            }
        }
    }

    /** The SVG's drawn text, tags and whitespace removed, entities read. */
    private static String svgText(String svg) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<text[^>]*>(.*?)</text>", java.util.regex.Pattern.DOTALL).matcher(svg);
        while (m.find()) {
            out.append(m.group(1).replaceAll("<[^>]+>", ""));
        }
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", "");
    }
}
