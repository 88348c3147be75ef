package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapwork.collab.Loopback.await;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

import org.mapwork.collab.Loopback.Device;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;

/** A hub catching up from the devices, over real WebSockets on 127.0.0.1. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HubCatchUpTest {

    private final MapDocument start = TestMaps.starter();
    @RegisterExtension
    final Closing open = new Closing();

    private static boolean inLog(HubCore hub, String actor, long clientSeq) {
        return hub.log().stream().anyMatch(e -> e.actor().equals(actor) && e.clientSeq() == clientSeq);
    }

    @Test
    void a_hub_restarted_without_its_last_entries_gets_them_back_from_the_devices() {
        HubCore first = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        HubServer server = HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(first));
        int port = server.port();
        Device ana = open.keep(new Device("ana", start, server.mapUri(start.id()), TestMaps.TOKEN));
        Device ben = open.keep(new Device("ben", start, server.mapUri(start.id()), TestMaps.TOKEN));
        await("both online", () -> ana.online() && ben.online(), () -> ana + "; " + ben);
        ana.edit("Rename", Change.setLabel("a", "Union of carers"));
        ben.edit("Add", Change.add(Element.node("n-ben", "issue", "Overtime", Geometry.box(300, 300, 100, 50), "Zb")));
        ana.edit("Move", Change.setGeometry("b", start.element("b").geometry().movedBy(10, 10)));
        ben.edit("Rename", Change.setLabel("n-ben", "Unpaid overtime"));
        HubSocketTest.awaitConverged(server, first, ana, ben);
        MapDocument acknowledged = HubSocketTest.hubDocument(server, start.id(), first);

        // the host crashes: its library had written the first two entries only
        List<Message.Entry> log = first.log();
        server.close();
        await("both see the hub gone", () -> !ana.online() && !ben.online());
        HubCore restarted = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN, HubCore.newHubId(), log.subList(0, 2),
                HubCore.restartedFrom(first.hubId(), first.lineage(), 2), java.util.Map.of());
        assertEquals(2, restarted.serverSeq());
        HubServer again = open.keep(HubServer.start(Loopback.loopback(), port, HubLimits.defaults(), List.of(restarted)));
        HubSocketTest.awaitConverged(again, restarted, ana, ben);

        assertEquals(acknowledged, HubSocketTest.hubDocument(again, start.id(), restarted), "nothing acknowledged was lost");
        assertEquals(4, restarted.serverSeq(), "the two lost entries, once each: " + restarted.log());
        assertTrue(inLog(restarted, "ana", log.get(2).clientSeq()) || inLog(restarted, "ben", log.get(2).clientSeq()));
        assertEquals(List.of(new Lineage(first.hubId(), 4, 0)), restarted.lineage(),
                "uploads that followed on extend the positions shared with the earlier hub");

        ben.edit("After", Change.setLabel("i", "Sick pay"));
        HubSocketTest.awaitConverged(again, restarted, ana, ben);
        assertEquals("Sick pay", ana.document().element("i").label());
    }

    @Test
    void another_laptop_takes_over_from_its_own_copy_and_the_others_bring_what_it_lacks() {
        HubCore host = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        HubServer server = HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(host));
        Device ana = open.keep(new Device("ana", start, server.mapUri(start.id()), TestMaps.TOKEN));
        Device ben = open.keep(new Device("ben", start, server.mapUri(start.id()), TestMaps.TOKEN));
        await("both online", () -> ana.online() && ben.online(), () -> ana + "; " + ben);
        ana.edit("Rename", Change.setLabel("a", "Union of carers"));
        HubSocketTest.awaitConverged(server, host, ana, ben);

        // ana's laptop drops off; ben's edit is acknowledged by the host, which then quits for good
        ana.kill();
        ben.edit("Ben's acknowledged edit", Change.setLabel("c", "City council"));
        await("ben's edit is confirmed", () -> ben.pending() == 0 && host.serverSeq() == 2);
        server.close();
        await("ben sees the host gone", () -> !ben.online());
        ben.edit("Queued while nobody hosts", Change.setLabel("d", "Clinic (ben)"));
        ana.edit("Ana's own queued edit", Change.setLabel("b", "Employers (ana)"));

        // ana's laptop hosts now, from its copy (the map at 1 of the old hub) with its outbox as a device's
        HubCore takeover = ana.on(() -> HubCore.takeOver(ana.core.confirmed(), TestMaps.SCHEMA, TestMaps.TOKEN,
                ana.core.hubId(), ana.core.confirmedSeq(), ana.core.handled()));
        assertNotEquals(host.hubId(), takeover.hubId());
        assertEquals(0, takeover.serverSeq());
        HubServer newHost = open.keep(HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(takeover)));
        ana.connect(newHost.mapUri(start.id()));
        ben.kill();
        ben.connect(newHost.mapUri(start.id()));
        HubSocketTest.awaitConverged(newHost, takeover, ana, ben);

        MapDocument end = ana.document();
        assertEquals("Union of carers", end.element("a").label());
        assertEquals("City council", end.element("c").label(), "ben's acknowledged edit came back with him");
        assertEquals("Clinic (ben)", end.element("d").label());
        assertEquals("Employers (ana)", end.element("b").label());
        assertEquals(3, takeover.serverSeq(), "ben's upload and both outboxes, once each: " + takeover.log());
    }

    @Test
    void a_device_moves_only_to_a_hub_that_takes_its_token_and_otherwise_stays_with_its_address() throws Exception {
        HubCore host = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        HubServer server = HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(host));
        Device ben = open.keep(new Device("ben", start, server.mapUri(start.id()), TestMaps.TOKEN));
        Device cai = open.keep(new Device("cai", start, server.mapUri(start.id()), TestMaps.TOKEN));
        await("online", () -> ben.online() && cai.online());
        cai.edit("Cai's", Change.setLabel("b", "Employers (cai)"));
        HubSocketTest.awaitConverged(server, host, ben, cai);
        cai.kill(); // cai's laptop is gone: his edit is only in the others' copies
        java.net.URI old = ben.client.address();
        assertEquals(Boolean.FALSE, ben.client.tryMoving(server.mapUri("elsewhere")).join(), "never while online");
        ben.edit("Acknowledged", Change.setLabel("a", "Union of carers"));
        await("confirmed", () -> ben.pending() == 0 && host.serverSeq() == 2);
        server.close();
        await("offline", () -> !ben.online());
        ben.edit("Queued", Change.setLabel("c", "City council (ben)"));

        // the same map shared anew under another token: that hub does not take ben, who goes back to his address
        HubCore stranger = new HubCore(start, TestMaps.SCHEMA, HubCore.newToken());
        HubServer other = open.keep(HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(stranger)));
        assertEquals(Boolean.FALSE, ben.client.tryMoving(other.mapUri(start.id())).join());
        assertEquals(old, ben.client.address());
        assertEquals(0, stranger.serverSeq(), "nothing sent to a hub that refused the token");
        assertTrue(ben.client.state() != org.mapwork.collab.net.HubClient.State.REFUSED, "refused there is not refused here");

        // another laptop took the map over with its token: ben moves there, and his queued edit goes in
        HubCore takeover = HubCore.takeOver(ben.on(ben.core::confirmed), TestMaps.SCHEMA, TestMaps.TOKEN, host.hubId(), 2,
                ben.on(ben.core::handled));
        HubServer newHost = open.keep(HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(takeover)));
        assertEquals(Boolean.TRUE, ben.client.tryMoving(newHost.mapUri(start.id())).join());
        assertEquals(newHost.mapUri(start.id()), ben.client.address());
        HubSocketTest.awaitConverged(newHost, takeover, ben);
        assertEquals("City council (ben)", HubSocketTest.hubDocument(newHost, start.id(), takeover).element("c").label());
        assertEquals(1, takeover.serverSeq(), "the queued edit, once: " + takeover.log());

        // cai comes back on a laptop that holds nothing (a snapshot), as the same person: his next edit goes in, not
        // taken for a resend of the one in the copy the new hub started from
        java.util.concurrent.ExecutorService caiThread = java.util.concurrent.Executors.newSingleThreadExecutor();
        open.keep(caiThread::shutdownNow);
        org.mapwork.collab.net.HubClient caiAgain = open.keep(org.mapwork.collab.net.HubClient.join(
                org.mapwork.collab.net.JoinAddress.of(newHost.mapUri(start.id()), TestMaps.TOKEN), "cai", "Cai",
                m -> TestMaps.SCHEMA, caiThread).join());
        assertEquals("Employers (cai)", caiThread.submit(() -> caiAgain.core().session().document().element("b").label()).get());
        caiThread.submit(() -> caiAgain.core().session().apply("After", Change.setLabel("d", "Clinic (cai, later)")))
                .get(10, TimeUnit.SECONDS);
        await("the edit of a device that joined by snapshot is committed", () -> takeover.serverSeq() == 2,
                () -> takeover.log().toString());
        assertEquals("Clinic (cai, later)", HubSocketTest.hubDocument(newHost, start.id(), takeover).element("d").label());
    }
}
