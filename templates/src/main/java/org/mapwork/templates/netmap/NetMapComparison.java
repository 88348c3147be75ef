package org.mapwork.templates.netmap;

import java.util.ArrayList;
import java.util.List;

import org.mapwork.model.MapDocument;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.common.Texts;
import org.mapwork.templates.workshop.Comparison;
import org.mapwork.templates.workshop.Matching;

/** Teams' power maps side by side: the actors they share, each team's tower and stance for each, links only some drew. */
final class NetMapComparison {

    private final Comparison common;
    private final Texts t;

    NetMapComparison(Comparison common, Texts t) {
        this.common = common;
        this.t = t;
    }

    AnalysisReport report() {
        return new AnalysisReport(List.of(common.matches(), actors(), common.linksOnlySome()));
    }

    /** One row per actor (joined across teams): per team its tower and stance, or a dash where it did not draw it. */
    private AnalysisReport.Table actors() {
        Matching m = common.matching();
        List<String> columns = new ArrayList<>(List.of(t.get("compare.actor")));
        for (String team : common.teamNames()) {
            columns.add(t.format("compare.tower-of", team));
            columns.add(t.format("compare.stance-of", team));
        }
        columns.add(common.word("column.drawn-by"));
        AnalysisReport.Rows rows = new AnalysisReport.Rows();
        for (Matching.Group g : Comparison.byName(m.groups())) {
            if (!g.first().type().equals(Actors.TYPE)) {
                continue;
            }
            rows.row().text(Comparison.name(g.first()));
            for (int team = 0; team < m.teams().size(); team++) {
                Matching.Member member = g.of(team);
                if (member == null) {
                    rows.text(common.word("absent")).text(common.word("absent"));
                    continue;
                }
                MapDocument doc = m.teams().get(team).doc();
                long tower = Actors.influence(member.element());
                rows.text(tower < 0 ? "?" : Long.toString(tower))
                        .text(t.get("stance." + Actors.stance(doc, member.element()).name().toLowerCase(java.util.Locale.ROOT)));
            }
            rows.text(Comparison.teams(m.teamsOf(g)));
        }
        return rows.table(t.get("compare.actors"), columns);
    }
}
