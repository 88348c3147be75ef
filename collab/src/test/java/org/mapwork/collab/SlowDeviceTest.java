package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapwork.collab.Loopback.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
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
 * A device that stops reading (a phone on bad Wi-Fi, a stalled tab), on real sockets: the hub closes it as too slow
 * once more than its limit waits to be sent to it, and the others receive every change in order meanwhile.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlowDeviceTest {

    private final MapDocument start = TestMaps.starter();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private Raw joined(HubServer server, String actor) {
        Raw r = Raw.joined(server.mapUri(start.id()), start.id(), actor);
        open.add(() -> r.socket.abort());
        return r;
    }

    @Test
    void a_device_that_stops_reading_is_closed_as_too_slow_and_the_others_receive_everything_in_order() throws Exception {
        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        // 4 MiB waiting is the limit here; the sockets' own buffers on loopback take a few MiB before anything waits
        HubServer server = HubServer.start(Loopback.loopback(), 0, HubLimits.defaults().withUnsent(10_000, 4 * 1024 * 1024), List.of(core));
        open.add(server);
        List<String> expelled = new CopyOnWriteArrayList<>();
        server.onExpelled(expelled::add);
        Device ana = new Device("ana", start, server.mapUri(start.id()), TestMaps.TOKEN);
        open.add(ana);
        await("ana online", ana::online, ana::toString);
        Raw bea = joined(server, "bea");
        Raw sid = joined(server, "sid");
        sid.pause();
        Raw cai = joined(server, "cai");

        String filler = "x".repeat(90_000); // a label has at most 100,000 characters
        int sent = 0;
        while (sent < 600 && expelled.isEmpty()) {
            sent++;
            ChangeSet rename = new ChangeSet(List.of(Change.setLabel("a", sent + " " + filler).withStamp(new Stamp("cai", sent))),
                    "rename " + sent, Instant.now());
            cai.send(MessageWire.write(new Message.Submit(rename, false)));
            // at the pace of cai's commits: the devices that read keep up, only the one that stopped falls behind
            for (String t = cai.next(); !t.startsWith("{\"type\":\"commit\""); t = cai.next()) {
                assertTrue(t.startsWith("{\"type\":\"joined\"") || t.startsWith("{\"type\":\"left\""), t);
            }
        }
        int renames = sent;
        await("the hub closes sid as too slow", () -> !expelled.isEmpty(), () -> "after " + renames + " renames");
        assertTrue(expelled.get(0).contains("too slow: ") && expelled.get(0).contains("waiting to be sent"), expelled.toString());
        await("the hub let sid go", () -> server.connections(start.id()) == 3, () -> server.connections(start.id()) + " connections");

        await("cai's renames are all committed", () -> core.serverSeq() == renames, () -> core.serverSeq() + " of " + renames);
        List<String> changes = new ArrayList<>();
        await("bea receives every rename", () -> {
            for (String t = bea.texts.poll(); t != null; t = bea.texts.poll()) {
                if (t.startsWith("{\"type\":\"changes\"")) {
                    changes.add(t);
                }
            }
            return changes.size() >= renames;
        }, () -> changes.size() + " of " + renames + "; expelled: " + expelled);
        assertEquals(1, expelled.size(), "only sid fell behind: " + expelled);
        for (int i = 0; i < changes.size(); i++) {
            Message m = MessageWire.read(changes.get(i));
            assertTrue(m instanceof Message.Changes c && c.entry().serverSeq() == i + 1, "bea's changes in the hub's order: " + i);
        }
        HubSocketTest.awaitConverged(server, core, ana);
        assertTrue(ana.document().element("a").label().startsWith(renames + " "), "ana has the last rename");
        assertTrue(ana.online(), ana.toString());

        // what sid still gets, if it reads again in time, ends with the reason; else the hub has dropped its socket
        sid.resume();
        String end = sid.closeReason();
        assertTrue(end.startsWith("1008 too slow: ") || end.startsWith("1006") || end.startsWith("error"), end);
    }
}
