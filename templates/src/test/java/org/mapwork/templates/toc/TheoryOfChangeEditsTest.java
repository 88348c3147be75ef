package org.mapwork.templates.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.LineHandle;
import org.mapwork.templates.MethodAction;
import org.mapwork.templates.MethodAction.Context;
import org.mapwork.templates.Methods;

/** The theory of change's own edits as pure functions: a precondition below an outcome, the ceiling moved. */
class TheoryOfChangeEditsTest {

    private final TheoryOfChangeTemplate template = (TheoryOfChangeTemplate) Methods.byId("theory-of-change").orElseThrow();
    private final TheoryOfChangeEdits edits = new TheoryOfChangeEdits(template::textsOf);
    private final MapDocument empty = template.starter(false, Locale.ENGLISH);

    private static MapDocument apply(MapDocument doc, ChangeSet cs) {
        return ChangeEngine.apply(doc, TheoryOfChangeTemplate.SCHEMA, cs).after();
    }

    private MethodAction action(String id) {
        return edits.actions(template.textsIn(Locale.ENGLISH)).stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow();
    }

    private Element first(MapDocument doc, String type) {
        return doc.nodes().filter(n -> n.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void a_precondition_is_named_in_place_below_the_outcome_and_added_with_its_causal_link_in_one_step() {
        Element outcome = first(empty, TheoryOfChangeTemplate.LONG_TERM);
        MethodAction add = action("add-precondition");
        assertEquals("Add precondition below", add.label());
        assertEquals("Alt+P", add.keys().shown());
        var naming = assertInstanceOf(MethodAction.NameInPlace.class,
                add.perform().apply(new Context(empty, List.of(outcome.id()))));
        assertEquals(TheoryOfChangeTemplate.PRECONDITION, naming.nodeType());
        Geometry g = outcome.geometry();
        assertTrue(naming.near().y() >= g.y() + g.height(), "below the outcome");
        assertEquals(g.centerX(), naming.near().centerX(), 1e-9);

        var done = assertInstanceOf(MethodAction.Apply.class,
                naming.named().named(empty, "Employers post rights notices", naming.near()));
        assertEquals("Add precondition \"Employers post rights notices\" for \"" + outcome.label() + "\"",
                done.changes().summary());
        MapDocument after = apply(empty, done.changes());
        Element p = first(after, TheoryOfChangeTemplate.PRECONDITION);
        assertEquals("Employers post rights notices", p.label());
        assertEquals(naming.near(), p.geometry());
        assertEquals(1, after.linksOf(p.id()).size());
        Element link = after.linksOf(p.id()).get(0);
        assertEquals(outcome.id(), link.target());
        assertEquals(TheoryOfChangeTemplate.CAUSAL, link.type());
    }

    @Test
    void a_precondition_cannot_lead_to_an_intervention_nor_to_an_outcome_removed_meanwhile() {
        MapDocument doc = apply(empty, ChangeSet.of("setup", Change.add(Element.node("i",
                TheoryOfChangeTemplate.INTERVENTION, "Know-your-rights workshops", Geometry.box(700, 500, 140, 60), "z"))));
        var refused = assertInstanceOf(MethodAction.Refuse.class,
                action("add-precondition").perform().apply(new Context(doc, List.of("i"))));
        assertTrue(refused.message().startsWith("A precondition cannot lead to"), refused.message());
        assertInstanceOf(MethodAction.Refuse.class, action("add-precondition").perform().apply(new Context(doc, List.of())));

        Element outcome = first(doc, TheoryOfChangeTemplate.LONG_TERM);
        var naming = (MethodAction.NameInPlace) action("add-precondition").perform()
                .apply(new Context(doc, List.of(outcome.id())));
        MapDocument gone = apply(doc, ChangeSet.of("remove", Change.remove(outcome.id())));
        var late = assertInstanceOf(MethodAction.Refuse.class, naming.named().named(gone, "Too late", naming.near()));
        assertEquals("The outcome was removed meanwhile", late.message());
    }

    @Test
    void the_ceiling_moves_to_a_tenth_of_a_unit_and_a_key_step_at_a_time() {
        LineHandle ceiling = edits.ceiling();
        double y = ceiling.y(empty).orElseThrow();
        MapDocument moved = apply(empty, ceiling.moveTo(empty, y + 15.04).orElseThrow());
        assertEquals(new Value.Decimal(y + 15), moved.mapAttribute(TheoryOfChangeTemplate.CEILING_Y));
        assertTrue(ceiling.moveTo(moved, y + 15).isEmpty(), "no move, no undo step");
        var up = assertInstanceOf(MethodAction.Apply.class, action("line-up").perform().apply(new Context(moved, List.of())));
        assertEquals("Move the ceiling of accountability", up.changes().summary());
        assertEquals(y + 15 - TheoryOfChangeEdits.CEILING_STEP, ceiling.y(apply(moved, up.changes())).orElseThrow(), 1e-9);
        assertEquals("Ceiling of accountability", ceiling.name(empty));

        MapDocument none = apply(empty, ChangeSet.of("clear", Change.setMapAttribute(TheoryOfChangeTemplate.CEILING_Y, null)));
        assertEquals("This map has no ceiling of accountability", assertInstanceOf(MethodAction.Refuse.class,
                action("line-down").perform().apply(new Context(none, List.of()))).message());
    }

    @Test
    void a_connect_from_an_intervention_ties_it_to_an_outcome_or_an_arrow_and_nothing_else() {
        Element outcome = first(empty, TheoryOfChangeTemplate.LONG_TERM);
        Element impact = first(empty, TheoryOfChangeTemplate.IMPACT);
        Element causal = empty.links().findFirst().orElseThrow();
        MapDocument doc = apply(empty, ChangeSet.of("add", Change.add(Element.node("i1", TheoryOfChangeTemplate.INTERVENTION,
                "Rights sessions", Geometry.box(600, 200, 140, 60), empty.nextOrderKey()))));

        ChangeSet onOutcome = template.tie(doc, "i1", outcome.id()).orElseThrow();
        assertEquals(new Value.Text(outcome.id()), apply(doc, onOutcome).element("i1").attribute(TheoryOfChangeTemplate.ATTACHED_TO));
        assertEquals("Tie \"Rights sessions\" to what it acts on: \"" + outcome.label() + "\"", onOutcome.summary());
        ChangeSet onArrow = template.tie(doc, "i1", causal.id()).orElseThrow();
        assertEquals(new Value.Text(causal.id()), apply(doc, onArrow).element("i1").attribute(TheoryOfChangeTemplate.ATTACHED_TO));
        assertTrue(onArrow.summary().contains("arrow " + outcome.label() + " \u2192 " + impact.label()), onArrow.summary());

        assertTrue(template.tie(doc, "i1", impact.id()).isEmpty(), "the impact is above the ceiling: nothing acts on it");
        assertTrue(template.tie(doc, outcome.id(), impact.id()).isEmpty(), "outcomes link with causal arrows");
        assertTrue(template.tie(apply(doc, onOutcome), "i1", outcome.id()).isEmpty(), "already tied: no empty step");

        var offered = template.references(doc, "i1", TheoryOfChangeTemplate.ATTACHED_TO).orElseThrow();
        assertEquals(List.of(outcome.id(), causal.id()), List.copyOf(offered.keySet()));
        assertEquals(outcome.label(), offered.get(outcome.id()));
        assertTrue(template.references(doc, outcome.id(), "notes").isEmpty());
    }

    @Test
    void a_row_without_a_measure_is_no_indicator() {
        Element outcome = first(empty, TheoryOfChangeTemplate.LONG_TERM);
        MapDocument doc = apply(empty, ChangeSet.of("row", Change.setAttribute(outcome.id(), TheoryOfChangeTemplate.INDICATORS,
                new Value.Rows(List.of(java.util.Map.of("measure", new Value.Text(" ")))))));
        Element o = doc.element(outcome.id());
        assertEquals(List.of(), TheoryOfChangeTemplate.indicators(o));
        assertEquals("I?", template.presentation().badges(doc, o).get(0).text());
        assertTrue(template.check(doc).stream().anyMatch(f -> f.rule().equals("toc.outcome-without-indicator")
                && f.elementIds().contains(outcome.id())));
    }
}
