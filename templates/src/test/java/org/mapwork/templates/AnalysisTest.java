package org.mapwork.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.common.ReportText;

class AnalysisTest {

    private static AnalysisReport.Table table(AnalysisReport r, String titleStart) {
        return r.tables().stream().filter(t -> t.title().startsWith(titleStart)).findFirst().orElseThrow(() -> new AssertionError(titleStart));
    }

    private static List<String> row(AnalysisReport.Table t, String first) {
        return t.rows().stream().filter(r -> r.get(0).equals(first)).findFirst().orElseThrow(() -> new AssertionError(first + " in " + t));
    }

    @Test
    void netMapExampleAnalysisNamesBrokersOpponentsAndUnlinkedAllies() {
        MapDocument doc = Examples.example("net-map", Locale.ENGLISH);
        AnalysisReport r = Examples.method("net-map").analyze(doc);
        System.out.println("=== mapwork analyze: net-map example (en) ===");
        System.out.println(ReportText.text(r));
        // by hand: the faith coalition and the day laborers are tied only to the worker center, so without it the
        // network falls into 3 groups; the workforce board is tied only to the mayor (2 groups)
        AnalysisReport.Table brokers = table(r, "Brokers");
        assertTrue(brokers.rows().contains(List.of("All links", "Eastside Worker Center", "3")), brokers.rows()::toString);
        assertTrue(brokers.rows().contains(List.of("All links", "Mayor's Office", "2")), brokers.rows()::toString);
        AnalysisReport.Table quadrants = table(r, "Influence × stance");
        assertEquals("Influence × stance (influential: tower ≥ 4)", quadrants.title());
        assertTrue(row(quadrants, "Influential opponents").get(2).contains("Chamber of Commerce"));
        String unlinked = row(quadrants, "Influential supporters with no link to us").get(2);
        assertTrue(unlinked.contains("Council Member Garcia (sponsor)"), unlinked);
        assertTrue(!unlinked.contains("Service Workers Union Local"), "the union is a partner of the worker center");
        AnalysisReport.Table isolates = table(r, "Isolates");
        assertEquals(List.of("All links", "0", ""), row(isolates, "All links"));
        // the Mayor's Office: in from staffing (information), chamber and workforce board (advice) = 3; out to labor
        // standards (authority and funding: one arc) and the workforce board = 2
        List<String> mayor = row(table(r, "Actors"), "Mayor's Office");
        assertEquals(List.of("3", "2"), mayor.subList(4, 6));
    }

    @Test
    void netMapBetweennessIsShownToThreePlacesAndInFullInTheCsv() {
        MapDocument doc = Examples.example("net-map", Locale.ENGLISH);
        AnalysisReport r = Examples.method("net-map").analyze(doc);
        double exact = org.mapwork.templates.netmap.NetMapAnalysis.overall(doc).betweenness().get(
                doc.nodes().filter(n -> n.label().equals("Eastside Worker Center")).findFirst().orElseThrow().id());
        AnalysisReport.Table actors = table(r, "Actors");
        int at = actors.rows().indexOf(row(actors, "Eastside Worker Center"));
        assertEquals(String.format(Locale.ROOT, "%.3f", exact), actors.rows().get(at).get(6), "shown rounded");
        String full = actors.exactRows().get(at).get(6);
        assertEquals(exact, Double.parseDouble(full), 0.0, "the CSV cell reads back as the very number");
        assertTrue(full.length() > 5, "more digits than the rounded " + full);
        assertTrue(ReportText.csv(r).contains("Eastside Worker Center,") && ReportText.csv(r).contains("," + full),
                "the CSV carries the full number");
        assertTrue(ReportText.text(r).contains(String.format(Locale.ROOT, "%.3f", exact)) && !ReportText.text(r).contains(full),
                "the text tables stay readable");
    }

    @Test
    void theoryOfChangePathsRunFromEachInterventionToTheLongTermOutcome() {
        MapDocument doc = Examples.example("theory-of-change", Locale.ENGLISH);
        AnalysisReport r = Examples.method("theory-of-change").analyze(doc);
        System.out.println("=== mapwork analyze: theory-of-change example (en) ===");
        System.out.println(ReportText.text(r));
        AnalysisReport.Table paths = table(r, "Paths");
        List<List<String>> workshops = paths.rows().stream().filter(p -> p.get(0).startsWith("Know-your-rights")).toList();
        assertEquals(2, workshops.size());
        assertEquals("4", workshops.get(0).get(3));
        assertEquals("5", workshops.get(1).get(3));
        List<String> accompany = paths.rows().stream().filter(p -> p.get(0).startsWith("Worker center accompanies")).findFirst().orElseThrow();
        assertTrue(accompany.get(1).startsWith("arrow Workers can report"), accompany::toString);
        assertEquals("Workers can report wage theft without fear of retaliation → Labor standards office investigates temp-agency claims quickly"
                + " → Staffing agencies pay correctly and on time → Wage theft against temporary workers in the county falls by half", accompany.get(2));
        assertEquals("3", accompany.get(3));
        assertEquals(List.of(), table(r, "Outcomes without indicators").rows());
        MapDocument without = ChangeEngine.apply(doc, Examples.method("theory-of-change").schema(),
                ChangeSet.of("drop", Change.setAttribute("p-records", "indicators", null))).after();
        assertEquals(List.of(List.of("Workers keep their own records of hours and pay", "Precondition")),
                table(Examples.method("theory-of-change").analyze(without), "Outcomes without indicators").rows());
    }

    @Test
    void reportsAsCsvQuoteCellsAndDefuseFormulas() {
        AnalysisReport r = new AnalysisReport(List.of(new AnalysisReport.Table("T", List.of("a", "b"),
                List.of(List.of("x, y", "=SUM(A1)"), List.of("say \"hi\"", "-0.5")))));
        assertEquals("table,a,b\r\nT,\"x, y\",'=SUM(A1)\r\nT,\"say \"\"hi\"\"\",-0.5\r\n\r\n", ReportText.csv(r));
    }

    @Test
    void everyMethodAnalysesItsExampleInBothLanguages() {
        for (MethodTemplate m : Methods.all()) {
            for (Locale lang : List.of(Locale.ENGLISH, Examples.ES)) {
                AnalysisReport r = m.analyze(Examples.example(m.id(), lang));
                assertTrue(!r.tables().isEmpty() && r.tables().stream().anyMatch(t -> !t.rows().isEmpty()), m.id());
                for (AnalysisReport.Table t : r.tables()) {
                    t.rows().forEach(row -> assertEquals(t.columns().size(), row.size(), m.id() + " " + t.title()));
                }
            }
        }
    }
}
