package org.mapwork.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** What two devices editing one map at once need from the model: what the single-user model got wrong. */
class ConcurrentEditsTest {

    private final MapSession alice = new MapSession(Fixtures.small(), Fixtures.SCHEMA, "alice", 0);
    private final MapSession bob = new MapSession(Fixtures.small(), Fixtures.SCHEMA, "bob", 1000);

    @Test
    void a_remote_change_set_drops_only_the_edit_of_an_element_removed_here_and_says_so() {
        alice.apply("remove a", Change.remove("a"));
        ChangeSet theirs = bob.apply("rename two", Change.setLabel("a", "Employers"), Change.setLabel("b", "Union")).changeSet();

        Applied applied = alice.applyRemote(theirs);

        assertEquals("Union", alice.document().element("b").label(), "what still fits is applied");
        assertFalse(alice.document().contains("a"));
        assertEquals(1, applied.changeSet().size());
        assertEquals(1, applied.dropped().size());
        assertEquals("a", applied.dropped().get(0).reason().elementId());
        assertEquals(0, applied.dropped().get(0).reason().changeIndex());
        assertEquals("set label of a to \"Employers\": no element with id a in this map", applied.dropped().get(0).describe());
    }

    @Test
    void removing_a_node_takes_the_links_another_device_added_meanwhile() {
        ChangeSet removal = alice.apply("remove b", Change.remove("b")).changeSet();
        bob.apply("link", Change.add(Element.link("l9", "funding", "c", "b", bob.document().nextOrderKey())));

        Applied applied = bob.applyRemote(removal);

        assertNull(bob.document().element("l9"), "the link added after alice looked is gone with its node");
        assertTrue(bob.document().links().allMatch(l -> bob.document().contains(l.source()) && bob.document().contains(l.target())));
        Change.RemoveElement asApplied = (Change.RemoveElement) applied.changeSet().changes().get(0);
        assertEquals(Set.of("l1", "l2", "l3", "l9"), asApplied.links().stream().map(Element::id).collect(Collectors.toSet()),
                "the applied removal lists every link it took, so undoing it there would restore them");
    }

    @Test
    void undoing_a_removal_restores_only_the_links_whose_other_end_still_exists() {
        alice.apply("remove b", Change.remove("b"));
        alice.applyRemote(bob.apply("remove i", Change.remove("i")).changeSet());

        Applied undone = alice.undo().orElseThrow();

        MapDocument doc = alice.document();
        assertTrue(doc.contains("b"), "the node is back");
        assertTrue(doc.contains("l1") && doc.contains("l2"), "and its links to nodes that are still there");
        assertFalse(doc.contains("l3"), "but not the link to the node someone else removed");
        assertEquals(List.of("l3"), undone.dropped().stream().map(d -> d.change().elementId()).toList());
        assertTrue(doc.links().allMatch(l -> doc.contains(l.source()) && doc.contains(l.target())));
    }

    @Test
    void undo_does_not_write_back_an_old_value_over_a_newer_one_from_someone_else() {
        alice.apply("rename a", Change.setLabel("a", "mine"));
        alice.applyRemote(bob.apply("rename a", Change.setLabel("a", "theirs")).changeSet());

        ChangeRejected refused = assertThrows(ChangeRejected.class, alice::undo);

        assertEquals("theirs", alice.document().element("a").label(), "bob's newer value stays");
        assertEquals("someone else has changed it since; left as it is", refused.problem());
        assertEquals("label", refused.property());
        assertFalse(alice.history().canUndo());
    }

    @Test
    void undo_of_a_gesture_skips_only_the_values_someone_else_changed_and_redo_redoes_only_what_was_undone() {
        alice.apply("rename two", Change.setLabel("a", "mine a"), Change.setLabel("b", "mine b"));
        alice.applyRemote(bob.apply("rename a", Change.setLabel("a", "theirs")).changeSet());

        Applied undone = alice.undo().orElseThrow();

        assertEquals("theirs", alice.document().element("a").label());
        assertEquals("Actor b", alice.document().element("b").label());
        assertEquals(1, undone.dropped().size());
        assertEquals("a", undone.dropped().get(0).change().elementId());
        alice.redo();
        assertEquals("mine b", alice.document().element("b").label());
        assertEquals("theirs", alice.document().element("a").label(), "redo does not bring back what undo skipped");
    }

    @Test
    void two_devices_adding_on_top_at_once_get_distinct_keys_from_the_hub_and_the_first_keeps_its_key() {
        String key = Fixtures.small().nextOrderKey();
        ChangeSet fromAlice = alice.apply("add", Change.add(Fixtures.actor("x", 0, 0, alice.document().nextOrderKey()))).changeSet();
        ChangeSet fromBob = bob.apply("add", Change.add(Fixtures.actor("y", 0, 0, bob.document().nextOrderKey()))).changeSet();
        ChangeEngine.Merge hub = ChangeEngine.Merge.REMOTE.withUniqueOrderKeys();

        MapDocument doc = ChangeEngine.applyLenient(Fixtures.small(), Fixtures.SCHEMA, fromAlice, hub).after();
        Applied second = ChangeEngine.applyLenient(doc, Fixtures.SCHEMA, fromBob, hub);

        assertEquals(key, second.after().element("x").order());
        String bobsKey = second.after().element("y").order();
        assertNotEquals(key, bobsKey);
        assertTrue(OrderKey.isValid(bobsKey) && bobsKey.compareTo(key) > 0, "just after the key it asked for");
        assertEquals(bobsKey, ((Change.AddElement) second.changeSet().changes().get(0)).element().order(),
                "the applied change carries the new key, so every device adopts it");
        List<String> keys = second.after().elements().stream().map(Element::order).toList();
        assertEquals(keys.size(), Set.copyOf(keys).size(), "no two elements share a key");
    }

    @Test
    void reordering_onto_a_key_in_use_is_given_a_key_between_it_and_the_next() {
        MapDocument doc = Fixtures.small();
        String taken = doc.element("b").order();
        ChangeSet onto = ChangeSet.of("reorder", Change.setOrder("c", taken));

        Applied applied = ChangeEngine.applyLenient(doc, Fixtures.SCHEMA, onto, ChangeEngine.Merge.REMOTE.withUniqueOrderKeys());

        String fresh = applied.after().element("c").order();
        assertTrue(fresh.compareTo(taken) > 0);
        String next = doc.orderKeyAfter(taken);
        assertTrue(next == null || fresh.compareTo(next) < 0);
    }

    @Test
    void a_remote_change_set_delivered_twice_is_applied_once() {
        ChangeSet theirs = bob.apply("add", Change.add(Fixtures.actor("x", 0, 0, bob.document().nextOrderKey()))).changeSet();
        List<MapSession.Event> heard = new ArrayList<>();
        alice.addListener(heard::add);

        alice.applyRemote(theirs);
        MapDocument once = alice.document();
        Applied again = alice.applyRemote(theirs);

        assertSame(once, alice.document());
        assertTrue(again.changeSet().isEmpty());
        assertFalse(again.droppedAny(), "a duplicate is not a conflict");
        assertEquals(1, heard.size());
        assertTrue(alice.hasSeen(theirs));
        ChangeSet later = bob.apply("rename", Change.setLabel("x", "later")).changeSet();
        assertFalse(alice.hasSeen(later));
        alice.applyRemote(later);
        assertEquals("later", alice.document().element("x").label());
    }

    private static final ChangeEngine.Merge HUB = ChangeEngine.Merge.REMOTE.withUniqueOrderKeys().withListsMerged();

    private static List<String> goalIds(MapDocument doc) {
        return ((Value.Rows) doc.mapAttribute("goals")).rows().stream().map(r -> ((Value.Text) r.get("id")).value()).toList();
    }

    private static Value.Rows plus(Value rows, String id) {
        List<java.util.Map<String, Value>> out = new ArrayList<>(((Value.Rows) rows).rows());
        out.add(java.util.Map.of("id", Value.text(id), "label", Value.text("Goal " + id)));
        return new Value.Rows(out);
    }

    private static Value.Rows minus(Value rows, String id) {
        return new Value.Rows(((Value.Rows) rows).rows().stream().filter(r -> !r.get("id").equals(Value.text(id))).toList());
    }

    @Test
    void two_people_adding_a_goal_at_once_both_keep_theirs() {
        ChangeSet fromAlice = alice.apply("goal", Change.setMapAttribute("goals", plus(alice.document().mapAttribute("goals"), "fair-pay"))).changeSet();
        ChangeSet fromBob = bob.apply("goal", Change.setMapAttribute("goals", plus(bob.document().mapAttribute("goals"), "no-retaliation"))).changeSet();

        MapDocument doc = ChangeEngine.applyLenient(Fixtures.small(), Fixtures.SCHEMA, fromAlice, HUB).after();
        doc = ChangeEngine.applyLenient(doc, Fixtures.SCHEMA, fromBob, HUB).after();

        assertEquals(List.of("sick-leave", "against", "fair-pay", "no-retaliation"), goalIds(doc));
        MapDocument lww = ChangeEngine.applyLenient(ChangeEngine.applyLenient(Fixtures.small(), Fixtures.SCHEMA, fromAlice,
                ChangeEngine.Merge.REMOTE).after(), Fixtures.SCHEMA, fromBob, ChangeEngine.Merge.REMOTE).after();
        assertEquals(List.of("sick-leave", "against", "no-retaliation"), goalIds(lww), "without the merge alice's goal is lost");
    }

    @Test
    void removing_one_goal_and_adding_another_at_once_does_both() {
        ChangeSet fromAlice = alice.apply("drop goal", Change.setMapAttribute("goals", minus(alice.document().mapAttribute("goals"), "against"))).changeSet();
        ChangeSet fromBob = bob.apply("goal", Change.setMapAttribute("goals", plus(bob.document().mapAttribute("goals"), "fair-pay"))).changeSet();

        MapDocument doc = ChangeEngine.applyLenient(Fixtures.small(), Fixtures.SCHEMA, fromBob, HUB).after();
        doc = ChangeEngine.applyLenient(doc, Fixtures.SCHEMA, fromAlice, HUB).after();

        assertEquals(List.of("sick-leave", "fair-pay"), goalIds(doc));
    }

    @Test
    void tagging_one_actor_with_goals_at_once_merges_the_tags() {
        MapDocument start = Fixtures.small();
        ChangeSet fromAlice = alice.apply("tag", Change.setAttribute("a", "goals", Value.list("sick-leave", "against"))).changeSet();
        ChangeSet fromBob = bob.apply("untag", Change.setAttribute("a", "goals", Value.list())).changeSet();

        MapDocument doc = ChangeEngine.applyLenient(start, Fixtures.SCHEMA, fromAlice, HUB).after();
        doc = ChangeEngine.applyLenient(doc, Fixtures.SCHEMA, fromBob, HUB).after();

        assertEquals(Value.list("against"), doc.element("a").attribute("goals"), "alice's added tag stays, bob's removal too");
    }

    @Test
    void undoing_my_goal_removes_mine_and_keeps_the_one_someone_added_since() {
        alice.apply("goal", Change.setMapAttribute("goals", plus(alice.document().mapAttribute("goals"), "fair-pay")));
        MapSession hubView = new MapSession(alice.document(), Fixtures.SCHEMA, "bob", 2000);
        alice.applyRemote(hubView.apply("goal", Change.setMapAttribute("goals",
                plus(hubView.document().mapAttribute("goals"), "no-retaliation"))).changeSet());

        Applied undone = alice.undo().orElseThrow();

        assertEquals(List.of("sick-leave", "against", "no-retaliation"), goalIds(alice.document()));
        assertFalse(undone.droppedAny());
    }
}
