package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapSession;
import org.mapwork.model.Stamp;
import org.mapwork.store.testing.PostgresCluster;

/** Another node hears that a map moved on: woken by NOTIFY, or by its regular look when a notification was missed. */
class ChangeFeedTest {

    @RegisterExtension
    static final PostgresCluster PG = new PostgresCluster();

    private static ServerStore store(PostgresCluster.Database db) {
        return ServerStore.parse(db.address(), Map.of("PGUSER", db.user(), "PGPASSWORD", db.password()), null);
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "gave up waiting for: " + what);
            Thread.sleep(10);
        }
    }

    /** A library with map m-1 recorded by a session; returns the session (the library stays open with the test). */
    private static MapSession recorded(Library lib) {
        lib.createMap(ChangeEngine.apply(TestMaps.empty("m-1", "Followed"), TestMaps.SCHEMA, TestMaps.starterContent()).after());
        LoadedMap m = lib.load("m-1");
        MapSession session = new MapSession(m.document(), m.schema(), "hub", m.lastSeq());
        lib.record(m, session);
        return session;
    }

    private static void edit(MapSession session, long seq) {
        session.applyRemote(ChangeSet.of("label", Change.setLabel("n-union", "U" + seq).withStamp(new Stamp("a-ana", seq))));
    }

    @Test
    void aCommitWakesTheFollowingNodeAtOnceWithoutWaitingForItsLook() throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        List<String> heard = new CopyOnWriteArrayList<>();
        try (Library writer = Library.open(store(db), TestMaps.SCHEMAS, Library.Options.defaults());
             ChangeFeed feed = ChangeFeed.start(store(db), Duration.ofHours(1), (map, rev) -> heard.add(map + "@" + rev))) {
            MapSession session = recorded(writer);
            feed.follow("m-1", 1);
            edit(session, 1);
            await("the notification of revision 2", () -> heard.contains("m-1@2"));
            edit(session, 2);
            edit(session, 3);
            await("revision 4", () -> heard.contains("m-1@4"));
            assertTrue(heard.stream().allMatch(h -> h.startsWith("m-1@")), heard.toString());
            assertEquals(heard.stream().distinct().toList(), heard, "each head heard once");
        }
    }

    @Test
    void aMissedNotificationCostsOnlyTheWaitForTheNextLook() throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        List<String> heard = new CopyOnWriteArrayList<>();
        try (Library writer = Library.open(store(db), TestMaps.SCHEMAS, Library.Options.defaults())) {
            MapSession session = recorded(writer);
            edit(session, 1);
            edit(session, 2);
            assertEquals(3, waitForHead(writer, 3));
            // the feed starts after those commits: their notifications went to nobody
            try (ChangeFeed feed = ChangeFeed.start(store(db), Duration.ofMillis(200), (map, rev) -> heard.add(map + "@" + rev))) {
                feed.follow("m-1", 1);
                await("the regular look finds revision 3", () -> heard.contains("m-1@3"));
                assertEquals(List.of("m-1@3"), heard, "straight to the head: the log has the rest");
            }
        }
    }

    private static long waitForHead(Library lib, long revision) throws InterruptedException {
        await("revision " + revision + " written", () -> lib.map("m-1").revision() >= revision);
        return lib.map("m-1").revision();
    }
}
