package org.mapwork.bench.collab;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.mapwork.collab.ClientCore;
import org.mapwork.collab.HubCore;
import org.mapwork.collab.Message;
import org.mapwork.collab.TestMaps;
import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.Stamp;

/**
 * The offline catch-up figure: a hub whose log holds {@code missed} change sets the device has not seen (made on the
 * map's thread, as if others had edited while it was away), and a real device (a {@link MapSession}, its
 * {@link ClientCore}, a {@link HubClient} on loopback) that connects with {@code since = 0}. Timed from
 * {@code start()} to the client's ONLINE (the welcome with every missed entry applied), then its map is compared
 * with the hub's.
 */
final class CatchUp {

    private CatchUp() {
    }

    static void run(InetAddress loopback, int missed, MapDocument map, int times) throws Exception {
        HubCore core = new HubCore(map, TestMaps.SCHEMA, TestMaps.TOKEN);
        try (HubServer server = HubServer.start(loopback, 0, HubLimits.defaults(), List.of(core))) {
            CompletableFuture<Void> filled = new CompletableFuture<>();
            long f0 = System.nanoTime();
            server.onMapThread(map.id(), () -> {
                try {
                    core.receive("others", new Message.Hello(Message.PROTOCOL, map.id(), TestMaps.TOKEN, "others", "Others", 0));
                    List<String> ids = map.nodes().map(e -> e.id()).toList();
                    for (int i = 1; i <= missed; i++) {
                        String id = ids.get(i % ids.size());
                        Change c = i % 2 == 0 ? Change.setLabel(id, "while away " + i)
                                : Change.setGeometry(id, map.element(id).geometry().movedBy(i % 13, i % 7));
                        core.receive("others", new Message.Submit(ChangeSet.of("edit " + i, c.withStamp(new Stamp("others", i))), false));
                    }
                    core.disconnect("others");
                    filled.complete(null);
                } catch (RuntimeException e) {
                    filled.completeExceptionally(e);
                }
            });
            filled.get(120, TimeUnit.SECONDS);
            System.out.printf("%ncatch-up: the hub holds %d change sets the device missed (made in %.0f ms on the map's thread)%n",
                    core.serverSeq(), (System.nanoTime() - f0) / 1e6);
            MapDocument truth = hubDocument(server, map.id(), core);
            for (int t = 1; t <= times; t++) {
                ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "catch-up-device"));
                MapSession session = new MapSession(map, TestMaps.SCHEMA, "late" + t, 0);
                ClientCore client = new ClientCore(session, TestMaps.TOKEN, "Late " + t, 0);
                CompletableFuture<Long> online = new CompletableFuture<>();
                HubClient hub = thread.submit(() -> new HubClient(client, server.mapUri(map.id()), thread,
                        HubClient.Backoff.defaults())).get(10, TimeUnit.SECONDS);
                hub.onState(s -> {
                    if (s == HubClient.State.ONLINE) {
                        online.complete(System.nanoTime());
                    } else if (s == HubClient.State.REFUSED) {
                        online.completeExceptionally(new IllegalStateException(hub.problem()));
                    }
                });
                long t0 = System.nanoTime();
                hub.start();
                long t1 = online.get(60, TimeUnit.SECONDS);
                boolean equal = thread.submit(() -> session.document().equals(truth) && client.confirmedSeq() == core.serverSeq())
                        .get(10, TimeUnit.SECONDS);
                System.out.printf("  device %d: %d missed change sets, connect + welcome + apply: %.0f ms; its map %s the hub's%n",
                        t, missed, (t1 - t0) / 1e6, equal ? "equals" : "DIFFERS FROM");
                hub.close();
                thread.shutdown();
                thread.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
    }

    private static MapDocument hubDocument(HubServer server, String mapId, HubCore core) throws Exception {
        CompletableFuture<MapDocument> doc = new CompletableFuture<>();
        server.onMapThread(mapId, () -> doc.complete(core.document()));
        return doc.get(10, TimeUnit.SECONDS);
    }
}
