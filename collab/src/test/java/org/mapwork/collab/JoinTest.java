package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapwork.collab.Loopback.await;

import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

import org.mapwork.collab.Loopback.Device;
import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.collab.net.JoinAddress;
import org.mapwork.collab.net.JoinException;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.Schema;

/** A device that holds nothing joins a shared map over real WebSockets on 127.0.0.1. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JoinTest {

    private final MapDocument start = TestMaps.starter();
    @RegisterExtension
    final Closing open = new Closing();
    private final ExecutorService caiThread = open.keepThread(Executors.newSingleThreadExecutor(r -> new Thread(r, "session-cai")));

    private <T> T onCai(java.util.concurrent.Callable<T> task) throws Exception {
        return caiThread.submit(task).get(20, TimeUnit.SECONDS);
    }

    private JoinException joinFails(JoinAddress address, java.util.function.Function<String, Schema> methods) {
        CompletableFuture<HubClient> f = HubClient.join(address, "cai", "Cai", methods, caiThread, Loopback.FAST);
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
        return assertInstanceOf(JoinException.class, e.getCause());
    }

    @Test
    void a_device_with_nothing_joins_a_map_that_has_had_edits_and_ends_equal_to_the_hub() throws Exception {
        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        HubServer server = open.keep(HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(core)));
        Device ana = open.keep(new Device("ana", start, server.mapUri(start.id()), TestMaps.TOKEN));
        await("ana online", ana::online, ana::toString);
        ana.edit("Rename", Change.setLabel("a", "Workers' union"));
        ana.edit("Add", Change.add(Element.node("n-ana", "actor", "Press", Geometry.box(500, 300, 100, 50), "Z")));
        ana.edit("Remove", Change.remove("c"));
        await("ana's three edits are in the order", () -> core.serverSeq() == 3);

        JoinAddress address = JoinAddress.parse(server.joinUrl(start.id(), TestMaps.TOKEN).toString());
        HubClient cai = open.keep(HubClient.join(address, "cai", "Cai", TestMaps::schemaFor, caiThread, Loopback.FAST)
                .get(30, TimeUnit.SECONDS));
        MapDocument joined = onCai(() -> cai.core().session().document());
        assertEquals(HubSocketTest.hubDocument(server, start.id(), core), joined, "cai holds the hub's map");
        assertEquals("cai", cai.core().session().actor());
        assertEquals(3, onCai(cai.core()::confirmedSeq));
        assertEquals(core.hubId(), onCai(cai.core()::hubId));
        await("cai online", () -> cai.state() == HubClient.State.ONLINE, () -> cai.state() + " " + cai.problem());

        // edits both ways after the join
        onCai(() -> cai.core().session().apply("Cai renames", Change.setLabel("b", "Employers' federation")));
        ana.edit("Ana moves", Change.setGeometry("n-ana", Geometry.box(520, 320, 100, 50)));
        await("cai and ana show the hub's map with nothing pending", () -> {
            try {
                MapDocument hub = HubSocketTest.hubDocument(server, start.id(), core);
                return ana.pending() == 0 && ana.document().equals(hub)
                        && onCai(() -> cai.core().pending() == 0 && cai.core().session().document().equals(hub));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("Employers' federation", ana.document().element("b").label(), "cai's edit reached ana");
        assertEquals(5, core.serverSeq());
    }

    @Test
    void a_wrong_token_fails_the_join_with_a_readable_message_and_the_device_gets_nothing() throws Exception {
        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        HubServer server = open.keep(HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(core)));
        JoinAddress wrong = JoinAddress.of(server.mapUri(start.id()), "not-the-token-not-the-token");
        JoinException e = joinFails(wrong, TestMaps::schemaFor);
        assertEquals(JoinException.Reason.WRONG_TOKEN, e.reason());
        assertTrue(e.getMessage().contains("refused the join token"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-token"), "the message never repeats the token: " + e.getMessage());

        // what such a device receives: one error, no map
        Loopback.Raw raw = Loopback.Raw.open(server.mapUri(start.id()), null);
        raw.send(MessageWire.write(new Message.Hello(1, start.id(), "not-the-token-not-the-token", "cai", "Cai", 0)));
        String answer = raw.next();
        assertEquals(new Message.Error("wrong token"), MessageWire.read(answer));
        assertFalse(answer.contains("Union"), "nothing of the map: " + answer);
        assertTrue(raw.closeReason().startsWith("1008"), "then the hub closes the connection");
        assertEquals(0L, core.serverSeq());
    }

    @Test
    void no_hub_at_the_address_no_such_map_and_an_unknown_method_each_say_so() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, Loopback.loopback())) {
            closedPort = s.getLocalPort();
        }
        JoinException none = joinFails(JoinAddress.of(URI.create("ws://127.0.0.1:" + closedPort + "/maps/" + start.id()),
                TestMaps.TOKEN), TestMaps::schemaFor);
        assertEquals(JoinException.Reason.NO_HUB, none.reason(), none.getMessage());
        assertTrue(none.getMessage().contains("No hub answers at 127.0.0.1:" + closedPort), none.getMessage());

        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        HubServer server = open.keep(HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(core)));
        JoinException noMap = joinFails(JoinAddress.of(server.mapUri("no-such-map"), TestMaps.TOKEN), TestMaps::schemaFor);
        assertEquals(JoinException.Reason.NO_SUCH_MAP, noMap.reason(), noMap.getMessage());
        assertTrue(noMap.getMessage().contains("shares no map no-such-map"), noMap.getMessage());

        JoinException method = joinFails(JoinAddress.of(server.mapUri(start.id()), TestMaps.TOKEN), m -> null);
        assertEquals(JoinException.Reason.UNKNOWN_METHOD, method.reason(), method.getMessage());
        assertTrue(method.getMessage().contains("\"" + TestMaps.SCHEMA.methodId() + "\""), method.getMessage());
    }
}
