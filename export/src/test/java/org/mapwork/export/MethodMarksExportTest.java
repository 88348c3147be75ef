package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mapwork.export.format.PngExport;
import org.mapwork.export.format.ReportExport;
import org.mapwork.export.format.SvgExport;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.mapwork.templates.common.MapBuilder;

/**
 * What a theory of change's and a Net-Map's files show beyond the nodes (issue 16, item 11): no editor aids, whole
 * arrowheads, the indicators in the reports, and the map's own organisation ("This is us").
 */
class MethodMarksExportTest {

    private static final MethodTemplate TOC = Methods.byId("theory-of-change").orElseThrow();
    private static final MethodTemplate NET_MAP = Methods.byId("net-map").orElseThrow();

    private final MapPainter painter = new MapPainter(Methods::byId);
    private final ReportExport reports = new ReportExport(Methods::byId, Locale.ENGLISH);

    private String svg(MapDocument doc, RenderOptions opts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SvgExport.write(doc, painter, opts, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFileLeavesOutTheIndicatorBadgesTheEditorShows() throws Exception {
        MapDocument doc = TOC.starter(true, Locale.ENGLISH);
        String file = svg(doc, RenderOptions.file());
        assertFalse(file.matches("(?s).*>I[0-9?+]<.*"), "an exported theory of change shows no indicator badge");
        // the editor still has them: they tell a facilitator which outcomes still lack an indicator
        String screen = svg(doc, RenderOptions.screen(java.util.Set.of()).withBackground(java.awt.Color.WHITE));
        assertTrue(screen.contains(">I1<"), "the editor's canvas shows the indicator badges");
        // an empty theory of change: "I?" on screen, nothing in the file
        MapDocument empty = TOC.starter(false, Locale.ENGLISH);
        assertTrue(svg(empty, RenderOptions.screen(java.util.Set.of())).contains(">I?<"));
        assertFalse(svg(empty, RenderOptions.file()).contains(">I?<"));
    }

    @Test
    void thePageEdgeStaysBlankWhereverInterventionsAndTheirArrowheadsAre() {
        // seeded: interventions in any direction from what they act on, near and far. A clipped arrowhead would put
        // ink on the page's outermost pixels, which the margin keeps white; so did the background that stopped short
        // of the image's rounded-up last column and row (black in an RGB image), the defect this test found
        long seed = 20261203L;
        Random random = new Random(seed);
        for (int round = 0; round < 24; round++) {
            double px = random.nextDouble() * 600 - 300, py = random.nextDouble() * 600 - 300;
            double ix = random.nextDouble() * 600 - 300, iy = random.nextDouble() * 600 - 300;
            // even rounds: acting on the precondition; odd: on the causal link from it to the long-term outcome
            MapDocument doc = MapBuilder.of(TOC.schema(), "Arrows " + round, Locale.ENGLISH)
                    .node("p", "precondition", "Workers know their rights", px, py, 160, 60, Map.of())
                    .node("lto", "long-term-outcome", "Wage theft halves", px + 40, py - 160, 160, 60, Map.of())
                    .link("c", "causal", "p", "lto", Map.of())
                    .node("i", "intervention", "Workshops", ix, iy, 150, 60,
                            MapBuilder.attrs("attachedTo", Value.text(round % 2 == 0 ? "p" : "c")))
                    .build();
            BufferedImage img = PngExport.render(doc, painter, RenderOptions.file().withLegend(false).withTitleBlock(false), 96);
            if (Boolean.getBoolean("look")) {
                try {
                    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "look"));
                    javax.imageio.ImageIO.write(img, "png", java.nio.file.Path.of("target", "look", "arrows-" + round + ".png").toFile());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            assertBorderBlank(img, "seed " + seed + ", round " + round + ": precondition at " + px + "," + py
                    + ", intervention at " + ix + "," + iy);
        }
    }

    private static void assertBorderBlank(BufferedImage img, String where) {
        int w = img.getWidth(), h = img.getHeight();
        for (int x = 0; x < w; x++) {
            for (int y : new int[] {0, 1, h - 2, h - 1}) {
                assertEquals(0xffffffff, img.getRGB(x, y), where + ": ink at the page edge, pixel " + x + "," + y);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x : new int[] {0, 1, w - 2, w - 1}) {
                assertEquals(0xffffffff, img.getRGB(x, y), where + ": ink at the page edge, pixel " + x + "," + y);
            }
        }
    }

    @Test
    void bothReportsHaveTheIndicatorTableUnderTheFigure() throws Exception {
        MapDocument doc = MapBuilder.of(TOC.schema(), "Sick pay", Locale.ENGLISH)
                .node("lto", "long-term-outcome", "Temp workers get paid sick leave", 0, 0, 200, 70,
                        MapBuilder.attrs("indicators", new Value.Rows(List.of(
                                MapBuilder.row("measure", Value.text("Workers with paid sick days"),
                                        "population", Value.text("Temp workers"), "target", Value.text("60 %"),
                                        "threshold", Value.text("40 %"), "byWhen", Value.date(java.time.LocalDate.of(2028, 12, 31))),
                                MapBuilder.row("measure", Value.text(""), "target", Value.text("half-typed"))))))
                .node("p", "precondition", "Council backs the ordinance", 0, 200, 200, 70, Map.of())
                .link("c", "causal", "p", "lto", Map.of())
                .build();
        String md = reports.markdown(doc, "sick-pay.svg");
        int figure = md.indexOf("![Sick pay](sick-pay.svg)");
        int table = md.indexOf("## Indicators\n\n| Outcome | What is measured | Population | Target | Threshold | By when |");
        assertTrue(figure > 0 && table > figure, md);
        assertEquals(table, md.indexOf("\n## ", figure) + 1, "the indicators are the first section under the figure:\n" + md);
        assertTrue(md.contains("| Temp workers get paid sick leave | Workers with paid sick days | Temp workers | 60 % | 40 % | 2028-12-31 |"), md);
        assertFalse(md.contains("half-typed"), "a row without a measure is no indicator");
        assertEquals(md.indexOf("## Indicators"), md.lastIndexOf("## Indicators"), "one indicator table, not two");

        String html = reports.html(doc, painter);
        int figureEnd = html.indexOf("</figure>");
        int htmlTable = html.indexOf("<h2>Indicators</h2>\n<table>\n<thead><tr><th>Outcome</th><th>What is measured</th>"
                + "<th>Population</th><th>Target</th><th>Threshold</th><th>By when</th></tr></thead>");
        assertTrue(figureEnd > 0 && htmlTable > figureEnd && html.indexOf("<h2>", figureEnd) == htmlTable, html);
        assertTrue(html.contains("<tr><td>Temp workers get paid sick leave</td><td>Workers with paid sick days</td>"
                + "<td>Temp workers</td><td>60 %</td><td>40 %</td><td>2028-12-31</td></tr>"), html);
    }

    @Test
    void theWorkedNetMapMarksItsOwnOrganisation() throws Exception {
        MapDocument example = NET_MAP.starter(true, Locale.ENGLISH);
        String file = svg(example, RenderOptions.file());
        long ours = example.nodes().filter(n -> n.attribute("ourOrganisation") instanceof Value.Bool b && b.value()).count();
        assertTrue(ours > 0, "the worked example marks its own organisation");
        assertEquals(ours, count(file, ">Us<"), "one badge per actor marked \"This is us\"");
    }

    private static MapDocument netMapWithUs() {
        return MapBuilder.of(NET_MAP.schema(), "Heat rules", Locale.ENGLISH)
                .node("wc", "actor", "Worker center", 0, 0, 160, 70,
                        MapBuilder.attrs("ourOrganisation", Value.bool(true), "influence", Value.integer(3)))
                .node("osha", "actor", "State OSHA", 300, 0, 160, 70, MapBuilder.attrs("influence", Value.integer(8)))
                .build();
    }

    @Test
    void thisIsUsIsMarkedInTheDrawingAndItsLegend() throws Exception {
        String file = svg(netMapWithUs(), RenderOptions.file());
        assertEquals(1, count(file, ">Us<"), "one \"Us\" badge, on the worker center:\n" + file);
        assertTrue(file.contains(">Us: This is us<"), "the legend says what the badge means");
        // nobody marked: no badge, no legend line
        MapDocument none = MapBuilder.of(NET_MAP.schema(), "Heat rules", Locale.ENGLISH)
                .node("osha", "actor", "State OSHA", 300, 0, 160, 70, MapBuilder.attrs("influence", Value.integer(8)))
                .build();
        assertFalse(svg(none, RenderOptions.file()).contains(">Us<"));
        assertFalse(svg(none, RenderOptions.file()).contains("This is us"));
    }

    @Test
    void thisIsUsIsNamedInBothReports() throws Exception {
        MapDocument doc = netMapWithUs();
        String md = reports.markdown(doc, "heat.svg");
        assertTrue(md.contains("This is us: Worker center"), md);
        assertTrue(md.contains("| Worker center (This is us) |"), "the ranking marks our organisation:\n" + md);
        assertFalse(md.contains("Us This is us"), "our organisation is not listed as a goal:\n" + md);
        String html = reports.html(doc, painter);
        assertTrue(html.contains("<p>This is us: Worker center</p>"), html);
        assertTrue(html.contains("<td>Worker center (This is us)</td>"), html);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
