package org.mapwork.collab.net;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.mapwork.collab.HubCore;
import org.mapwork.collab.HubRecording;
import org.mapwork.store.Library;

/**
 * One of several hub nodes that share an organisation's database (docs/adr/0019): of the maps it is given, it serves
 * those whose claim it holds ({@link Library#claim}), one node per map, and sends devices that ask it for the others
 * to the node that serves them (its {@link HubServer} answers {@code 307}, the address being the owner's fact
 * {@code map-owner/MAP} in the database). Every {@code tryEvery} it tries the claims it lacks: when the owning node
 * dies, PostgreSQL ends its connection and with it the claims, and the first node to try takes the map over,
 * resuming its order from the database as a restarted hub does ({@link HubRecording#resume}); devices reconnect and
 * upload what the database lacks (docs/adr/0010).
 */
public final class HubNode implements AutoCloseable {

    /** The start of the name of the library fact that says where a map is served: {@code map-owner/MAP_ID}. */
    public static final String OWNER_FACT = "map-owner/";

    private final Library library;
    private final HubServer server;
    private final HubShares shares;
    private final List<String> maps;
    private final Map<String, HubRecording> owned = new ConcurrentHashMap<>();
    private final ScheduledExecutorService claims;
    private final List<Consumer<String>> tookOver = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> problems = new CopyOnWriteArrayList<>();

    private HubNode(Library library, HubServer server, Collection<String> maps) {
        this.library = library;
        this.server = server;
        this.shares = HubShares.of(library);
        this.maps = List.copyOf(maps);
        this.claims = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hub-node-claims");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts serving, on {@code server}, whichever of {@code mapIds} it can claim now, and tries the others every
     * {@code tryEvery}. A map never shared before is shared with a new token by the first node that claims it
     * ({@link HubShares}: every node reads the same share).
     */
    public static HubNode start(Library library, HubServer server, Collection<String> mapIds, Duration tryEvery) {
        Objects.requireNonNull(server, "server");
        if (!library.isOnServer()) {
            throw new IllegalArgumentException("hub nodes share a library on a database server, not " + library.location());
        }
        HubNode node = new HubNode(library, server, mapIds);
        server.redirectWith(node::servedElsewhere);
        // heard on the library's writer thread, which closing a recorder waits for: let go on the node's own
        library.onClaimLost(mapId -> node.claims.execute(() -> node.letGo(mapId)));
        node.claims.scheduleWithFixedDelay(node::tryClaims, 0, tryEvery.toMillis(), TimeUnit.MILLISECONDS);
        return node;
    }

    /** Hears the id of each map this node took (at start or from a node that died), on the node's thread. */
    public void onTookOver(Consumer<String> listener) {
        tookOver.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Hears what went wrong taking a map (it is tried again), on the node's thread. */
    public void onProblem(Consumer<String> listener) {
        problems.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Whether this node serves the map now. */
    public boolean serves(String mapId) {
        return owned.containsKey(mapId);
    }

    /** The map's hub, while this node serves it. */
    public Optional<HubRecording> recording(String mapId) {
        return Optional.ofNullable(owned.get(mapId));
    }

    private void tryClaims() {
        for (String mapId : maps) {
            if (owned.containsKey(mapId)) {
                continue;
            }
            try {
                if (library.claim(mapId)) {
                    takeOver(mapId);
                }
            } catch (RuntimeException | IOException e) {
                String why = "cannot take map " + mapId + " over: " + e.getMessage();
                problems.forEach(p -> p.accept(why));
                releaseQuietly(mapId);
            }
        }
    }

    private void takeOver(String mapId) throws IOException {
        Optional<HubShares.Share> before = shares.find(mapId);
        String token = before.map(HubShares.Share::token).orElseGet(HubCore::newToken);
        HubRecording r = before.isPresent()
                ? HubRecording.resume(library, mapId, token, before.get().hubId(), before.get().sharedAt())
                : HubRecording.share(library, mapId, token);
        try {
            shares.save(mapId, before.isPresent() ? before.get().carriedOnBy(r.hub().hubId(), server.port())
                    : new HubShares.Share(token, r.hub().hubId(), r.sharedAt()));
            // the claim says whether, this fact says where; a stale one (the owner died) is overwritten here
            library.keepFact(OWNER_FACT + mapId, server.mapUri(mapId) + " " + Instant.now());
            server.serve(r.hub());
        } catch (RuntimeException | IOException e) {
            r.close(); // the next try opens the map again
            throw e;
        }
        owned.put(mapId, r);
        tookOver.forEach(l -> l.accept(mapId));
    }

    /** The claim went with a broken connection and another node has the map: stop serving it here. */
    private void letGo(String mapId) {
        HubRecording r = owned.remove(mapId);
        if (r != null) {
            server.stopServing(mapId);
            r.close();
        }
    }

    /** For the server's redirect: the owner's address of one of this node's maps that it does not serve. */
    private Optional<URI> servedElsewhere(String mapId) {
        if (!maps.contains(mapId) || owned.containsKey(mapId)) {
            return Optional.empty();
        }
        Optional<URI> owner = library.fact(OWNER_FACT + mapId).map(f -> URI.create(f.split(" ", 2)[0]));
        // naming this node: the fact of a claim it lost; nobody serves the map until the next try
        return owner.filter(u -> !u.equals(server.mapUri(mapId)));
    }

    private void releaseQuietly(String mapId) {
        try {
            library.releaseClaim(mapId);
        } catch (RuntimeException e) {
            // the connection is gone, and the claim with it
        }
    }

    /** Stops trying claims, stops serving its maps and lets their claims go, so another node takes them at once. */
    @Override
    public void close() {
        claims.shutdownNow();
        try {
            claims.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String mapId : List.copyOf(owned.keySet())) {
            HubRecording r = owned.remove(mapId);
            server.stopServing(mapId);
            r.close();
            releaseQuietly(mapId);
        }
    }
}
