package org.mapwork.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class HistoryTest {

    private final MapSession session = new MapSession(Fixtures.small(), Fixtures.SCHEMA, "alice", 0);

    @Test
    void one_gesture_is_one_undo_step_and_summaries_say_what_it_was() {
        session.apply("Quick add 2 actors", Change.add(Fixtures.actor("x", 0, 0, session.document().nextOrderKey())),
                Change.add(Fixtures.actor("y", 0, 0, OrderKey.after(session.document().nextOrderKey()))));
        assertEquals(Optional.of("Quick add 2 actors"), session.history().undoSummary());
        session.undo();
        assertFalse(session.document().contains("x"));
        assertFalse(session.document().contains("y"));
        assertEquals(Optional.of("Quick add 2 actors"), session.history().redoSummary());
    }

    @Test
    void listeners_hear_every_origin_and_remote_changes_are_not_undone() {
        List<MapSession.Origin> heard = new ArrayList<>();
        session.addListener(e -> heard.add(e.origin()));
        session.apply("local", Change.setLabel("a", "mine"));
        MapSession other = new MapSession(session.document(), Fixtures.SCHEMA, "bob", 0);
        session.applyRemote(other.apply("remote", Change.setLabel("b", "theirs")).changeSet());
        session.undo();
        session.redo();
        assertEquals(List.of(MapSession.Origin.LOCAL, MapSession.Origin.REMOTE, MapSession.Origin.UNDO, MapSession.Origin.REDO), heard);
        session.undo();
        assertEquals("Actor a", session.document().element("a").label(), "undo reverted the local change");
        assertEquals("theirs", session.document().element("b").label(), "and kept the remote one");
    }

    @Test
    void an_undo_that_no_longer_fits_is_refused_dropped_and_leaves_the_map_as_it_was() {
        session.apply("rename a", Change.setLabel("a", "mine"));
        MapSession other = new MapSession(session.document(), Fixtures.SCHEMA, "bob", 0);
        session.applyRemote(other.apply("remove a", Change.remove("a")).changeSet());
        MapDocument before = session.document();
        ChangeRejected e = assertThrows(ChangeRejected.class, session::undo);
        assertEquals("no element with id a in this map", e.problem());
        assertEquals(before, session.document());
        assertFalse(session.history().canUndo());
    }

    @Test
    void a_remote_change_without_stamps_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> session.applyRemote(ChangeSet.of("x", Change.setTitle("t"))));
    }
}
