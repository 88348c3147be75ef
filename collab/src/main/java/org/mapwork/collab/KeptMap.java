package org.mapwork.collab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.store.Library;
import org.mapwork.store.LibraryException;
import org.mapwork.store.LoadedMap;
import org.mapwork.store.MapRecorder;
import org.mapwork.store.SharedMaps;

/**
 * A shared map kept on the device, in its local library ({@link SharedMaps}): the confirmed map is the library map
 * (every entry from the hub becomes its next revision, stamped by its author and tagged with the hub's sequence
 * number), and the outbox is kept change set by change set, each durable before {@link #isKept()} may say so. It is
 * the {@link ClientCore.Keeper} of the device's core; everything it is told it hands to the library's writer thread,
 * so the session's thread never waits for the disk.
 */
public final class KeptMap implements ClientCore.Keeper, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SharedMaps shared;
    private final String mapId;
    /** The library's copy of the confirmed map; its recorder writes each move as a revision. */
    private final MapSession confirmed;
    private final MapRecorder recorder;
    private final AtomicInteger unsaved = new AtomicInteger();
    private volatile CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
    private volatile Throwable problem;

    private KeptMap(SharedMaps shared, String mapId, MapSession confirmed, MapRecorder recorder) {
        this.shared = shared;
        this.mapId = mapId;
        this.confirmed = confirmed;
        this.recorder = recorder;
    }

    /**
     * Starts keeping a shared map the library holds ({@link SharedMaps#keep} or a previous run): the library map must
     * be the confirmed map ({@code loaded} at the share's confirmed revision).
     */
    public static KeptMap attach(Library library, LoadedMap loaded) {
        SharedMaps.Share share = library.shared().find(loaded.entry().id()).orElseThrow(() ->
                new LibraryException("Map " + loaded.entry().id() + " is not a shared map of this library"));
        if (loaded.revision() != share.confirmedRevision()) {
            throw new LibraryException("Map " + share.mapId() + " has changes after its confirmed revision "
                    + share.confirmedRevision() + " (now " + loaded.revision() + ") that did not come from its hub; "
                    + "it cannot go on as a shared map. Export it, or join the map again.");
        }
        MapSession session = new MapSession(loaded.document(), loaded.schema(), HubRecording.HUB_ACTOR, loaded.lastSeq());
        MapRecorder recorder = library.record(loaded, session);
        return new KeptMap(library.shared(), share.mapId(), session, recorder);
    }

    /** The outbox kept in the library, read back (in order), checked like any message from outside. */
    public static List<ClientCore.Pending> outbox(SharedMaps shared, String mapId) {
        List<ClientCore.Pending> out = new ArrayList<>();
        for (SharedMaps.Queued q : shared.outbox(mapId)) {
            String where = "the kept outbox of map " + mapId + ", change set " + q.firstSeq();
            try {
                JsonNode tree = JSON.readTree(q.body());
                out.add(new ClientCore.Pending(ChangeSetWire.read(tree, "$"), q.conditional()));
            } catch (WireException e) {
                throw new LibraryException(where + ": " + e.getMessage(), e);
            } catch (java.io.IOException | RuntimeException e) {
                throw new LibraryException(where + ": not readable: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * The newest entries kept in the library (each a tagged revision), oldest first, with the hub that numbered
     * them: a device started again uploads them to a hub that lost them.
     */
    public static List<ClientCore.HeldEntry> heldEntries(Library library, String mapId, int limit) {
        List<SharedMaps.Tagged> tags = library.shared().tagged(mapId, limit);
        List<ClientCore.HeldEntry> out = new ArrayList<>(tags.size());
        if (tags.isEmpty()) {
            return out;
        }
        java.util.Map<Long, SharedMaps.Tagged> byRevision = new java.util.HashMap<>();
        tags.forEach(t -> byRevision.put(t.revision(), t));
        long from = tags.get(0).revision();
        var replay = library.replay(mapId);
        while (replay.hasNext()) {
            var r = replay.next();
            SharedMaps.Tagged t = r.revision().number() >= from ? byRevision.get(r.revision().number()) : null;
            if (t != null && !r.changeSet().isEmpty()) {
                out.add(new ClientCore.HeldEntry(t.hubId(), new Message.Entry(t.serverSeq(), t.actor(), t.clientSeq(),
                        r.changeSet(), List.of())));
            }
        }
        return out;
    }

    public String mapId() {
        return mapId;
    }

    /** The library's copy of the confirmed map (the hub's map as this device last confirmed it). */
    public MapDocument confirmed() {
        return confirmed.document();
    }

    /**
     * Whether every local change set handed to the library is durable: only then may the editor say "your changes
     * are kept".
     */
    public boolean isKept() {
        return unsaved.get() == 0 && problem == null;
    }

    /** Completes when everything handed to the library so far is durable. */
    public CompletableFuture<Void> whenKept() {
        return last;
    }

    /** What went wrong writing the outbox, if anything ({@code null} when nothing). */
    public Throwable problem() {
        return problem;
    }

    private void track(CompletableFuture<Void> write) {
        unsaved.incrementAndGet();
        last = write.whenComplete((v, e) -> {
            if (e != null) {
                problem = e;
            }
            unsaved.decrementAndGet();
        });
    }

    @Override
    public void queued(ClientCore.Pending pending) {
        long lastSeq = 0;
        for (Change c : pending.changeSet().changes()) {
            lastSeq = Math.max(lastSeq, c.stamp().seq());
        }
        String body = ChangeSetWire.write(pending.changeSet()).toString();
        track(shared.queue(mapId, new SharedMaps.Queued(pending.firstSeq(), pending.conditional(), body), lastSeq));
    }

    @Override
    public void unqueued(long firstSeq) {
        track(shared.unqueue(mapId, firstSeq));
    }

    @Override
    public void confirmed(String hubId, long serverSeq, ChangeSet applied, long clientSeq, long ownFirstSeq) {
        if (applied.isEmpty()) {
            track(shared.rebased(mapId, hubId, serverSeq, recorder.lastRevision()));
            if (ownFirstSeq > 0) {
                unqueued(ownFirstSeq);
            }
            return;
        }
        // the revision, its place in the hub's order and the outbox change set it confirms: one transaction
        recorder.tagNext(new MapRecorder.HubTag(hubId, serverSeq, clientSeq, ownFirstSeq));
        confirmed.applyRebase(applied);
        track(recorder.flush().thenApply(r -> null));
    }

    /** Stops keeping: waits (up to 30 s) until everything handed over is durable, then closes the map's recorder. */
    @Override
    public void close() {
        try {
            last.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            problem = e;
        }
        recorder.close();
    }

    @Override
    public String toString() {
        return "KeptMap[" + mapId + ", " + (isKept() ? "kept" : unsaved.get() + " writes pending") + "]";
    }
}
