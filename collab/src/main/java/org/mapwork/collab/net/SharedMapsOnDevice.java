package org.mapwork.collab.net;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.mapwork.collab.ClientCore;
import org.mapwork.collab.KeptMap;
import org.mapwork.model.MapSession;
import org.mapwork.model.schema.Schema;
import org.mapwork.store.Library;
import org.mapwork.store.LibraryException;
import org.mapwork.store.LoadedMap;
import org.mapwork.store.SharedMaps;

/**
 * The shared maps a device holds in its local library, for the editor: join one (and keep it), list them, and reopen
 * one (offline at first; its queued edits go out when the hub is reachable). The map's confirmed state and its outbox
 * are kept by a {@link KeptMap}; the connection is a {@link HubClient}.
 */
public final class SharedMapsOnDevice {

    /** How many of its newest entries a reopened map takes back from the library, for uploads to a hub that lost them. */
    static final int HELD_ENTRIES = 10_000;

    private SharedMapsOnDevice() {
    }

    /** A shared map open on this device: its client (connecting by itself) and what keeps it in the library. */
    public record Opened(HubClient client, KeptMap kept, Executor sessionThread) {

        public MapSession session() {
            return client.core().session();
        }

        /**
         * Closes the connection and stops keeping (as when the editor quits), on the session thread; completes when
         * everything handed to the library is durable and the map's recorder is closed. Never wait for it on the
         * session thread itself.
         */
        public CompletableFuture<Void> close() {
            client.close();
            return CompletableFuture.runAsync(kept::close, sessionThread);
        }
    }

    /** The shared maps the library holds, by map id. */
    public static List<SharedMaps.Share> list(Library library) {
        return library.shared().list();
    }

    /**
     * Joins a map this device does not hold ({@link HubClient#join}) and keeps it in {@code library} as a new map with
     * its share state (the token in an owner-only file), before anything more arrives from the hub. Completes on the
     * session thread; exceptionally with a {@link JoinException}, or a {@link LibraryException} when the library
     * already holds a map with that id (reopen it with {@link #resume} instead).
     */
    public static CompletableFuture<Opened> join(Library library, JoinAddress address, String actor, String name,
                                                 Function<String, Schema> schemaOfMethod, Executor sessionThread,
                                                 HubClient.Backoff backoff) {
        Objects.requireNonNull(library, "library");
        KeptMap[] kept = new KeptMap[1];
        return Joiner.join(address, actor, name, schemaOfMethod, sessionThread, backoff, client -> {
            ClientCore core = client.core();
            library.shared().keep(core.confirmed(), address.map().toString(), address.token(), actor, name, core.hubId(),
                    core.confirmedSeq(), core.session().lastSeq());
            kept[0] = KeptMap.attach(library, library.load(core.confirmed().id()));
            core.keepWith(kept[0]);
        }).thenApply(client -> new Opened(client, kept[0], sessionThread));
    }

    /** {@link #join(Library, JoinAddress, String, String, Function, Executor, HubClient.Backoff)} with the default backoff. */
    public static CompletableFuture<Opened> join(Library library, JoinAddress address, String actor, String name,
                                                 Function<String, Schema> schemaOfMethod, Executor sessionThread) {
        return join(library, address, actor, name, schemaOfMethod, sessionThread, HubClient.Backoff.defaults());
    }

    /** A shared map read back from the library, not connected: its core (outbox restored) and its keeper. */
    public record Reopened(ClientCore core, KeptMap kept, URI address) {
    }

    /**
     * Reads a shared map back from the library (on the thread that will be its session thread): the session shows
     * the confirmed map with the kept outbox applied on top; nothing is connected yet.
     */
    public static Reopened reopen(Library library, String mapId) {
        SharedMaps.Share share = library.shared().find(mapId).orElseThrow(() ->
                new LibraryException("Map " + mapId + " is not a shared map of this library; join it with its address"));
        String token = library.shared().token(mapId);
        LoadedMap loaded = library.load(mapId);
        List<ClientCore.Pending> outbox = KeptMap.outbox(library.shared(), mapId);
        KeptMap kept = KeptMap.attach(library, loaded);
        try {
            MapSession session = new MapSession(loaded.document(), loaded.schema(), share.actor(),
                    Math.max(share.lastSeq(), loaded.lastSeq()));
            ClientCore core = new ClientCore(session, token, share.name(), share.confirmedSeq(), share.hubId());
            core.restoreOutbox(outbox);
            core.restoreHeld(KeptMap.heldEntries(library, mapId, HELD_ENTRIES));
            core.keepWith(kept);
            return new Reopened(core, kept, URI.create(share.address()));
        } catch (RuntimeException e) {
            kept.close();
            throw e;
        }
    }

    /**
     * Reopens a shared map the library holds ({@link #reopen}) and connects it: the session shows the map at once,
     * offline, and the client, started, sends the kept outbox once the hub answers; the hub ignores what it has
     * already handled (by actor and sequence number), so nothing is applied twice. Runs on the session thread.
     */
    public static CompletableFuture<Opened> resume(Library library, String mapId, Executor sessionThread,
                                                   HubClient.Backoff backoff) {
        Objects.requireNonNull(library, "library");
        return CompletableFuture.supplyAsync(() -> {
            Reopened r = reopen(library, mapId);
            HubClient client = new HubClient(r.core(), r.address(), sessionThread, backoff);
            client.start();
            return new Opened(client, r.kept(), sessionThread);
        }, sessionThread);
    }

    /** {@link #resume(Library, String, Executor, HubClient.Backoff)} with the default backoff. */
    public static CompletableFuture<Opened> resume(Library library, String mapId, Executor sessionThread) {
        return resume(library, mapId, sessionThread, HubClient.Backoff.defaults());
    }
}
