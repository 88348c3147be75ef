package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapwork.export.imports.CsvImport;
import org.mapwork.export.imports.DrawioImport;
import org.mapwork.export.imports.EmbeddedMapImport;
import org.mapwork.export.imports.GraphmlImport;
import org.mapwork.export.imports.ImportContext;
import org.mapwork.export.imports.ImportResult;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.json.MapFormatException;

class ImportTest {

    private static final ImportContext CONTEXT = new ImportContext(TestMethod.REGISTRY, TestMethod.ID);

    private static InputStream resource(String name) {
        InputStream in = ImportTest.class.getResourceAsStream("/import/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }

    private static Element byLabel(MapDocument doc, String label) {
        return doc.elements().stream().filter(e -> e.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no element labelled \"" + label + "\" in " + doc.elements()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"campaign-plain.drawio", "campaign-compressed.drawio"})
    void drawioDiagramsBecomeNodesAndLinks(String file) throws Exception {
        ImportResult r = new DrawioImport(CONTEXT).read(file, resource(file));
        MapDocument doc = r.document();
        assertEquals(4, doc.nodes().count(), doc.elements().toString());
        Element union = byLabel(doc, "Warehouse\nWorkers Union");
        assertEquals(80, union.geometry().x());
        assertEquals(160, union.geometry().width());
        Element ministry = byLabel(doc, "Ministry of Labour");
        assertEquals(new Value.Int(9), ministry.attribute("influence"));
        assertEquals(new Value.Text("unsure"), ministry.attribute("stance"));
        Element clinic = byLabel(doc, "Community & health clinic");
        assertEquals(60 + 40, clinic.geometry().x(), "a child of a group sits relative to the group");
        Element funds = byLabel(doc, "funds");
        assertEquals(ministry.id(), funds.source());
        assertEquals(clinic.id(), funds.target());
        Element lobbies = byLabel(doc, "lobbies");
        assertTrue(lobbies.isLink(), "an edge label kept as a child cell names its edge");
        assertEquals(2, doc.links().count(), "the dangling connector is left out");
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("region")), r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("not attached")), r.warnings().toString());
    }

    @Test
    void compressedAndPlainDrawioGiveTheSameElements() throws Exception {
        MapDocument a = new DrawioImport(CONTEXT).read("a", resource("campaign-plain.drawio")).document();
        MapDocument b = new DrawioImport(CONTEXT).read("b", resource("campaign-compressed.drawio")).document();
        assertEquals(a.elements().stream().map(e -> e.label() + e.geometry()).sorted().toList(),
                b.elements().stream().map(e -> e.label() + e.geometry()).sorted().toList());
    }

    @Test
    void networkxGraphmlKeepsLabelsPositionsAndKnownAttributes() throws Exception {
        ImportResult r = new GraphmlImport(CONTEXT).read("networkx.graphml", resource("networkx.graphml"));
        MapDocument doc = r.document();
        Element ministry = doc.element("ministry");
        assertEquals("Ministry of Labour", ministry.label());
        assertEquals(420, ministry.geometry().x());
        assertEquals(new Value.Int(9), ministry.attribute("influence"));
        assertEquals(2, doc.links().count());
        assertTrue(doc.links().anyMatch(l -> l.label().equals("grant 2026") && l.source().equals("ministry")));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("sector")), r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("weight")), r.warnings().toString());
    }

    @Test
    void yedGraphmlTakesLabelsAndGeometryFromShapeNodes() throws Exception {
        MapDocument doc = new GraphmlImport(CONTEXT).read("yed.graphml", resource("yed.graphml")).document();
        Element agency = doc.element("n0");
        assertEquals("Temp agency", agency.label());
        assertEquals(100, agency.geometry().x());
        assertEquals(140, agency.geometry().width());
        assertEquals("Workers' centre", doc.element("n1").label());
        assertEquals("refers workers", doc.element("e0").label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xxe.drawio", "xxe.graphml", "xxe.svg", "billion-laughs.graphml", "billion-laughs.drawio"})
    void entityTricksAreRefusedWithoutReadingFiles(String file) throws Exception {
        String passwd = Files.exists(Path.of("/etc/passwd")) ? Files.readString(Path.of("/etc/passwd")).lines().findFirst().orElse("root:") : "root:";
        MapFormatException e = assertThrows(MapFormatException.class, () -> {
            if (file.endsWith(".drawio")) {
                new DrawioImport(CONTEXT).read(file, resource(file));
            } else if (file.endsWith(".graphml")) {
                new GraphmlImport(CONTEXT).read(file, resource(file));
            } else {
                new EmbeddedMapImport(TestMethod.REGISTRY).readSvg(file, resource(file));
            }
        });
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().toUpperCase().contains("DOCTYPE") || e.getMessage().contains("entit"), e.getMessage());
        assertFalse(e.getMessage().contains(passwd), "the message leaks /etc/passwd");
        assertFalse(e.getMessage().contains("lollollol"), "entities were expanded");
    }

    @Test
    void csvOfActorsAndLinksBecomesAMapAndErrorsNameRowAndColumn() throws Exception {
        String actors = "Name,Type,influence,Sector\r\n"
                + "Warehouse Workers Union,actor,7,labour\r\n"
                + "\"Ministry of Labour, Region 3\",actor,9,state\r\n"
                + "Paid sick leave,Issue,,\r\n";
        String links = "from,to,type,label\r\nMinistry of Labour, Region 3,Warehouse Workers Union,funding,\r\n";
        String quotedLinks = "from,to,type,label\r\n\"Ministry of Labour, Region 3\",Warehouse Workers Union,funding,grant\r\n";
        ImportResult r = new CsvImport(CONTEXT).read("scan.csv", in(actors), "scan-links.csv", in(quotedLinks));
        MapDocument doc = r.document();
        assertEquals(3, doc.nodes().count());
        assertEquals("issue", byLabel(doc, "Paid sick leave").type());
        assertEquals(new Value.Int(9), byLabel(doc, "Ministry of Labour, Region 3").attribute("influence"));
        assertEquals(List.of("grant"), doc.links().map(Element::label).toList());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("Sector")), r.warnings().toString());

        MapFormatException tooWide = assertThrows(MapFormatException.class,
                () -> new CsvImport(CONTEXT).read("scan.csv", in(actors), "scan-links.csv", in(links)));
        assertTrue(tooWide.getMessage().contains("scan-links.csv: row 2"), tooWide.getMessage());

        String bad = "label,influence\r\nUnion,7\r\nMinistry,very high\r\n";
        MapFormatException e = assertThrows(MapFormatException.class, () -> new CsvImport(CONTEXT).read("bad.csv", in(bad), null, null));
        assertEquals("bad.csv: row 3, column influence: expected a whole number, got \"very high\"", e.getMessage());

        String outOfRange = "label,influence\r\nUnion,70\r\n";
        MapFormatException range = assertThrows(MapFormatException.class, () -> new CsvImport(CONTEXT).read("r.csv", in(outOfRange), null, null));
        assertTrue(range.getMessage().startsWith("r.csv: row 2"), range.getMessage());
    }

    @Test
    void aSpreadsheetScanBecomesANetMapWithItsOwnLinkTypes() throws Exception {
        ImportContext netMap = new ImportContext(org.mapwork.templates.Methods.schemas(), "net-map");
        String actors = "name,influence\r\nEastside Worker Center,4\r\nCity Council,8\r\nChamber of Commerce,7\r\n";
        String links = "source,target,type\r\nEastside Worker Center,City Council,Advice\r\nChamber of Commerce,City Council,Funding\r\n"
                + "Chamber of Commerce,Eastside Worker Center,conflict\r\nCity Council,Chamber of Commerce,funding\r\n";
        ImportResult r = new CsvImport(netMap).read("scan-nodes.csv", in(actors), "scan-links.csv", in(links));
        MapDocument doc = r.document();
        assertEquals(3, doc.nodes().count());
        assertEquals(List.of("advice", "funding", "conflict", "funding"), doc.links().sorted(java.util.Comparator.comparing(Element::order)).map(Element::type).toList());
        Value.Rows types = (Value.Rows) doc.mapAttribute("linkTypes");
        assertEquals(List.of("Advice", "Funding", "conflict"), types.rows().stream().map(row -> ((Value.Text) row.get("label")).value()).toList());
        assertEquals(new Value.Int(8), byLabel(doc, "City Council").attribute("influence"));
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
