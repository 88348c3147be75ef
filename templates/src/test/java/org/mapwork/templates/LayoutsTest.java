package org.mapwork.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.common.LayoutSupport;
import org.mapwork.templates.common.LayoutSupport.Box;
import org.mapwork.templates.common.MapBuilder;
import org.mapwork.templates.netmap.NetMapTemplate;

class LayoutsTest {

    static MapDocument apply(MapDocument doc, ChangeSet cs) {
        return ChangeEngine.apply(doc, Methods.byId(doc.methodId()).orElseThrow().schema(), cs).after();
    }

    /** Every node piled on one spot, as after a careless import. */
    static MapDocument piled(MapDocument doc) {
        List<Change> changes = new ArrayList<>();
        doc.nodes().forEach(n -> changes.add(Change.setGeometry(n.id(), Geometry.box(0, 0, n.geometry().width(), n.geometry().height()))));
        return apply(doc, ChangeSet.of("pile", changes));
    }

    static void assertNoOverlap(MapDocument doc) {
        List<String[]> overlaps = LayoutSupport.overlaps(doc);
        assertTrue(overlaps.isEmpty(), () -> doc.methodId() + ": overlapping " + overlaps.stream().map(p -> p[0] + "/" + p[1]).toList());
    }

    @ParameterizedTest
    @MethodSource("org.mapwork.templates.Examples#all")
    void layoutOfAPiledUpExampleLeavesNoOverlapAndIsUndoable(String id, Locale lang) {
        MethodTemplate m = Examples.method(id);
        MapDocument doc = piled(Examples.example(id, lang));
        ChangeSet cs = m.layout(doc, Set.of());
        for (Change c : cs.changes()) {
            assertTrue(c instanceof Change.SetGeometry || (c instanceof Change.SetMapAttribute s && s.name().equals("ceilingY")), c::describe);
        }
        var applied = ChangeEngine.apply(doc, m.schema(), cs);
        assertNoOverlap(applied.after());
        MapDocument undone = ChangeEngine.apply(applied.after(), m.schema(), applied.changeSet().inverse("undo")).after();
        assertEquals(doc, undone);
    }

    @ParameterizedTest
    @MethodSource("org.mapwork.templates.Examples#all")
    void storedExamplesAreLaidOutWithoutOverlap(String id, Locale lang) {
        assertNoOverlap(Examples.example(id, lang));
    }

    @ParameterizedTest
    @MethodSource("org.mapwork.templates.Examples#all")
    void layingOutASelectionMovesOnlyTheSelection(String id, Locale lang) {
        MethodTemplate m = Examples.method(id);
        MapDocument doc = Examples.example(id, lang);
        List<Element> nodes = doc.nodes().toList();
        Set<String> selection = new LinkedHashSet<>();
        for (int i = 0; i < nodes.size(); i += 2) {
            selection.add(nodes.get(i).id());
        }
        // scatter the selection first so the layout has work to do
        List<Change> scatter = new ArrayList<>();
        for (String s : selection) {
            scatter.add(Change.setGeometry(s, doc.element(s).geometry().movedBy(37, 23)));
        }
        MapDocument moved = apply(doc, ChangeSet.of("scatter", scatter));
        MapDocument after = apply(moved, m.layout(moved, selection));
        for (Element n : nodes) {
            if (!selection.contains(n.id())) {
                assertEquals(moved.element(n.id()).geometry(), after.element(n.id()).geometry(), n.id());
            }
        }
        assertNoOverlap(after);
    }

    @Test
    void crossingCountsOfTheExamples() {
        StringBuilder report = new StringBuilder("=== edge crossings (links as straight segments between node centres) ===\n");
        report.append(String.format("%-18s %-4s %6s %6s %10s %16s %14s%n", "method", "lang", "nodes", "links", "stored", "after re-layout",
                "link-through-node"));
        for (MethodTemplate m : Methods.all()) {
            for (Locale lang : List.of(Locale.ENGLISH, Examples.ES)) {
                MapDocument doc = Examples.example(m.id(), lang);
                MapDocument again = apply(piled(doc), m.layout(piled(doc), Set.of()));
                int stored = LayoutSupport.crossings(doc);
                report.append(String.format("%-18s %-4s %6d %6d %10d %16d %14d%n", m.id(), lang.getLanguage(), doc.nodes().count(),
                        doc.links().count(), stored, LayoutSupport.crossings(again), LayoutSupport.linksThroughNodes(doc)));
                assertTrue(stored >= 0);
            }
        }
        System.out.println(report);
    }

    @Test
    void crossingCountIsRightOnASmallDrawing() {
        // an X (two links crossing) and a third link meeting one of them at a shared end: 1 crossing
        MapDocument doc = MapBuilder.of(Examples.method("problem-tree").schema(), "x", Locale.ENGLISH)
                .node("a", "cause", "a", 0, 0, 10, 10, Map.of()).node("b", "cause", "b", 100, 100, 10, 10, Map.of())
                .node("c", "cause", "c", 100, 0, 10, 10, Map.of()).node("d", "cause", "d", 0, 100, 10, 10, Map.of())
                .link("ab", "causes", "a", "b", Map.of()).link("cd", "causes", "c", "d", Map.of()).link("bc", "causes", "b", "c", Map.of())
                .build();
        assertEquals(1, LayoutSupport.crossings(doc));
        assertTrue(LayoutSupport.segmentsCross(0, 0, 10, 10, 0, 10, 10, 0));
        assertTrue(!LayoutSupport.segmentsCross(0, 0, 10, 10, 10, 10, 20, 0));
    }

    // ---------------------------------------------------------------- what each layout promises

    @Test
    void theoryOfChangeRunsBottomUpWithTheCeilingBetweenImpactAndLongTermOutcome() {
        MapDocument doc = piled(Examples.example("theory-of-change", Locale.ENGLISH));
        MapDocument after = apply(doc, Examples.method("theory-of-change").layout(doc, Set.of()));
        double ceiling = ((Value.Decimal) after.mapAttribute("ceilingY")).value();
        Element impact = after.element("impact"), lto = after.element("lto");
        assertTrue(impact.geometry().y() + impact.geometry().height() < ceiling);
        assertTrue(ceiling < lto.geometry().y());
        after.nodes().filter(n -> n.type().equals("precondition") || n.type().equals("intervention"))
                .forEach(n -> assertTrue(n.geometry().y() > lto.geometry().y() + lto.geometry().height(), n.id()));
        // causal arrows point up the page
        after.links().filter(l -> !l.target().equals("impact")).forEach(l ->
                assertTrue(after.element(l.source()).geometry().y() > after.element(l.target()).geometry().y(), l.id()));
        assertEquals(List.of(), Examples.method("theory-of-change").check(after));
    }

    @Test
    void problemTreeHasCausesBelowAndEffectsAboveTheProblem() {
        MapDocument doc = piled(Examples.example("problem-tree", Locale.ENGLISH));
        MapDocument after = apply(doc, Examples.method("problem-tree").layout(doc, Set.of()));
        double top = after.element("problem").geometry().y(), bottom = top + after.element("problem").geometry().height();
        after.nodes().filter(n -> n.type().equals("cause")).forEach(n -> assertTrue(n.geometry().y() > bottom, n.id()));
        after.nodes().filter(n -> n.type().equals("effect")).forEach(n -> assertTrue(n.geometry().y() + n.geometry().height() < top, n.id()));
    }

    @Test
    void fishboneHasItsHeadAtTheEndOfTheSpineAndBonesAlternating() {
        MapDocument doc = piled(Examples.example("fishbone", Locale.ENGLISH));
        MapDocument after = apply(doc, Examples.method("fishbone").layout(doc, Set.of()));
        Element head = after.element("head");
        after.nodes().filter(n -> !n.id().equals("head")).forEach(n -> assertTrue(n.geometry().x() + n.geometry().width() < head.geometry().x(), n.id()));
        long above = after.nodes().filter(n -> n.type().equals("category") && n.geometry().centerY() < head.geometry().centerY()).count();
        assertEquals(3, above);
        List<Backdrop> spine = Examples.method("fishbone").presentation().backdrops(after);
        assertEquals(1 + 6, spine.size());
    }

    @Test
    void actionPlanPutsEveryActionInItsLane() {
        MapDocument doc = piled(Examples.example("action-plan", Locale.ENGLISH));
        MethodTemplate m = Examples.method("action-plan");
        for (String laneBy : List.of("status", "owner")) {
            MapDocument d = apply(doc, ChangeSet.of("lanes", Change.setMapAttribute("laneBy", Value.text(laneBy))));
            MapDocument after = apply(d, m.layout(d, Set.of()));
            List<Backdrop.Lane> lanes = ((Backdrop.Lanes) m.presentation().backdrops(after).get(0)).lanes();
            for (Element a : after.nodes().toList()) {
                String key = laneBy.equals("status") ? ((AbstractMethodTemplate) m).textsOf(after, "option.status." + ((Value.Text) a.attribute("status")).value())
                        : ((Value.Text) a.attribute("owner")).value();
                Backdrop.Lane lane = lanes.stream().filter(l -> l.label().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key));
                assertTrue(a.geometry().y() >= lane.y() && a.geometry().y() + a.geometry().height() <= lane.y() + lane.height(), a.id());
                assertTrue(a.geometry().x() + a.geometry().width() <= lane.x() + lane.width(), a.id());
            }
        }
    }

    @Test
    void layeredLayoutsCopeWithLoopsTheChecksComplainAbout() {
        for (String[] loop : new String[][]{{"problem-tree", "causes", "problem", "c-no-cooling"},
                {"theory-of-change", "causal", "p-comply", "p-enforcement"}}) {
            MapDocument doc = apply(Examples.example(loop[0], Locale.ENGLISH), ChangeSet.of("loop", Change.add(
                    new Element("loop", org.mapwork.model.ElementKind.LINK, loop[1], "", Map.of(), Geometry.NONE,
                            org.mapwork.model.Style.DEFAULT, "zz", loop[2], loop[3]))));
            assertNoOverlap(apply(doc, Examples.method(loop[0]).layout(doc, Set.of())));
        }
    }

    @Test
    void netMapActorsGrowWithTheirInfluence() {
        MapDocument doc = Examples.example("net-map", Locale.ENGLISH);
        assertTrue(doc.element("mayor").geometry().width() > doc.element("legal-aid").geometry().width());
        assertTrue(doc.element("mayor").geometry().height() > doc.element("legal-aid").geometry().height());
    }

    @Test
    void netMapLayoutIsTheSameEveryTime() {
        MapDocument doc = piled(Examples.example("net-map", Locale.ENGLISH));
        MethodTemplate m = Examples.method("net-map");
        assertEquals(m.layout(doc, Set.of()).changes(), m.layout(doc, Set.of()).changes());
    }

    @Test
    void powerInterestGridPlacesActorsByInfluenceAndInterest() {
        MapDocument doc = Examples.example("power-interest", Locale.ENGLISH);
        // chamber: influence 7, interest 6 → upper right; workforce board: influence 3, interest 2 → lower left
        Element chamber = doc.element("chamber"), board = doc.element("workforce-board");
        double midX = 80 + 960 / 2.0, midY = 100 + 640 / 2.0;
        assertTrue(chamber.geometry().centerX() > midX && chamber.geometry().centerY() < midY);
        assertTrue(board.geometry().centerX() < midX && board.geometry().centerY() > midY);
    }
}
