package org.mapwork.editor.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mapwork.editor.canvas.BoxHitTester;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.Value;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/** Copy and paste of Net-Map actors between maps that do not define the same goals and link types. */
class MapFragmentTest {

    private final MethodTemplate netMap = Methods.byId("net-map").orElseThrow();
    private final ClipboardPort clipboard = ClipboardPort.inMemory();

    private MapViewModel open(MapDocument doc) {
        return new MapViewModel(new MapSession(doc, netMap.schema(), "tester", 0), netMap, Methods.schemas(),
                new BoxHitTester(), clipboard);
    }

    private static Element byLabel(MapDocument doc, String label) {
        return doc.nodes().filter(n -> n.label().equals(label)).findFirst().orElseThrow();
    }

    private static Set<String> rowIds(MapDocument doc, String attribute) {
        return doc.mapAttribute(attribute) instanceof Value.Rows r
                ? r.rows().stream().map(row -> ((Value.Text) row.get("id")).value()).collect(Collectors.toSet())
                : Set.of();
    }

    @Test
    void an_actor_pasted_into_a_map_without_its_goals_brings_them_along_in_one_undo_step() {
        MapViewModel from = open(netMap.starter(true, Locale.ENGLISH));
        Element union = byLabel(from.document(), "Service Workers Union Local");
        from.selection().select(List.of(union.id()));
        assertTrue(from.clipboard().copySelection());

        MapViewModel to = open(netMap.starter(false, Locale.ENGLISH));
        assertEquals(Set.of(), rowIds(to.document(), "goals"));
        List<String> pasted = to.clipboard().paste();
        assertEquals(1, pasted.size(), to.status());
        MapDocument doc = to.document();
        Element copy = doc.element(pasted.get(0));
        assertEquals(union.attribute("goals"), copy.attribute("goals"));
        assertEquals(Set.of("pass", "enforce"), rowIds(doc, "goals"), "only the goals the actor holds come along");
        assertEquals(1, to.session().history().undoDepth());
        to.edits().undo();
        assertEquals(Set.of(), rowIds(to.document(), "goals"), "undo takes the goals away again");
    }

    @Test
    void a_link_of_a_type_the_target_does_not_define_brings_its_type_and_a_goal_the_target_has_is_not_doubled() {
        MapViewModel from = open(netMap.starter(false, Locale.ENGLISH));
        from.apply("a link type of the group's own", List.of(Change.setMapAttribute("linkTypes",
                new Value.Rows(List.of(Map.of("id", new Value.Text("mentoring"), "label", new Value.Text("Mentoring"),
                        "colour", new Value.Text("#333333"), "directed", new Value.Bool(true))))),
                Change.setMapAttribute("goals", new Value.Rows(List.of(Map.of("id", new Value.Text("pass"),
                        "label", new Value.Text("Pass it"), "stance", new Value.Text("for")))))));
        List<String> ids = from.edits().quickAdd("Mentor\nApprentice");
        from.setLinkType("mentoring");
        from.edits().connect(ids.get(0), ids.get(1)).orElseThrow();
        from.edits().setAttribute(ids.get(0), "goals", new Value.TextList(List.of("pass")));
        from.selection().select(ids);
        assertTrue(from.clipboard().copySelection());

        MapViewModel to = open(netMap.starter(true, Locale.ENGLISH));
        int goals = rowIds(to.document(), "goals").size();
        List<String> pasted = to.clipboard().paste();
        assertEquals(3, pasted.size(), to.status());
        assertTrue(rowIds(to.document(), "linkTypes").contains("mentoring"));
        assertEquals(1, to.document().links().filter(l -> l.type().equals("mentoring")).count());
        assertEquals(goals, rowIds(to.document(), "goals").size(), "the example already has a goal \"pass\"");
    }
}
