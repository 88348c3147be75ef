package org.mapwork.collab.net;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

import org.mapwork.store.Library;

/**
 * Follows a kept shared map to where its hub went: while the device is not online, it listens on the network
 * ({@link LanDiscovery}) for a hub announcing the same map at another address, tries it
 * ({@link HubClient#tryMoving}: only a hub that takes the map's token keeps the device) and, once there, keeps the
 * new address in the library, so that "Shared with me" opens it next time. Another laptop took over as host, or the
 * host came back on another address; nobody has to type anything. Nothing is tried while online: a second hub of the
 * same map never pulls devices away from a working one (docs/adr/0015).
 */
public final class HubFollower implements AutoCloseable {

    private final Library library;
    private final String mapId;
    private final HubClient client;
    private final Executor sessionThread;
    private final InetAddress on;
    // below: on the session thread only
    private final ArrayDeque<URI> toTry = new ArrayDeque<>();
    private final Set<URI> tried = new HashSet<>();
    private boolean trying;
    private boolean closed;
    private LanDiscovery.Handle listening;
    private boolean starting;

    private HubFollower(Library library, String mapId, HubClient client, Executor sessionThread, InetAddress on) {
        this.library = library;
        this.mapId = mapId;
        this.client = client;
        this.sessionThread = sessionThread;
        this.on = on;
    }

    /**
     * Starts following the kept map {@code mapId} of {@code library}, whose device connects with {@code client};
     * listens on the interface that has {@code on} whenever the client is not online. Call on the session thread.
     */
    public static HubFollower follow(Library library, String mapId, HubClient client, Executor sessionThread,
                                     InetAddress on) {
        HubFollower f = new HubFollower(Objects.requireNonNull(library, "library"), Objects.requireNonNull(mapId, "mapId"),
                Objects.requireNonNull(client, "client"), Objects.requireNonNull(sessionThread, "sessionThread"),
                Objects.requireNonNull(on, "on"));
        client.onState(f::stateIs);
        f.stateIs(client.state());
        return f;
    }

    /**
     * Where to listen for a map whose hub was at {@code hub}: on loopback for a hub on this machine, else on the
     * LAN address a hub here would listen on ({@link HubAddresses#all()}'s first).
     */
    public static InetAddress listenOn(URI hub) {
        String host = hub.getHost() == null ? "" : hub.getHost().replace("[", "").replace("]", "");
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("::1")) {
            return InetAddress.getLoopbackAddress();
        }
        return HubAddresses.all().get(0).address();
    }

    /** On the session thread: listens while the device is away from its hub, not while it is with it. */
    private void stateIs(HubClient.State s) {
        if (closed) {
            return;
        }
        switch (s) {
            case OFFLINE, CONNECTING -> listen();
            case ONLINE -> stopListening();
            case REFUSED, CLOSED -> close();
        }
    }

    private void listen() {
        if (listening != null || starting) {
            return;
        }
        starting = true;
        // jmdns takes about a second to start: never on the session thread
        Thread t = new Thread(() -> {
            LanDiscovery.Handle h = null;
            try {
                h = LanDiscovery.browse(on, list -> sessionThread.execute(() -> heard(list)));
            } catch (java.io.IOException | RuntimeException e) {
                System.err.println("Mapwork: cannot listen for the hub of " + mapId + " on this network (" + e.getMessage()
                        + "); its new address can be typed in Join…");
            }
            LanDiscovery.Handle started = h;
            sessionThread.execute(() -> {
                starting = false;
                if (started == null) {
                    return;
                }
                if (closed || client.state() == HubClient.State.ONLINE) {
                    started.close();
                } else {
                    listening = started;
                }
            });
        }, "hub-follower");
        t.setDaemon(true);
        t.start();
    }

    private void stopListening() {
        if (listening != null) {
            LanDiscovery.Handle h = listening;
            listening = null;
            // jmdns's close waits for its threads: off the session thread
            Thread t = new Thread(h::close, "hub-follower-stop");
            t.setDaemon(true);
            t.start();
        }
        toTry.clear();
        tried.clear(); // a later drop tries every address heard again
    }

    /** On the session thread: what the network announces now; the same map at another address is tried. */
    private void heard(List<LanDiscovery.Nearby> nearby) {
        if (closed || listening == null && !starting) {
            return;
        }
        for (LanDiscovery.Nearby n : nearby) {
            if (!n.mapId().equals(mapId)) {
                continue;
            }
            URI there = n.mapUri();
            if (!there.equals(client.address()) && tried.add(there)) {
                toTry.add(there);
            }
        }
        tryNext();
    }

    private void tryNext() {
        if (trying || closed || toTry.isEmpty() || client.state() == HubClient.State.ONLINE) {
            return;
        }
        URI there = toTry.poll();
        trying = true;
        String token = library.shared().token(mapId);
        client.tryMoving(there).whenComplete((stays, failure) -> sessionThread.execute(() -> {
            trying = false;
            if (Boolean.TRUE.equals(stays)) {
                library.shared().moved(mapId, there.toString(), token).whenComplete((v, e) -> {
                    if (e != null) {
                        System.err.println("Mapwork: the new address of " + mapId + " was not kept (" + e.getMessage() + ")");
                    }
                });
            } else {
                tryNext();
            }
        }));
    }

    /** Stops listening (the map's window closes). */
    @Override
    public void close() {
        sessionThread.execute(() -> {
            closed = true;
            stopListening();
        });
    }
}
