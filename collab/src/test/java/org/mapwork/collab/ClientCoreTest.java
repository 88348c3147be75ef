package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.mapwork.model.Change;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;

/** Two devices and a hub wired by hand, messages delivered one by one in a chosen order. */
class ClientCoreTest {

    private final MapDocument start = TestMaps.starter();
    private final HubCore hub = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
    private final ClientCore alice = new ClientCore(new MapSession(start, TestMaps.SCHEMA, "alice", 0), TestMaps.TOKEN, "Alice", 0);
    private final ClientCore bob = new ClientCore(new MapSession(start, TestMaps.SCHEMA, "bob", 0), TestMaps.TOKEN, "Bob", 0);
    private final ArrayDeque<Message> toAlice = new ArrayDeque<>();
    private final ArrayDeque<Message> toBob = new ArrayDeque<>();

    private void toHub(String connection, List<? extends Message> messages) {
        for (Message m : messages) {
            for (HubCore.Outgoing o : hub.receive(connection, m)) {
                (o.connection().equals("alice") ? toAlice : toBob).add(o.message());
            }
        }
    }

    private void deliverAll() {
        for (int i = 0; i < 1000 && (!toAlice.isEmpty() || !toBob.isEmpty()); i++) {
            if (!toAlice.isEmpty()) {
                toHub("alice", alice.receive(toAlice.poll()));
            }
            if (!toBob.isEmpty()) {
                toHub("bob", bob.receive(toBob.poll()));
            }
        }
    }

    private void connectBoth() {
        toHub("alice", List.of(alice.hello()));
        toHub("bob", List.of(bob.hello()));
        deliverAll();
    }

    @Test
    void concurrent_edits_of_different_properties_both_stay_and_both_devices_end_equal() {
        connectBoth();
        alice.session().apply("move", Change.setGeometry("a", start.element("a").geometry().movedBy(10, 0)));
        bob.session().apply("rename", Change.setLabel("a", "Workers"));
        toHub("alice", alice.outgoing());
        toHub("bob", bob.outgoing());
        deliverAll();

        assertEquals(hub.document(), alice.session().document());
        assertEquals(hub.document(), bob.session().document());
        assertEquals("Workers", hub.document().element("a").label());
        assertEquals(10, hub.document().element("a").geometry().x(), 1e-9);
        assertEquals(0, alice.pending() + bob.pending());
    }

    @Test
    void the_later_write_to_one_property_wins_on_every_device() {
        connectBoth();
        alice.session().apply("rename", Change.setLabel("a", "Alice's"));
        bob.session().apply("rename", Change.setLabel("a", "Bob's"));
        toHub("bob", bob.outgoing());
        toHub("alice", alice.outgoing());
        assertEquals("Bob's", bob.session().document().element("a").label(), "each sees its own until the hub answers");
        deliverAll();

        assertEquals("Alice's", hub.document().element("a").label(), "alice's reached the hub last");
        assertEquals("Alice's", bob.session().document().element("a").label());
        assertEquals("Alice's", alice.session().document().element("a").label());
    }

    @Test
    void an_edit_of_a_node_someone_removed_is_left_out_and_the_author_is_told() {
        connectBoth();
        bob.session().apply("remove", Change.remove("a"));
        toHub("bob", bob.outgoing());
        alice.session().apply("rename", Change.setLabel("a", "Workers"), Change.setLabel("b", "Bosses"));
        toHub("alice", alice.outgoing());
        deliverAll();

        assertFalse(alice.session().document().contains("a"));
        assertEquals("Bosses", alice.session().document().element("b").label());
        assertEquals(hub.document(), alice.session().document());
        List<String> notices = alice.takeNotices();
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("Left out: set label of a"), notices.get(0));
    }

    @Test
    void edits_made_offline_are_sent_after_reconnecting_and_what_was_missed_arrives() {
        connectBoth();
        alice.disconnected();
        hub.disconnect("alice");
        alice.session().apply("one", Change.setLabel("c", "Council"));
        alice.session().apply("two", Change.setLabel("d", "Doctors"));
        bob.session().apply("three", Change.setLabel("b", "Bosses"));
        toHub("bob", bob.outgoing());
        deliverAll();
        assertEquals(2, alice.pending());

        toHub("alice", List.of(alice.hello()));
        deliverAll();

        assertEquals(0, alice.pending());
        assertEquals(hub.document(), alice.session().document());
        assertEquals(hub.document(), bob.session().document());
        assertEquals(List.of("Bosses", "Council", "Doctors"), List.of(hub.document().element("b").label(),
                hub.document().element("c").label(), hub.document().element("d").label()));
    }

    @Test
    void an_answer_lost_with_the_connection_is_recovered_from_the_catch_up() {
        connectBoth();
        alice.session().apply("rename", Change.setLabel("a", "Workers"));
        toHub("alice", alice.outgoing());
        toAlice.clear(); // the commit was lost with the connection
        alice.disconnected();
        hub.disconnect("alice");
        toHub("alice", List.of(alice.hello()));
        deliverAll();

        assertEquals(0, alice.pending());
        assertEquals(1, hub.serverSeq(), "the change set was not applied twice");
        assertEquals(hub.document(), alice.session().document());
    }

    @Test
    void undo_only_undoes_my_own_change_and_bob_keeps_his() {
        connectBoth();
        alice.session().apply("rename a", Change.setLabel("a", "mine"));
        toHub("alice", alice.outgoing());
        deliverAll();
        bob.session().apply("rename b", Change.setLabel("b", "his"));
        toHub("bob", bob.outgoing());
        deliverAll();

        alice.session().undo();
        toHub("alice", alice.outgoing());
        deliverAll();

        List<String> labels = new ArrayList<>();
        for (ClientCore c : List.of(alice, bob)) {
            labels.add(c.session().document().element("a").label() + "/" + c.session().document().element("b").label());
        }
        assertEquals(List.of("Union/his", "Union/his"), labels);
    }

    @Test
    void a_device_far_behind_catches_up_page_by_page_and_then_sends_its_own() {
        connectBoth();
        bob.session().apply("first", Change.setLabel("d", "Clinic 1"));
        toHub("bob", bob.outgoing());
        deliverAll();
        assertEquals(1, alice.confirmedSeq(), "alice holds the hub's order up to 1: she catches up by entries, not a snapshot");
        alice.disconnected();
        hub.disconnect("alice");
        alice.session().apply("offline", Change.setLabel("c", "Council"));
        java.util.List<Change> layout = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            layout.clear();
            for (int i = 0; i < HubCore.WELCOME_CHANGES * 2 / 5; i++) {
                layout.add(Change.setGeometry("a", start.element("a").geometry().movedBy(round * 100_000 + i, 0)));
            }
            bob.session().apply(org.mapwork.model.ChangeSet.of("layout", layout));
            toHub("bob", bob.outgoing());
            deliverAll();
        }
        List<Message> first = alice.receive(hub.receive("alice", alice.hello()).get(0).message());

        assertEquals(List.of(alice.hello()), first, "after one page it asks for the rest before sending its own");
        assertEquals(3, alice.confirmedSeq(), "two layouts fit one welcome");
        toHub("alice", first);
        deliverAll();
        assertEquals(0, alice.pending());
        assertEquals(hub.document(), alice.session().document());
        assertEquals("Council", hub.document().element("c").label());
    }
}
