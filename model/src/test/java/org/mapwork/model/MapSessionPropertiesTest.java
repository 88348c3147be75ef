package org.mapwork.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;

class MapSessionPropertiesTest {

    @Provide
    Arbitrary<List<List<RandomEdits.Seed>>> gestures() {
        return RandomEdits.gestures();
    }

    @Property(tries = 200)
    void undoing_every_gesture_returns_the_original_and_redo_returns_the_result(@ForAll("gestures") List<List<RandomEdits.Seed>> gestures) {
        MapDocument start = Fixtures.small();
        MapSession session = new MapSession(start, Fixtures.SCHEMA, "alice", 0);
        int[] counter = {0};
        int applied = 0;
        for (List<RandomEdits.Seed> g : gestures) {
            ChangeSet cs = RandomEdits.gesture(session.document(), g, counter);
            if (!cs.isEmpty()) {
                session.apply(cs);
                applied++;
            }
        }
        MapDocument end = session.document();
        assertEquals(applied, session.history().undoDepth());
        while (session.history().canUndo()) {
            session.undo();
        }
        assertEquals(start, session.document());
        assertEquals(start.inDrawOrder(), session.document().inDrawOrder());
        while (session.history().canRedo()) {
            session.redo();
        }
        assertEquals(end, session.document());
    }

    @Property(tries = 200)
    void json_write_then_read_returns_an_equal_document(@ForAll("gestures") List<List<RandomEdits.Seed>> gestures) throws Exception {
        MapSession session = new MapSession(Fixtures.small(), Fixtures.SCHEMA, "alice", 0);
        int[] counter = {0};
        for (List<RandomEdits.Seed> g : gestures) {
            ChangeSet cs = RandomEdits.gesture(session.document(), g, counter);
            if (!cs.isEmpty()) {
                session.apply(cs);
            }
        }
        MapDocument doc = session.document();
        String json = MapJson.toJson(doc);
        MapDocument back = new MapJsonReader(Fixtures.REGISTRY).read("test.mapwork.json", json);
        assertEquals(doc, back);
        assertEquals(json, MapJson.toJson(back), "writing is stable");
    }

    @Property(tries = 100)
    void a_new_change_clears_redo(@ForAll("gestures") List<List<RandomEdits.Seed>> gestures) {
        MapSession session = new MapSession(Fixtures.small(), Fixtures.SCHEMA, "alice", 0);
        int[] counter = {0};
        for (List<RandomEdits.Seed> g : gestures) {
            ChangeSet cs = RandomEdits.gesture(session.document(), g, counter);
            if (!cs.isEmpty()) {
                session.apply(cs);
            }
        }
        if (!session.history().canUndo()) {
            return;
        }
        session.undo();
        assertTrue(session.history().canRedo());
        session.apply("rename", Change.setTitle("new title"));
        assertFalse(session.history().canRedo());
    }

    @Property(tries = 100)
    void stamps_increase_and_remote_changes_stay_out_of_the_history(@ForAll("gestures") List<List<RandomEdits.Seed>> gestures) {
        MapSession alice = new MapSession(Fixtures.small(), Fixtures.SCHEMA, "alice", 0);
        MapSession bob = new MapSession(Fixtures.small(), Fixtures.SCHEMA, "bob", 100);
        int[] counter = {0};
        List<Long> seqs = new ArrayList<>();
        for (List<RandomEdits.Seed> g : gestures) {
            ChangeSet cs = RandomEdits.gesture(bob.document(), g, counter);
            if (cs.isEmpty()) {
                continue;
            }
            Applied a = bob.apply(cs);
            a.changeSet().changes().forEach(c -> seqs.add(c.stamp().seq()));
            alice.applyRemote(a.changeSet());
        }
        assertEquals(bob.document(), alice.document());
        assertFalse(alice.history().canUndo());
        for (int i = 1; i < seqs.size(); i++) {
            assertTrue(seqs.get(i) > seqs.get(i - 1));
        }
        if (!seqs.isEmpty()) {
            assertEquals(seqs.get(seqs.size() - 1), alice.lastSeq(), "alice's clock moved past bob's stamps");
        }
    }
}
