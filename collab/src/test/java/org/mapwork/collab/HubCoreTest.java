package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.Stamp;

class HubCoreTest {

    private final MapDocument start = TestMaps.starter();
    private final HubCore hub = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
    private final MapSession alice = new MapSession(start, TestMaps.SCHEMA, "alice", 0);
    private final MapSession bob = new MapSession(start, TestMaps.SCHEMA, "bob", 0);

    private List<HubCore.Outgoing> join(String connection, String actor, long since) {
        return hub.receive(connection, new Message.Hello(Message.PROTOCOL, start.id(), TestMaps.TOKEN, actor, actor, since));
    }

    private List<HubCore.Outgoing> submit(String connection, ChangeSet cs) {
        return hub.receive(connection, new Message.Submit(cs, false));
    }

    @Test
    void a_wrong_token_is_refused_and_nothing_of_the_map_is_sent() {
        List<HubCore.Outgoing> out = hub.receive("c1", new Message.Hello(1, start.id(), "not-the-token-0000000000", "eve", "Eve", 0));
        assertEquals(List.of(new HubCore.Outgoing("c1", new Message.Error("wrong token"))), out);
        assertFalse(hub.isJoined("c1"));
        List<HubCore.Outgoing> after = submit("c1", alice.apply("x", Change.setTitle("mine now")).changeSet());
        assertInstanceOf(Message.Error.class, after.get(0).message());
        assertEquals(start, hub.document());
    }

    @Test
    void a_change_set_is_committed_to_its_sender_and_sent_to_the_others_in_one_order() {
        join("c1", "alice", 0);
        join("c2", "bob", 0);
        ChangeSet cs = alice.apply("rename", Change.setLabel("a", "Workers")).changeSet();

        List<HubCore.Outgoing> out = submit("c1", cs);

        assertEquals(2, out.size());
        Message.Commit commit = (Message.Commit) out.get(0).message();
        assertEquals("c1", out.get(0).connection());
        assertEquals(1, commit.entry().serverSeq());
        assertEquals(cs.changes(), commit.entry().changeSet().changes());
        assertEquals(new HubCore.Outgoing("c2", new Message.Changes(commit.entry())), out.get(1));
        assertEquals("Workers", hub.document().element("a").label());
        assertEquals(1, hub.serverSeq());
    }

    @Test
    void what_no_longer_fits_is_left_out_and_the_sender_is_told() {
        join("c1", "alice", 0);
        join("c2", "bob", 0);
        submit("c2", bob.apply("remove a", Change.remove("a")).changeSet());
        ChangeSet cs = alice.apply("two", Change.setLabel("a", "Workers"), Change.setLabel("b", "Bosses")).changeSet();

        Message.Commit commit = (Message.Commit) submit("c1", cs).get(0).message();

        assertEquals(1, commit.entry().changeSet().size());
        assertEquals(List.of(new Message.Drop(0, "set label of a to \"Workers\"", "change 0 (label of a): no element with id a in this map")),
                commit.entry().dropped());
        assertEquals("Bosses", hub.document().element("b").label());
    }

    @Test
    void a_change_set_of_which_nothing_fits_is_refused_whole() {
        join("c1", "alice", 0);
        join("c2", "bob", 0);
        submit("c2", bob.apply("remove a", Change.remove("a")).changeSet());
        ChangeSet cs = alice.apply("rename", Change.setLabel("a", "Workers")).changeSet();

        List<HubCore.Outgoing> out = submit("c1", cs);

        assertEquals(1, out.size(), "only the sender hears");
        Message.Refused r = (Message.Refused) out.get(0).message();
        assertEquals(cs.changes().get(0).stamp().seq(), r.clientSeq());
        assertTrue(r.reason().contains("no element with id a"), r.reason());
        assertEquals(1, hub.serverSeq());
    }

    @Test
    void a_change_stamped_by_someone_else_or_out_of_sequence_is_refused() {
        join("c1", "alice", 0);
        ChangeSet asBob = bob.apply("rename", Change.setLabel("a", "x")).changeSet();
        Message.Refused r = (Message.Refused) submit("c1", asBob).get(0).message();
        assertTrue(r.reason().contains("stamped by bob"), r.reason());
        ChangeSet backwards = new ChangeSet(List.of(Change.setLabel("a", "x").withStamp(new Stamp("alice", 9)),
                Change.setLabel("b", "y").withStamp(new Stamp("alice", 9))), "s", java.time.Instant.now());
        Message.Refused r2 = (Message.Refused) submit("c1", backwards).get(0).message();
        assertTrue(r2.reason().contains("expected more than 9"), r2.reason());
        assertEquals(start, hub.document());
    }

    @Test
    void a_resent_change_set_is_applied_once() {
        join("c1", "alice", 0);
        ChangeSet cs = alice.apply("add", Change.add(Element.node("n", "actor", "New", Geometry.box(0, 0, 10, 10), "e"))).changeSet();
        submit("c1", cs);
        assertEquals(List.of(), submit("c1", cs));
        assertEquals(1, hub.serverSeq());
    }

    @Test
    void a_late_joiner_catches_up_from_its_sequence_number_and_learns_what_of_its_own_was_handled() {
        join("c1", "alice", 0);
        ChangeSet first = alice.apply("one", Change.setLabel("a", "1")).changeSet();
        submit("c1", first);
        submit("c1", alice.apply("two", Change.setLabel("a", "2")).changeSet());
        ChangeSet third = alice.apply("three", Change.setLabel("a", "3")).changeSet();
        submit("c1", third);

        Message.Welcome w = (Message.Welcome) join("c9", "alice", 1).get(0).message();

        assertEquals(3, w.serverSeq());
        assertEquals(List.of(2L, 3L), w.entries().stream().map(Message.Entry::serverSeq).toList());
        assertEquals(third.changes().get(0).stamp().seq(), w.yourLastSeq());
        assertEquals(hub.entriesSince(1), w.entries());
    }

    @Test
    void an_undo_that_would_write_over_a_newer_value_leaves_that_value() {
        join("c1", "alice", 0);
        join("c2", "bob", 0);
        submit("c1", alice.apply("rename", Change.setLabel("a", "mine")).changeSet());
        // bob renames a after alice's rename, but alice's undo leaves her before she hears of it
        bob.applyRemote(hub.log().get(0).changeSet());
        submit("c2", bob.apply("rename", Change.setLabel("a", "theirs")).changeSet());
        ChangeSet undo = alice.undo().orElseThrow().changeSet();

        Message reply = hub.receive("c1", new Message.Submit(undo, true)).get(0).message();

        assertInstanceOf(Message.Refused.class, reply);
        assertTrue(((Message.Refused) reply).reason().contains("someone else has changed it since"));
        assertEquals("theirs", hub.document().element("a").label());
    }

    @Test
    void two_devices_adding_on_top_at_once_end_with_distinct_keys() {
        join("c1", "alice", 0);
        join("c2", "bob", 0);
        String key = start.nextOrderKey();
        submit("c1", alice.apply("add", Change.add(Element.node("p", "actor", "P", Geometry.box(0, 0, 10, 10), key))).changeSet());
        Message.Commit second = (Message.Commit) submit("c2",
                bob.apply("add", Change.add(Element.node("q", "actor", "Q", Geometry.box(0, 0, 10, 10), key))).changeSet()).get(0).message();

        String given = ((Change.AddElement) second.entry().changeSet().changes().get(0)).element().order();
        assertTrue(given.compareTo(key) > 0, given);
        assertEquals(given, hub.document().element("q").order());
        assertEquals(key, hub.document().element("p").order());
    }

    @Test
    void a_hostile_client_gets_an_error_naming_the_problem_and_cannot_change_the_map() {
        join("c1", "eve", 0);
        Message garbage = hub.receiveText("c1", "{\"type\":\"submit\",\"changeSet\":{\"summary\":1}}").get(0).message();
        assertEquals(new Message.Error("unreadable message: $.changeSet.summary: expected a string, got number"), garbage);
        Message notJson = hub.receiveText("c1", "\u0000\u0001 <html>").get(0).message();
        assertTrue(((Message.Error) notJson).reason().startsWith("unreadable message: $: not valid JSON"), notJson.toString());
        Message huge = hub.receiveText("c1", "x".repeat(MessageWire.MAX_MESSAGE_BYTES + 1)).get(0).message();
        assertTrue(((Message.Error) huge).reason().contains("larger than"));
        MapSession eve = new MapSession(start, TestMaps.SCHEMA, "eve", 10);
        ChangeSet missing = eve.apply("x", Change.setLabel("a", "x")).changeSet();
        ChangeSet toMissing = new ChangeSet(List.of(Change.setLabel("nobody", "x").withStamp(new Stamp("eve", 5)),
                Change.add(Element.link("bad", "supports", "i", "a", "q")).withStamp(new Stamp("eve", 6))), "x", java.time.Instant.now());
        assertInstanceOf(Message.Refused.class, hub.receive("c1", new Message.Submit(toMissing, false)).get(0).message());
        assertEquals(start, hub.document(), "nothing of it reached the map");
        assertInstanceOf(Message.Commit.class, hub.receive("c1", new Message.Submit(missing, false)).get(0).message(),
                "the connection still works for good change sets");
    }

    @Test
    void presence_is_relayed_to_the_others_only_and_never_enters_the_log() {
        join("c1", "alice", 0);
        join("c2", "bob", 0);
        join("c3", "carol", 0);
        Message.Presence cursor = new Message.Presence("alice",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("x", 10).put("y", 20));

        List<HubCore.Outgoing> out = hub.receive("c1", cursor);

        assertEquals(List.of(new HubCore.Outgoing("c2", cursor), new HubCore.Outgoing("c3", cursor)), out);
        assertEquals(0, hub.serverSeq());
        Message asBob = hub.receive("c1", new Message.Presence("bob", cursor.state())).get(0).message();
        assertInstanceOf(Message.Error.class, asBob);
        Message welcome = hub.receive("c1", new Message.Welcome(start.id(), "hub-x", 0, 0, List.of())).get(0).message();
        assertEquals(new Message.Error("a client does not send welcome"), welcome);
    }

    @Test
    void join_tokens_carry_128_random_bits_and_a_short_token_is_not_accepted() {
        String token = HubCore.newToken();
        assertEquals(22, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]{22}"), token);
        assertFalse(token.equals(HubCore.newToken()));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new HubCore(start, TestMaps.SCHEMA, "1234"));
        assertTrue(e.getMessage().contains("128 random bits"));
        HubCore withNew = new HubCore(start, TestMaps.SCHEMA, token);
        assertInstanceOf(Message.Welcome.class, withNew.receive("c", new Message.Hello(1, start.id(), token, "ana", "Ana", 0)).get(0).message());
    }

    @Test
    void a_client_that_counted_another_hubs_order_gets_the_map_as_a_snapshot_instead_of_wrong_entries() throws Exception {
        join("c1", "alice", 0);
        submit("c1", alice.apply("one", Change.setLabel("a", "1")).changeSet());
        submit("c1", alice.apply("two", Change.setLabel("a", "2")).changeSet());
        Message.Welcome w = (Message.Welcome) hub.receive("c2", new Message.Hello(1, start.id(), TestMaps.TOKEN, "bob", "Bob", 1,
                "hub-of-yesterday")).get(0).message();
        assertTrue(w.hasSnapshot(), "another hub's numbers: the whole map");
        assertEquals(List.of(), w.entries());
        assertEquals(2, w.serverSeq());
        assertEquals(hub.document(), Snapshots.read(w.snapshot(), start.id(), m -> TestMaps.SCHEMA));
        assertTrue(hub.isJoined("c2"));
        Message.Welcome same = (Message.Welcome) hub.receive("c3", new Message.Hello(1, start.id(), TestMaps.TOKEN, "bob", "Bob", 1,
                hub.hubId())).get(0).message();
        assertEquals(hub.hubId(), same.hub());
        assertFalse(same.hasSnapshot(), "this hub's numbers: the entries after since");
        assertEquals(1, same.entries().size());
    }

    @Test
    void a_device_holding_nothing_gets_the_map_at_the_hubs_sequence_number() throws Exception {
        join("c1", "alice", 0);
        ChangeSet mine = alice.apply("one", Change.setLabel("a", "1")).changeSet();
        submit("c1", mine);
        Message.Welcome w = (Message.Welcome) join("c2", "alice", 0).get(0).message();
        assertTrue(w.hasSnapshot());
        assertEquals(1, w.serverSeq());
        assertEquals(mine.changes().get(0).stamp().seq(), w.yourLastSeq(), "what of this actor's the hub has handled");
        assertEquals("1", Snapshots.read(w.snapshot(), start.id(), m -> TestMaps.SCHEMA).element("a").label());
    }
}
