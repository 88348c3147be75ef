package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapwork.collab.Loopback.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.mapwork.collab.net.SharedMapsOnDevice;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.schema.SchemaRegistry;
import org.mapwork.store.Library;
import org.mapwork.store.SharedMaps;

/** A joined map kept in the device's library: queued edits survive a quit and reach the hub once, on real sockets. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KeptShareTest {

    private final MapDocument start = TestMaps.starter();
    @RegisterExtension
    final Closing open = new Closing();
    private final ExecutorService caiThread = open.keepThread(Executors.newSingleThreadExecutor(r -> new Thread(r, "session-cai")));

    private static Library library(Path dir) {
        return Library.open(dir, SchemaRegistry.of(TestMaps.SCHEMA), Library.Options.defaults().withBackupOnClose(false));
    }

    private <T> T onCai(Callable<T> task) {
        try {
            return caiThread.submit(task).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void edits_queued_while_the_hub_is_down_survive_a_quit_and_land_on_the_hub_once(@TempDir Path dir) throws Exception {
        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        HubServer server = HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(core));
        int port = server.port();
        Device ana = open.keep(new Device("ana", start, server.mapUri(start.id()), TestMaps.TOKEN));
        await("ana online", ana::online, ana::toString);
        ana.edit("Before cai", Change.setLabel("a", "Union of carers"));
        await("ana's edit is in the order", () -> core.serverSeq() == 1);

        Library library = library(dir);
        JoinAddress address = JoinAddress.parse(server.joinUrl(start.id(), TestMaps.TOKEN).toString());
        SharedMapsOnDevice.Opened cai = SharedMapsOnDevice.join(library, address, "cai", "Cai", TestMaps::schemaFor,
                caiThread, Loopback.FAST).get(30, TimeUnit.SECONDS);
        await("cai online", () -> cai.client().state() == HubClient.State.ONLINE, () -> String.valueOf(cai.client().problem()));
        onCai(() -> cai.session().apply("Online edit", Change.setLabel("b", "Employers")));
        await("cai's online edit is confirmed", () -> core.serverSeq() == 2 && onCai(() -> cai.client().core().pending()) == 0);

        SharedMaps.Share share = SharedMapsOnDevice.list(library).get(0);
        assertEquals(start.id(), share.mapId());
        assertEquals(server.mapUri(start.id()).toString(), share.address(), "kept without the token");
        assertFalse(share.address().contains(TestMaps.TOKEN));
        Path tokenFile = dir.resolve("shares").resolve(start.id() + ".token");
        assertEquals(TestMaps.TOKEN, Files.readString(tokenFile).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));

        // the hub goes away; cai edits on, and each edit is kept in the library
        server.close();
        await("cai sees the hub gone", () -> cai.client().state() != HubClient.State.ONLINE);
        onCai(() -> cai.session().apply("Offline 1", Change.setLabel("c", "City council")));
        onCai(() -> cai.session().apply("Offline 2", Change.add(Element.node("n-cai", "actor", "Press",
                Geometry.box(500, 300, 100, 50), "Z"))));
        onCai(() -> cai.session().undo());
        onCai(() -> cai.session().redo());
        cai.kept().whenKept().get(20, TimeUnit.SECONDS);
        assertTrue(cai.kept().isKept(), cai.kept().toString());
        List<SharedMaps.Queued> queued = library.shared().outbox(start.id());
        assertEquals(4, queued.size(), "four change sets in the kept outbox");
        assertEquals(List.of(false, false, true, true), queued.stream().map(SharedMaps.Queued::conditional).toList(),
                "undo and redo are kept as conditional");
        MapDocument shownBeforeQuit = onCai(() -> cai.session().document());

        // quit: the client closes, the library closes
        cai.close().get(30, TimeUnit.SECONDS);
        library.close();

        // started again: the library holds the map and its outbox; the editor shows it offline at once
        Library again = open.keep(library(dir));
        assertEquals(List.of(start.id()), SharedMapsOnDevice.list(again).stream().map(SharedMaps.Share::mapId).toList());
        assertEquals(2, SharedMapsOnDevice.list(again).get(0).confirmedSeq());
        SharedMapsOnDevice.Opened reopened = SharedMapsOnDevice.resume(again, start.id(), caiThread, Loopback.FAST)
                .get(30, TimeUnit.SECONDS);
        assertEquals(shownBeforeQuit, onCai(() -> reopened.session().document()), "the map as cai left it, offline");
        assertEquals(4, onCai(() -> reopened.client().core().pending()));

        // the hub is back (same order, same port): the queued edits land, each once
        HubServer back = open.keep(HubServer.start(Loopback.loopback(), port, HubLimits.defaults(), List.of(core)));
        ana.edit("Meanwhile", Change.setLabel("d", "Clinic (ana)"));
        await("cai's outbox is confirmed and cai shows the hub's map", () -> {
            MapDocument hub = HubSocketTest.hubDocument(back, start.id(), core);
            return ana.pending() == 0 && ana.document().equals(hub)
                    && onCai(() -> reopened.client().core().pending() == 0 && reopened.session().document().equals(hub));
        }, () -> reopened.client().state() + " " + reopened.client().problem());
        assertEquals(2 + 4 + 1, core.serverSeq(), "each queued change set once (the hub de-duplicates by actor and seq): "
                + core.log().stream().map(e -> e.serverSeq() + " " + e.actor() + "/" + e.clientSeq() + " " + e.changeSet().summary()).toList()
                + " refusals " + core.refusals());
        MapDocument end = HubSocketTest.hubDocument(back, start.id(), core);
        assertEquals("City council", end.element("c").label());
        assertEquals("Press", end.element("n-cai").label());
        assertEquals("Clinic (ana)", end.element("d").label());

        await("the kept outbox is empty and the library holds the hub's map", () -> {
            try {
                reopened.kept().whenKept().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return again.shared().outbox(start.id()).isEmpty() && onCai(() -> reopened.kept().confirmed()).equals(end);
        });
        reopened.close().get(30, TimeUnit.SECONDS);
        assertEquals(end, again.load(start.id()).document(), "the library map is the confirmed map");
        assertEquals(core.serverSeq(), again.shared().find(start.id()).orElseThrow().confirmedSeq());
    }

    @Test
    void a_change_set_the_hub_committed_while_its_answer_was_lost_is_not_sent_again_after_a_restart(@TempDir Path dir)
            throws Exception {
        HubCore hub = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        Library library = library(dir);
        // cai joins (no network: the welcome's snapshot as the joiner takes it)
        Message.Welcome w = (Message.Welcome) hub.receive("c1", new Message.Hello(1, start.id(), TestMaps.TOKEN, "cai", "Cai", 0))
                .get(0).message();
        MapDocument joined = Snapshots.read(w.snapshot(), start.id(), TestMaps::schemaFor);
        library.shared().keep(joined, "ws://127.0.0.1:1/maps/" + start.id(), TestMaps.TOKEN, "cai", "Cai", w.hub(), w.serverSeq(), 0);
        SharedMapsOnDevice.Reopened first = SharedMapsOnDevice.reopen(library, start.id());
        ClientCore cai = first.core();
        cai.receive(hub.receive("c1", cai.hello()).get(0).message());
        assertTrue(cai.isJoined());

        cai.session().apply("Rename", Change.setLabel("a", "Carers"));
        List<Message> sent = cai.outgoing();
        assertEquals(1, sent.size());
        List<HubCore.Outgoing> answer = hub.receive("c1", sent.get(0));
        assertTrue(answer.get(0).message() instanceof Message.Commit, "the hub committed it; the answer is lost");
        first.kept().whenKept().get(20, TimeUnit.SECONDS);
        assertEquals(1, library.shared().outbox(start.id()).size());
        first.kept().close();
        library.close();
        hub.disconnect("c1");

        Library again = open.keep(library(dir));
        SharedMapsOnDevice.Reopened second = SharedMapsOnDevice.reopen(again, start.id());
        assertEquals("Carers", second.core().session().document().element("a").label(), "shown from the kept outbox");
        List<Message> afterWelcome = second.core().receive(hub.receive("c2", second.core().hello()).get(0).message());
        assertEquals(List.of(), afterWelcome, "its own entry came with the welcome: nothing to send again");
        assertEquals(0, second.core().pending());
        assertEquals(1, hub.serverSeq());
        assertEquals(hub.document(), second.core().session().document());
        second.kept().whenKept().get(20, TimeUnit.SECONDS);
        assertEquals(List.of(), again.shared().outbox(start.id()), "the entry took it out of the kept outbox");
        assertEquals(hub.document(), second.kept().confirmed());
        second.kept().close();
        assertEquals(1, again.shared().find(start.id()).orElseThrow().confirmedSeq());
    }

    /** Delivers the hub's answers to {@code device} and its replies back, until neither has more to say (bounded). */
    private static void talk(HubCore hub, String connection, ClientCore device, List<Message> fromDevice) {
        java.util.ArrayDeque<Message> up = new java.util.ArrayDeque<>(fromDevice);
        for (int round = 0; round < 1000 && !up.isEmpty(); round++) {
            for (HubCore.Outgoing o : hub.receive(connection, up.poll())) {
                if (o.connection().equals(connection)) {
                    up.addAll(device.receive(o.message()));
                }
            }
        }
        assertTrue(up.isEmpty(), "the conversation ended");
    }

    @Test
    void a_device_started_again_from_its_library_brings_back_entries_a_crashed_hub_lost(@TempDir Path dir) throws Exception {
        HubCore first = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        Library library = library(dir);
        Message.Welcome w = (Message.Welcome) first.receive("c1", new Message.Hello(1, start.id(), TestMaps.TOKEN, "cai", "Cai", 0))
                .get(0).message();
        library.shared().keep(Snapshots.read(w.snapshot(), start.id(), TestMaps::schemaFor),
                "ws://127.0.0.1:1/maps/" + start.id(), TestMaps.TOKEN, "cai", "Cai", w.hub(), w.serverSeq(), 0);
        SharedMapsOnDevice.Reopened cai = SharedMapsOnDevice.reopen(library, start.id());
        talk(first, "c1", cai.core(), List.of(cai.core().hello()));
        ClientCore ana = new ClientCore(new MapSession(start, TestMaps.SCHEMA, "ana", 0), TestMaps.TOKEN, "Ana", 0);
        talk(first, "c2", ana, List.of(ana.hello()));

        cai.core().session().apply("Cai 1", Change.setLabel("a", "Carers"));
        talk(first, "c1", cai.core(), cai.core().outgoing());
        ana.session().apply("Ana 1", Change.remove("c"));
        for (HubCore.Outgoing o : first.receive("c2", ana.outgoing().get(0))) {
            if (o.connection().equals("c1")) {
                cai.core().receive(o.message());
            }
        }
        cai.core().session().apply("Cai 2", Change.add(Element.node("n-cai", "actor", "Press", Geometry.box(500, 300, 100, 50), "Z")));
        talk(first, "c1", cai.core(), cai.core().outgoing());
        assertEquals(3, cai.core().confirmedSeq());
        MapDocument acknowledged = first.document();
        cai.kept().whenKept().get(20, TimeUnit.SECONDS);
        cai.kept().close();
        library.close();

        // the hub crashes having written only its first entry; ana's laptop is gone for good
        HubCore restarted = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN, HubCore.newHubId(), first.log().subList(0, 1),
                HubCore.restartedFrom(first.hubId(), first.lineage(), 1), java.util.Map.of());
        Library again = open.keep(library(dir));
        SharedMapsOnDevice.Reopened back = SharedMapsOnDevice.reopen(again, start.id());
        assertEquals(3, back.core().recentEntries().size(), "the entries kept in the library, for an upload");
        talk(restarted, "c3", back.core(), List.of(back.core().hello()));

        assertEquals(acknowledged, restarted.document(), "ana's and cai's acknowledged change sets came back from cai's library");
        assertEquals(3, restarted.serverSeq());
        assertEquals(restarted.document(), back.core().session().document());
        assertTrue(back.core().isJoined());
        back.kept().whenKept().get(20, TimeUnit.SECONDS);
        back.kept().close();
    }
}
