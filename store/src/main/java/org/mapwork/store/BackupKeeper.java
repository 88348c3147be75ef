package org.mapwork.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.mapwork.model.schema.SchemaRegistry;

/**
 * When an open library writes its backups ({@link Backups} is their format): on request, daily while it is open
 * (a timer looks every few minutes), and on close, the last two only when something changed since the newest backup.
 */
final class BackupKeeper {

    private final LibraryDatabase database;
    private final Maps maps;
    private final SchemaRegistry schemas;
    private final Library.Options options;
    private final ScheduledExecutorService timer;
    private final Object writing = new Object();

    BackupKeeper(LibraryDatabase database, Maps maps, SchemaRegistry schemas, Library.Options options) {
        this.database = database;
        this.maps = maps;
        this.schemas = schemas;
        this.options = options;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mapwork-library-backup");
            t.setDaemon(true);
            return t;
        });
        // first look after a minute: a short CLI command never pays for a backup, the editor gets its daily one
        long every = Math.max(1, Math.min(60, options.backupInterval().toMinutes()));
        if (database.directory() != null) {
            timer.scheduleWithFixedDelay(this::backupIfDue, 1, every, TimeUnit.MINUTES);
        }
    }

    /** Writes a backup now (of everything durable so far) and rotates old ones; returns the zip. */
    Path backup() {
        if (database.directory() == null) {
            throw new LibraryException("The library " + database.where() + " is kept on a database server: back it up "
                    + "with PostgreSQL's pg_dump, which keeps every map, change log and revision.");
        }
        try {
            database.writer().barrier().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LibraryException("Interrupted before the backup", e);
        } catch (ExecutionException e) {
            throw new LibraryException("Cannot back up: " + e.getCause().getMessage(), e.getCause());
        }
        Path directory = database.directory();
        synchronized (writing) {
            try (Connection c = database.newConnection()) {
                // one consistent picture of the library while the writer goes on
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                Path zip = Backups.write(c, schemas, directory, options.clock().instant(), database.localActor(),
                        options.backupsKept());
                c.rollback();
                return zip;
            } catch (SQLException | IOException e) {
                throw new LibraryException("Cannot write a backup into " + directory.resolve(Backups.DIRECTORY) + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** The backups, newest first. */
    List<Path> list() {
        if (database.directory() == null) {
            return List.of();
        }
        try {
            return Backups.list(database.directory());
        } catch (IOException e) {
            throw new LibraryException("Cannot list the backups in " + database.directory() + ": " + e.getMessage(), e);
        }
    }

    /** On close: a backup when anything changed since the newest one. */
    void backupIfChanged() {
        if (changedSinceBackup()) {
            backup();
        }
    }

    /** Whether anything changed since the newest backup (or there is none and there are maps). */
    private boolean changedSinceBackup() {
        List<Path> all = list();
        List<MapEntry> entries = maps.list();
        if (entries.isEmpty()) {
            return false;
        }
        if (all.isEmpty()) {
            return true;
        }
        try {
            Instant last = Files.getLastModifiedTime(all.get(0)).toInstant();
            return entries.get(0).updated().isAfter(last) || entries.stream().anyMatch(m -> m.created().isAfter(last));
        } catch (IOException e) {
            return true;
        }
    }

    /** The daily backup: when the newest backup is older than the interval and something changed since. */
    void backupIfDue() {
        if (database.isClosed() || database.directory() == null) {
            return;
        }
        try {
            List<Path> all = list();
            boolean old = all.isEmpty() || Files.getLastModifiedTime(all.get(0)).toInstant()
                    .isBefore(options.clock().instant().minus(options.backupInterval()));
            if (old && changedSinceBackup()) {
                backup();
            }
        } catch (IOException | RuntimeException e) {
            // the next round tries again; a failing daily backup must not disturb editing
        }
    }

    /** Stops the daily look (and a backup it is writing). */
    void stopTimer() {
        timer.shutdownNow();
    }
}
