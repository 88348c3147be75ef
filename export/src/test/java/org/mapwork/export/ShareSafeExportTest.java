package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.mapwork.export.imports.EmbeddedMapImport;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.AttributeType;
import org.mapwork.model.schema.ElementType;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.mapwork.templates.workshop.ShareSafe;

/**
 * Share-safe exports leak nothing: for every method's worked example, in both modes and every format, no original
 * name, note, quote or other free text appears in the files written — neither in what is drawn, nor in the text of
 * a PDF, nor in the map that SVG and PNG carry inside them.
 */
class ShareSafeExportTest {

    static Stream<Arguments> cases() {
        return Methods.all().stream().flatMap(m -> Stream.of(ShareSafe.Mode.values()).map(mode -> Arguments.of(m.id(), mode)));
    }

    /** The example's names and free texts: what must not leave the room. */
    static Set<String> secrets(MethodTemplate method, MapDocument doc) {
        Set<String> out = new LinkedHashSet<>();
        for (Element e : doc.elements()) {
            if (!e.label().isBlank()) {
                out.add(e.label().strip());
            }
            ElementType type = method.schema().type(e.kind(), e.type(), doc.mapAttributes());
            e.attributes().forEach((name, value) -> {
                AttributeDef def = type.attribute(name);
                if ((def.type() == AttributeType.TEXT || def.type() == AttributeType.LONG_TEXT) && value instanceof Value.Text t
                        && !doc.contains(t.value()) && !t.value().isBlank()) {
                    out.add(t.value().strip());
                }
            });
        }
        doc.mapAttributes().forEach((name, value) -> {
            AttributeDef def = method.schema().mapAttributes().get(name);
            if ((def.type() == AttributeType.TEXT || def.type() == AttributeType.LONG_TEXT) && value instanceof Value.Text t
                    && !t.value().isBlank()) {
                out.add(t.value().strip());
            }
        });
        return out;
    }

    /** What a reader of the file can get at: its text, and for PNG and PDF what their text and embedded map hold. */
    private static String readable(Path file, EmbeddedMapImport embedded) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        StringBuilder sb = new StringBuilder(new String(bytes, StandardCharsets.UTF_8));
        if (name.endsWith(".png")) {
            sb.append('\n').append(json(embedded.readPng(name, new ByteArrayInputStream(bytes))));
        } else if (name.endsWith(".svg")) {
            sb.append('\n').append(json(embedded.readSvg(name, new ByteArrayInputStream(bytes))));
        } else if (name.endsWith(".pdf")) {
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                sb.append('\n').append(new PDFTextStripper().getText(pdf));
                PDDocumentInformation info = pdf.getDocumentInformation();
                for (String key : info.getMetadataKeys()) {
                    sb.append('\n').append(info.getCustomMetadataValue(key));
                }
                assertTrue(pdf.getDocumentCatalog().getNames() == null
                        || pdf.getDocumentCatalog().getNames().getEmbeddedFiles() == null, "no file inside the PDF");
            }
        }
        // a PDF's text comes out line by line as the painter wrapped it: spaces and line breaks count as one space
        return sb.toString().replaceAll("\\s+", " ");
    }

    private static String json(MapDocument doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MapJson.write(doc, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A text as it may appear: as it is, escaped for XML or for JSON, its lines one by one (labels wrap). */
    private static List<String> forms(String secret) {
        List<String> out = new ArrayList<>();
        for (String s : List.of(secret, secret.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;").replace("\"", "&quot;"),
                secret.replace("'", "&#39;").replace("&", "&amp;"), secret.replace("\"", "\\\"").replace("\n", "\\n"))) {
            out.add(s.replaceAll("\\s+", " "));
        }
        for (String line : secret.split("\n")) {
            if (line.strip().length() >= 12) {
                out.add(line.strip());
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void noOriginalNameNoteOrQuoteAppearsInAnyFormat(String methodId, ShareSafe.Mode mode, @TempDir Path dir) throws Exception {
        MethodTemplate method = Methods.byId(methodId).orElseThrow();
        MapDocument example = method.starter(true, Locale.ENGLISH);
        Set<String> secrets = secrets(method, example);
        // a name that is also one of the method's own words (a fishbone's "Policy" category) is the method's to print
        java.util.ResourceBundle words = method.texts(Locale.ENGLISH);
        secrets.removeIf(secret -> words.keySet().stream().anyMatch(k -> words.getString(k).equals(secret)));
        assertFalse(secrets.isEmpty(), "the example has names to hide");
        ShareSafe.Result safe = ShareSafe.of(method, example, mode);
        assertEquals(example.nodes().count(), safe.doc().nodes().count());
        assertEquals(example.links().count(), safe.doc().links().count());
        EmbeddedMapImport embedded = new EmbeddedMapImport(Methods.schemas());
        MapExporter exporter = new MapExporter();
        for (ExportFormat format : ExportFormat.values()) {
            Path target = MapExporter.defaultTarget(dir.resolve(format.name()), "shared", format);
            for (Path written : exporter.export(safe.doc(), format, target, MapExporter.Options.defaults().withDpi(30))) {
                String text = readable(written, embedded);
                for (String secret : secrets) {
                    for (String form : forms(secret)) {
                        assertFalse(text.contains(form), methodId + " " + mode + ": " + written.getFileName()
                                + " holds \"" + form + "\"");
                    }
                }
            }
        }
    }

    /** The check above can fail: an ordinary export of the same example shows its names in every format. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anOrdinaryExportShowsTheNamesTheCheckLooksFor(String methodId, ShareSafe.Mode unused, @TempDir Path dir) throws Exception {
        if (unused != ShareSafe.Mode.CODES) {
            return;
        }
        MethodTemplate method = Methods.byId(methodId).orElseThrow();
        MapDocument example = method.starter(true, Locale.ENGLISH);
        Set<String> secrets = secrets(method, example);
        EmbeddedMapImport embedded = new EmbeddedMapImport(Methods.schemas());
        for (ExportFormat format : ExportFormat.values()) {
            Path target = MapExporter.defaultTarget(dir.resolve(format.name()), "plain", format);
            StringBuilder all = new StringBuilder();
            for (Path written : new MapExporter().export(example, format, target, MapExporter.Options.defaults().withDpi(30))) {
                all.append(readable(written, embedded));
            }
            assertTrue(secrets.stream().anyMatch(secret -> forms(secret).stream().anyMatch(f -> all.toString().contains(f))),
                    methodId + " " + format + " shows some name of the example");
        }
    }
}
