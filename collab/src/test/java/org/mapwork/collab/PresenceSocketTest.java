package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapwork.collab.Loopback.await;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

import org.mapwork.collab.Loopback.Device;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.model.Change;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;

/** Presence and who is in, over real WebSockets on 127.0.0.1. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PresenceSocketTest {

    private final MapDocument start = TestMaps.starter();
    @RegisterExtension
    final Closing open = new Closing();

    private HubServer hub(HubCore core, HubLimits limits) {
        return open.keep(HubServer.start(Loopback.loopback(), 0, limits, List.of(core)));
    }

    private Device device(String actor, HubServer server) {
        return open.keep(new Device(actor, start, server.mapUri(start.id()), TestMaps.TOKEN));
    }

    private static Peers.Peer peer(Device d, String actor) {
        return d.on(() -> d.client.peers().get(actor).orElse(null));
    }

    private static List<String> names(Device d) {
        return d.on(() -> d.client.peers().list().stream().map(Peers.Peer::name).toList());
    }

    @Test
    void two_devices_see_each_others_cursor_selection_and_who_is_in() {
        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        HubServer server = hub(core, HubLimits.defaults());
        Device ana = device("ana", server);
        Device ben = device("ben", server);
        await("both online", () -> ana.online() && ben.online(), () -> ana + "; " + ben);
        await("each has the other in", () -> names(ana).equals(List.of("ben")) && names(ben).equals(List.of("ana")),
                () -> names(ana) + " " + names(ben));
        assertEquals(PresenceColours.of("ben"), peer(ana, "ben").colour());

        PresenceState anas = new PresenceState(new PresenceState.Cursor(120.5, -40), List.of("a", "l1"), null);
        ana.client.setPresence(anas);
        PresenceState bens = new PresenceState(null, List.of("i"), "i");
        ben.client.setPresence(bens);
        await("ben sees ana's cursor and selection", () -> anas.equals(peer(ben, "ana").state()), () -> String.valueOf(peer(ben, "ana")));
        await("ana sees ben editing the issue's label", () -> bens.equals(peer(ana, "ben").state()), () -> String.valueOf(peer(ana, "ben")));
        assertEquals(0, core.serverSeq(), "presence is not a change");
        assertEquals(start, HubSocketTest.hubDocument(server, start.id(), core));

        // a newcomer sees what the others are doing without waiting for them to move
        Device cy = device("cy", server);
        await("cy sees ana's and ben's presence", () -> peer(cy, "ana") != null && anas.equals(peer(cy, "ana").state())
                && peer(cy, "ben") != null && bens.equals(peer(cy, "ben").state()), () -> names(cy).toString());
        CompletableFuture<List<String>> order = new CompletableFuture<>();
        assertTrue(server.onMapThread(start.id(), () -> order.complete(core.people().stream().map(Message.Person::actor)
                .filter(a -> !a.equals("cy")).toList())));
        assertEquals(order.orTimeout(Loopback.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join(), names(cy),
                "in the order they came in to the hub");
    }

    @Test
    void a_device_that_goes_is_taken_out_of_the_others_list_with_its_presence() {
        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        HubServer server = hub(core, HubLimits.defaults());
        Device ana = device("ana", server);
        Device ben = device("ben", server);
        await("each has the other in", () -> names(ana).equals(List.of("ben")) && names(ben).equals(List.of("ana")));
        ben.client.setPresence(new PresenceState(new PresenceState.Cursor(1, 2), List.of(), null));
        await("ana sees ben's cursor", () -> peer(ana, "ben").state().cursor() != null);

        ben.kill();
        await("ben is out of ana's list", () -> names(ana).isEmpty(), () -> names(ana).toString());

        // a raw connection whose socket is cut without a close handshake goes too
        Watcher eve = open.keep(Watcher.join(server, "eve"));
        await("eve is in ana's list", () -> names(ana).equals(List.of("eve")), () -> names(ana).toString());
        eve.socket.abort();
        await("eve is out of ana's list", () -> names(ana).isEmpty(), () -> names(ana).toString());
        assertTrue(ana.online());
    }

    @Test
    void the_host_removes_a_person_who_is_told_why_and_refused_when_trying_again() {
        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        HubServer server = hub(core, HubLimits.defaults());
        Device ana = device("ana", server);
        Device mal = device("mal", server);
        await("each has the other in", () -> names(ana).equals(List.of("mal")) && names(mal).equals(List.of("ana")));

        assertTrue(server.removePerson(start.id(), "mal"));
        await("mal is refused with the reason", () -> mal.client.state() == org.mapwork.collab.net.HubClient.State.REFUSED,
                () -> mal.client.state() + " " + mal.client.problem());
        assertEquals(HubCore.REMOVED, mal.client.problem());
        await("mal is out of ana's list", () -> names(ana).isEmpty(), () -> names(ana).toString());

        mal.kill();
        mal.connect(server.mapUri(start.id()));
        await("mal is refused again", () -> mal.client.state() == org.mapwork.collab.net.HubClient.State.REFUSED,
                () -> mal.client.state() + " " + mal.client.problem());
        assertTrue(names(ana).isEmpty(), "mal never came back in");
        assertTrue(ana.online(), "the others carry on");
        assertFalse(server.removePerson("no-such-map", "ana"));
    }

    @Test
    void a_device_sends_its_presence_coalesced_and_the_latest_arrives() {
        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        HubServer server = hub(core, HubLimits.defaults());
        Device ana = device("ana", server);
        Device ben = device("ben", server);
        await("each has the other in", () -> names(ana).equals(List.of("ben")) && names(ben).equals(List.of("ana")));
        int moves = 300;
        ana.on(() -> {
            for (int i = 0; i < moves; i++) {
                ana.client.setPresence(new PresenceState(new PresenceState.Cursor(i, i), List.of(), null));
            }
            return null;
        });
        PresenceState.Cursor last = new PresenceState.Cursor(moves - 1, moves - 1);
        await("ben sees ana's last position", () -> last.equals(peer(ben, "ana").state().cursor()));
        long sent = ana.on(ana.client::presenceSent);
        assertTrue(sent < moves / 10, "coalesced: " + sent + " presence messages for " + moves + " moves");
    }

    @Test
    void a_presence_flood_is_dropped_and_coalesced_and_does_not_hold_up_a_change_set() throws Exception {
        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        int burst = 20;
        // practically no refill during the test: exactly the burst gets through
        HubServer server = hub(core, HubLimits.defaults().withPresenceRate(0.0001, burst));
        Watcher watcher = open.keep(Watcher.join(server, "watcher"));
        Watcher flood = open.keep(Watcher.join(server, "flood"));

        // the map's thread is busy (a large change set, a slow disk): everything waits for it
        CountDownLatch busy = new CountDownLatch(1);
        assertTrue(server.onMapThread(start.id(), () -> {
            try {
                busy.await(Loopback.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        int sent = 600;
        for (int i = 0; i < sent; i++) {
            flood.send(MessageWire.write(new Message.Presence("flood", new PresenceState(new PresenceState.Cursor(i, 0), List.of(), null))));
        }
        MapSession session = new MapSession(start, TestMaps.SCHEMA, "flood", 0);
        flood.send(MessageWire.write(new Message.Submit(session.apply("Rename", Change.setLabel("a", "Union local 3")).changeSet(), false)));
        flood.pingAndWait(); // the hub's side has taken every frame before the ping
        busy.countDown();

        await("the watcher gets the change set", () -> watcher.count("changes") == 1, watcher::toString);
        await("the flooder gets its commit", () -> flood.count("commit") == 1, flood::toString);
        List<Message> seen = watcher.messages();
        List<Message> presences = seen.stream().filter(m -> m instanceof Message.Presence).toList();
        assertEquals(1, presences.size(), "what waited for the map's thread went out as one, the latest: " + presences);
        assertEquals(new PresenceState.Cursor(burst - 1, 0), ((Message.Presence) presences.get(0)).state().cursor(),
                "the latest presence the rate let through");
        assertEquals(1, core.serverSeq());
        assertFalse(flood.closed.isDone(), "dropped presence is no reason to disconnect: " + flood);

        // after the flood the flooder's presence is still dropped (its bucket is empty) but its edits go through
        flood.send(MessageWire.write(new Message.Presence("flood", new PresenceState(new PresenceState.Cursor(-1, -1), List.of(), null))));
        flood.send(MessageWire.write(new Message.Submit(session.apply("Rename", Change.setLabel("b", "Employers' council")).changeSet(), false)));
        await("the second change set arrives", () -> watcher.count("changes") == 2, watcher::toString);
        assertEquals(1, watcher.messages().stream().filter(m -> m instanceof Message.Presence).count(), watcher.toString());
    }

    @Test
    void a_presence_padded_past_its_size_is_refused_and_not_relayed() {
        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        HubServer server = hub(core, HubLimits.defaults());
        Watcher watcher = open.keep(Watcher.join(server, "watcher"));
        Watcher padder = open.keep(Watcher.join(server, "padder"));
        String presence = MessageWire.write(new Message.Presence("padder", PresenceState.NONE));
        padder.send(presence.substring(0, presence.length() - 1) + " ".repeat(70_000) + "}");
        String closed = padder.closed.orTimeout(Loopback.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        assertTrue(closed.startsWith("1008 a presence message has at most"), closed);
        await("the watcher hears the padder left", () -> watcher.count("left") == 1, watcher::toString);
        assertEquals(0, watcher.count("presence"), watcher.toString());
    }

    /** A raw WebSocket that says hello and keeps every message, in order, and can wait for a pong. */
    static final class Watcher implements WebSocket.Listener, AutoCloseable {
        private final List<String> texts = new CopyOnWriteArrayList<>();
        private final StringBuilder parts = new StringBuilder();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private volatile CompletableFuture<Void> pong = new CompletableFuture<>();
        WebSocket socket;

        static Watcher join(HubServer server, String actor) {
            Watcher w = new Watcher();
            w.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(server.mapUri(TestMaps.starter().id()), w)
                    .orTimeout(Loopback.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            w.send(MessageWire.write(new Message.Hello(1, TestMaps.starter().id(), TestMaps.TOKEN, actor, actor, 0)));
            await(actor + " welcomed", () -> w.count("welcome") == 1 && w.count("peers") == 1, w::toString);
            return w;
        }

        void send(String text) {
            socket.sendText(text, true).orTimeout(Loopback.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        }

        void pingAndWait() {
            pong = new CompletableFuture<>();
            socket.sendPing(ByteBuffer.allocate(0)).orTimeout(Loopback.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            pong.orTimeout(Loopback.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        }

        List<Message> messages() {
            List<Message> out = new ArrayList<>();
            for (String t : texts) {
                try {
                    out.add(MessageWire.read(t));
                } catch (WireException e) {
                    throw new AssertionError("the hub sent an unreadable message: " + e.getMessage());
                }
            }
            return out;
        }

        long count(String type) {
            return texts.stream().filter(t -> t.startsWith("{\"type\":\"" + type + "\"")).count();
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                texts.add(parts.toString());
                parts.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            pong.complete(null);
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete("error " + error);
        }

        @Override
        public String toString() {
            List<String> types = texts.stream().map(t -> t.substring(9, Math.min(t.length(), 20))).toList();
            return types.size() + " messages " + types + (closed.isDone() ? ", closed " + closed.join() : "");
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
