package org.mapwork.collab;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.store.RevisionState;

import org.mapwork.model.MapSession;
import org.mapwork.store.Library;
import org.mapwork.store.LoadedMap;
import org.mapwork.store.MapRecorder;

/**
 * A shared map's hub that keeps its order in the host's library: the hub starts from the map's latest revision, and
 * every entry it commits becomes the map's next revision, with each change stamped by its author (so the revision
 * history and the change log show who did what). The library writes on its own thread; the hub never waits for disk.
 */
public final class HubRecording implements AutoCloseable {

    /** The actor of the library-side session; it makes no changes of its own, every change keeps its author's stamp. */
    public static final String HUB_ACTOR = "hub";

    private final HubCore hub;
    private final MapSession session;
    private final MapRecorder recorder;
    private final long sharedAt;

    private HubRecording(HubCore hub, MapSession session, MapRecorder recorder, long sharedAt) {
        this.sharedAt = sharedAt;
        this.hub = hub;
        this.session = session;
        this.recorder = recorder;
    }

    /** Shares the library's map {@code mapId} under {@code token} (see {@link HubCore#newToken()}). */
    public static HubRecording share(Library library, String mapId, String token) {
        Objects.requireNonNull(library, "library");
        LoadedMap loaded = library.load(mapId);
        HubCore hub = new HubCore(loaded.document(), loaded.schema(), token);
        return attach(library, loaded, hub, loaded.revision());
    }

    private static HubRecording attach(Library library, LoadedMap loaded, HubCore hub, long sharedAt) {
        MapSession session = new MapSession(loaded.document(), loaded.schema(), HUB_ACTOR, loaded.lastSeq());
        MapRecorder recorder = library.record(loaded, session);
        // the hub applied the entry to the same map: it applies here whole, as a change from another device
        hub.onCommitted(entry -> session.applyRemote(entry.changeSet()));
        return new HubRecording(hub, session, recorder, sharedAt);
    }

    /**
     * Starts the hub of a map shared before, where it left off: {@code hubId} and {@code sharedAt} are
     * {@link HubCore#hubId()} and {@link #sharedAt()} of the earlier hub. Every revision after {@code sharedAt} is an
     * entry of its order again, and the new hub (a new id: keep {@code hub().hubId()} for the next start) takes the
     * earlier hub's positions up to there as its own, so devices that counted them reconnect and carry on. Entries
     * the library had not written yet when the earlier hub stopped (a crash) are uploaded by the devices that hold
     * them (docs/adr/0010).
     */
    public static HubRecording resume(Library library, String mapId, String token, String hubId, long sharedAt) {
        Objects.requireNonNull(library, "library");
        LoadedMap loaded = library.load(mapId);
        MapDocument start = null;
        List<Message.Entry> log = new ArrayList<>();
        Iterator<RevisionState> replay = library.replay(mapId);
        while (replay.hasNext()) {
            RevisionState r = replay.next();
            long n = r.revision().number();
            if (n == sharedAt) {
                start = r.document();
            } else if (n > sharedAt && !r.changeSet().isEmpty()) {
                ChangeSet cs = r.changeSet();
                log.add(new Message.Entry(n - sharedAt, r.revision().actor(), cs.changes().get(0).stamp().seq(), cs, List.of()));
            }
        }
        if (start == null) {
            throw new IllegalArgumentException("map " + mapId + " has no revision " + sharedAt + " to resume sharing from");
        }
        // a new id (its numbers are its own from here), continuing the earlier hub's positions up to what was kept
        HubCore hub = new HubCore(start, loaded.schema(), token, HubCore.newHubId(), log,
                HubCore.restartedFrom(hubId, List.of(), log.size()), java.util.Map.of());
        return attach(library, loaded, hub, sharedAt);
    }

    /** The library revision the hub's order starts from: server sequence number n is revision sharedAt + n. */
    public long sharedAt() {
        return sharedAt;
    }

    public HubCore hub() {
        return hub;
    }

    /** The library's recorder of the shared map: when entries are durable, problems writing them. */
    public MapRecorder recorder() {
        return recorder;
    }

    /** The library's copy of the map (equal to the hub's). */
    public MapSession session() {
        return session;
    }

    /** Stops recording (waits for nothing: the recorder writes what it has queued). */
    @Override
    public void close() {
        recorder.close();
    }
}
