package org.mapwork.templates.toc;

import java.util.List;

import org.mapwork.model.MapDocument;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.common.Texts;
import org.mapwork.templates.workshop.Comparison;
import org.mapwork.templates.workshop.Matching;

/**
 * Teams' theories of change side by side: the outcomes they share, the preconditions and interventions only some drew,
 * the arrows that differ.
 */
final class TheoryOfChangeComparison {

    private final Comparison common;
    private final Texts t;

    TheoryOfChangeComparison(Comparison common, Texts t) {
        this.common = common;
        this.t = t;
    }

    AnalysisReport report() {
        return new AnalysisReport(List.of(common.matches(), outcomes(), preconditions(),
                common.onlySome(g -> g.first().type().equals(TheoryOfChangeTemplate.INTERVENTION)), common.linksOnlySome()));
    }

    private static boolean outcome(Matching.Group g) {
        String type = g.first().type();
        return type.equals(TheoryOfChangeTemplate.IMPACT) || type.equals(TheoryOfChangeTemplate.LONG_TERM);
    }

    /** Every impact and long-term outcome, with the teams that drew it: shared ones have nobody under "not by". */
    private AnalysisReport.Table outcomes() {
        Matching m = common.matching();
        AnalysisReport.Rows rows = new AnalysisReport.Rows();
        for (Matching.Group g : Comparison.byName(m.groups())) {
            if (outcome(g)) {
                rows.row().text(Comparison.name(g.first())).text(common.typeName(g.first().type()))
                        .text(Comparison.teams(m.teamsOf(g))).text(Comparison.teams(m.teamsWithout(g)));
            }
        }
        return rows.table(t.get("compare.outcomes"), List.of(common.word("column.name"), common.word("column.type"),
                common.word("column.drawn-by"), common.word("column.not-by")));
    }

    /** The preconditions only some teams drew, with what each leads to in the map of the first team that drew it. */
    private AnalysisReport.Table preconditions() {
        Matching m = common.matching();
        AnalysisReport.Rows rows = new AnalysisReport.Rows();
        for (Matching.Group g : Comparison.byName(m.groups())) {
            if (m.shared(g) || !g.first().type().equals(TheoryOfChangeTemplate.PRECONDITION)) {
                continue;
            }
            Matching.Member first = g.members().get(0);
            MapDocument doc = m.teams().get(first.team()).doc();
            List<String> leadsTo = doc.linksOf(first.element().id()).stream()
                    .filter(l -> l.type().equals(TheoryOfChangeTemplate.CAUSAL) && l.source().equals(first.element().id()))
                    .map(l -> doc.element(l.target())).map(Comparison::name).sorted().toList();
            rows.row().text(Comparison.name(g.first())).text(String.join("; ", leadsTo))
                    .text(Comparison.teams(m.teamsOf(g))).text(Comparison.teams(m.teamsWithout(g)));
        }
        return rows.table(t.get("compare.preconditions"), List.of(common.word("column.name"), t.get("compare.leads-to"),
                common.word("column.drawn-by"), common.word("column.not-by")));
    }
}
