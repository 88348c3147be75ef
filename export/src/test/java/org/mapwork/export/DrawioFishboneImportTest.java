package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapwork.export.imports.DrawioImport;
import org.mapwork.export.imports.ImportContext;
import org.mapwork.export.imports.ImportResult;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.Finding;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.mapwork.templates.fishbone.FishboneTemplate;

/**
 * Fishbones drawn in draw.io the way people draw them (nothing in the file says what is the head or a cause):
 * {@code fishbone-loose.drawio} has its head at the right end, bones and ribs as connectors attached to nothing (or
 * to one shape), categories as boxes and causes as small HTML text cells; {@code fishbone-attached.drawio} is saved
 * compressed, has its head at the left and causes attached to their categories (one drawn the wrong way round, one
 * typed by a property). Both files were drawn for these tests.
 */
class DrawioFishboneImportTest {

    private static final MethodTemplate FISHBONE = Methods.byId(FishboneTemplate.ID).orElseThrow();
    private static final ImportContext CONTEXT = new ImportContext(Methods.schemas(), FishboneTemplate.ID);

    private static ImportResult read(String file) throws Exception {
        try (InputStream in = DrawioFishboneImportTest.class.getResourceAsStream("/import/" + file)) {
            return new DrawioImport(CONTEXT).read(file, in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fishbone-loose.drawio", "fishbone-attached.drawio", "fishbone-arrows.drawio"})
    void aDrawnFishboneGivesOneHeadItsCategoriesCausesAndBones(String file) throws Exception {
        ImportResult r = read(file);
        MapDocument doc = r.document();
        assertEquals(1, doc.nodes().filter(n -> n.type().equals(FishboneTemplate.HEAD)).count(), describe(r));
        List<Finding> findings = FISHBONE.check(doc);
        assertTrue(findings.stream().noneMatch(f -> f.severity() != Finding.Severity.INFO), findings.toString());
        // every cause and sub-cause sits on a bone
        doc.nodes().filter(n -> n.type().equals(FishboneTemplate.CAUSE) || n.type().equals(FishboneTemplate.SUBCAUSE))
                .forEach(n -> assertTrue(doc.links().anyMatch(l -> l.source().equals(n.id())), n.label() + " sits on no bone"));
        // no label keeps HTML
        doc.elements().forEach(e -> assertFalse(e.label().matches("(?s).*(<[a-z/]|&[a-z]+;).*"), e.label()));
        Golden.check("fishbone/" + file.replace(".drawio", ".txt"), describe(r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fishbone-loose.drawio", "fishbone-attached.drawio", "fishbone-arrows.drawio"})
    void theImportedFishboneShowsEveryLabelWhole(String file, @TempDir Path dir) throws Exception {
        MapDocument doc = read(file).document();
        Path svg = new MapExporter().export(doc, ExportFormat.SVG, dir.resolve("f.svg"), MapExporter.Options.defaults()).get(0);
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertFalse(text.contains("…"), "a label is cut in " + svg);
        for (Element n : doc.nodes().toList()) {
            for (String word : n.label().split("\\s+")) {
                assertTrue(text.contains(word.replace("&", "&amp;")), "\"" + word + "\" of \"" + n.label() + "\" not drawn");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aCauseWrittenAlongATurnedArrowLiesAsItIsDrawn() throws Exception {
        MapDocument doc = read("fishbone-arrows.drawio").document();
        // drawn 20 wide and 90 tall, turned a quarter: on the page it lies across, so must its node
        Element cause = doc.nodes().filter(n -> n.label().equals("Night shifts")).findFirst().orElseThrow();
        assertTrue(cause.geometry().width() > cause.geometry().height(), cause.geometry().toString());
        // the unlabelled arrows are lines with arrowheads, turned as drawn: the spine (turned 90) lies across
        Element spine = doc.element("spine");
        assertTrue(spine.isAnnotation() && spine.geometry().points().size() == 2, String.valueOf(spine));
        assertTrue(spine.geometry().width() > 10 * Math.max(1, spine.geometry().height()), spine.geometry().toString());
    }

    /** The map as lines a person can read in a diff: each node with its type and what it sits on, the drawn lines. */
    private static String describe(ImportResult r) {
        MapDocument doc = r.document();
        List<String> lines = new ArrayList<>();
        for (Element n : doc.nodes().sorted(Comparator.comparing(Element::type).thenComparing(Element::label)).toList()) {
            String on = doc.links().filter(l -> l.source().equals(n.id()))
                    .map(l -> " " + l.type() + " \"" + doc.element(l.target()).label().replace("\n", "\\n") + '"').sorted().reduce("", String::concat);
            lines.add(n.type() + " \"" + n.label().replace("\n", "\\n") + '"' + on);
        }
        long strokes = doc.annotations().filter(a -> a.type().equals("stroke")).count();
        long arrows = doc.annotations().filter(a -> a.type().equals("stroke") && a.attribute("arrow") instanceof org.mapwork.model.Value.Bool b && b.value()).count();
        lines.add("drawn lines: " + strokes + " (" + arrows + " with an arrowhead)");
        r.warnings().forEach(w -> lines.add("warning: " + w));
        FISHBONE.check(doc).forEach(f -> lines.add("check: " + f.severity() + " " + f.rule() + " " + f.message()));
        return String.join("\n", lines) + "\n";
    }
}
