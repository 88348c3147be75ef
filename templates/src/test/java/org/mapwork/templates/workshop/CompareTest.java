package org.mapwork.templates.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.mapwork.model.MapDocument;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.Methods;
import org.mapwork.templates.common.ReportText;

class CompareTest {

    private static Matching match(Matching.Rules rules) {
        return Matching.of(List.of(TeamVariants.teamA(), TeamVariants.teamB()), TeamVariants.NET_MAP.schema(), rules);
    }

    @Test
    void namesMatchWhateverTheirCaseAccentsAndSpacing() {
        assertEquals(1.0, Matching.similarity("City council", "City  Council"));
        assertEquals(1.0, Matching.similarity("Consejo Económico", "consejo economico"));
        assertTrue(Matching.similarity("City Council", "City Clerk") < Matching.DEFAULT_THRESHOLD);
        assertTrue(Matching.similarity("Council Member Lee", "Council Member Kim") < Matching.NEAR_MISS, "one whole word apart");
        assertTrue(Matching.similarity("Eastside Worker Center", "Eastside Workers Center") >= Matching.DEFAULT_THRESHOLD);
    }

    @Test
    void twoTeamsVariantsOfTheNetMapExampleCompareAsTheGoldenTextAndCsv() throws Exception {
        AnalysisReport report = TeamVariants.NET_MAP.compare(match(Matching.Rules.automatic()));
        Golden.check("compare-net-map.txt", ReportText.text(report));
        Golden.check("compare-net-map.csv", ReportText.csv(report));
    }

    @Test
    void actorsAreJoinedByNameNotByIdAndTheDroppedLinkIsTeamAsAlone() {
        Matching m = match(Matching.Rules.automatic());
        Matching.Group chamber = m.groupOf(0, "chamber");
        assertSame(chamber, m.groupOf(1, "b-chamber"));
        assertEquals(Matching.How.SAME_NAME, chamber.of(1).how());
        assertEquals(Matching.How.SIMILAR, m.groupOf(1, "b-labor-standards").of(1).how());
        assertEquals(List.of("Team B"), m.teamsOf(m.groupOf(1, "b-tenants")));
        Matching.Group conflict = m.groupOf(0, "l-30");
        assertEquals(List.of("Team A"), m.teamsOf(conflict));
        assertTrue(m.shared(m.groupOf(0, "l-31")));
    }

    @Test
    void aPairingRefusedStaysApartAndAConfirmedOneIsJoinedBelowTheThreshold() {
        Matching refused = match(new Matching.Rules(List.of(),
                List.of(Matching.Pair.parse("Office of Labor Standards=Office of Labour Standards")), Matching.DEFAULT_THRESHOLD));
        assertEquals(1, refused.groupOf(1, "b-labor-standards").members().size());
        Matching strict = match(new Matching.Rules(List.of(Matching.Pair.parse("Mayor's Office = Mayors Office")), List.of(), 0.99));
        assertEquals(Matching.How.CONFIRMED, strict.groupOf(1, "b-mayor").of(1).how());
        assertSame(strict.groupOf(0, "mayor"), strict.groupOf(1, "b-mayor"));
        // without the confirmation the strict threshold leaves it apart, and lists it as one to confirm
        Matching unconfirmed = match(new Matching.Rules(List.of(), List.of(), 0.99));
        assertNull(unconfirmed.groupOf(0, "mayor").of(1));
        assertTrue(unconfirmed.nearMisses().stream().anyMatch(n -> n.element().id().equals("b-mayor")));
    }

    @Test
    void aPairingWrittenWithoutAnEqualsSignIsRefusedWithWhatItShouldBe() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matching.Pair.parse("City Council"));
        assertTrue(e.getMessage().contains("name in one map=name in another"), e.getMessage());
    }

    @Test
    void mapsOfTwoMethodsDoNotCompare() {
        TeamMap tree = new TeamMap("Team C", Methods.byId("problem-tree").orElseThrow().starter(true, Locale.ENGLISH));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matching.of(
                List.of(TeamVariants.teamA(), tree), TeamVariants.NET_MAP.schema(), Matching.Rules.automatic()));
        assertTrue(e.getMessage().contains("Team C"), e.getMessage());
    }

    @Test
    void everyMethodComparesTwoCopiesOfItsExampleAsAllShared() {
        for (var method : Methods.all()) {
            TeamMap a = new TeamMap("A", method.starter(true, Locale.ENGLISH));
            TeamMap b = new TeamMap("B", method.starter(true, Locale.ENGLISH));
            Matching m = Matching.of(List.of(a, b), method.schema(), Matching.Rules.automatic());
            AnalysisReport report = method.compare(m);
            assertNotNull(report);
            long labelled = a.doc().elements().stream().filter(e -> !e.isLink() && !e.label().isBlank()).count();
            assertEquals(labelled, m.groups().stream().filter(g -> !g.first().label().isBlank() && m.shared(g)).count(),
                    method.id() + ": every labelled element of one copy matches the other");
        }
    }

    @Test
    void threeTeamsJoinInOneGroupAndALinkTwoOfThemDrewSaysWhichTwo() {
        TeamMap c = new TeamMap("Team C", TeamVariants.NET_MAP.starter(true, Locale.ENGLISH));
        Matching m = Matching.of(List.of(TeamVariants.teamA(), TeamVariants.teamB(), c), TeamVariants.NET_MAP.schema(),
                Matching.Rules.automatic());
        assertEquals(List.of("Team A", "Team B", "Team C"), m.teamsOf(m.groupOf(2, "chamber")));
        assertEquals(List.of("Team A", "Team C"), m.teamsOf(m.groupOf(2, "l-30")));
        assertEquals(List.of("Team B"), m.teamsWithout(m.groupOf(0, "l-30")));
        AnalysisReport.Table actors = TeamVariants.NET_MAP.compare(m).tables().get(1);
        assertEquals(List.of("Actor", "Tower (Team A)", "Stance (Team A)", "Tower (Team B)", "Stance (Team B)",
                "Tower (Team C)", "Stance (Team C)", "Drawn by"), actors.columns());
        MapDocument merged = WorkshopMerge.merge(TeamVariants.NET_MAP, m, "three teams");
        assertEquals(22, merged.nodes().count());
        assertEquals("influence: Team A 5, Team B 3, Team C 5", Provenance.of(merged).get("union").differences());
    }

    @Test
    void spanishMapsAreComparedInSpanish() {
        Locale es = Locale.forLanguageTag("es");
        Matching m = Matching.of(List.of(new TeamMap("A", TeamVariants.NET_MAP.starter(true, es)),
                new TeamMap("B", TeamVariants.NET_MAP.starter(true, es))), TeamVariants.NET_MAP.schema(), Matching.Rules.automatic());
        List<String> titles = TeamVariants.NET_MAP.compare(m).tables().stream().map(AnalysisReport.Table::title).toList();
        assertEquals(List.of("Nombres emparejados entre equipos", "Actores lado a lado", "Vínculos que solo algunos equipos dibujaron"),
                titles);
    }
}
