package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.model.Change;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.schema.SchemaRegistry;
import org.mapwork.store.Library;
import org.mapwork.store.Revision;

class HubRecordingTest {

    @Test
    void the_hubs_order_is_kept_in_the_hosts_library_with_every_change_by_its_author(@TempDir Path dir) throws Exception {
        MapDocument start = TestMaps.starter();
        SchemaRegistry schemas = SchemaRegistry.of(TestMaps.SCHEMA);
        MapDocument shared;
        try (Library library = Library.open(dir, schemas, Library.Options.defaults().withBackupOnClose(false))) {
            library.createMap(start, null, null, "host");
            try (HubRecording recording = HubRecording.share(library, start.id(), TestMaps.TOKEN)) {
                HubCore hub = recording.hub();
                MapSession alice = new MapSession(start, TestMaps.SCHEMA, "alice", 0);
                MapSession bob = new MapSession(start, TestMaps.SCHEMA, "bob", 0);
                hub.receive("a", new Message.Hello(1, start.id(), TestMaps.TOKEN, "alice", "Alice", 0));
                hub.receive("b", new Message.Hello(1, start.id(), TestMaps.TOKEN, "bob", "Bob", 0));
                hub.receive("a", new Message.Submit(alice.apply("Rename", Change.setLabel("a", "Workers")).changeSet(), false));
                hub.receive("b", new Message.Submit(bob.apply("Move", Change.setGeometry("b",
                        start.element("b").geometry().movedBy(5, 5))).changeSet(), false));
                recording.recorder().flush().get(30, TimeUnit.SECONDS);
                shared = hub.document();
                assertEquals(shared, recording.session().document());
            }
        }
        try (Library reopened = Library.open(dir, schemas, Library.Options.defaults().withBackupOnClose(false))) {
            assertEquals(shared, reopened.load(start.id()).document(), "the library holds the hub's map");
            List<Revision> revisions = reopened.revisions(start.id());
            assertEquals(List.of("host", "alice", "bob"), revisions.stream().map(Revision::actor).toList());
            assertEquals(List.of("Rename", "Move"), revisions.subList(1, 3).stream().map(Revision::summary).toList());
        }
    }
}
