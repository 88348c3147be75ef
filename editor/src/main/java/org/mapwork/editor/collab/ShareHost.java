package org.mapwork.editor.collab;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.mapwork.collab.ClientCore;
import org.mapwork.collab.HubCore;
import org.mapwork.collab.HubRecording;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.collab.net.HubShares;
import org.mapwork.collab.net.JoinCode;
import org.mapwork.collab.net.LanDiscovery;
import org.mapwork.collab.net.JoinAddress;
import org.mapwork.store.Library;

/**
 * A hub inside this Mapwork for one map of the library, as {@code mapwork hub} runs it: the hub's order is kept in
 * the library as the map's revisions (each change by its author), and the hub listens on the one address the person
 * picked, on a free port. Nothing listens before {@link #start} or after {@link #close}.
 */
public final class ShareHost implements AutoCloseable {

    /** The hub's order kept in the library, or null for a map taken over (this device's kept copy records it). */
    private final HubRecording recording;
    private final HubCore hub;
    private final HubServer server;
    private JoinCode code;
    private LanDiscovery.Handle announcement;
    private boolean closed;
    private final String token;
    private final String mapId;

    private ShareHost(HubRecording recording, HubCore hub, HubServer server, String token, String mapId) {
        this.recording = recording;
        this.hub = hub;
        this.server = server;
        this.token = token;
        this.mapId = mapId;
    }

    /**
     * Shares the library's map {@code mapId} on {@code bind}: carrying on its last share from this library (the same
     * token, and the same port when it is free), else under a new token on a free port.
     *
     * @throws IllegalStateException when the address cannot be bound
     */
    public static ShareHost start(Library library, String mapId, InetAddress bind) {
        Objects.requireNonNull(bind, "bind");
        if (bind.isAnyLocalAddress()) {
            throw new IllegalArgumentException("a shared map listens on one address, not on all of them");
        }
        HubShares shares = new HubShares(library.directory());
        java.util.Optional<HubShares.Share> before;
        try {
            before = shares.find(mapId);
        } catch (java.io.IOException e) {
            before = java.util.Optional.empty(); // an unreadable share file: share anew (a new address)
        }
        // shared before from this library: the same token, the order carried on, and the same port when it is free,
        // so that the others' devices find the hub again by themselves (the host quit, or stopped, and shares again)
        String token = before.map(HubShares.Share::token).orElseGet(HubCore::newToken);
        HubRecording recording = before.isPresent()
                ? HubRecording.resume(library, mapId, token, before.get().hubId(), before.get().sharedAt())
                : HubRecording.share(library, mapId, token);
        try {
            HubServer server = startOn(bind, before.map(HubShares.Share::port).orElse(0), recording.hub());
            HubShares.Share kept = before.map(b -> b.carriedOnBy(recording.hub().hubId(), server.port()))
                    .orElseGet(() -> new HubShares.Share(token, recording.hub().hubId(), recording.sharedAt(), server.port()));
            try {
                shares.save(mapId, kept);
            } catch (java.io.IOException e) {
                System.err.println("Mapwork: the share of " + mapId + " was not kept (" + e.getMessage()
                        + "); sharing it again will give a new address");
            }
            return new ShareHost(recording, recording.hub(), server, token, mapId).announced(bind);
        } catch (RuntimeException e) {
            recording.close();
            throw e;
        }
    }

    /**
     * Hosts a kept shared map here, its hub being gone: a hub taken over from this device's copy
     * ({@link HubCore#takeOver}: the confirmed map as the order of the old hub up to where this device confirmed it),
     * under the map's own token, so that everyone's join address still lets them in; the others' devices bring what
     * this copy lacks, and the window's outbox goes in as a device's. On the same port as the last time this library
     * hosted it when that is free. The order is kept by this device's copy (its window is a client of the hub), not
     * by a recording of its own. Call on {@code core}'s session thread.
     *
     * @throws IllegalStateException when the address cannot be bound
     */
    public static ShareHost takeOver(Library library, ClientCore core, InetAddress bind) {
        Objects.requireNonNull(bind, "bind");
        if (bind.isAnyLocalAddress()) {
            throw new IllegalArgumentException("a shared map listens on one address, not on all of them");
        }
        String mapId = core.session().document().id();
        org.mapwork.store.SharedMaps.Share kept = library.shared().find(mapId).orElseThrow(() ->
                new IllegalStateException("map " + mapId + " is not a shared map kept on this device"));
        String token = library.shared().token(mapId);
        HubCore hub = HubCore.takeOver(core.confirmed(), core.session().schema(), token, core.hubId(), core.confirmedSeq(),
                core.handled());
        HubShares shares = new HubShares(library.directory());
        java.util.Optional<HubShares.Share> before;
        try {
            before = shares.find(mapId);
        } catch (java.io.IOException e) {
            before = java.util.Optional.empty();
        }
        HubServer server = startOn(bind, before.map(HubShares.Share::port).orElse(0), hub);
        try {
            shares.save(mapId, new HubShares.Share(token, hub.hubId(), kept.confirmedRevision(), server.port()));
        } catch (java.io.IOException e) {
            System.err.println("Mapwork: the share of " + mapId + " was not kept (" + e.getMessage()
                    + "); hosting it again may give a new port");
        }
        return new ShareHost(null, hub, server, token, mapId).announced(bind);
    }

    private ShareHost announced(InetAddress bind) {
        code = server.issueCode(mapId, hub.document().title(), token);
        announce(bind, hub.document().title());
        return this;
    }

    /**
     * Announces the map on the network (multicast DNS) from a thread of its own: jmdns takes about a second to start,
     * and a network without multicast only means people type the address or the code. Never the token.
     */
    private void announce(InetAddress bind, String title) {
        Thread t = new Thread(() -> {
            try {
                LanDiscovery.Handle a = LanDiscovery.announce(bind, server.port(), mapId, title);
                synchronized (this) {
                    if (closed) {
                        a.close();
                    } else {
                        announcement = a;
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                System.err.println("Mapwork: not announced on this network (" + e.getMessage() + "); the address and the code still work");
            }
        }, "share-announce");
        t.setDaemon(true);
        t.start();
    }

    /** The map's short join code on this hub (for a person who types it on the Join screen). */
    public JoinCode joinCode() {
        return code;
    }

    /** Where the hub answers: HOST:PORT, which a person types with the code when discovery finds nothing. */
    public String hubAddress() {
        URI u = server.mapUri(mapId);
        return u.getHost() + ":" + u.getPort();
    }

    /** The hub on {@code port} (the last share's) when it is free there, else on a free port. */
    private static HubServer startOn(InetAddress bind, int port, HubCore hub) {
        if (port > 0) {
            try {
                return HubServer.start(bind, port, HubLimits.defaults(), List.of(hub));
            } catch (IllegalStateException taken) {
                // in use by another program now: a new port (the others then need the new address)
            }
        }
        return HubServer.start(bind, 0, HubLimits.defaults(), List.of(hub));
    }

    /** The address a person joins with (it carries the token). */
    public JoinAddress joinAddress() {
        return JoinAddress.of(server.mapUri(mapId), token);
    }

    public String mapId() {
        return mapId;
    }

    public String token() {
        return token;
    }

    /** Who is in now (one person per actor, the host too), read on the hub's map thread. */
    public java.util.concurrent.CompletableFuture<List<org.mapwork.collab.Message.Person>> people() {
        java.util.concurrent.CompletableFuture<List<org.mapwork.collab.Message.Person>> out = new java.util.concurrent.CompletableFuture<>();
        if (!server.onMapThread(mapId, () -> out.complete(hub.people()))) {
            out.complete(List.of());
        }
        return out;
    }

    /** Removes a person: their devices are told why and closed, and refused while this hub runs. */
    public void remove(String actor) {
        server.removePerson(mapId, actor);
    }

    /** How many devices are connected to the map now (the host's own window is one). */
    public int peopleIn() {
        return server.connections(mapId);
    }

    public HubServer server() {
        return server;
    }

    /** The hub's recording in the library, or null when the map was taken over ({@link #takeOver}). */
    public HubRecording recording() {
        return recording;
    }

    public HubCore hub() {
        return hub;
    }

    /** Whether this hosts a kept map taken over from this device's copy ({@link #takeOver}). */
    public boolean tookOver() {
        return recording == null;
    }

    /** Stops listening and closes the hub's recording (what it has queued is still written). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (announcement != null) {
                announcement.close();
            }
        }
        server.close();
        if (recording != null) {
            recording.close();
        }
    }
}
