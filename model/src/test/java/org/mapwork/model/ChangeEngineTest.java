package org.mapwork.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChangeEngineTest {

    private static final MapDocument SMALL = Fixtures.small();

    private static Applied apply(MapDocument doc, Change... changes) {
        return ChangeEngine.apply(doc, Fixtures.SCHEMA, ChangeSet.of("test", changes));
    }

    static Stream<Change> everyChangeType() {
        return Stream.of(
                Change.add(Fixtures.actor("d", 600, 0, "Zz")),
                Change.remove("a"),
                Change.remove("l3"),
                Change.setLabel("b", "County health department"),
                Change.setType("c", "issue"),
                Change.setAttribute("a", "influence", Value.integer(7)),
                Change.setAttribute("a", "influence", null),
                Change.setAttribute("b", "since", Value.date(LocalDate.of(2025, 3, 1))),
                Change.setAttribute("b", "indicators", new Value.Rows(List.of(Map.of("measure", Value.text("claims filed"), "target", Value.integer(40))))),
                Change.setGeometry("b", Geometry.box(5, 6, 70, 80)),
                Change.setStyle("b", new Style("#ff0000", "ellipse")),
                Change.setOrder("b", "A"),
                Change.setEndpoints("l1", "b", "c"),
                Change.setTitle("Renamed"),
                Change.setMapAttribute("framingQuestion", Value.text("Who decides?")),
                Change.setMapAttribute("goals", Fixtures.goals("sick-leave", "against", "neutral")));
    }

    @ParameterizedTest
    @MethodSource("everyChangeType")
    void every_change_applies_and_its_inverse_restores_the_document(Change change) {
        Applied applied = apply(SMALL, change);
        assertTrue(!applied.after().equals(SMALL), "the change had an effect: " + change.describe());
        MapDocument restored = ChangeEngine.apply(applied.after(), Fixtures.SCHEMA, applied.changeSet().inverse("undo")).after();
        assertEquals(SMALL, restored);
        assertEquals(SMALL.inDrawOrder(), restored.inDrawOrder());
    }

    @Test
    void removing_a_node_takes_its_links_and_undo_restores_them() {
        Applied applied = apply(SMALL, Change.remove("b"));
        assertNull(applied.after().element("l1"));
        assertNull(applied.after().element("l2"));
        assertNull(applied.after().element("l3"));
        Change.RemoveElement r = (Change.RemoveElement) applied.changeSet().changes().get(0);
        assertEquals(3, r.links().size());
        MapDocument restored = ChangeEngine.apply(applied.after(), Fixtures.SCHEMA, applied.changeSet().inverse("undo")).after();
        assertEquals(List.of("l1", "l2"), restored.linksOf("a").stream().map(Element::id).toList());
        assertEquals(SMALL, restored);
    }

    @Test
    void a_bad_change_refuses_the_whole_set_and_leaves_the_document_unchanged() {
        ChangeSet cs = ChangeSet.of("bad", Change.setLabel("a", "ok"),
                Change.setAttribute("a", "influence", Value.integer(-1)));
        ChangeRejected e = assertThrows(ChangeRejected.class, () -> ChangeEngine.apply(SMALL, Fixtures.SCHEMA, cs));
        assertEquals(1, e.changeIndex());
        assertEquals("a", e.elementId());
        assertEquals("attributes.influence", e.property());
        assertEquals("change 1 (attributes.influence of a): expected an integer 0..100, got -1", e.getMessage());
        assertEquals("Actor a", SMALL.element("a").label());
    }

    @Test
    void refusals_name_what_was_expected() {
        assertRejected("no element with id nope in this map", Change.setLabel("nope", "x"));
        assertRejected("an element with id a already exists", Change.add(Fixtures.actor("a", 0, 0, "V")));
        assertRejected("unknown node type \"robot\" in method test-map; known: [actor, issue]",
                Change.add(Element.node("r", "robot", "", Geometry.box(0, 0, 1, 1), "V")));
        assertRejected("expected one of [union, employer, government], got \"church\"",
                Change.setAttribute("a", "actorType", Value.text("church")));
        assertRejected("expected a list out of the map's goals, got unknown option \"world-peace\"",
                Change.setAttribute("a", "goals", Value.list("world-peace")));
        assertRejected("type actor has no attribute \"colour\"; known: [notes, quotes, influence, interest, actorType, goals, ally, since, indicators]",
                Change.setAttribute("a", "colour", Value.text("red")));
        assertRejected("target \"ghost\" is not a node of this map",
                Change.add(Element.link("l9", "funding", "a", "ghost", "V")));
        assertRejected("a link joins two different nodes, got a twice",
                Change.add(Element.link("l9", "funding", "a", "a", "V")));
        assertRejected("a supports link cannot join issue → actor (allowed: [actor] → [actor, issue])",
                Change.add(Element.link("l9", "supports", "i", "a", "V")));
        assertRejected("unknown link type \"bribes\" in method test-map; known: [supports, funding, conflict]",
                Change.add(Element.link("l9", "bribes", "a", "b", "V")));
        assertRejected("expected a shape out of [circle, cloud, diamond, ellipse, hexagon, note, rectangle, rounded], got \"star\"",
                Change.setStyle("a", new Style(null, "star")));
        assertRejected("a stroke needs at least 2 points, got 1",
                Change.add(Element.annotation("s2", "stroke", "", Geometry.stroke(List.of(new Point(1, 1))), "V")));
        assertRejected("coordinates must be finite numbers within ±10000000",
                Change.setGeometry("a", Geometry.box(Double.NaN, 0, 1, 1)));
        assertRejected("row 0: column measure is required",
                Change.setAttribute("a", "indicators", new Value.Rows(List.of(Map.of("target", Value.integer(3))))));
        assertRejected("expected a single line of text, got a line break", Change.setAttribute("a", "notes", Value.text("a\nb")));
    }

    @Test
    void map_defined_link_types_and_options_cannot_be_removed_while_in_use() {
        ChangeRejected e = assertThrows(ChangeRejected.class,
                () -> apply(SMALL, Change.setMapAttribute("linkTypes", Fixtures.linkTypes("funding"))));
        assertEquals("change 0 (map.attributes.linkTypes): link l2 still uses link type \"conflict\"; change or remove it first", e.getMessage());
        ChangeRejected g = assertThrows(ChangeRejected.class,
                () -> apply(SMALL, Change.setMapAttribute("goals", Fixtures.goals("against"))));
        assertTrue(g.getMessage().contains("element a attribute goals would break"), g.getMessage());
        // removing the use first, in the same change set, is fine
        Applied ok = apply(SMALL, Change.remove("l2"), Change.setMapAttribute("linkTypes", Fixtures.linkTypes("funding")));
        assertEquals(List.of("supports", "funding"), List.copyOf(Fixtures.SCHEMA.linkTypesOf(ok.after().mapAttributes()).keySet()));
        // adding rows keeps every id in use: accepted
        Applied added = apply(SMALL, Change.setMapAttribute("goals", Fixtures.goals("sick-leave", "against", "new")),
                Change.setMapAttribute("linkTypes", Fixtures.linkTypes("funding", "conflict", "advice")));
        assertEquals(List.of("sick-leave", "against", "new"), ((Value.Rows) added.after().mapAttribute("goals")).ids());
    }

    @Test
    void changing_a_node_type_rechecks_its_links() {
        ChangeRejected e = assertThrows(ChangeRejected.class, () -> apply(SMALL, Change.setType("b", "issue")));
        assertEquals("change 0 (type of b): link l3: a supports link cannot join issue → issue (allowed: [actor] → [actor, issue])", e.getMessage());
    }

    @Test
    void applied_changes_carry_old_values_so_their_inverse_is_exact() {
        Applied applied = apply(SMALL, Change.setLabel("a", "Worker center"));
        Change.SetLabel s = (Change.SetLabel) applied.changeSet().changes().get(0);
        assertEquals("Actor a", s.old());
        assertEquals("set label of a to \"Worker center\"", s.describe());
    }

    @Test
    void unchanged_elements_are_shared_between_snapshots() {
        Applied applied = apply(SMALL, Change.setLabel("a", "x"));
        assertSame(SMALL.element("b"), applied.after().element("b"));
        assertNotNull(applied.after().element("a"));
    }

    @Test
    void adding_all_elements_at_once_equals_adding_them_one_by_one() {
        List<Element> all = new java.util.ArrayList<>(SMALL.elements().stream().filter(e -> !e.isLink()).toList());
        all.addAll(SMALL.links().toList());
        MapDocument attributesOnly = Fixtures.empty();
        for (Map.Entry<String, Value> a : SMALL.mapAttributes().entrySet()) {
            attributesOnly = apply(attributesOnly, Change.setMapAttribute(a.getKey(), a.getValue())).after();
        }
        MapDocument bulk = ChangeEngine.addAll(attributesOnly, Fixtures.SCHEMA, all);
        assertEquals(SMALL, bulk);
        assertEquals(SMALL.inDrawOrder(), bulk.inDrawOrder());
        assertEquals(SMALL.linksOf("b"), bulk.linksOf("b"));
    }

    @Test
    void adding_all_at_once_refuses_what_one_by_one_would_refuse() {
        MapDocument attrs = apply(Fixtures.empty(), Change.setMapAttribute("linkTypes", Fixtures.linkTypes("funding"))).after();
        List<Element> linkFirst = List.of(Element.link("l", "funding", "a", "b", "V"), Fixtures.actor("a", 0, 0, "W"), Fixtures.actor("b", 0, 0, "X"));
        ChangeRejected e = assertThrows(ChangeRejected.class, () -> ChangeEngine.addAll(attrs, Fixtures.SCHEMA, linkFirst));
        assertEquals(0, e.changeIndex());
        assertEquals("source \"a\" is not a node of this map", e.problem());
        List<Element> twice = List.of(Fixtures.actor("a", 0, 0, "W"), Fixtures.actor("a", 9, 9, "X"));
        assertEquals(1, assertThrows(ChangeRejected.class, () -> ChangeEngine.addAll(attrs, Fixtures.SCHEMA, twice)).changeIndex());
        List<Element> badInfluence = List.of(Fixtures.actor("a", 0, 0, "W").withAttribute("influence", Value.integer(101)));
        assertEquals("attributes.influence",
                assertThrows(ChangeRejected.class, () -> ChangeEngine.addAll(attrs, Fixtures.SCHEMA, badInfluence)).property());
    }

    private static void assertRejected(String problem, Change change) {
        ChangeRejected e = assertThrows(ChangeRejected.class, () -> apply(SMALL, change), change.describe());
        assertEquals(problem, e.problem());
        assertEquals(change.elementId(), e.elementId());
    }
}
