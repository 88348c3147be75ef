package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.mapwork.export.format.CsvExport;
import org.mapwork.export.format.GraphmlExport;
import org.mapwork.export.format.KumuExport;
import org.mapwork.export.imports.CsvImport;
import org.mapwork.export.imports.GraphmlImport;
import org.mapwork.export.imports.ImportContext;
import org.mapwork.export.imports.ImportResult;
import org.mapwork.export.imports.KumuImport;
import org.mapwork.export.imports.SafeXml;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;

class DataExportTest {

    private static final ImportContext CONTEXT = new ImportContext(TestMethod.REGISTRY, TestMethod.ID);

    private static String graphml(MapDocument doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GraphmlExport(TestMethod.LOOKUP).write(doc, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String csvNodes(MapDocument doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExport(TestMethod.LOOKUP).writeNodes(doc, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String csvLinks(MapDocument doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExport(TestMethod.LOOKUP).writeLinks(doc, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String kumu(MapDocument doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new KumuExport(TestMethod.LOOKUP).write(doc, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonMatchesItsGoldenFileAndReopens() throws Exception {
        MapDocument doc = TestMaps.workersCentre();
        String json = MapJson.toJson(doc);
        Golden.check("workers.mapwork.json", json);
        assertEquals(doc, new MapJsonReader(TestMethod.REGISTRY).read("workers.mapwork.json", json));
    }

    @Test
    void graphmlMatchesItsGoldenFileAndParsesStrictly() throws Exception {
        String xml = graphml(TestMaps.workersCentre());
        Golden.check("workers.graphml", xml);
        var dom = SafeXml.parse("workers.graphml", in(xml));
        var keys = dom.getElementsByTagNameNS(GraphmlExport.GRAPHML_NS, "key");
        java.util.Set<String> declared = new java.util.HashSet<>();
        for (int i = 0; i < keys.getLength(); i++) {
            declared.add(((org.w3c.dom.Element) keys.item(i)).getAttribute("id"));
        }
        var data = dom.getElementsByTagNameNS(GraphmlExport.GRAPHML_NS, "data");
        for (int i = 0; i < data.getLength(); i++) {
            String key = ((org.w3c.dom.Element) data.item(i)).getAttribute("key");
            assertTrue(declared.contains(key), "data key " + key + " is declared");
        }
    }

    @Test
    void graphmlReopensAsTheSameDocumentEvenWithHostileLabels() throws Exception {
        for (MapDocument doc : new MapDocument[] {TestMaps.workersCentre(), TestMaps.hostile()}) {
            ImportResult back = new GraphmlImport(CONTEXT).read("map.graphml", in(graphml(doc)));
            assertEquals(doc, back.document());
            assertEquals(java.util.List.of(), back.warnings());
        }
    }

    @Test
    void aMutualLinkIsAPairOfEdgesInTheFileAndOneLinkWhenReadBack() throws Exception {
        MapDocument doc = TestMaps.workersCentre();
        String xml = graphml(doc);
        long mutual = doc.links().filter(l -> l.type().equals("advice")).count();
        assertTrue(mutual > 0);
        assertFalse(xml.contains("directed=\"false\""), "no undirected edge in the directed graph (networkx refuses them)");
        assertEquals(doc.links().count() + mutual, xml.split("<edge ", -1).length - 1L, "one edge per link, two per mutual link");
        assertEquals(doc.links().count(), new GraphmlImport(CONTEXT).read("m.graphml", in(xml)).document().links().count());

        // a tool that deleted the forward edge leaves the way back: it is read as a link, not lost
        String withoutForward = xml.replaceFirst("(?s)<edge id=\"l2\" .*?</edge>", "");
        MapDocument back = new GraphmlImport(CONTEXT).read("m.graphml", in(withoutForward)).document();
        assertEquals(doc.links().count(), back.links().count());
        assertTrue(back.links().anyMatch(l -> l.source().equals("a-clinic") && l.target().equals("a-union") && l.type().equals("advice")));
    }

    @Test
    void aMixedGraphFromAnotherToolStillImports() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key id="t" for="edge" attr.name="type" attr.type="string"/>
                  <graph edgedefault="undirected">
                    <node id="a"/><node id="b"/><node id="c"/>
                    <edge source="a" target="b"><data key="t">advice</data></edge>
                    <edge source="b" target="c" directed="true"><data key="t">conflict</data></edge>
                  </graph>
                </graphml>
                """;
        MapDocument doc = new GraphmlImport(CONTEXT).read("mixed.graphml", in(xml)).document();
        assertEquals(3, doc.nodes().count());
        assertEquals(List.of("advice a→b", "conflict b→c"), doc.links()
                .map(l -> l.type() + " " + l.source() + "→" + l.target()).sorted().toList());
    }

    @Test
    void csvMatchesItsGoldenFiles() throws Exception {
        MapDocument doc = TestMaps.workersCentre();
        Golden.check("workers-nodes.csv", csvNodes(doc));
        Golden.check("workers-links.csv", csvLinks(doc));
    }

    @Test
    void csvReimportKeepsElementsAttributesAndLinks() throws Exception {
        MapDocument doc = TestMaps.workersCentre();
        ImportResult back = new CsvImport(CONTEXT).read("workers-nodes.csv", in(csvNodes(doc)), "workers-links.csv", in(csvLinks(doc)));
        assertEquals(doc.size(), back.document().size());
        for (Element e : doc.elements()) {
            assertEquals(e, back.document().element(e.id()), "element " + e.id());
        }
    }

    @Test
    void csvGuardsFormulasAndHostileLabelsComeBackUnchanged() throws Exception {
        TestMaps.Builder b = new TestMaps.Builder("m-f", "formulas");
        b.node("f1", "actor", "=HYPERLINK(\"http://evil\")", 0, 0, 100, 50);
        b.node("f2", "actor", "'=already quoted", 0, 0, 100, 50);
        b.node("f3", "actor", "-5 degrees", 0, 0, 100, 50);
        MapDocument doc = b.build();
        String nodes = csvNodes(doc);
        assertFalse(nodes.contains(",=HYPERLINK") || nodes.contains(",\"=HYPERLINK"), nodes);
        ImportResult back = new CsvImport(CONTEXT).read("f-nodes.csv", in(nodes), null, null);
        for (Element e : doc.elements()) {
            assertEquals(e.label(), back.document().element(e.id()).label());
        }
        MapDocument hostile = TestMaps.hostile();
        ImportResult h = new CsvImport(CONTEXT).read("h-nodes.csv", in(csvNodes(hostile)), "h-links.csv", in(csvLinks(hostile)));
        for (Element e : hostile.elements()) {
            assertEquals(e, h.document().element(e.id()));
        }
    }

    @Test
    void kumuMatchesItsGoldenFileAndReimports() throws Exception {
        MapDocument doc = TestMaps.workersCentre();
        String json = kumu(doc);
        Golden.check("workers.kumu.json", json);
        JsonNode tree = MapJson.newReadingMapper().readTree(json);
        assertEquals(5, tree.get("elements").size());
        assertEquals(7, tree.get("connections").size());
        assertEquals("Ministry of Labour", tree.get("connections").get(0).get("from").asText());
        ImportResult back = new KumuImport(CONTEXT).read("workers.kumu.json", in(json));
        MapDocument d = back.document();
        assertEquals(12, d.size());
        for (Element e : doc.nodes().toList()) {
            Element got = d.element(e.id());
            assertEquals(e.label(), got.label());
            assertEquals(e.type(), got.type());
            assertEquals(e.attributes(), got.attributes());
        }
        for (Element l : doc.links().toList()) {
            Element got = d.element(l.id());
            assertEquals(l.source() + "→" + l.target() + " " + l.type(), got.source() + "→" + got.target() + " " + got.type());
        }
    }
}
