package org.mapwork.editor.collab;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.HubFollower;
import org.mapwork.collab.net.JoinAddress;
import org.mapwork.collab.net.SharedMapsOnDevice;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.start.Maps;
import org.mapwork.store.Library;
import org.mapwork.store.SharedMaps;

/**
 * The editor's join: with a library, a joined map is kept in it ({@link SharedMapsOnDevice#join}) — its confirmed
 * state and its outbox survive a quit — and a map the library already holds as a shared map is reopened
 * ({@link SharedMapsOnDevice#resume}) instead; without a library (or for a map the library holds as this device's own),
 * the join is in memory only ({@link Joiner#hubClient()}).
 *
 * <p>Closing a kept map's window closes its connection at once, then waits (off the JavaFX thread) until what was
 * handed to the library is durable before closing its keeper on the session thread; reopening the same map waits
 * for that. A map is open in one window at a time (the library has one recorder per map).
 */
public final class DeviceShares implements Joiner {

    private final Supplier<Library> library;
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> closing = new ConcurrentHashMap<>();
    private volatile HubClient.Backoff backoff = HubClient.Backoff.defaults();

    /** @param library the device's library, or a supplier of null when there is none (it may wait for it to open) */
    public DeviceShares(Supplier<Library> library) {
        this.library = Objects.requireNonNull(library, "library");
    }

    /** How long the clients wait between attempts to reach a hub (tests shorten it). */
    public void setBackoff(HubClient.Backoff backoff) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /** The in-memory join (no library). */
    @Override
    public CompletableFuture<HubClient> join(JoinAddress address, String actor, String name, Executor sessionThread) {
        return HubClient.join(address, actor, name, Maps::schemaOf, sessionThread, backoff);
    }

    @Override
    public CompletableFuture<Joined> joinMap(JoinAddress address, String actor, String name, Executor sessionThread) {
        Library lib = library.get();
        if (lib == null) {
            return Joiner.super.joinMap(address, actor, name, sessionThread);
        }
        String mapId = address.mapId();
        java.util.Optional<SharedMaps.Share> kept = lib.shared().find(mapId);
        if (kept.isPresent()) {
            if (address.map().toString().equals(kept.get().address())) {
                return resume(mapId, sessionThread);
            }
            // the map's hub at a new address (another laptop hosts it now): the kept copy carries on there
            return moveTo(mapId, address, sessionThread);
        }
        if (lib.maps().stream().anyMatch(m -> m.id().equals(mapId))) {
            // this device's own map (it shares it, or shared it): its library copy is its own, the join is not kept
            return Joiner.super.joinMap(address, actor, name, sessionThread);
        }
        return SharedMapsOnDevice.join(lib, address, actor, name, Maps::schemaOf, sessionThread, backoff)
                .thenApply(this::opened);
    }

    /** The shared maps the library holds (none without a library). */
    public List<SharedMaps.Share> list() {
        Library lib = library.get();
        return lib == null ? List.of() : SharedMapsOnDevice.list(lib);
    }

    /**
     * Reopens a shared map of the library: its window shows the kept map with its queued changes at once, offline,
     * and connects when the hub is reachable. Completes on the session thread.
     */
    public CompletableFuture<Joined> resume(String mapId, Executor sessionThread) {
        Library lib = library.get();
        if (lib == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(Ui.text("collab.shared.no-library")));
        }
        if (open.containsKey(mapId)) {
            return CompletableFuture.failedFuture(new IllegalStateException(Ui.text("collab.shared.already-open")));
        }
        return closing(mapId).thenCompose(v -> SharedMapsOnDevice.resume(lib, mapId, sessionThread, backoff))
                .thenApply(this::opened);
    }

    /**
     * A kept map whose hub is at {@code address} now: its client (the open window's, or the map reopened) tries it
     * and stays there when that hub takes the map's token, and the library keeps the new address. Reopened, it
     * completes with the map; open in a window, that window moves, and it completes exceptionally saying so.
     */
    private CompletableFuture<Joined> moveTo(String mapId, JoinAddress address, Executor sessionThread) {
        Library lib = library.get();
        Open already = open.get(mapId);
        if (already != null) {
            return followed(lib, mapId, already.opened.client(), address)
                    .thenCompose(moved -> CompletableFuture.failedFuture(new IllegalStateException(Ui.text(
                            moved ? "collab.shared.moved-open" : "collab.shared.not-moved", address.map().getHost()
                                    + ":" + address.map().getPort()))));
        }
        return resume(mapId, sessionThread).thenApply(joined -> {
            followed(lib, mapId, joined.client(), address);
            return joined;
        });
    }

    /** Tries the kept map's hub at {@code address}; when it takes the device, the library keeps the new address. */
    private static CompletableFuture<Boolean> followed(Library lib, String mapId, HubClient client, JoinAddress address) {
        return client.tryMoving(address.map()).thenCompose(moved -> !moved ? CompletableFuture.completedFuture(false)
                : lib.shared().moved(mapId, address.map().toString(), address.token()).thenApply(v -> true));
    }

    /** Completes once the window last showing {@code mapId} has closed it (its keeper closed); done if none did. */
    public CompletableFuture<Void> closing(String mapId) {
        return closing.getOrDefault(mapId, CompletableFuture.completedFuture(null));
    }

    /**
     * Closes what is still open (the editor quits), on the calling thread, which must be the session thread: the
     * connections close and each keeper waits for its writes.
     */
    public void closeAll() {
        for (Open o : List.copyOf(open.values())) {
            o.opened.client().close();
            o.closeKept();
        }
    }

    private Joined opened(SharedMapsOnDevice.Opened opened) {
        String mapId = opened.kept().mapId();
        Open o = new Open(opened);
        open.put(mapId, o);
        Library lib = library.get();
        // while its hub is unreachable, the map's hub is listened for at another address (someone took it over)
        HubFollower follower = lib == null ? null : HubFollower.follow(lib, mapId, opened.client(), opened.sessionThread(),
                HubFollower.listenOn(opened.client().address()));
        return new Joined(opened.client(), opened.kept(), () -> {
            if (follower != null) {
                follower.close();
            }
            opened.client().close();
            // the connection is closed, so nothing more is handed to the library: wait for what was, off this thread
            CompletableFuture<Void> done = opened.kept().whenKept().handle((v, e) -> (Void) null)
                    .thenCompose(v -> CompletableFuture.runAsync(o::closeKept, opened.sessionThread()))
                    .whenComplete((v, e) -> open.remove(mapId, o));
            closing.put(mapId, done);
        });
    }

    /** A kept map open in a window; its keeper is closed once. */
    private static final class Open {
        final SharedMapsOnDevice.Opened opened;
        final AtomicBoolean closed = new AtomicBoolean();

        Open(SharedMapsOnDevice.Opened opened) {
            this.opened = opened;
        }

        void closeKept() {
            if (closed.compareAndSet(false, true)) {
                opened.kept().close();
            }
        }
    }
}
