package org.mapwork.templates.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.model.schema.SchemaRegistry;
import org.mapwork.templates.Finding;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.mapwork.templates.common.MapBuilder;
import org.mapwork.templates.netmap.Actors;

class MergeTest {

    private static MapDocument merged() {
        Matching m = Matching.of(List.of(TeamVariants.teamA(), TeamVariants.teamB()), TeamVariants.NET_MAP.schema(),
                Matching.Rules.automatic());
        return WorkshopMerge.merge(TeamVariants.NET_MAP, m, "Workshop map");
    }

    private static Element actor(MapDocument doc, String label) {
        return doc.nodes().filter(n -> n.label().equals(label)).findFirst().orElseThrow(() -> new AssertionError("no " + label));
    }

    @Test
    void matchedActorsAreOneActorAndEveryLinkIsReDrawnOnce() {
        MapDocument doc = merged();
        MapDocument a = TeamVariants.teamA().doc();
        // team A's 21 actors (B's renamed ones joined) and B's tenants' union; A's 40 links and B's one new link
        assertEquals(22, doc.nodes().count());
        assertEquals(41, doc.links().count());
        assertEquals(1, doc.nodes().filter(n -> Matching.normalise(n.label()).equals("chamber of commerce")).count());
        Element tenants = actor(doc, "Tenants' Union");
        Element center = actor(doc, "Eastside Worker Center");
        assertTrue(doc.linksOf(tenants.id()).stream().anyMatch(l -> l.source().equals(center.id()) || l.target().equals(center.id())),
                "B's link to the tenants' union points at the one worker center");
        assertEquals(a.element("chamber").label(), doc.element("chamber").label(), "the first team's name is kept");
    }

    @Test
    void provenanceSaysWhichTeamsDrewEachElementAndWhatTheyDrewDifferently() {
        MapDocument doc = merged();
        Map<String, Provenance.Entry> drawnBy = Provenance.of(doc);
        assertEquals(doc.size(), drawnBy.size(), "one row per element");
        assertTrue(doc.elements().stream().allMatch(e -> drawnBy.containsKey(e.id())));
        assertEquals(List.of("Team A", "Team B"), drawnBy.get("chamber").teams());
        assertEquals(List.of("Team B"), drawnBy.get(actor(doc, "Tenants' Union").id()).teams());
        assertEquals(List.of("Team A"), drawnBy.get("l-30").teams(), "the link B left out");
        Element union = doc.element("union");
        assertEquals(5, Actors.influence(union), "the first team's tower is kept");
        assertEquals("influence: Team A 5, Team B 3", drawnBy.get("union").differences());
        assertTrue(drawnBy.get("mayor").differences().contains("Team B \"Mayors Office\""), drawnBy.get("mayor").differences());
    }

    @Test
    void theMergedMapReadsBackValidAndHasNoErrorFindings() throws Exception {
        MapDocument doc = merged();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MapJson.write(doc, out);
        MapDocument back = new MapJsonReader(SchemaRegistry.of(TeamVariants.NET_MAP.schema()))
                .read("merged", out.toString(StandardCharsets.UTF_8));
        assertEquals(doc.size(), back.size());
        assertTrue(TeamVariants.NET_MAP.check(back).stream().noneMatch(f -> f.severity() == Finding.Severity.ERROR));
    }

    @Test
    void everyMethodsExampleMergedWithItselfIsValidAndNoLarger() {
        for (MethodTemplate method : Methods.all()) {
            MapDocument example = method.starter(true, Locale.ENGLISH);
            Matching m = Matching.of(List.of(new TeamMap("A", example), new TeamMap("B", method.starter(true, Locale.ENGLISH))),
                    method.schema(), Matching.Rules.automatic());
            MapDocument doc = WorkshopMerge.merge(method, m, "merged");
            long unlabelled = example.elements().stream().filter(e -> !e.isLink() && e.label().isBlank()).count();
            // unlabelled drawings cannot be matched by name, so each team's stays its own
            assertTrue(doc.nodes().count() + doc.annotations().count() <= example.nodes().count() + example.annotations().count() + unlabelled,
                    method.id());
            long errorsBefore = method.check(example).stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
            long errorsAfter = method.check(doc).stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
            assertEquals(errorsBefore, errorsAfter, method.id() + ": " + method.check(doc));
        }
    }

    @Test
    void goalsTwoTeamsGaveOneIdAreKeptApartAndOneGoalUnderTwoIdsIsOne() {
        MapDocument a = TeamVariants.teamA().doc();
        MapDocument b = TeamVariants.NET_MAP.starter(true, Locale.ENGLISH);
        List<Map<String, Value>> goals = new ArrayList<>();
        for (var row : ((Value.Rows) b.mapAttribute(Actors.GOALS)).rows()) {
            var copy = new LinkedHashMap<>(row);
            String id = ((Value.Text) row.get("id")).value();
            if (id.equals("pass")) {
                copy.put("label", Value.text("Raise the county minimum wage"));
            }
            goals.add(copy);
        }
        // team B's own goal, written as team A wrote its "enforce"
        goals.add(MapBuilder.row("id", Value.text("enforcement"),
                "label", Value.text("strong enforcement with a  complaint line"), "stance", Value.text("for")));
        b = ChangeEngine.apply(b, TeamVariants.NET_MAP.schema(), ChangeSet.of("team B's goals",
                Change.setMapAttribute(Actors.GOALS, new Value.Rows(goals)),
                Change.add(b.element("union").withId("tenants").withLabel("Tenants' Union")
                        .withAttribute(Actors.GOALS, new Value.TextList(List.of("pass", "enforcement")))
                        .withOrder(b.nextOrderKey())))).after();
        Matching m = Matching.of(List.of(new TeamMap("A", a), new TeamMap("B", b)), TeamVariants.NET_MAP.schema(),
                Matching.Rules.automatic());
        MapDocument merged = WorkshopMerge.merge(TeamVariants.NET_MAP, m, "merged");
        var mergedGoals = Actors.goals(merged);
        assertEquals(List.of("pass", "enforce", "block", "exempt", "budget", "pass-t2"), List.copyOf(mergedGoals.keySet()));
        assertEquals("Raise the county minimum wage", mergedGoals.get("pass-t2").label());
        assertEquals(new Value.TextList(List.of("pass-t2", "enforce")), actor(merged, "Tenants' Union").attribute(Actors.GOALS));
    }
}
