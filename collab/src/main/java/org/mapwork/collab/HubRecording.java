package org.mapwork.collab;

import java.util.Objects;

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

    private HubRecording(HubCore hub, MapSession session, MapRecorder recorder) {
        this.hub = hub;
        this.session = session;
        this.recorder = recorder;
    }

    /** Shares the library's map {@code mapId} under {@code token} (see {@link HubCore#newToken()}). */
    public static HubRecording share(Library library, String mapId, String token) {
        Objects.requireNonNull(library, "library");
        LoadedMap loaded = library.load(mapId);
        HubCore hub = new HubCore(loaded.document(), loaded.schema(), token);
        MapSession session = new MapSession(loaded.document(), loaded.schema(), HUB_ACTOR, loaded.lastSeq());
        MapRecorder recorder = library.record(loaded, session);
        // the hub applied the entry to the same map: it applies here whole, as a change from another device
        hub.onCommitted(entry -> session.applyRemote(entry.changeSet()));
        return new HubRecording(hub, session, recorder);
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
