package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapSession;
import org.mapwork.model.Point;
import org.mapwork.model.Style;
import org.mapwork.model.Value;

class MessageWireTest {

    /** Applied change sets of every kind, with every kind of value, as a session stamps them. */
    private static List<ChangeSet> everyKind() {
        MapSession s = new MapSession(TestMaps.starter(), TestMaps.SCHEMA, "alice", 0);
        Element actor = Element.node("x", "actor", "Tenants' union ñ 漢 😀", Geometry.box(1.5, -2, 100, 50), "Z")
                .withAttribute("notes", Value.text("\"quoted\" \\ <&> \t"))
                .withAttribute("influence", Value.integer(7))
                .withAttribute("interest", Value.decimal(0.25))
                .withAttribute("ally", Value.bool(true))
                .withAttribute("since", Value.date(LocalDate.of(2025, 2, 28)))
                .withAttribute("goals", Value.list("for", "against"))
                .withAttribute("indicators", new Value.Rows(List.of(Map.of("measure", Value.text("claims"), "target", Value.integer(4)))))
                .withStyle(new Style("#1f77b4", "ellipse"));
        return List.of(
                s.apply("add", Change.add(actor),
                        Change.add(Element.annotation("st", "stroke", "", Geometry.stroke(List.of(new Point(0, 0), new Point(3, 4))), "Zz")),
                        Change.add(Element.link("lx", "supports", "x", "i", "Zzz"))).changeSet(),
                s.apply("edit", Change.setLabel("a", "Workers"), Change.setType("d", "issue"),
                        Change.setAttribute("x", "influence", Value.integer(9)), Change.setAttribute("x", "notes", null),
                        Change.setGeometry("a", Geometry.box(5, 5, 90, 40)), Change.setStyle("a", new Style(null, "hexagon")),
                        Change.setOrder("b", "Wa"), Change.setEndpoints("l1", "b", "a"), Change.setTitle("New title"),
                        Change.setMapAttribute("framingQuestion", Value.text("Who decides?")),
                        Change.setMapAttribute("goals", TestMaps.rows("for", "against", "neutral"))).changeSet(),
                s.apply("remove", Change.remove("b")).changeSet(),
                s.undo().orElseThrow().changeSet());
    }

    @Test
    void every_kind_of_change_reads_back_equal_without_the_receivers_map() throws WireException {
        for (ChangeSet cs : everyKind()) {
            String text = MessageWire.write(new Message.Submit(cs, false));
            Message back = MessageWire.read(text);
            assertEquals(new Message.Submit(cs, false), back);
            assertEquals(text, MessageWire.write(back), "writing is stable");
        }
    }

    @Test
    void every_message_reads_back_equal() throws WireException {
        ChangeSet cs = everyKind().get(1);
        Message.Entry entry = new Message.Entry(12, "alice", 40, cs, List.of(new Message.Drop(2, "set label of q", "no element with id q")));
        List<Message> all = List.of(
                new Message.Hello(1, "shared-1", TestMaps.TOKEN, "alice", "Alice", 11, "hub-1"),
                new Message.Hello(1, "shared-1", TestMaps.TOKEN, "alice", "Alice", 0),
                new Message.Submit(cs, true),
                new Message.Welcome("shared-1", "hub-1", 12, 39, List.of(entry)),
                new Message.Commit(entry),
                new Message.Changes(new Message.Entry(13, "bob", 3, cs, List.of())),
                new Message.Refused(41, "nothing of it fits any more"),
                new Message.Error("wrong token"),
                new Message.Presence("alice", new PresenceState(new PresenceState.Cursor(-12.5, 3e6), List.of("a", "n-4k2"), "a")),
                new Message.Presence("alice", "Alice Ñandú", PresenceState.NONE),
                new Message.Roster(List.of(new Message.Person("alice", "Alice"), new Message.Person("dev:bob.2", "Bob 😀"))),
                new Message.Roster(List.of()),
                new Message.Joined(new Message.Person("carol", "Carol")),
                new Message.Left("carol"));
        for (Message m : all) {
            assertEquals(m, MessageWire.read(MessageWire.write(m)), m.getClass().getSimpleName());
        }
    }

    @Test
    void an_entry_written_once_for_its_commit_and_its_changes_gives_the_same_texts_as_writing_each() {
        for (ChangeSet cs : everyKind()) {
            for (List<Message.Drop> dropped : List.of(List.<Message.Drop>of(), List.of(new Message.Drop(0, "set label of q", "no q")))) {
                Message.Entry entry = new Message.Entry(7, "alice", 3, cs, dropped);
                Map<Message.Entry, String> entries = new java.util.IdentityHashMap<>();
                assertEquals(MessageWire.write(new Message.Commit(entry)), MessageWire.write(new Message.Commit(entry), entries));
                assertEquals(MessageWire.write(new Message.Changes(entry)), MessageWire.write(new Message.Changes(entry), entries));
                assertEquals(1, entries.size(), "the entry is written once");
            }
        }
        Message other = new Message.Refused(41, "nothing of it fits any more");
        assertEquals(MessageWire.write(other), MessageWire.write(other, new java.util.IdentityHashMap<>()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON           | {\"type\":                                                      | $",
            "trailing garbage   | {\"type\":\"error\",\"reason\":\"x\"} {}                        | $",
            "no type            | [1,2]                                                           | $.type",
            "unknown type       | {\"type\":\"shout\"}                                            | $.type",
            "unknown key        | {\"type\":\"error\",\"reason\":\"x\",\"extra\":1}               | $.extra",
            "duplicate key      | {\"type\":\"error\",\"reason\":\"x\",\"reason\":\"y\"}          | $",
            "missing field      | {\"type\":\"refused\",\"reason\":\"x\"}                         | $.clientSeq",
            "negative seq       | {\"type\":\"refused\",\"clientSeq\":-1,\"reason\":\"x\"}        | $.clientSeq",
            "no change kind     | {\"type\":\"submit\",\"changeSet\":{\"summary\":\"s\",\"time\":\"2026-12-03T10:00:00Z\",\"changes\":[{\"id\":\"a\"}]}} | $.changeSet.changes[0].change",
            "unknown change     | {\"type\":\"submit\",\"changeSet\":{\"summary\":\"s\",\"time\":\"2026-12-03T10:00:00Z\",\"changes\":[{\"change\":\"explode\"}]}} | $.changeSet.changes[0].change",
            "bad time           | {\"type\":\"submit\",\"changeSet\":{\"summary\":\"s\",\"time\":\"yesterday\",\"changes\":[]}} | $.changeSet.time",
            "missing order      | {\"type\":\"submit\",\"changeSet\":{\"summary\":\"s\",\"time\":\"2026-12-03T10:00:00Z\",\"changes\":[{\"change\":\"add\",\"actor\":\"a\",\"seq\":1,\"element\":{\"id\":\"n\",\"kind\":\"node\",\"type\":\"actor\"}}]}} | $.changeSet.changes[0].element.order",
            "bad kind           | {\"type\":\"submit\",\"changeSet\":{\"summary\":\"s\",\"time\":\"2026-12-03T10:00:00Z\",\"changes\":[{\"change\":\"add\",\"actor\":\"a\",\"seq\":1,\"element\":{\"id\":\"n\",\"kind\":\"blob\",\"type\":\"actor\",\"order\":\"V\"}}]}} | $.changeSet.changes[0].element.kind",
            "value of two kinds | {\"type\":\"submit\",\"changeSet\":{\"summary\":\"s\",\"time\":\"2026-12-03T10:00:00Z\",\"changes\":[{\"change\":\"attribute\",\"actor\":\"a\",\"seq\":1,\"id\":\"n\",\"name\":\"x\",\"value\":{\"int\":1,\"text\":\"1\"}}]}} | $.changeSet.changes[0].value",
            "int that is text   | {\"type\":\"submit\",\"changeSet\":{\"summary\":\"s\",\"time\":\"2026-12-03T10:00:00Z\",\"changes\":[{\"change\":\"attribute\",\"actor\":\"a\",\"seq\":1,\"id\":\"n\",\"name\":\"x\",\"value\":{\"int\":\"1\"}}]}} | $.changeSet.changes[0].value.int",
            "bad point          | {\"type\":\"submit\",\"changeSet\":{\"summary\":\"s\",\"time\":\"2026-12-03T10:00:00Z\",\"changes\":[{\"change\":\"geometry\",\"actor\":\"a\",\"seq\":1,\"id\":\"n\",\"value\":{\"x\":0,\"y\":0,\"w\":1,\"h\":1,\"points\":[[1]]}}]}} | $.changeSet.changes[0].value.points[0]",
            "presence no state  | {\"type\":\"presence\",\"actor\":\"a\"}                      | $.state",
            "presence bad actor | {\"type\":\"presence\",\"actor\":\"a b\",\"state\":{}}       | $.actor",
            "presence extra key | {\"type\":\"presence\",\"actor\":\"a\",\"state\":{\"colour\":\"red\"}} | $.state.colour",
            "cursor not number  | {\"type\":\"presence\",\"actor\":\"a\",\"state\":{\"cursor\":{\"x\":\"1\",\"y\":2}}} | $.state.cursor.x",
            "cursor too far     | {\"type\":\"presence\",\"actor\":\"a\",\"state\":{\"cursor\":{\"x\":1,\"y\":1e300}}} | $.state.cursor.y",
            "cursor no y        | {\"type\":\"presence\",\"actor\":\"a\",\"state\":{\"cursor\":{\"x\":1}}} | $.state.cursor.y",
            "selection not ids  | {\"type\":\"presence\",\"actor\":\"a\",\"state\":{\"selection\":[\"a\",7]}} | $.state.selection[1]",
            "editing not an id  | {\"type\":\"presence\",\"actor\":\"a\",\"state\":{\"editing\":\"<script>\"}} | $.state.editing",
            "name with control  | {\"type\":\"joined\",\"actor\":\"a\",\"name\":\"A\\u0007\"}        | $.name",
            "peer without name  | {\"type\":\"peers\",\"peers\":[{\"actor\":\"a\",\"name\":\"A\"},{\"actor\":\"b\"}]} | $.peers[1].name",
            "left without actor | {\"type\":\"left\"}                                              | $.actor",
            "link ends on node  | {\"type\":\"submit\",\"changeSet\":{\"summary\":\"s\",\"time\":\"2026-12-03T10:00:00Z\",\"changes\":[{\"change\":\"add\",\"actor\":\"a\",\"seq\":1,\"element\":{\"id\":\"n\",\"kind\":\"node\",\"type\":\"actor\",\"order\":\"V\",\"source\":\"a\"}}]}} | $.changeSet.changes[0].element",
    })
    void bad_input_is_refused_with_the_path_of_the_problem(String what, String text, String path) {
        WireException e = assertThrows(WireException.class, () -> MessageWire.read(text.strip()));
        assertEquals(path, e.path(), what + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith(path + ": "));
    }

    @Test
    void an_oversized_or_deeply_nested_message_is_refused_before_it_is_built() {
        String big = "{\"type\":\"error\",\"reason\":\"" + "x".repeat(MessageWire.MAX_MESSAGE_BYTES) + "\"}";
        WireException tooBig = assertThrows(WireException.class, () -> MessageWire.read(big));
        assertEquals("$", tooBig.path());
        assertTrue(tooBig.problem().contains("larger than"));
        String deep = "{\"type\":\"presence\",\"actor\":\"a\",\"state\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}";
        WireException tooDeep = assertThrows(WireException.class, () -> MessageWire.read(deep));
        assertTrue(tooDeep.problem().contains("nesting depth"), tooDeep.getMessage());
    }

    @Test
    void presence_sizes_are_bounded_and_hostile_names_from_a_hub_are_refused() {
        String ids = String.join(",", java.util.Collections.nCopies(PresenceState.MAX_SELECTION + 1, "\"a\""));
        WireException tooMany = assertThrows(WireException.class, () -> MessageWire.read(
                "{\"type\":\"presence\",\"actor\":\"a\",\"state\":{\"selection\":[" + ids + "]}}"));
        assertEquals("$.state.selection", tooMany.path(), tooMany.getMessage());
        String longName = "N".repeat(10_000);
        WireException tooLong = assertThrows(WireException.class, () -> MessageWire.read(
                "{\"type\":\"joined\",\"actor\":\"a\",\"name\":\"" + longName + "\"}"));
        assertEquals("$.name", tooLong.path());
        assertTrue(tooLong.problem().contains(String.valueOf(PeerNames.MAX_WIRE_LENGTH)), tooLong.problem());
        assertThrows(IllegalArgumentException.class, () -> new PresenceState(null,
                java.util.Collections.nCopies(PresenceState.MAX_SELECTION + 1, "a"), null));
        // a device's own state for sending is cut to what may travel, never refused
        PresenceState cut = PresenceState.of(Double.NaN, 1.0, java.util.Collections.nCopies(500, "a"), null);
        assertEquals(PresenceState.MAX_SELECTION, cut.selection().size());
        assertEquals(null, cut.cursor());
    }

    @Test
    void a_presence_without_cursor_selection_or_editing_reads_as_none() throws WireException {
        Message m = MessageWire.read("{\"type\":\"presence\",\"actor\":\"a\",\"state\":{}}");
        assertEquals(new Message.Presence("a", PresenceState.NONE), m);
        Message nulls = MessageWire.read("{\"type\":\"presence\",\"actor\":\"a\",\"state\":{\"cursor\":null,\"editing\":null}}");
        assertEquals(m, nulls);
    }

    @Test
    void a_change_set_reads_as_a_change_set_whatever_map_it_is_for() throws WireException {
        ChangeSet forAnotherMethod = new ChangeSet(List.of(Change.setLabel("zz", "x").withStamp(new org.mapwork.model.Stamp("bob", 3))),
                "rename", Instant.parse("2026-12-03T10:00:00Z"));
        Message m = MessageWire.read(MessageWire.write(new Message.Submit(forAnotherMethod, false)));
        assertInstanceOf(Message.Submit.class, m);
        assertEquals(forAnotherMethod, ((Message.Submit) m).changeSet());
    }
}
