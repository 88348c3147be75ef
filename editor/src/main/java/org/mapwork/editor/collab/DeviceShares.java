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
        if (lib.shared().find(mapId).isPresent()) {
            return resume(mapId, sessionThread);
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
        return new Joined(opened.client(), opened.kept(), () -> {
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
