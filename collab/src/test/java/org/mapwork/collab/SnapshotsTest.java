package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;

/** A welcome's snapshot is outside input: read strictly, errors name the path, nothing applied from a bad one. */
class SnapshotsTest {

    private final MapDocument start = TestMaps.starter();

    private static int indexOf(ArrayNode elements, String id) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).path("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no element " + id);
    }

    @Test
    void a_snapshot_reads_back_to_the_same_map_through_the_wire() throws Exception {
        MapDocument edited = ChangeEngine.apply(start, TestMaps.SCHEMA, ChangeSet.of("e", Change.setLabel("a", "Ünïon \"quoted\""),
                Change.remove("c"))).after();
        Message.Welcome w = new Message.Welcome(start.id(), "hub-1", 7, 3, List.of(), Snapshots.of(edited));
        Message.Welcome back = (Message.Welcome) MessageWire.read(MessageWire.write(w));
        assertEquals(edited, Snapshots.read(back.snapshot(), start.id(), TestMaps::schemaFor));
        assertEquals(7, back.serverSeq());
    }

    @Test
    void hostile_snapshots_are_refused_naming_the_json_path() throws Exception {
        ObjectNode dangling = Snapshots.of(start);
        ArrayNode elements = (ArrayNode) dangling.get("elements");
        int l1 = indexOf(elements, "l1");
        ((ObjectNode) elements.get(l1)).put("target", "nowhere");
        WireException e = assertThrows(WireException.class, () -> Snapshots.read(dangling, start.id(), TestMaps::schemaFor));
        assertTrue(e.path().startsWith("$.snapshot.elements[" + l1 + "]"), e.getMessage());

        ObjectNode unknownKey = Snapshots.of(start);
        ((ObjectNode) unknownKey.get("elements").get(0)).put("evil", true);
        e = assertThrows(WireException.class, () -> Snapshots.read(unknownKey, start.id(), TestMaps::schemaFor));
        assertTrue(e.path().startsWith("$.snapshot.elements[0]"), e.getMessage());

        ObjectNode otherMap = Snapshots.of(start);
        otherMap.put("id", "another-map");
        e = assertThrows(WireException.class, () -> Snapshots.read(otherMap, start.id(), TestMaps::schemaFor));
        assertEquals("$.snapshot.id", e.path(), e.getMessage());

        ObjectNode badValue = Snapshots.of(start);
        ArrayNode els = (ArrayNode) badValue.get("elements");
        ((ObjectNode) els.get(indexOf(els, "a"))).putObject("attributes").put("influence", 99);
        e = assertThrows(WireException.class, () -> Snapshots.read(badValue, start.id(), TestMaps::schemaFor));
        assertTrue(e.path().startsWith("$.snapshot.elements[" + indexOf(els, "a") + "].attributes"), e.getMessage());

        ObjectNode unknownMethod = Snapshots.of(start);
        unknownMethod.put("method", "voodoo");
        e = assertThrows(WireException.class, () -> Snapshots.read(unknownMethod, start.id(), TestMaps::schemaFor));
        assertEquals("$.snapshot.method", e.path());
    }

    @Test
    void a_device_given_a_bad_snapshot_keeps_its_map_and_outbox() {
        MapSession session = new MapSession(start, TestMaps.SCHEMA, "ana", 0);
        ClientCore core = new ClientCore(session, TestMaps.TOKEN, "Ana", 0);
        core.hello();
        session.apply("mine", Change.setLabel("b", "Mine"));
        MapDocument before = session.document();
        ObjectNode bad = Snapshots.of(start);
        ((ArrayNode) bad.get("elements")).add(bad.get("elements").get(0).deepCopy()); // a duplicate id
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> core.receive(new Message.Welcome(start.id(), "hub-2", 4, 0, List.of(), bad)));
        assertTrue(e.getMessage().contains("$.snapshot.elements["), e.getMessage());
        assertEquals(before, session.document(), "nothing applied");
        assertEquals(1, core.pending());
        assertEquals(0, core.confirmedSeq());
    }

    @Test
    void a_device_given_a_snapshot_of_a_newer_map_moves_to_it_and_keeps_its_pending_edit_on_top() {
        MapSession session = new MapSession(start, TestMaps.SCHEMA, "ana", 0);
        ClientCore core = new ClientCore(session, TestMaps.TOKEN, "Ana", 0);
        core.hello();
        session.apply("mine", Change.setLabel("b", "Mine"));
        MapDocument hubMap = ChangeEngine.apply(start, TestMaps.SCHEMA, ChangeSet.of("theirs",
                Change.remove("a"), Change.setLabel("d", "Theirs"), Change.setMapAttribute("goals", TestMaps.rows("for")))).after();
        List<Message> out = core.receive(new Message.Welcome(start.id(), "hub-2", 9, 0, List.of(), Snapshots.of(hubMap)));
        assertEquals(9, core.confirmedSeq());
        assertEquals("hub-2", core.hubId());
        assertEquals(hubMap, core.confirmed());
        MapDocument shown = session.document();
        assertEquals("Mine", shown.element("b").label(), "the pending edit stays on top");
        assertEquals("Theirs", shown.element("d").label());
        assertTrue(!shown.contains("a") && !shown.contains("l1"), "the hub's removal (and its link) came with the snapshot");
        assertEquals(1, out.size(), "the outbox goes out again: " + out);
    }
}
