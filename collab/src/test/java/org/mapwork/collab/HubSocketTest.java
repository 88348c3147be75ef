package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapwork.collab.Loopback.await;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.collab.Loopback.Device;
import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.collab.net.JoinAddress;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.SchemaRegistry;
import org.mapwork.store.Library;

/** The hub and devices over real WebSockets on 127.0.0.1 (a free port each time). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HubSocketTest {

    private final MapDocument start = TestMaps.starter();
    @RegisterExtension
    final Closing open = new Closing();

    private HubServer hub(HubCore core) {
        return open.keep(HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(core)));
    }

    private Device device(String actor, HubServer server) {
        return open.keep(new Device(actor, start, server.mapUri(start.id()), TestMaps.TOKEN));
    }

    static MapDocument hubDocument(HubServer server, String mapId, HubCore core) {
        CompletableFuture<MapDocument> doc = new CompletableFuture<>();
        assertTrue(server.onMapThread(mapId, () -> doc.complete(core.document())));
        return doc.orTimeout(Loopback.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Every device shows the hub's map and has nothing left to send. */
    static void awaitConverged(HubServer server, HubCore core, Device... devices) {
        await("every device shows the hub's map with an empty outbox", () -> {
            MapDocument hub = hubDocument(server, core.document().id(), core);
            for (Device d : devices) {
                if (d.pending() != 0 || !d.document().equals(hub)) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void the_hub_binds_the_address_it_is_given_and_reports_its_port() {
        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        HubServer server = hub(core);
        assertEquals("127.0.0.1", server.host());
        assertTrue(server.port() > 0, "port " + server.port());
        JoinAddress join = JoinAddress.parse(server.joinUrl(start.id(), TestMaps.TOKEN).toString());
        assertEquals(server.mapUri(start.id()), join.map());
        assertEquals(TestMaps.TOKEN, join.token());
        assertFalse(join.toString().contains(TestMaps.TOKEN), "a join address never prints its token");
    }

    @Test
    void host_and_two_devices_editing_both_ways_end_equal() {
        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        HubServer server = hub(core);
        Device ana = device("ana", server);
        Device ben = device("ben", server);
        await("both online", () -> ana.online() && ben.online(), () -> ana + "; " + ben);

        ana.edit("Rename", Change.setLabel("a", "Workers' union"));
        ben.edit("Move", Change.setGeometry("b", start.element("b").geometry().movedBy(30, 40)));
        ana.edit("Add", Change.add(Element.node("n-ana", "actor", "Press", Geometry.box(500, 300, 100, 50), "Z")));
        ben.edit("Remove link", Change.remove("l3"));
        // the same property from both: the later in the hub's order wins everywhere
        ana.edit("Rename", Change.setLabel("c", "City council"));
        ben.edit("Rename", Change.setLabel("c", "Council (city)"));
        awaitConverged(server, core, ana, ben);

        MapDocument end = ana.document();
        assertEquals("Workers' union", end.element("a").label());
        assertEquals(start.element("b").geometry().movedBy(30, 40), end.element("b").geometry());
        assertEquals("Press", end.element("n-ana").label());
        assertFalse(end.contains("l3"), "ben's removal reached ana");
        assertTrue(List.of("City council", "Council (city)").contains(end.element("c").label()), end.element("c").label());
        assertEquals(6, core.serverSeq(), "six change sets, each once in the order");
    }

    @Test
    void a_device_cut_off_keeps_its_changes_and_catches_up_when_it_reconnects() {
        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        HubServer server = hub(core);
        Device ana = device("ana", server);
        Device ben = device("ben", server);
        await("both online", () -> ana.online() && ben.online(), () -> ana + "; " + ben);
        List<HubClient.State> states = new CopyOnWriteArrayList<>();
        ben.on(() -> {
            ben.client.onState(states::add);
            return null;
        });

        // Wi-Fi drops: ben edits in the same breath, before any reconnect can run on his thread
        ben.client.dropConnection();
        ben.edit("Rename offline", Change.setLabel("d", "Health clinic"));
        ana.edit("Rename", Change.setLabel("a", "Union"));
        ana.edit("Move", Change.setGeometry("i", start.element("i").geometry().movedBy(-10, 0)));
        awaitConverged(server, core, ana, ben);

        assertEquals(HubClient.State.OFFLINE, states.get(0), "ben's client said it was offline first: " + states);
        assertEquals(HubClient.State.ONLINE, states.get(states.size() - 1), states.toString());
        assertEquals("Health clinic", ana.document().element("d").label(), "ben's offline edit reached ana");
    }

    @Test
    void a_device_killed_and_started_again_with_queued_edits_converges() {
        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        // a tight hub: 100 messages at once, then 400 a second; ben sends at most 50 at once, then 200 a second
        HubServer server = open.keep(HubServer.start(Loopback.loopback(), 0, HubLimits.defaults().withRate(400, 100), List.of(core)));
        Device ana = device("ana", server);
        Device ben = device("ben", server);
        await("both online", () -> ana.online() && ben.online(), () -> ana + "; " + ben);
        ben.edit("Before", Change.setLabel("b", "Employers' federation"));
        awaitConverged(server, core, ana, ben);

        ben.kill();
        ben.pace = new HubClient.Pace(200, 50);
        await("the hub let ben go", () -> server.connections(start.id()) == 1);
        ben.edit("Queued 1", Change.add(Element.node("n-ben", "actor", "Insurer", Geometry.box(600, 0, 100, 50), "Zb")));
        // more change sets than the hub lets one connection send at once
        for (int i = 1; i <= 299; i++) {
            ben.edit("Queued rename", Change.setLabel("n-ben", "Insurer " + i));
        }
        ben.edit("Queued 2", Change.setLabel("i", "Sick pay"));
        ana.edit("Meanwhile", Change.remove("c"));
        await("ana's removal is in the order", () -> core.serverSeq() == 2);
        assertEquals(301, ben.pending(), "ben's edits wait in his outbox while he is away");

        ben.connect(server.mapUri(start.id()));
        List<HubClient.State> states = new CopyOnWriteArrayList<>();
        ben.on(() -> {
            ben.client.onState(states::add);
            return null;
        });
        awaitConverged(server, core, ana, ben);
        assertFalse(states.contains(HubClient.State.OFFLINE), "ben caught up on one connection: " + states + ", " + ben);
        MapDocument end = ana.document();
        assertEquals("Insurer 299", end.element("n-ben").label());
        assertEquals(2 + 301, core.serverSeq(), "every queued change set once");
        assertEquals("Sick pay", end.element("i").label());
        assertFalse(end.contains("c") || end.contains("l3"), "ana's removal (with its link) reached ben");
    }

    @Test
    void a_hub_restarted_from_its_library_recording_lets_devices_carry_on(@TempDir Path dir) throws Exception {
        SchemaRegistry schemas = SchemaRegistry.of(TestMaps.SCHEMA);
        Library library = open.keep(Library.open(dir, schemas, Library.Options.defaults().withBackupOnClose(false)));
        library.createMap(start, null, null, "host");
        HubRecording first = HubRecording.share(library, start.id(), TestMaps.TOKEN);
        HubServer server = HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(first.hub()));
        int port = server.port();
        Device ana = device("ana", server);
        Device ben = device("ben", server);
        await("both online", () -> ana.online() && ben.online(), () -> ana + "; " + ben);
        ana.edit("Rename", Change.setLabel("a", "Union of carers"));
        ben.edit("Add", Change.add(Element.node("n-ben", "issue", "Overtime", Geometry.box(300, 300, 100, 50), "Zb")));
        awaitConverged(server, first.hub(), ana, ben);

        // the host quits: the library has written what the hub ordered
        first.recorder().flush().get(30, TimeUnit.SECONDS);
        String hubId = first.hub().hubId();
        long sharedAt = first.sharedAt();
        server.close();
        first.close();
        await("both devices see the hub gone", () -> !ana.online() && !ben.online());
        ben.edit("Offline", Change.setLabel("n-ben", "Unpaid overtime"));

        HubRecording again = open.keep(HubRecording.resume(library, start.id(), TestMaps.TOKEN, hubId, sharedAt));
        assertEquals(2, again.hub().serverSeq(), "the restarted hub holds the order it had");
        HubServer restarted = open.keep(HubServer.start(Loopback.loopback(), port, HubLimits.defaults(), List.of(again.hub())));
        ana.edit("After", Change.setLabel("b", "Employers"));
        awaitConverged(restarted, again.hub(), ana, ben);
        assertEquals("Unpaid overtime", ana.document().element("n-ben").label());
        assertEquals(4, again.hub().serverSeq());
        again.recorder().flush().get(30, TimeUnit.SECONDS);
        assertEquals(again.hub().document(), library.load(start.id()).document(), "the library holds the map after the restart");
    }
}
