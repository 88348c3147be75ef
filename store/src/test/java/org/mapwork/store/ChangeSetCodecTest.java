package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.mapwork.model.Applied;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.Point;
import org.mapwork.model.Style;
import org.mapwork.model.Value;
import org.mapwork.model.json.MapFormatException;

class ChangeSetCodecTest {

    private static MapSession sessionWithStarter() {
        MapSession s = new MapSession(TestMaps.empty("m-1", "Power map"), TestMaps.SCHEMA, "a-test", 0);
        s.apply(TestMaps.starterContent());
        return s;
    }

    @Test
    void everyKindOfChangeSurvivesTheLogWithItsStampsAndOldValues() throws Exception {
        MapSession s = sessionWithStarter();
        MapDocument before = s.document();
        Applied applied = s.apply(ChangeSet.of("All kinds",
                Change.setLabel("n-employer", "Employers' association"),
                Change.setAttribute("n-union", "since", Value.date(LocalDate.of(2019, 5, 1))),
                Change.setAttribute("n-union", "share", Value.decimal(0.25)),
                Change.setAttribute("n-union", "organised", Value.bool(true)),
                Change.setAttribute("n-union", "note", Value.text("line one\nline two")),
                Change.setAttribute("n-union", "contacts", new Value.Rows(List.of(Map.of("name", Value.text("Ana"), "year", Value.integer(2020))))),
                Change.setAttribute("n-union", "influence", null),
                Change.setGeometry("n-employer", Geometry.box(1.5, 2, 3, 4)),
                Change.setStyle("n-employer", new Style("#aabbcc", "ellipse")),
                Change.setOrder("n-employer", "z"),
                Change.add(Element.annotation("s-1", "stroke", "", Geometry.stroke(List.of(new Point(0, 0), new Point(3.25, 4))), "zz")),
                Change.setEndpoints("l-1", "n-union", "n-employer"),
                Change.setTitle("Who decides?"),
                Change.setMapAttribute("question", Value.text("Who decides, really?")),
                Change.add(Element.node("n-3", "group", "Riders", Geometry.box(0, 0, 10, 10), "zzz")),
                Change.setType("n-3", "actor"),
                Change.remove("n-union")));

        java.util.Set<Class<?>> kinds = java.util.Set.of(Change.class.getPermittedSubclasses());
        assertEquals(kinds, applied.changeSet().changes().stream().map(Object::getClass).collect(java.util.stream.Collectors.toSet()),
                "this change set holds every kind of change");
        assertEquals(kinds.size(), applied.changeSet().changes().stream().map(ChangeSetCodec::kind).distinct().count(),
                "each kind has its own name in the log");

        String json = ChangeSetCodec.toJson(applied.changeSet());
        assertFalse(json.contains("\n"), "one change set is one line");

        Applied replayed = ChangeSetCodec.replay(before, TestMaps.SCHEMA, "test", json);

        assertEquals(applied.changeSet(), replayed.changeSet());
        assertEquals(s.document(), replayed.after());
        assertEquals("a-test", replayed.changeSet().changes().get(0).stamp().actor());
    }

    @Test
    void unsettingAnAttributeTheTypeDoesNotHaveReadsBack() throws Exception {
        MapSession s = sessionWithStarter();
        s.apply("Add a group", Change.add(Element.node("n-g", "group", "Riders", Geometry.box(0, 0, 10, 10), "zz")));
        MapDocument before = s.document();
        Applied applied = s.apply("Unset", Change.setAttribute("n-g", "note", null));

        Applied replayed = ChangeSetCodec.replay(before, TestMaps.SCHEMA, "test", ChangeSetCodec.toJson(applied.changeSet()));

        assertEquals(applied.changeSet(), replayed.changeSet());
    }

    @Test
    void anEntryThatDoesNotFitTheMapIsRefusedWithItsPath() {
        MapSession s = sessionWithStarter();
        String json = "{\"summary\":\"x\",\"time\":\"2026-11-22T10:00:00Z\",\"changes\":["
                + "{\"change\":\"label\",\"actor\":\"a\",\"seq\":1,\"id\":\"n-union\",\"value\":\"U\",\"old\":\"Union\"},"
                + "{\"change\":\"attribute\",\"actor\":\"a\",\"seq\":2,\"id\":\"n-union\",\"name\":\"influence\",\"value\":\"high\",\"old\":4}]}";

        MapFormatException e = assertThrows(MapFormatException.class,
                () -> ChangeSetCodec.replay(s.document(), TestMaps.SCHEMA, "map m-1 revision 3", json));

        assertEquals("$.changes[1].value", e.location());
        assertTrue(e.getMessage().startsWith("map m-1 revision 3: $.changes[1].value: expected an integer"), e.getMessage());
    }

    @Test
    void anEntryWhoseOldValuesDisagreeWithTheMapIsRefused() {
        MapSession s = sessionWithStarter();
        String json = "{\"summary\":\"x\",\"time\":\"2026-11-22T10:00:00Z\",\"changes\":["
                + "{\"change\":\"label\",\"actor\":\"a\",\"seq\":1,\"id\":\"n-union\",\"value\":\"U\",\"old\":\"Not the union\"}]}";

        MapFormatException e = assertThrows(MapFormatException.class,
                () -> ChangeSetCodec.replay(s.document(), TestMaps.SCHEMA, "log", json));

        assertEquals("$.changes[0]", e.location());
        assertTrue(e.problem().contains("old values do not match"), e.problem());
    }

    @Test
    void anEntryRefusedByTheEngineNamesTheChange() {
        MapSession s = sessionWithStarter();
        String json = "{\"summary\":\"x\",\"time\":\"2026-11-22T10:00:00Z\",\"changes\":["
                + "{\"change\":\"remove\",\"actor\":\"a\",\"seq\":1,\"id\":\"n-nobody\"}]}";

        MapFormatException e = assertThrows(MapFormatException.class,
                () -> ChangeSetCodec.replay(s.document(), TestMaps.SCHEMA, "log", json));

        assertEquals("$.changes[0]", e.location());
        assertTrue(e.problem().contains("no element with id n-nobody"), e.problem());
    }
}
