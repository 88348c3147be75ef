package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapwork.collab.Loopback.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.collab.Loopback.Device;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubNode;
import org.mapwork.collab.net.HubServer;
import org.mapwork.collab.net.HubShares;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.SchemaRegistry;
import org.mapwork.store.Library;
import org.mapwork.store.ServerStore;
import org.mapwork.store.testing.PostgresCluster;

/**
 * Issue 14's test: two hub nodes on one PostgreSQL database, one map, devices on both; the owning node (a process
 * of its own) is killed, the other takes the map over, the devices reconnect, and nothing acknowledged is lost.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HubNodesFailoverTest {

    @RegisterExtension
    static final PostgresCluster PG = new PostgresCluster();
    @RegisterExtension
    final Closing open = new Closing();
    @TempDir
    Path dir;

    private final MapDocument start = TestMaps.starter();

    @Test
    void the_owner_killed_the_other_node_takes_the_map_over_and_nothing_acknowledged_is_lost() throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        Map<String, String> credentials = Map.of("PGUSER", db.user(), "PGPASSWORD", db.password());
        Library library = open.keep(Library.open(ServerStore.parse(db.address(), credentials, null),
                SchemaRegistry.of(TestMaps.SCHEMA), Library.Options.defaults()));
        library.createMap(start, null, null, "host");
        String mapId = start.id();

        Path output = dir.resolve("first-node.txt");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                HubNodeProcess.class.getName(), db.address(), mapId)
                .redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().putAll(credentials);
        Process first = pb.start();
        try {
            await("the first node serves the map", () -> read(output).contains("serving ") || !first.isAlive(),
                    () -> read(output));
            assertTrue(first.isAlive(), () -> "the first node ended: " + read(output));
            URI atFirst = URI.create(read(output).lines().filter(l -> l.startsWith("serving ")).findFirst().orElseThrow()
                    .substring("serving ".length()).trim());

            HubServer second = open.keep(HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of()));
            HubNode node = open.keep(HubNode.start(library, second, List.of(mapId), Duration.ofMillis(100)));
            URI atSecond = second.mapUri(mapId);
            String token = HubShares.of(library).find(mapId).orElseThrow().token();

            // ana joined at the first node (and knows the second); ben at the second, which sends him to the owner
            Device ana = open.keep(new Device("ana", start, atFirst, token));
            ana.client.alsoAt(List.of(atSecond));
            Device ben = open.keep(new Device("ben", start, atSecond, token));
            await("both online", () -> ana.online() && ben.online(), () -> ana + "; " + ben);
            assertEquals(atFirst, ben.client.address(), "the second node sent ben to the map's owner");
            assertFalse(node.serves(mapId), "one node at a time serves a map");

            ana.edit("Rename", Change.setLabel("a", "Union of carers"));
            ben.edit("Add", Change.add(Element.node("n-ben", "issue", "Overtime", Geometry.box(300, 300, 100, 50), "Zb")));
            ana.edit("Move", Change.setGeometry("b", start.element("b").geometry().movedBy(10, 10)));
            ben.edit("Rename", Change.setLabel("n-ben", "Unpaid overtime"));
            await("both acknowledged and alike", () -> ana.pending() == 0 && ben.pending() == 0
                    && ana.document().equals(ben.document()), () -> ana + "; " + ben);
            // more while the owner dies: these may or may not be acknowledged before the kill
            ana.edit("Council", Change.setLabel("c", "Town council"));
            ben.edit("Clinic", Change.setLabel("d", "Walk-in clinic"));

            first.destroyForcibly(); // SIGKILL: its connection to PostgreSQL, and with it the claim, ends
            assertTrue(first.waitFor(20, TimeUnit.SECONDS));
            long killed = System.nanoTime();
            ana.edit("After", Change.setLabel("i", "Sick pay"));
            await("ana's change after the kill accepted by the other node", () -> ana.pending() == 0, () -> ana + "; " + ben);
            long failover = System.nanoTime() - killed;
            System.out.printf("failover: %d ms from the kill to the first change accepted by the other node%n",
                    TimeUnit.NANOSECONDS.toMillis(failover));

            assertTrue(node.serves(mapId), "the second node took the map over");
            HubRecording taken = node.recording(mapId).orElseThrow();
            HubSocketTest.awaitConverged(second, taken.hub(), ana, ben);
            MapDocument converged = HubSocketTest.hubDocument(second, mapId, taken.hub());
            assertEquals(atSecond, ana.client.address());
            assertEquals(atSecond, ben.client.address());
            assertEquals("Union of carers", converged.element("a").label());
            assertEquals(start.element("b").geometry().movedBy(10, 10), converged.element("b").geometry());
            assertEquals("Unpaid overtime", converged.element("n-ben").label());
            assertEquals("Town council", converged.element("c").label());
            assertEquals("Walk-in clinic", converged.element("d").label());
            assertEquals("Sick pay", converged.element("i").label());

            taken.recorder().flush().get(30, TimeUnit.SECONDS);
            assertEquals(converged, library.load(mapId).document(), "the database holds the map the devices converged on");
        } finally {
            first.destroyForcibly();
            first.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
