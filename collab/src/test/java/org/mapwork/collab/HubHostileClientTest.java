package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapwork.collab.Loopback.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.mapwork.collab.Loopback.Device;
import org.mapwork.collab.Loopback.Raw;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Stamp;

/**
 * Clients that do not follow the protocol, on a real socket: each is refused or disconnected with a reason, the map
 * is untouched, and an honest device on the same map carries on.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HubHostileClientTest {

    private final MapDocument start = TestMaps.starter();
    private HubCore core;
    private HubServer server;
    private Device ana;
    private final List<Raw> raws = new ArrayList<>();

    @BeforeEach
    void startHub() {
        core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        server = HubServer.start(Loopback.loopback(), 0, HubLimits.defaults().withRate(20, 40), List.of(core));
        ana = new Device("ana", start, server.mapUri(start.id()), TestMaps.TOKEN);
        await("ana online", ana::online, ana::toString);
    }

    @AfterEach
    void stop() throws Exception {
        raws.forEach(r -> r.socket.abort());
        ana.close();
        server.close();
    }

    private Raw raw(String origin) {
        Raw r = Raw.open(server.mapUri(start.id()), origin);
        raws.add(r);
        return r;
    }

    private Raw joined(String actor) {
        Raw r = Raw.joined(server.mapUri(start.id()), start.id(), actor);
        raws.add(r);
        return r;
    }

    /** The honest device still edits and the hub still orders: the hostile one did not harm either. */
    private void anaStillWorks(String label) {
        long before = core.serverSeq();
        ana.edit("Rename", Change.setLabel("a", label));
        await("ana's edit is committed", () -> ana.pending() == 0 && core.serverSeq() == before + 1, ana::toString);
        assertEquals(label, HubSocketTest.hubDocument(server, start.id(), core).element("a").label());
        assertTrue(ana.online(), ana.toString());
    }

    @Test
    void a_wrong_token_is_refused_and_nothing_of_the_map_is_sent() throws Exception {
        Raw r = raw(null);
        r.send(MessageWire.write(new Message.Hello(1, start.id(), "wrong-token-wrong-token-wrong", "mallory", "M", 0)));
        String answer = r.next();
        assertEquals(new Message.Error("wrong token"), MessageWire.read(answer));
        assertTrue(r.closeReason().startsWith("1008 wrong token"), r.closeReason());
        assertTrue(r.texts.isEmpty(), "only the error: " + r.texts);
        assertFalse(answer.contains("Union") || answer.contains(core.hubId()), answer);
        anaStillWorks("Union 2");
    }

    @Test
    void a_browser_from_another_origin_cannot_connect_and_one_from_the_hubs_origin_can() throws Exception {
        CompletionException refused = assertThrows(CompletionException.class, () -> raw("http://evil.example"));
        assertTrue(refused.getCause() instanceof java.net.http.WebSocketHandshakeException h
                && h.getResponse().statusCode() == 403, refused.getCause().toString());
        Raw same = raw("http://127.0.0.1:" + server.port());
        same.send(MessageWire.write(new Message.Hello(1, start.id(), TestMaps.TOKEN, "bea", "Bea", 0)));
        assertTrue(MessageWire.read(same.next()) instanceof Message.Welcome);
    }

    @Test
    void an_oversized_frame_closes_that_connection_only() throws Exception {
        Raw r = joined("mallory");
        String huge = "{\"type\":\"presence\",\"actor\":\"mallory\",\"state\":{\"x\":\""
                + "x".repeat(MessageWire.MAX_MESSAGE_BYTES) + "\"}}";
        try {
            r.send(huge);
        } catch (CompletionException e) {
            // the hub may close while the frame is still being written
        }
        // 1009 (message too big), unless the client's own writing of the rest breaks the pipe before it reads that
        String end = r.closeReason();
        assertTrue(end.startsWith("1009") || end.startsWith("error java.io.IOException"), end);
        await("the hub let mallory go", () -> server.connections(start.id()) == 1);
        anaStillWorks("Union 3");
    }

    @Test
    void garbage_is_answered_with_its_json_path_and_the_connection_closed() throws Exception {
        Raw r = joined("mallory");
        r.send("{\"type\":\"submit\",\"changeSet\":{\"summary\":\"x\",\"time\":\"2026-12-03T10:15:30Z\",\"changes\":[{\"change\":\"label\"}]}}");
        Message answer = MessageWire.read(r.next());
        assertTrue(answer instanceof Message.Error e && e.reason().contains("$.changeSet.changes[0]"), answer.toString());
        assertTrue(r.closeReason().startsWith("1008"), r.closeReason());
        Raw s = joined("mallory-2");
        s.send("{nope");
        assertTrue(MessageWire.read(s.next()) instanceof Message.Error e && e.reason().startsWith("unreadable message"));
        assertEquals(start, HubSocketTest.hubDocument(server, start.id(), core));
        anaStillWorks("Union 4");
    }

    @Test
    void a_binary_message_closes_the_connection() throws Exception {
        Raw r = joined("mallory");
        r.socket.sendBinary(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
        assertTrue(r.closeReason().startsWith("1003"), r.closeReason());
        anaStillWorks("Union 6");
    }

    @Test
    void a_change_to_a_missing_element_is_refused_and_the_connection_stays() throws Exception {
        Raw r = joined("mallory");
        ChangeSet missing = new ChangeSet(List.of(Change.setLabel("zz", "X").withStamp(new Stamp("mallory", 1))), "x", Instant.now());
        r.send(MessageWire.write(new Message.Submit(missing, false)));
        Message answer = MessageWire.read(r.next());
        assertTrue(answer instanceof Message.Refused f && f.clientSeq() == 1 && f.reason().contains("zz"), answer.toString());
        assertEquals(start, HubSocketTest.hubDocument(server, start.id(), core), "nothing of it reached the map");
        ChangeSet fits = new ChangeSet(List.of(Change.setLabel("b", "Bosses").withStamp(new Stamp("mallory", 2))), "y", Instant.now());
        r.send(MessageWire.write(new Message.Submit(fits, false)));
        assertTrue(MessageWire.read(r.next()) instanceof Message.Commit, "the same connection may still edit");
        await("ana sees mallory's rename", () -> "Bosses".equals(ana.document().element("b").label()), ana::toString);
    }

    @Test
    void a_flood_is_disconnected_and_the_others_carry_on() throws Exception {
        List<String> expelled = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.onExpelled(expelled::add);
        Raw r = joined("mallory");
        String presence = "{\"type\":\"presence\",\"actor\":\"mallory\",\"state\":{}}";
        int sent = 0;
        for (; sent < 5_000 && !r.closed.isDone(); sent++) {
            try {
                r.send(presence);
            } catch (CompletionException e) {
                break; // the hub has closed the connection
            }
        }
        // the close frame with the reason reaches the flooder unless its own writing breaks the pipe first
        String end = r.closeReason();
        assertTrue(end.startsWith("1008 too many messages") || end.startsWith("error java.io.IOException"), end + " after " + sent);
        await("the hub says why it closed the connection", () -> !expelled.isEmpty());
        assertTrue(expelled.get(0).contains("too many messages"), expelled.toString());
        await("the hub let mallory go", () -> server.connections(start.id()) == 1);
        anaStillWorks("Union 5");
    }
}
