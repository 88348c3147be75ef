package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.mapwork.store.testing.PostgresCluster;

/** One node at a time claims a map on a shared server database, and a lost node's claims pass on (real PostgreSQL). */
class MapClaimsTest {

    @RegisterExtension
    static final PostgresCluster PG = new PostgresCluster();

    private static Library open(PostgresCluster.Database db) {
        return Library.open(ServerStore.parse(db.address(), Map.of("PGUSER", db.user(), "PGPASSWORD", db.password()), null),
                TestMaps.SCHEMAS, Library.Options.defaults());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "gave up waiting for: " + what);
            Thread.sleep(10);
        }
    }

    /** The server process of the connection that holds Mapwork's claim of {@code mapId}, or 0. */
    private static int claimHolder(Connection c, String mapId) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
                + "AND objsubid = 2 AND classid = hashtext('mapwork map')::oid AND objid = hashtext(?)::oid")) {
            ps.setString(1, mapId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    @Test
    void theServerProbesANodesConnectionsSoACutOffNodeLosesItsClaimsInSeconds() throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        ServerStore store = ServerStore.parse(db.address(), Map.of("PGUSER", db.user(), "PGPASSWORD", db.password()), null);
        try (Connection c = java.sql.DriverManager.getConnection(store.jdbcUrl(), store.connectionProperties());
             Statement st = c.createStatement()) {
            for (Map.Entry<String, String> setting : Map.of("tcp_keepalives_idle", "5", "tcp_keepalives_interval", "2",
                    "tcp_keepalives_count", "3").entrySet()) {
                try (ResultSet rs = st.executeQuery("SHOW " + setting.getKey())) {
                    assertTrue(rs.next());
                    assertEquals(setting.getValue(), rs.getString(1).replace("s", ""), setting.getKey());
                }
            }
        }
    }

    @Test
    void aMapIsClaimedByOneNodeAtATimeAndALostNodesClaimPassesOn() throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        try (Library nodeA = open(db); Library nodeB = open(db); Connection admin = db.connect()) {
            List<String> lostByA = new CopyOnWriteArrayList<>();
            nodeA.onClaimLost(lostByA::add);
            assertTrue(nodeA.claim("m-1"));
            assertTrue(nodeA.claim("m-1"), "claiming again keeps it");
            assertFalse(nodeB.claim("m-1"), "one node at a time");
            assertTrue(nodeB.claim("m-2"), "another map is free");

            nodeA.releaseClaim("m-1");
            assertTrue(nodeB.claim("m-1"), "released, it passes on");
            nodeB.releaseClaim("m-1");
            assertTrue(nodeA.claim("m-1"));

            // node A's writer connection dies (as when its process is killed or its network goes)
            int holderOfM1 = claimHolder(admin, "m-1");
            assertTrue(holderOfM1 > 0);
            try (Statement st = admin.createStatement()) {
                st.execute("SELECT pg_terminate_backend(" + holderOfM1 + ")");
            }
            await("node B claims m-1 once A's connection is gone", () -> nodeB.claim("m-1"));
            // node A finds out when its writer next works: its connection is new, and m-1 is B's now
            assertThrows(LibraryException.class, () -> nodeA.claim("m-3"), "the work on the dead connection fails");
            await("node A hears that it lost m-1", () -> lostByA.contains("m-1"));
            assertTrue(nodeA.claim("m-3"), "node A works again, on a new connection");
            assertFalse(nodeA.claim("m-1"));
        }
    }

    @Test
    void closingANodesLibraryLetsItsClaimsGo() throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        try (Library nodeB = open(db)) {
            try (Library nodeA = open(db)) {
                assertTrue(nodeA.claim("m-1"));
                assertFalse(nodeB.claim("m-1"));
            }
            assertTrue(nodeB.claim("m-1"));
        }
    }

    @Test
    void whenTheProcessHoldingAClaimIsKilledAnotherNodeTakesTheMap(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        java.nio.file.Path out = dir.resolve("holder.txt");
        ProcessBuilder pb = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ClaimHolder.class.getName(), db.address(), "m-1")
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("PGUSER", db.user());
        pb.environment().put("PGPASSWORD", db.password());
        Process holder = pb.start();
        try (Library node = open(db)) {
            try {
                await("the other process claims m-1", () -> {
                    try {
                        return java.nio.file.Files.readString(out).contains("claimed") || !holder.isAlive();
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
                assertEquals("claimed", java.nio.file.Files.readString(out).strip());
                assertFalse(node.claim("m-1"), "held by the other process");
            } finally {
                holder.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the server
                holder.waitFor(30, TimeUnit.SECONDS);
            }
            long killed = System.nanoTime();
            await("this node takes m-1 over", () -> node.claim("m-1"));
            System.out.printf("MapClaimsTest: claim taken over %.0f ms after the holder was killed%n",
                    (System.nanoTime() - killed) / 1e6);
        }
    }
}
