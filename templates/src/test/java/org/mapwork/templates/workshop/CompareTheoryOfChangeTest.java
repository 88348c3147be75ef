package org.mapwork.templates.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.Finding;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.mapwork.templates.common.ReportText;

/**
 * Two teams' theories of change: team B leaves out "Workers keep their own records" (and its arrows, and the hours
 * card that acted on it), adds its own precondition under compliance, and writes the long-term outcome in lower case.
 */
class CompareTheoryOfChangeTest {

    private static final MethodTemplate TOC = Methods.byId("theory-of-change").orElseThrow();

    private static Matching twoTeams() {
        MapDocument a = TOC.starter(true, Locale.ENGLISH);
        MapDocument b = TOC.starter(true, Locale.ENGLISH);
        Element lto = b.element("lto");
        Element comply = b.element("p-comply");
        b = ChangeEngine.apply(b, TOC.schema(), ChangeSet.of("team B",
                Change.remove("i-hours-card"), Change.remove("c-records-report"), Change.remove("c-rights-records"),
                Change.remove("p-records"), Change.setLabel("lto", lto.label().toLowerCase(Locale.ROOT)),
                Change.add(comply.withId("p-audits").withLabel("Clients audit their staffing agencies' payroll")
                        .withOrder(b.nextOrderKey())),
                Change.add(Element.link("c-audits-comply", "causal", "p-audits", "p-comply", b.nextOrderKey() + "V")))).after();
        return Matching.of(List.of(new TeamMap("Team A", a), new TeamMap("Team B", b)), TOC.schema(), Matching.Rules.automatic());
    }

    @Test
    void sharedOutcomesAndThePreconditionsOnlyOneTeamDrewAreListed() throws Exception {
        AnalysisReport report = TOC.compare(twoTeams());
        Golden.check("compare-theory-of-change.txt", ReportText.text(report));
        AnalysisReport.Table outcomes = report.tables().get(1);
        assertTrue(outcomes.rows().stream().allMatch(r -> r.get(2).equals("Team A, Team B") && r.get(3).isEmpty()),
                "both teams drew the impact and the long-term outcome: " + outcomes.rows());
        AnalysisReport.Table preconditions = report.tables().get(2);
        assertEquals(List.of("Clients audit their staffing agencies' payroll", "Workers keep their own records of hours and pay"),
                preconditions.rows().stream().map(r -> r.get(0)).toList());
        assertEquals("Staffing agencies pay correctly and on time", preconditions.rows().get(0).get(1));
        AnalysisReport.Table interventions = report.tables().get(3);
        assertEquals(List.of(List.of("Hours-and-pay tracking card (paper and WhatsApp)", "Intervention", "Team A", "Team B")),
                interventions.rows());
    }

    @Test
    void theMergedTheoryOfChangeKeepsEveryInterventionTiedToWhatItActsOn() {
        Matching m = twoTeams();
        MapDocument merged = WorkshopMerge.merge(TOC, m, "merged");
        for (Element i : merged.nodes().filter(n -> n.type().equals("intervention")).toList()) {
            assertTrue(i.attribute("attachedTo") instanceof Value.Text t && merged.contains(t.value()), i.id());
        }
        assertEquals(List.of("Team B"), Provenance.of(merged).get("p-audits").teams());
        assertTrue(TOC.check(merged).stream().noneMatch(f -> f.severity() == Finding.Severity.ERROR), TOC.check(merged).toString());
    }
}
