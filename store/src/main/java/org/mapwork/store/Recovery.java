package org.mapwork.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.mapwork.model.Applied;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.model.schema.SchemaRegistry;

/**
 * The ways back: restoring a library from a backup (every map with its full history) and recovering a damaged one
 * from the snapshot files beside its database and the newest backup. The database it replaces is always moved
 * aside, never deleted. An instance fills one freshly made, empty library.
 */
final class Recovery {

    private final LibraryDatabase database;
    private final Maps maps;
    private final Workshops workshops;
    private final BackupKeeper backups;
    private final SchemaRegistry schemas;
    private final Library.Options options;

    Recovery(LibraryDatabase database, Maps maps, Workshops workshops, BackupKeeper backups, SchemaRegistry schemas,
             Library.Options options) {
        this.database = database;
        this.maps = maps;
        this.workshops = workshops;
        this.backups = backups;
        this.schemas = schemas;
        this.options = options;
    }

    /** See {@link Library#recover}. */
    static Library recover(Path directory, SchemaRegistry schemas, Library.Options options, List<String> report) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            // a library that opens is not damaged: recovering it would drop its history for nothing
            Library.open(dir, schemas, options.withBackupOnClose(false)).close();
            throw new LibraryException("The library " + dir + " opens without problems; there is nothing to recover.");
        } catch (LibraryDamagedException damaged) {
            // go on
        }
        LibraryLock lock = LibraryLock.acquire(dir);
        Library library;
        try {
            Path aside = LibraryFiles.moveAside(dir, "damaged", options.clock());
            if (aside != null) {
                report.add("The damaged database was set aside untouched as " + aside.getFileName());
            }
            library = Library.openLocked(dir, schemas, options, lock);
        } catch (IOException e) {
            lock.close();
            throw new LibraryException("Cannot set the damaged database aside in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            library.recovery().rebuildFromSnapshotsAndBackups(report);
        } catch (RuntimeException e) {
            library.closeQuietly();
            throw e;
        }
        return library;
    }

    /** See {@link Library#restoreBackup}. */
    static Library.Report restoreBackup(Path backup, Path directory, SchemaRegistry schemas, Library.Options options) {
        Path dir = directory.toAbsolutePath().normalize();
        List<String> done = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Backups.Contents contents = Backups.open(backup)) {
            LibraryFiles.createDirectory(dir);
            LibraryLock lock = LibraryLock.acquire(dir);
            Library library;
            try {
                Path aside = LibraryFiles.moveAside(dir, "before-restore", options.clock());
                if (aside != null) {
                    done.add("The library as it was is kept as " + aside.getFileName());
                }
                library = Library.openLocked(dir, schemas, options.withBackupOnClose(false), lock);
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e instanceof RuntimeException re ? re : new LibraryException(e.getMessage(), e);
            }
            try (library) {
                Recovery recovery = library.recovery();
                recovery.workshops.addAll(contents.workshops, contents.teams);
                for (Backups.MapRecord m : contents.maps) {
                    recovery.importFromBackup(contents, m, done, problems);
                }
            }
        } catch (IOException e) {
            throw new LibraryException("Cannot read the backup " + backup + ": " + e.getMessage(), e);
        } catch (MapFormatException e) {
            throw new LibraryException("Not a usable backup: " + e.getMessage(), e);
        }
        return new Library.Report(done, problems);
    }

    /**
     * One map from a backup, replaying its log so that its history comes back; when the log does not replay, the
     * map as saved without its history.
     */
    private void importFromBackup(Backups.Contents contents, Backups.MapRecord m, List<String> done, List<String> problems) {
        var schema = schemas.schema(m.method());
        if (schema.isEmpty()) {
            problems.add("Map \"" + m.title() + "\" (" + m.id() + ") uses the unknown method \"" + m.method()
                    + "\"; it stays in the backup only.");
            return;
        }
        try {
            long head = database.write(c -> {
                MapDocument[] doc = {maps.insertEmpty(c, MapDocument.empty(m.id(), m.initialTitle(), m.method(), m.created()),
                        m.workshopId(), m.teamId())};
                long[] at = {0};
                Instant[] time = {m.created()};
                contents.log(m.id(), (revision, origin, json, where) -> {
                    if (revision != at[0] + 1) {
                        throw new MapFormatException(where, "$.revision", "expected revision " + (at[0] + 1) + ", got " + revision);
                    }
                    Applied a = ChangeSetCodec.replay(doc[0], schema.get(), where, json);
                    try {
                        LogStore.insertChangeSet(c, m.id(), revision, origin, a.changeSet(), ChangeSetCodec.toJson(a.changeSet()));
                        if (revision % options.snapshotEvery() == 0) {
                            LogStore.insertSnapshot(c, m.id(), revision, options.clock().instant(), Snapshots.compress(a.after()));
                        }
                    } catch (SQLException e) {
                        throw new MapFormatException(where, "$", "cannot store: " + e.getMessage(), e);
                    }
                    doc[0] = a.after();
                    at[0] = revision;
                    time[0] = a.changeSet().time();
                });
                MapDocument saved = contents.document(m.id(), schemas);
                if (!saved.equals(doc[0])) {
                    throw new MapFormatException(contents.file + "!/maps/" + m.id() + MapJson.EXTENSION, "$",
                            "the map's log does not lead to the map saved beside it");
                }
                LogStore.updateHead(c, m.id(), doc[0].title(), time[0], at[0]);
                maps.snapshot(c, m.id(), doc[0], at[0]);
                return at[0];
            });
            done.add("Restored \"" + m.title() + "\" (" + m.id() + ") with " + head + " revision(s)");
        } catch (LibraryException e) {
            // the log does not replay: keep the map as saved, without its history
            try {
                MapDocument saved = contents.document(m.id(), schemas);
                database.write(c -> maps.insertDocument(c, saved, schema.get(), m.workshopId(), m.teamId(),
                        database.localActor(), "Restored from backup " + contents.file.getFileName()
                                + " (history not restorable)", "RESTORE"));
                problems.add("Map \"" + m.title() + "\" (" + m.id() + "): its history could not be restored ("
                        + LibraryException.rootMessage(e) + "); the map itself was restored as saved.");
            } catch (IOException | MapFormatException | LibraryException e2) {
                problems.add("Map \"" + m.title() + "\" (" + m.id() + ") could not be restored: "
                        + LibraryException.rootMessage(e2));
            }
        }
    }

    /**
     * Every map from its newest good source: the newest readable backup where it is at least as recent as the
     * snapshot file (bringing the history up to it), else the snapshot file (without earlier history).
     */
    private void rebuildFromSnapshotsAndBackups(List<String> report) {
        Map<String, Snapshots.FileInfo> snaps = readSnapshotInfos(report);
        Backups.Contents backup = null;
        for (Path b : backups.list()) {
            try {
                backup = Backups.open(b);
                break;
            } catch (IOException | MapFormatException e) {
                report.add("Skipped backup " + b.getFileName() + ": " + e.getMessage());
            }
        }
        try {
            if (backup != null) {
                workshops.addAll(backup.workshops, backup.teams);
            }
            Set<String> workshopIds = new HashSet<>();
            workshops.workshops().forEach(w -> workshopIds.add(w.id()));
            Set<String> teamIds = new HashSet<>();
            workshops.teams().forEach(t -> teamIds.add(t.id()));
            Set<String> fromBackup = new HashSet<>();
            if (backup != null) {
                for (Backups.MapRecord m : backup.maps) {
                    Snapshots.FileInfo snap = snaps.get(m.id());
                    if (snap == null || snap.revision() <= m.revision()) {
                        List<String> problems = new ArrayList<>();
                        importFromBackup(backup, m, report, problems);
                        report.addAll(problems);
                        fromBackup.add(m.id());
                    }
                }
            }
            for (Snapshots.FileInfo info : snaps.values()) {
                if (!fromBackup.contains(info.mapId())) {
                    recoverFromSnapshotFile(info, workshopIds, teamIds, report);
                }
            }
        } finally {
            if (backup != null) {
                try {
                    backup.close();
                } catch (IOException ignored) {
                    // read-only
                }
            }
        }
    }

    /** What the snapshot files beside the database say, by map id; unreadable ones are reported and skipped. */
    private Map<String, Snapshots.FileInfo> readSnapshotInfos(List<String> report) {
        Map<String, Snapshots.FileInfo> snaps = new TreeMap<>();
        try (var s = Files.list(database.directory().resolve(Snapshots.DIRECTORY))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().endsWith(".info.json")) {
                    try {
                        Snapshots.FileInfo info = Snapshots.readInfo(p);
                        snaps.put(info.mapId(), info);
                    } catch (IOException | RuntimeException e) {
                        report.add("Skipped " + p.getFileName() + ": " + e.getMessage());
                    }
                }
            }
        } catch (IOException noSnapshots) {
            // then backups are all there is
        }
        return snaps;
    }

    /** One map from its snapshot file, with the workshop and team the file names when the library lacks them. */
    private void recoverFromSnapshotFile(Snapshots.FileInfo info, Set<String> workshopIds, Set<String> teamIds,
                                         List<String> report) {
        try {
            MapDocument doc = new MapJsonReader(schemas).read(Snapshots.documentFile(database.directory(), info.mapId()));
            String ws = info.workshopId();
            if (ws != null && !workshopIds.contains(ws)) {
                workshops.add(new Workshop(ws, info.workshopName(), info.taken()));
                workshopIds.add(ws);
            }
            String team = info.teamId();
            if (team != null && !teamIds.contains(team)) {
                workshops.add(new Team(team, ws, info.teamName(), info.taken()));
                teamIds.add(team);
            }
            database.write(c -> maps.insertDocument(c, doc, maps.schemaOf(doc.methodId()), ws, team, database.localActor(),
                    "Recovered from the snapshot at revision " + info.revision(), "RESTORE"));
            report.add("Recovered \"" + doc.title() + "\" (" + doc.id() + ") as it was at revision " + info.revision()
                    + " (" + info.taken() + "); its earlier history stays in the damaged file");
        } catch (MapFormatException | LibraryException e) {
            report.add("Map " + info.mapId() + " could not be recovered: " + LibraryException.rootMessage(e));
        }
    }
}
