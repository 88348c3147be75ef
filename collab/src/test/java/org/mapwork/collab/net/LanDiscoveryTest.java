package org.mapwork.collab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import javax.jmdns.ServiceInfo;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A hub's announcement heard by a device, over multicast DNS on the loopback interface only. Linux gives {@code lo}
 * no multicast by default; {@code .ci/run} turns it on ({@code ip link set lo multicast on}) and sets
 * {@code MAPWORK_REQUIRE_MULTICAST=1}, so in CI this test runs or fails, never skips.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LanDiscoveryTest {

    @Test
    void aSharedMapIsHeardWithItsTitleAndPortAndGoneOnceWithdrawn() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        requireMulticast(lo);
        AtomicReference<List<LanDiscovery.Nearby>> heard = new AtomicReference<>(List.of());
        try (LanDiscovery.Handle browsing = LanDiscovery.browse(lo, heard::set)) {
            try (LanDiscovery.Handle announced = LanDiscovery.announce(lo, 47123, "shared-7", "Power map\u0007 of Eastside")) {
                awaitHeard(heard, list -> list.stream().anyMatch(n -> n.mapId().equals("shared-7")));
                LanDiscovery.Nearby n = heard.get().stream().filter(x -> x.mapId().equals("shared-7")).findFirst().orElseThrow();
                assertEquals(new LanDiscovery.Nearby("Power map  of Eastside", "shared-7", "127.0.0.1", 47123), n,
                        "the title arrives without its control character");
            }
            awaitHeard(heard, list -> list.stream().noneMatch(n -> n.mapId().equals("shared-7")));
        }
    }

    @Test
    void malformedAnnouncementsAreIgnored() {
        assertTrue(LanDiscovery.read(info(Map.of("v", "1", "map", "bad id with spaces", "title", "x"), 7000)).isEmpty());
        assertTrue(LanDiscovery.read(info(Map.of("v", "2", "map", "m1", "title", "x"), 7000)).isEmpty(), "another version");
        assertTrue(LanDiscovery.read(info(Map.of("map", "m1"), 7000)).isEmpty(), "no version");
        assertTrue(LanDiscovery.read(null).isEmpty());
        String longTitle = "é".repeat(500);
        assertEquals(LanDiscovery.MAX_TITLE, LanDiscovery.clean(longTitle).length());
        assertTrue(LanDiscovery.instanceName(longTitle, "m1").getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63);
        assertEquals("m1", LanDiscovery.instanceName("\u0000\u0001", "m1"));
        assertFalse(LanDiscovery.instanceName("a.b", "m1").contains("."), "a dot would split the DNS name");
    }

    private static ServiceInfo info(Map<String, String> props, int port) {
        return ServiceInfo.create(LanDiscovery.SERVICE_TYPE, "x", port, 0, 0, props);
    }

    private static void requireMulticast(InetAddress lo) throws Exception {
        NetworkInterface nif = NetworkInterface.getByInetAddress(lo);
        if (nif == null || !nif.supportsMulticast()) {
            String why = "the loopback interface has no multicast (as root: ip link set lo multicast on)";
            if (System.getenv("MAPWORK_REQUIRE_MULTICAST") != null) {
                fail(why + "; MAPWORK_REQUIRE_MULTICAST is set, so this may not be skipped");
            }
            System.err.println("SKIPPED LanDiscoveryTest: " + why);
            Assumptions.abort(why);
        }
    }

    private static void awaitHeard(AtomicReference<List<LanDiscovery.Nearby>> heard, Predicate<List<LanDiscovery.Nearby>> p) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!p.test(heard.get())) {
            if (System.nanoTime() > deadline) {
                fail("gave up after 30 s; heard: " + heard.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
