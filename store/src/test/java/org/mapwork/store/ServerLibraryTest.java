package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.Stamp;
import org.mapwork.store.testing.PostgresCluster;

/** The library kept in a real PostgreSQL (a throw-away server, {@link PostgresCluster}): what a hub server keeps. */
class ServerLibraryTest {

    @RegisterExtension
    static final PostgresCluster PG = new PostgresCluster();

    private static MapDocument starter(String id, String title) {
        return ChangeEngine.apply(TestMaps.empty(id, title), TestMaps.SCHEMA, TestMaps.starterContent()).after();
    }

    private static Library.Options options() {
        return Library.Options.defaults().withSnapshotEvery(5);
    }

    private static ServerStore store(PostgresCluster.Database db) {
        return ServerStore.parse(db.address(), Map.of("PGUSER", db.user(), "PGPASSWORD", db.password()), null);
    }

    /** A change by {@code actor}, with its own sequence number (as a device's change reaches the hub). */
    private static ChangeSet byAuthor(String actor, long seq, String label) {
        return ChangeSet.of("label " + label, Change.setLabel("n-union", label).withStamp(new Stamp(actor, seq)));
    }

    @Test
    void aMapItsAuthorsChangesAndRevisionsLiveOnTheServerAcrossOpenings() throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        MapDocument live;
        Workshop workshop;
        try (Library lib = Library.open(store(db), TestMaps.SCHEMAS, options())) {
            assertTrue(lib.isOnServer());
            assertEquals(1, lib.openingNotes().size(), "a new database gets its tables, and says so");
            assertTrue(lib.openingNotes().get(0).contains("had no Mapwork tables"), lib.openingNotes().get(0));
            workshop = lib.createWorkshop("Health department, spring");
            Team team = lib.createTeam(workshop.id(), "Team B");
            lib.createMap(starter("m-1", "Power map, team B"), workshop.id(), team.id(), "a-facilitator");
            LoadedMap m = lib.load("m-1");
            MapSession session = new MapSession(m.document(), m.schema(), "hub", m.lastSeq());
            try (MapRecorder recorder = lib.record(m, session)) {
                session.applyRemote(byAuthor("a-ana", 1, "Union A"));
                session.applyRemote(byAuthor("a-ben", 1, "Union B"));
                TestMaps.RandomEdits edits = new TestMaps.RandomEdits(3);
                int applied = 0;
                while (applied < 12) {
                    try {
                        session.apply(edits.next(session.document()));
                        applied++;
                    } catch (org.mapwork.model.ChangeRejected refused) {
                        // a random edit that does not fit; the session is unchanged
                    }
                }
                assertEquals(15, recorder.flush().get());
                live = session.document();
            }
        }
        try (Library lib = Library.open(store(db), TestMaps.SCHEMAS, options())) {
            assertEquals(List.of(), lib.openingNotes(), "up-to-date tables need nothing done");
            LoadedMap again = lib.load("m-1");
            assertEquals(live, again.document());
            assertEquals(15, again.revision());
            assertEquals("Team B", lib.map("m-1").team().name());
            assertEquals(List.of(workshop.id()), lib.workshops().stream().map(Workshop::id).toList());
            List<Revision> revisions = lib.revisions("m-1");
            assertEquals(List.of("a-facilitator", "a-ana", "a-ben"), revisions.subList(0, 3).stream().map(Revision::actor).toList());
            assertEquals("Union A", lib.documentAt("m-1", 2).element("n-union").label());
            Iterator<RevisionState> replay = lib.replay("m-1");
            RevisionState last = null;
            int states = 0;
            while (replay.hasNext()) {
                last = replay.next();
                states++;
            }
            assertEquals(16, states, "revision 0 and every logged change set");
            assertEquals(live, last.document());
            assertTrue(lib.fact("hub-share/m-1").isEmpty());
            lib.keepFact("hub-share/m-1", "token=t1");
            assertEquals("token=t1", lib.fact("hub-share/m-1").orElseThrow());
            assertThrows(LibraryException.class, lib::backup, "a server library is backed up with pg_dump");
        }
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM snapshot WHERE map_id = 'm-1'")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 3, "snapshots in the database (at 0, 1 and every 5 revisions)");
        }
    }

    @Test
    void twoWritersOnOneMapCannotBothTakeTheSamePlaceInItsOrderWhileOtherMapsGoOn() throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        try (Library first = Library.open(store(db), TestMaps.SCHEMAS, options());
             Library second = Library.open(store(db), TestMaps.SCHEMAS, options())) {
            first.createMap(starter("m-shared", "One map, two nodes"));
            first.createMap(starter("m-a", "Node A's map"));
            second.createMap(starter("m-b", "Node B's map"));
            LoadedMap onFirst = first.load("m-shared");
            LoadedMap onSecond = second.load("m-shared");
            MapSession s1 = new MapSession(onFirst.document(), onFirst.schema(), "hub", onFirst.lastSeq());
            MapSession s2 = new MapSession(onSecond.document(), onSecond.schema(), "hub", onSecond.lastSeq());
            LoadedMap a = first.load("m-a");
            LoadedMap b = second.load("m-b");
            MapSession sa = new MapSession(a.document(), a.schema(), "hub", a.lastSeq());
            MapSession sb = new MapSession(b.document(), b.schema(), "hub", b.lastSeq());
            MapRecorder r1 = first.record(onFirst, s1);
            MapRecorder r2 = second.record(onSecond, s2);
            MapRecorder ra = first.record(a, sa);
            MapRecorder rb = second.record(b, sb);
            int each = 20;
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> writers = new ArrayList<>();
            writers.add(new Thread(() -> edit(go, s1, sa, "a-ana", each)));
            writers.add(new Thread(() -> edit(go, s2, sb, "a-ben", each)));
            writers.forEach(Thread::start);
            go.countDown();
            for (Thread t : writers) {
                t.join(TimeUnit.SECONDS.toMillis(60));
                assertFalse(t.isAlive(), "an editing thread is stuck");
            }
            assertEquals(1 + each, ra.flush().get(30, TimeUnit.SECONDS), "node A's own map: every change saved");
            assertEquals(1 + each, rb.flush().get(30, TimeUnit.SECONDS), "node B's own map: every change saved");
            boolean firstWon = !r1.lostItsPlace();
            MapRecorder winner = firstWon ? r1 : r2;
            MapRecorder loser = firstWon ? r2 : r1;
            assertTrue(loser.lostItsPlace(), "exactly one of the two keeps the shared map's order");
            assertEquals(1 + each, winner.flush().get(30, TimeUnit.SECONDS));
            ExecutionException refused = assertThrows(ExecutionException.class, () -> loser.flush().get(30, TimeUnit.SECONDS));
            assertTrue(refused.getCause().getMessage().contains("another Mapwork on the same database"),
                    refused.getCause().getMessage());
            assertTrue(loser.problem().isPresent());

            MapDocument won = (firstWon ? s1 : s2).document();
            String author = firstWon ? "a-ana" : "a-ben";
            List<Revision> log = first.revisions("m-shared");
            assertEquals(1 + each, log.size(), "one change set per place, no gaps");
            for (int i = 0; i < log.size(); i++) {
                assertEquals(i + 1, log.get(i).number());
            }
            assertTrue(log.subList(1, log.size()).stream().allMatch(r -> r.actor().equals(author)),
                    "every later revision is the winner's");
            assertEquals(won, second.load("m-shared").document(), "both nodes read the winner's map");
            ra.close();
            rb.close();
            winner.close();
            assertThrows(LibraryException.class, loser::close, "closing says that changes were not saved");
        }
    }

    /** Applies {@code n} changes by {@code actor} to the shared map and to this node's own map, in turns. */
    private static void edit(CountDownLatch go, MapSession shared, MapSession own, String actor, int n) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (int i = 1; i <= n; i++) {
            shared.applyRemote(byAuthor(actor, i, actor + " " + i));
            own.applyRemote(byAuthor(actor, i, "own " + i));
        }
    }

    @Test
    void wrongPasswordsMissingDatabasesAndAbsentServersAreToldApart() throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        ServerStore wrong = ServerStore.parse(db.address(), Map.of("PGUSER", db.user(), "PGPASSWORD", "not-it"), null);
        LibraryException e = assertThrows(LibraryException.class, () -> Library.open(wrong, TestMaps.SCHEMAS, options()));
        assertTrue(e.getMessage().contains("refused the password of user '" + db.user() + "'"), e.getMessage());

        ServerStore none = ServerStore.parse(db.address(), Map.of("PGUSER", db.user()), null);
        e = assertThrows(LibraryException.class, () -> Library.open(none, TestMaps.SCHEMAS, options()));
        assertTrue(e.getMessage().contains("asks for the password"), e.getMessage());

        ServerStore noDb = ServerStore.parse("postgresql://127.0.0.1:" + PG.port() + "/no_such_db",
                Map.of("PGUSER", db.user(), "PGPASSWORD", db.password()), null);
        e = assertThrows(LibraryException.class, () -> Library.open(noDb, TestMaps.SCHEMAS, options()));
        assertTrue(e.getMessage().contains("has no database 'no_such_db'"), e.getMessage());

        int closedPort;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        ServerStore away = ServerStore.parse("postgresql://127.0.0.1:" + closedPort + "/x",
                Map.of("PGUSER", db.user(), "PGPASSWORD", db.password()), null);
        e = assertThrows(LibraryException.class, () -> Library.open(away, TestMaps.SCHEMAS, options()));
        assertTrue(e.getMessage().startsWith("No PostgreSQL answers at 127.0.0.1:" + closedPort), e.getMessage());

        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE patients (id INTEGER PRIMARY KEY)");
        }
        e = assertThrows(LibraryException.class, () -> Library.open(store(db), TestMaps.SCHEMAS, options()));
        assertTrue(e.getMessage().contains("already holds tables that are not Mapwork's"), e.getMessage());
    }

    @Test
    void anOlderSchemaIsBroughtUpToDateAndSaysFromWhichVersion() throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        ServerStore store = store(db);
        org.flywaydb.core.Flyway.configure(Library.class.getClassLoader())
                .dataSource(db.jdbcUrl(), db.user(), db.password()).locations("classpath:db/postgresql")
                .target("2").load().migrate();
        try (Library lib = Library.open(store, TestMaps.SCHEMAS, options())) {
            assertEquals(List.of("Brought the tables of " + store.address() + " from schema version 2 up to "
                    + LibraryFiles.SCHEMA_VERSION + "."), lib.openingNotes());
            lib.createMap(starter("m-1", "After the upgrade"));
            assertEquals(1, lib.load("m-1").revision());
        }
    }

    @Test
    void aLibraryCarriesOnWhenPostgresqlRestartsUnderIt() throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        try (Library lib = Library.open(store(db), TestMaps.SCHEMAS, options())) {
            lib.createMap(starter("m-1", "Through a restart"));
            LoadedMap m = lib.load("m-1");
            MapSession session = new MapSession(m.document(), m.schema(), "hub", m.lastSeq());
            try (MapRecorder recorder = lib.record(m, session)) {
                List<java.util.Optional<LibraryException>> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
                recorder.onProblem(problems::add);
                session.applyRemote(byAuthor("a-ana", 1, "Before"));
                assertEquals(2, recorder.flush().get(30, TimeUnit.SECONDS));
                PG.restart(); // every connection of the library is gone
                session.applyRemote(byAuthor("a-ana", 2, "After"));
                assertEquals(3, recorder.flush().get(60, TimeUnit.SECONDS), "written on a new connection");
                assertTrue(problems.get(0).isPresent(), "the write on the dead connection failed first: " + problems);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (problems.get(problems.size() - 1).isPresent()) {
                    assertTrue(System.nanoTime() < deadline, "the problem was never cleared: " + problems);
                    Thread.sleep(10);
                }
                assertEquals(session.document(), lib.load("m-1").document(), "read on a new connection");
            }
        }
    }

    @Test
    void aCommitWhoseAnswerWasLostWithTheConnectionCountsAsWrittenNotAsTaken() throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        try (Library lib = Library.open(store(db), TestMaps.SCHEMAS, options());
             Connection other = db.connect()) {
            lib.createMap(starter("m-1", "A lost answer"));
            LoadedMap m = lib.load("m-1");
            MapSession session = new MapSession(m.document(), m.schema(), "hub", m.lastSeq());
            List<MapSession.Event> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (MapRecorder recorder = lib.record(m, session)) {
                session.addListener(seen::add);
                other.setAutoCommit(false);
                try (Statement st = other.createStatement()) {
                    st.execute("LOCK TABLE change_set IN SHARE ROW EXCLUSIVE MODE"); // the writer's insert waits
                }
                session.applyRemote(byAuthor("a-ana", 1, "Kept once"));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (writerWaiting(other) == 0) {
                    assertTrue(System.nanoTime() < deadline, "the writer never waited for the table");
                    Thread.sleep(10);
                }
                // what the writer's commit would have done, committed; then its connection dies before the answer
                MapSession.Event e = seen.get(0);
                LogStore.insertChangeSet(other, "m-1", 2, e.origin().name(), e.changeSet(), ChangeSetCodec.toJson(e.changeSet()));
                LogStore.updateHead(other, "m-1", e.document().title(), e.changeSet().time(), 2);
                try (Statement st = other.createStatement()) {
                    st.execute("SELECT pg_terminate_backend(" + writerWaiting(other) + ")");
                }
                other.commit();
                assertEquals(2, recorder.flush().get(60, TimeUnit.SECONDS));
                assertFalse(recorder.lostItsPlace(), "its own change set is not another writer's");
                session.applyRemote(byAuthor("a-ana", 2, "Then more"));
                assertEquals(3, recorder.flush().get(60, TimeUnit.SECONDS));
                assertEquals(3, lib.revisions("m-1").size());
                assertEquals(session.document(), lib.load("m-1").document());
            }
        }
    }

    /** The process id of a library connection waiting for a lock, or 0. */
    private static int writerWaiting(Connection c) throws java.sql.SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity "
                + "WHERE application_name = 'mapwork' AND wait_event_type = 'Lock'")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
