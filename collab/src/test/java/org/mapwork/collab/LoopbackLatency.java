package org.mapwork.collab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.mapwork.collab.Loopback.Device;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.model.Change;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;

/**
 * A measurement, not a test (nothing is asserted; run it by hand): on loopback, one device renames an element, waits
 * until every other device has applied it, and repeats; prints the time from the edit to each other device's apply.
 * Arguments: devices (default 2), edits (default 1000), pause between edits in ms (default 0; sparse traffic, as a
 * person edits, is where delayed flushes and Nagle's algorithm would show), warm-up edits (default 200, or 20 with a
 * pause; the warm-up goes back to back).
 */
public final class LoopbackLatency {

    private LoopbackLatency() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long pauseMs = args.length > 2 ? Long.parseLong(args[2]) : 0;
        MapDocument start = TestMaps.starter();
        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        try (HubServer server = HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(core))) {
            List<Device> all = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                all.add(new Device("dev-" + i, start, server.mapUri(start.id()), TestMaps.TOKEN));
            }
            Loopback.await("all online", () -> all.stream().allMatch(Device::online));
            ConcurrentHashMap<String, long[]> seen = new ConcurrentHashMap<>();
            ConcurrentHashMap<String, CountDownLatch> latches = new ConcurrentHashMap<>();
            for (Device d : all.subList(1, all.size())) {
                d.on(() -> {
                    d.session.addListener(e -> {
                        if (e.origin() == MapSession.Origin.REMOTE) {
                            String label = e.document().element("a").label();
                            long[] times = seen.get(label);
                            CountDownLatch latch = latches.get(label);
                            if (times != null && latch != null) {
                                times[(int) latch.getCount() - 1] = System.nanoTime();
                                latch.countDown();
                            }
                        }
                    });
                    return null;
                });
            }
            Device writer = all.get(0);
            int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : Math.min(pauseMs > 0 ? 20 : 200, edits);
            long[] latencies = new long[edits * (devices - 1)];
            int n = 0;
            for (int i = 0; i < warmUp + edits; i++) {
                String label = "v" + i;
                seen.put(label, new long[devices - 1]);
                CountDownLatch latch = new CountDownLatch(devices - 1);
                latches.put(label, latch);
                long t0 = System.nanoTime();
                writer.edit("Rename", Change.setLabel("a", label));
                if (!latch.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("edit " + i + " did not reach every device");
                }
                if (i >= warmUp) {
                    for (long t : seen.get(label)) {
                        latencies[n++] = t - t0;
                    }
                }
                seen.remove(label);
                latches.remove(label);
                if (pauseMs > 0 && i >= warmUp) {
                    Thread.sleep(pauseMs);
                }
            }
            Arrays.sort(latencies);
            System.out.printf("devices=%d edits=%d pause=%d ms (after %d warm-up): edit -> every other device's apply, ms: "
                            + "p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n", devices, edits, pauseMs, warmUp,
                    pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), latencies[latencies.length - 1] / 1e6);
            for (Device d : all) {
                d.close();
            }
        }
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
