package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.mapwork.model.Change;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.schema.SchemaRegistry;
import org.mapwork.store.Library;
import org.mapwork.store.Revision;
import org.mapwork.store.ServerStore;
import org.mapwork.store.testing.PostgresCluster;

/** A shared map's hub keeping its order in a library on a real PostgreSQL, and carrying on after a restart. */
class ServerHubRecordingTest {

    @RegisterExtension
    static final PostgresCluster PG = new PostgresCluster();

    @Test
    void a_hub_on_postgresql_keeps_its_order_by_author_and_resumes_it_after_a_restart() throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        ServerStore store = ServerStore.parse(db.address(), Map.of("PGUSER", db.user(), "PGPASSWORD", db.password()), null);
        SchemaRegistry schemas = SchemaRegistry.of(TestMaps.SCHEMA);
        MapDocument start = TestMaps.starter();
        MapSession alice = new MapSession(start, TestMaps.SCHEMA, "alice", 0);
        MapSession bob = new MapSession(start, TestMaps.SCHEMA, "bob", 0);
        String hubId;
        long sharedAt;
        try (Library library = Library.open(store, schemas, Library.Options.defaults())) {
            library.createMap(start, null, null, "host");
            try (HubRecording recording = HubRecording.share(library, start.id(), TestMaps.TOKEN)) {
                HubCore hub = recording.hub();
                hub.receive("a", new Message.Hello(1, start.id(), TestMaps.TOKEN, "alice", "Alice", 0));
                hub.receive("b", new Message.Hello(1, start.id(), TestMaps.TOKEN, "bob", "Bob", 0));
                hub.receive("a", new Message.Submit(alice.apply("Rename", Change.setLabel("a", "Workers")).changeSet(), false));
                hub.receive("b", new Message.Submit(bob.apply("Move", Change.setGeometry("b",
                        start.element("b").geometry().movedBy(5, 5))).changeSet(), false));
                recording.recorder().flush().get(30, TimeUnit.SECONDS);
                hubId = hub.hubId();
                sharedAt = recording.sharedAt();
            }
        }
        MapDocument after;
        try (Library restarted = Library.open(store, schemas, Library.Options.defaults());
             HubRecording again = HubRecording.resume(restarted, start.id(), TestMaps.TOKEN, hubId, sharedAt)) {
            assertEquals(2, again.hub().serverSeq(), "the restarted hub holds the order it had");
            again.hub().receive("a", new Message.Hello(1, start.id(), TestMaps.TOKEN, "alice", "Alice", 2, hubId));
            again.hub().receive("a", new Message.Submit(alice.apply("Again", Change.setLabel("a", "Nurses")).changeSet(), false));
            assertEquals(3, again.hub().serverSeq());
            again.recorder().flush().get(30, TimeUnit.SECONDS);
            after = again.hub().document();
            assertEquals("Nurses", after.element("a").label());
        }
        try (Library third = Library.open(store, schemas, Library.Options.defaults())) {
            assertEquals(after, third.load(start.id()).document(), "the server holds the hub's map");
            List<Revision> revisions = third.revisions(start.id());
            assertEquals(List.of("host", "alice", "bob", "alice"), revisions.stream().map(Revision::actor).toList());
            assertEquals(List.of("Rename", "Move", "Again"), revisions.subList(1, 4).stream().map(Revision::summary).toList());
        }
    }
}
