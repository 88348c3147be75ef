package org.mapwork.store;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.mapwork.model.Applied;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.schema.Schema;

/**
 * A map's revision history: the list of revisions, the map at any of them, its growth step by step, the change log
 * as CSV, and restoring an earlier revision as a new one.
 */
final class Revisions {

    /** How many logged change sets {@link #replay} reads at a time. */
    private static final int REPLAY_PAGE = 500;

    private final LibraryDatabase database;
    private final Maps maps;
    private final Recorders recorders;

    Revisions(LibraryDatabase database, Maps maps, Recorders recorders) {
        this.database = database;
        this.maps = maps;
        this.recorders = recorders;
    }

    /** A map's revisions, oldest first (revision 0, the empty map, is not listed). */
    List<Revision> revisions(String mapId) {
        maps.get(mapId);
        return database.read(c -> LogStore.revisions(c, mapId));
    }

    /** The map as it was at {@code revision}. */
    MapDocument documentAt(String mapId, long revision) {
        MapEntry entry = maps.get(mapId);
        if (revision < 0 || revision > entry.revision()) {
            throw new LibraryException("Map \"" + entry.title() + "\" has revisions 0 to " + entry.revision()
                    + "; there is no revision " + revision);
        }
        return maps.documentAt(entry, revision);
    }

    /**
     * The map's growth step by step: revision 0 (the empty map), then the map after each logged change set. Reads
     * the log page by page as it goes.
     */
    Iterator<RevisionState> replay(String mapId) {
        MapEntry entry = maps.get(mapId);
        Schema schema = maps.schemaOf(entry.methodId());
        String initialTitle = database.read(c -> LogStore.initialTitle(c, mapId));
        return new Iterator<>() {
            private MapDocument doc = null;
            private long at = -1;
            private final List<LogStore.LoggedChangeSet> page = new ArrayList<>();
            private int index;

            @Override
            public boolean hasNext() {
                return at < entry.revision();
            }

            @Override
            public RevisionState next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (doc == null) {
                    doc = MapDocument.empty(entry.id(), initialTitle, entry.methodId(), entry.created());
                    at = 0;
                    return new RevisionState(new Revision(0, entry.created(), "", "CREATE", "Empty map", 0),
                            new ChangeSet(List.of(), "", entry.created()), doc);
                }
                if (index >= page.size()) {
                    page.clear();
                    index = 0;
                    page.addAll(database.read(c -> LogStore.changeSets(c, mapId, at, entry.revision(), REPLAY_PAGE)));
                    if (page.isEmpty()) {
                        throw new LibraryException("The log of map " + mapId + " ends at revision " + at);
                    }
                }
                LogStore.LoggedChangeSet l = page.get(index++);
                Applied applied = LogStore.replay(doc, schema, entry, l);
                doc = applied.after();
                at = l.revision().number();
                return new RevisionState(l.revision(), applied.changeSet(), doc);
            }
        };
    }

    /** See {@link Library#restore}: the changes back to {@code revision}, applied as a new change set by {@code actor}. */
    long restore(String mapId, long revision, String actor) {
        if (recorders.isRecording(mapId)) {
            throw new LibraryException("Map " + mapId + " is open for editing; restore it there.");
        }
        LoadedMap loaded = maps.load(mapId);
        MapDocument target = documentAt(mapId, revision);
        Revision rev = revision == 0 ? null
                : revisions(mapId).stream().filter(r -> r.number() == revision).findFirst().orElse(null);
        String summary = "Restore revision " + revision + (rev == null ? "" : " (" + rev.time() + ", " + rev.summary() + ")");
        ChangeSet draft = MapDiff.between(loaded.document(), target, loaded.schema(), summary);
        if (draft.isEmpty()) {
            return loaded.revision();
        }
        MapSession session = new MapSession(loaded.document(), loaded.schema(), actor, loaded.lastSeq());
        try (MapRecorder recorder = recorders.record(loaded, session)) {
            session.apply(draft);
            return recorder.lastRevision();
        }
    }

    /** See {@link Library#writeChangeLogCsv}. */
    void writeChangeLogCsv(String mapId, Writer out) throws IOException {
        ChangeLogCsv.write(replay(mapId), out);
    }
}
