package org.mapwork.editor.collab;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import javafx.application.Platform;

import org.mapwork.collab.net.LanDiscovery;

/**
 * Listens on the network, while the share dialog offers to share a map, for a hub that announces that map already
 * (someone took it over while this laptop was away, or another laptop hosts it now), so that this one does not start
 * a second hub of the same map: the dialog tells the person and offers to join that hub instead (docs/adr/0015).
 * A network without multicast hears nothing; then nothing stops the share.
 */
final class HostedElsewhere implements AutoCloseable {

    /** How long the dialog listens before it shares: jmdns starts in about a second, and
     * a hub on the network answers its first query soon after (a busy laptop takes longer). */
    static final long LISTEN_MS = 5_000;

    private final long startedAt = System.nanoTime();
    private volatile LanDiscovery.Handle listening;
    private volatile boolean closed;
    private volatile boolean unavailable;
    private LanDiscovery.Nearby found;

    /**
     * Starts listening for {@code mapId} on the interface that has {@code on}; {@code heard} gets, on the JavaFX
     * thread, the first hub of the map at an address other than {@code notThese} ("HOST:PORT": the hub that is gone,
     * this laptop's own last share).
     */
    HostedElsewhere(String mapId, InetAddress on, Set<String> notThese, Consumer<LanDiscovery.Nearby> heard) {
        Objects.requireNonNull(mapId, "mapId");
        Thread t = new Thread(() -> {
            try {
                LanDiscovery.Handle h = LanDiscovery.browse(on, list -> Platform.runLater(() -> heard(list, mapId, notThese, heard)));
                listening = h;
                if (closed) {
                    h.close();
                }
            } catch (java.io.IOException | RuntimeException e) {
                unavailable = true; // no multicast here: people type the address, and nothing is heard
            }
        }, "share-hosted-elsewhere");
        t.setDaemon(true);
        t.start();
    }

    private void heard(List<LanDiscovery.Nearby> list, String mapId, Set<String> notThese, Consumer<LanDiscovery.Nearby> heard) {
        if (closed || found != null) {
            return;
        }
        for (LanDiscovery.Nearby n : list) {
            if (n.mapId().equals(mapId) && !notThese.contains(n.host() + ":" + n.port())) {
                found = n;
                heard.accept(n);
                return;
            }
        }
    }

    /** The hub of the map heard on the network, or null (on the JavaFX thread). */
    LanDiscovery.Nearby found() {
        return found;
    }

    /** How much longer to listen before sharing, in milliseconds (0: long enough, or nothing can be heard here). */
    long stillToListen() {
        if (unavailable) {
            return 0;
        }
        long ms = LISTEN_MS - (System.nanoTime() - startedAt) / 1_000_000;
        return Math.max(0, ms);
    }

    @Override
    public void close() {
        closed = true;
        LanDiscovery.Handle h = listening;
        if (h != null) {
            Thread t = new Thread(h::close, "share-hosted-elsewhere-stop");
            t.setDaemon(true);
            t.start();
        }
    }
}
