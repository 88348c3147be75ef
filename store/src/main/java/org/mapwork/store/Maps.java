package org.mapwork.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mapwork.model.Applied;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Stamp;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;

/**
 * The library's maps: listing and finding them, putting a whole document in as a new map, loading one at its
 * latest revision, and taking snapshots (in the database and as a file beside it).
 */
final class Maps {

    private final LibraryDatabase database;
    private final SchemaRegistry schemas;
    private final Clock clock;

    Maps(LibraryDatabase database, SchemaRegistry schemas, Clock clock) {
        this.database = database;
        this.schemas = schemas;
        this.clock = clock;
    }

    /** Every map, most recently changed first. */
    List<MapEntry> list() {
        return database.read(LogStore::maps);
    }

    MapEntry get(String mapId) {
        return database.read(c -> LogStore.map(c, mapId)).orElseThrow(() -> noSuchMap(mapId));
    }

    private LibraryException noSuchMap(String mapId) {
        return new LibraryException("No map with id " + mapId + " in the library " + database.where());
    }

    /**
     * The map named by {@code idOrTitle}: its id, or the start of its title when only one title starts so
     * (ignoring case).
     */
    MapEntry find(String idOrTitle) {
        List<MapEntry> all = list();
        for (MapEntry m : all) {
            if (m.id().equals(idOrTitle)) {
                return m;
            }
        }
        String prefix = idOrTitle.toLowerCase(Locale.ROOT);
        List<MapEntry> hits = all.stream().filter(m -> m.title().toLowerCase(Locale.ROOT).startsWith(prefix)).toList();
        if (hits.size() == 1) {
            return hits.get(0);
        }
        if (hits.isEmpty()) {
            throw new LibraryException("No map with the id or a title starting \"" + idOrTitle + "\" in the library "
                    + database.where() + (all.isEmpty() ? " (it has no maps yet)." : ". Run 'mapwork library list' to see them."));
        }
        StringBuilder sb = new StringBuilder("\"" + idOrTitle + "\" matches " + hits.size() + " maps:");
        hits.forEach(m -> sb.append("\n  ").append(m.id()).append("  ").append(m.title()));
        sb.append("\nGive more of the title, or the id.");
        throw new LibraryException(sb.toString());
    }

    /** Puts a new map into the library (see {@link Library#createMap}); waits until it is durable. */
    MapEntry create(MapDocument doc, String workshopId, String teamId, String actor) {
        Schema schema = schemaOf(doc.methodId());
        database.write(c -> {
            if (LogStore.map(c, doc.id()).isPresent()) {
                throw new LibraryException("The library already has a map with id " + doc.id());
            }
            insertDocument(c, doc, schema, workshopId, teamId, actor, "Create map", "CREATE");
            return null;
        });
        return get(doc.id());
    }

    /**
     * Writes a whole document as a new map, on the writer's connection: revision 0 its empty map, revision 1 the
     * change set that builds it, stamped by {@code actor}.
     *
     * @return the map's revision afterwards (0 when the document is empty)
     */
    long insertDocument(Connection c, MapDocument doc, Schema schema, String workshopId, String teamId,
                        String actor, String summary, String origin) throws SQLException, IOException {
        MapDocument empty = insertEmpty(c, MapDocument.empty(doc.id(), doc.title(), doc.methodId(), doc.created()),
                workshopId, teamId);
        ChangeSet draft = MapDiff.creation(doc, schema, summary);
        if (draft.isEmpty()) {
            return 0;
        }
        List<Change> stamped = new ArrayList<>(draft.size());
        long seq = 0;
        for (Change ch : draft.changes()) {
            stamped.add(ch.withStamp(new Stamp(actor, ++seq)));
        }
        Applied applied = ChangeEngine.apply(empty, schema, new ChangeSet(stamped, summary, clock.instant()));
        LogStore.insertChangeSet(c, doc.id(), 1, origin, applied.changeSet(), ChangeSetCodec.toJson(applied.changeSet()));
        LogStore.updateHead(c, doc.id(), doc.title(), applied.changeSet().time(), 1);
        snapshot(c, doc.id(), applied.after(), 1);
        return 1;
    }

    /** Writes a new map at revision 0, its empty map (with that revision's snapshot); returns {@code empty}. */
    MapDocument insertEmpty(Connection c, MapDocument empty, String workshopId, String teamId) throws SQLException {
        LogStore.insertMap(c, empty, workshopId, teamId);
        LogStore.insertSnapshot(c, empty.id(), 0, clock.instant(), Snapshots.compress(empty));
        return empty;
    }

    /** Reads a map at its latest revision. */
    LoadedMap load(String mapId) {
        return database.read(c -> {
            MapEntry entry = LogStore.map(c, mapId).orElseThrow(() -> noSuchMap(mapId));
            Schema schema = schemaOf(entry.methodId());
            MapDocument doc = LogStore.documentAt(c, schemas, entry, entry.revision());
            return new LoadedMap(entry, doc, schema, entry.revision(), LogStore.lastSeq(c, mapId));
        });
    }

    /** The map as it was at {@code revision}, which must be one of its revisions. */
    MapDocument documentAt(MapEntry entry, long revision) {
        return database.read(c -> LogStore.documentAt(c, schemas, entry, revision));
    }

    /**
     * A snapshot in the database and, for damage recovery, as a plain file beside it (a library directory's only).
     * Writer thread only.
     */
    void snapshot(Connection c, String mapId, MapDocument doc, long revision) throws SQLException, IOException {
        Instant now = clock.instant();
        LogStore.insertSnapshot(c, mapId, revision, now, Snapshots.compress(doc));
        Path dir = database.directory();
        if (dir == null) {
            return; // on a server, the database is the only copy; pg_dump backs it up
        }
        MapEntry e = LogStore.map(c, mapId).orElseThrow();
        Snapshots.writeFile(dir, doc, new Snapshots.FileInfo(mapId, revision, now, LogStore.initialTitle(c, mapId),
                e.workshop() == null ? null : e.workshop().id(), e.workshop() == null ? null : e.workshop().name(),
                e.team() == null ? null : e.team().id(), e.team() == null ? null : e.team().name()));
    }

    Schema schemaOf(String methodId) {
        return schemas.schema(methodId).orElseThrow(() -> new LibraryException("Unknown method \"" + methodId
                + "\"; this Mapwork knows " + schemas.methodIds()));
    }
}
