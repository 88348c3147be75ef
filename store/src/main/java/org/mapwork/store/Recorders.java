package org.mapwork.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;

/**
 * The maps open for editing, one {@link MapRecorder} each, and when their snapshots are taken: every
 * {@code snapshotEvery} revisions on the writer thread, and when a recorder closes.
 */
final class Recorders {

    private final LibraryDatabase database;
    private final Maps maps;
    private final int snapshotEvery;
    private final Map<String, MapRecorder> open = new ConcurrentHashMap<>();

    Recorders(LibraryDatabase database, Maps maps, int snapshotEvery) {
        this.database = database;
        this.maps = maps;
        this.snapshotEvery = snapshotEvery;
    }

    /** See {@link Library#record}. */
    MapRecorder record(LoadedMap loaded, MapSession session) {
        database.ensureOpen();
        String id = loaded.entry().id();
        if (!session.document().equals(loaded.document())) {
            throw new IllegalArgumentException("the session does not hold map " + id + " as loaded (revision "
                    + loaded.revision() + ")");
        }
        MapEntry now = maps.get(id);
        if (now.revision() != loaded.revision()) {
            throw new LibraryException("Map " + id + " has changed since it was loaded (revision " + loaded.revision()
                    + ", now " + now.revision() + "); load it again.");
        }
        long lastSnapshot = database.read(c -> LogStore.latestSnapshotRevision(c, id));
        MapRecorder recorder = new MapRecorder(this, session, loaded, database.writer(), lastSnapshot);
        if (open.putIfAbsent(id, recorder) != null) {
            throw new LibraryException("Map " + id + " is already open for editing in this Mapwork.");
        }
        session.addListener(recorder);
        return recorder;
    }

    boolean isRecording(String mapId) {
        return open.containsKey(mapId);
    }

    /** Called by a recorder when it closes: a snapshot of the final state, so the map opens fast next time. */
    void closed(MapRecorder recorder, MapDocument finalDocument) {
        open.remove(recorder.mapId(), recorder);
        if (finalDocument != null && recorder.lastSnapshot < recorder.durableRevision() && !database.isClosed()) {
            long revision = recorder.durableRevision();
            database.write(c -> {
                maps.snapshot(c, recorder.mapId(), finalDocument, revision);
                return null;
            });
            recorder.lastSnapshot = revision;
        }
    }

    /** On the writer thread, after each durable change set: a snapshot every {@code snapshotEvery} revisions. */
    void afterDurable(Connection c, ChangeWriter.Append last) throws SQLException, IOException {
        MapRecorder r = last.recorder();
        if (last.revision() - r.lastSnapshot >= snapshotEvery) {
            maps.snapshot(c, r.mapId(), last.after(), last.revision());
            r.lastSnapshot = last.revision();
        }
    }

    /** Closes every open recorder (each waits until its changes are durable); returns what went wrong. */
    List<RuntimeException> closeAll() {
        List<RuntimeException> problems = new ArrayList<>();
        for (MapRecorder r : List.copyOf(open.values())) {
            try {
                r.close();
            } catch (RuntimeException e) {
                problems.add(e);
            }
        }
        return problems;
    }
}
