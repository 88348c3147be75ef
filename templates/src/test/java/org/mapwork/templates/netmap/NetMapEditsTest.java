package org.mapwork.templates.netmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.mapwork.templates.MethodAction;
import org.mapwork.templates.MethodAction.Context;
import org.mapwork.templates.Methods;
import org.mapwork.templates.TowerHandle;

/** Net-Map's own edits as pure functions: towers within their range, the goals menu, a new goal with its stance. */
class NetMapEditsTest {

    private final NetMapTemplate template = (NetMapTemplate) Methods.byId("net-map").orElseThrow();
    private final NetMapEdits edits = new NetMapEdits(NetMapTemplate.SCHEMA, template::textsOf);
    private final TowerHandle tower = edits.tower();

    /** The empty starter with two actors, a and b. */
    private MapDocument twoActors() {
        MapDocument doc = template.starter(false, Locale.ENGLISH);
        return apply(doc, ChangeSet.of("setup",
                Change.add(Element.node("a", Actors.TYPE, "Employers", Geometry.box(0, 0, 100, 50), "1")),
                Change.add(Element.node("b", Actors.TYPE, "Union", Geometry.box(300, 0, 100, 50), "2"))));
    }

    private static MapDocument apply(MapDocument doc, ChangeSet cs) {
        return ChangeEngine.apply(doc, NetMapTemplate.SCHEMA, cs).after();
    }

    private static MapDocument apply(MapDocument doc, MethodAction.Effect e) {
        return apply(doc, assertInstanceOf(MethodAction.Apply.class, e).changes());
    }

    private static MethodAction action(List<MethodAction> actions, String id) {
        return actions.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void towers_rise_and_fall_in_one_step_for_every_selected_actor_and_never_below_zero_or_above_the_top() {
        MapDocument doc = twoActors();
        doc = apply(doc, tower.raise(doc, List.of("a", "b"), +1));
        doc = apply(doc, tower.raise(doc, List.of("a", "b"), +1));
        assertEquals(new Value.Int(2), doc.element("a").attribute(Actors.INFLUENCE));
        MethodAction.Effect lower = tower.raise(doc, List.of("a", "b"), -1);
        assertEquals("Lower influence tower", ((MethodAction.Apply) lower).changes().summary());
        assertEquals(2, ((MethodAction.Apply) lower).changes().size(), "one change set for both actors");
        doc = apply(doc, lower);
        assertEquals(new Value.Int(1), doc.element("b").attribute(Actors.INFLUENCE));
        for (int i = 0; i < 3; i++) {
            if (tower.raise(doc, List.of("b"), -1) instanceof MethodAction.Apply a) {
                doc = apply(doc, a.changes());
            }
        }
        assertEquals(new Value.Int(0), doc.element("b").attribute(Actors.INFLUENCE), "never below zero");
        doc = apply(doc, tower.set(doc, "a", 500).orElseThrow());
        assertEquals(new Value.Int(TowerHandle.DEFAULT_MAX), doc.element("a").attribute(Actors.INFLUENCE),
                "an influence without a declared top stops at the tallest tower drawn");
        assertTrue(tower.set(doc, "a", TowerHandle.DEFAULT_MAX).isEmpty(), "no change, no undo step");
    }

    @Test
    void nothing_with_a_tower_selected_is_refused_with_a_reason() {
        MapDocument doc = twoActors();
        var refused = assertInstanceOf(MethodAction.Refuse.class, tower.raise(doc, List.of(), +1));
        assertEquals("Select an actor to raise or lower its influence tower", refused.message());
        MethodAction raise = action(edits.actions(template.textsIn(Locale.ENGLISH)), "raise-tower");
        assertFalse(raise.appliesTo().test(new Context(doc, List.of())));
        assertTrue(raise.appliesTo().test(new Context(doc, List.of("a"))));
        assertEquals("+", raise.keys().shown());
    }

    @Test
    void a_new_goal_with_its_stance_is_defined_and_given_to_the_actor_in_one_step_and_its_inverse_takes_both_away() {
        MapDocument doc = twoActors();
        ChangeSet add = edits.addGoal(doc, "a", "  Paid sick leave ", "against").orElseThrow();
        assertEquals("Add goal \"Paid sick leave\"", add.summary());
        MapDocument after = apply(doc, add);
        NetMapEdits.Goal g = NetMapEdits.goals(after).get(0);
        assertEquals("Paid sick leave", g.label());
        assertEquals("against", g.stance());
        assertTrue(NetMapEdits.holdsGoal(after.element("a"), g.id()));
        MapDocument toggled = apply(after, edits.toggleGoal(after, "a", g.id()).orElseThrow());
        assertFalse(NetMapEdits.holdsGoal(toggled.element("a"), g.id()));
        assertEquals(List.of(g), NetMapEdits.goals(toggled), "taking a goal from an actor keeps it on the map");
        ChangeSet applied = ChangeEngine.apply(doc, NetMapTemplate.SCHEMA, add).changeSet();
        MapDocument undone = apply(after, applied.inverse("undo"));
        assertEquals(List.of(), NetMapEdits.goals(undone));
        assertNull(undone.element("a").attribute(Actors.GOALS));
        assertTrue(edits.addGoal(doc, "a", "  ", "for").isEmpty(), "a blank goal is not defined");
    }

    @Test
    void the_goals_menu_lists_the_maps_goals_with_their_stance_ticks_the_held_ones_and_offers_a_new_goal() {
        MapDocument doc = twoActors();
        doc = apply(doc, edits.addGoal(doc, "a", "Pass the ordinance", "for").orElseThrow());
        MethodAction goals = action(edits.actions(template.textsIn(Locale.ENGLISH)), "goals");
        assertEquals("Goals and stance…", goals.label());
        assertEquals("Alt+G", goals.keys().shown());

        var menu = assertInstanceOf(MethodAction.Choose.class, goals.perform().apply(new Context(doc, List.of("b"))));
        assertEquals("b", menu.nearElement());
        assertEquals(List.of("Pass the ordinance \u2014 for", "New goal (for)…", "New goal (against)…",
                "New goal (neutral)…"), menu.choices().stream().map(MethodAction.Choice::label).toList());
        assertEquals(Boolean.FALSE, menu.choices().get(0).ticked());
        MapDocument given = apply(doc, menu.choices().get(0).chosen().apply(doc));
        assertEquals(new Value.TextList(List.of(NetMapEdits.goals(doc).get(0).id())),
                given.element("b").attribute(Actors.GOALS));
        var again = (MethodAction.Choose) goals.perform().apply(new Context(given, List.of("b")));
        assertEquals(Boolean.TRUE, again.choices().get(0).ticked());

        var ask = assertInstanceOf(MethodAction.Ask.class, menu.choices().get(2).chosen().apply(doc));
        assertEquals("What does this actor want? (against)", ask.question());
        MapDocument added = apply(doc, ask.answered().apply(doc, "Cap fines"));
        assertEquals("against", NetMapEdits.goals(added).get(1).stance());

        assertInstanceOf(MethodAction.Refuse.class, goals.perform().apply(new Context(doc, List.of("a", "b"))),
                "the menu is one actor's");
    }

    @Test
    void spanish_maps_get_spanish_summaries() {
        MapDocument doc = Methods.byId("net-map").orElseThrow().starter(false, Locale.forLanguageTag("es"));
        doc = apply(doc, ChangeSet.of("setup", Change.add(Element.node("a", Actors.TYPE, "Patrones",
                Geometry.box(0, 0, 100, 50), "1"))));
        assertEquals("Subir la torre de influencia",
                ((MethodAction.Apply) tower.raise(doc, List.of("a"), +1)).changes().summary());
    }
}
