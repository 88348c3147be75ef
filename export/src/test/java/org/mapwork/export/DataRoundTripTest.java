package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapwork.export.imports.ImportContext;
import org.mapwork.export.imports.ImportResult;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * Every data export of every method's worked example, read back by {@code MapImporter} as a person would import the
 * file: CSV (the nodes, links and map sheets), GraphML and the native JSON give the same map; Kumu gives the same map
 * header, nodes and links, and the import says what Kumu cannot carry.
 */
class DataRoundTripTest {

    static Stream<Arguments> examples() {
        List<Arguments> out = new ArrayList<>();
        for (MethodTemplate m : Methods.all()) {
            for (ExportFormat f : List.of(ExportFormat.CSV, ExportFormat.KUMU, ExportFormat.GRAPHML, ExportFormat.JSON)) {
                out.add(Arguments.of(m.id(), f));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} through {1}")
    @MethodSource("examples")
    void everyDataExportImportsBackAsTheSameMap(String method, ExportFormat format, @TempDir Path dir) throws Exception {
        MapDocument doc = Methods.byId(method).orElseThrow().starter(true, Locale.ENGLISH);
        List<Path> files = new MapExporter().export(doc, format, MapExporter.defaultTarget(dir, method, format), MapExporter.Options.defaults());
        ImportResult r = new MapImporter(new ImportContext(Methods.schemas(), method)).read(files.get(0));
        MapDocument back = r.document();
        if (format == ExportFormat.KUMU) {
            // Kumu lays out maps itself and has no free annotations: positions, sizes, drawing order, styles and
            // annotations are not carried, and the import says so
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("carries no positions, sizes, drawing order, styles or annotations")),
                    r.warnings().toString());
            assertEquals(kumuView(doc), kumuView(back), method + " through Kumu");
        } else {
            assertEquals(MapJson.toJson(doc), MapJson.toJson(back), method + " through " + format);
            assertEquals(doc, back, method + " through " + format);
            assertEquals(List.of(), r.warnings(), "nothing left behind");
        }
    }

    @org.junit.jupiter.api.Test
    void mutualLinkTypesStayMutualFromTheLinksSheetsDirectedColumnAndAKumuFileMayEndInDotKumu(@TempDir Path dir) throws Exception {
        MapDocument doc = Methods.byId("net-map").orElseThrow().starter(true, Locale.ENGLISH);
        var schema = Methods.schemas().schema("net-map").orElseThrow();
        List<Path> csv = new MapExporter().export(doc, ExportFormat.CSV, dir.resolve("nm-nodes.csv"), MapExporter.Options.defaults());
        // a map sheet without the link types (from another tool, or edited): they come from the links sheet's directed column
        String attr = "attribute." + schema.mapDefinedLinkTypes().mapAttribute() + ",";
        List<String> rows = java.nio.file.Files.readAllLines(csv.get(2)).stream().filter(l -> !l.startsWith(attr)).toList();
        assertEquals(java.nio.file.Files.readAllLines(csv.get(2)).size() - 1, rows.size(), "the map sheet had one row of link types");
        java.nio.file.Files.write(csv.get(2), rows);
        MapDocument back = new MapImporter(new ImportContext(Methods.schemas(), "net-map")).read(csv.get(0)).document();
        var before = schema.linkTypesOf(doc.mapAttributes());
        var after = schema.linkTypesOf(back.mapAttributes());
        long mutual = doc.links().filter(l -> !before.get(l.type()).directed()).count();
        assertTrue(mutual > 0, "the example has mutual links");
        for (Element l : doc.links().toList()) {
            assertEquals(before.get(l.type()).directed(), after.get(l.type()).directed(), "link type " + l.type() + " of " + l.id());
        }
        Path kumu = new MapExporter().export(doc, ExportFormat.KUMU, dir.resolve("nm.kumu.json"), MapExporter.Options.defaults()).get(0);
        Path renamed = java.nio.file.Files.move(kumu, dir.resolve("nm.kumu"));
        assertEquals(kumuView(doc), kumuView(new MapImporter(new ImportContext(Methods.schemas(), "net-map")).read(renamed).document()));
    }

    /** What Kumu carries: the map's header and attributes, each node's id, type, label and attributes, each link. */
    private static String kumuView(MapDocument doc) {
        StringBuilder b = new StringBuilder();
        b.append(doc.id()).append(' ').append(doc.title()).append(' ').append(doc.methodId()).append(' ')
                .append(doc.created()).append(' ').append(doc.mapAttributes()).append('\n');
        for (Element e : doc.nodes().sorted(java.util.Comparator.comparing(Element::id)).toList()) {
            b.append(e.id()).append(' ').append(e.type()).append(' ').append(e.label()).append(' ').append(e.attributes()).append('\n');
        }
        for (Element e : doc.links().sorted(java.util.Comparator.comparing(Element::id)).toList()) {
            b.append(e.id()).append(' ').append(e.type()).append(' ').append(e.source()).append("->").append(e.target())
                    .append(' ').append(e.label()).append(' ').append(e.attributes()).append('\n');
        }
        return b.toString();
    }
}
