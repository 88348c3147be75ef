package org.mapwork.store;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.schema.SchemaRegistry;

/**
 * The local library: every map of this user, with every change ever applied to it, in an embedded H2 database in one
 * directory ({@code ~/.mapwork} unless {@code --library DIR} or {@code MAPWORK_HOME} says otherwise). Nothing
 * leaves the machine.
 *
 * <p>How the editor uses it:
 * <pre>{@code
 * Library library = Library.open(dir, Methods.schemas());          // once; one process owns a library
 * MapEntry entry = library.createMap(starter, workshopId, teamId);  // or pick one of library.maps()
 * LoadedMap m = library.load(entry.id());
 * MapSession session = new MapSession(m.document(), m.schema(), library.localActor(), m.lastSeq());
 * MapRecorder recorder = library.record(m, session);              // every applied change set is now logged
 * ...                                                              // recorder.onDurable(rev -> show "saved")
 * recorder.close();                                                // when the map closes
 * library.close();                                                 // when the app ends: also writes a backup
 * }</pre>
 *
 * <p>Threading: every method may be called from any thread. Reads use their own connection; writes go through one
 * writer thread in order. Methods that write (create, place, restore) wait until their write is durable (a few
 * milliseconds); {@link MapRecorder} never waits.
 */
public final class Library implements AutoCloseable {

    /** The environment variable that names the library directory. */
    public static final String HOME_VARIABLE = "MAPWORK_HOME";
    /** H2's file for the database {@code library}. */
    public static final String DATABASE_FILE = "library.mv.db";

    /**
     * Settings of a library.
     *
     * @param snapshotEvery  a snapshot after this many change sets of a map (and whenever a map closes)
     * @param backupsKept    how many backups {@code backups/} keeps
     * @param backupInterval how old the newest backup may get while the library is open or in use
     * @param backupOnClose  whether closing the library writes a backup (when anything changed)
     */
    public record Options(int snapshotEvery, int backupsKept, Duration backupInterval, boolean backupOnClose, Clock clock) {
        public Options {
            if (snapshotEvery < 1 || backupsKept < 1) {
                throw new IllegalArgumentException("snapshotEvery and backupsKept must be positive");
            }
            Objects.requireNonNull(backupInterval, "backupInterval");
            Objects.requireNonNull(clock, "clock");
        }

        public static Options defaults() {
            return new Options(500, 10, Duration.ofDays(1), true, Clock.systemUTC());
        }

        public Options withSnapshotEvery(int n) {
            return new Options(n, backupsKept, backupInterval, backupOnClose, clock);
        }

        public Options withBackupsKept(int n) {
            return new Options(snapshotEvery, n, backupInterval, backupOnClose, clock);
        }

        public Options withBackupInterval(Duration d) {
            return new Options(snapshotEvery, backupsKept, d, backupOnClose, clock);
        }

        public Options withBackupOnClose(boolean b) {
            return new Options(snapshotEvery, backupsKept, backupInterval, b, clock);
        }

        public Options withClock(Clock c) {
            return new Options(snapshotEvery, backupsKept, backupInterval, backupOnClose, c);
        }
    }

    /** What a recovery or a restore did, line by line, and what it could not do. */
    public record Report(List<String> done, List<String> problems) {
    }

    private final Path directory;
    private final SchemaRegistry schemas;
    private final Options options;
    private final LibraryLock lock;
    private final LibraryDatabase database;
    private final Workshops workshops;
    private final Maps maps;
    private final Recorders recorders;
    private final SharedMaps shared;
    private final Revisions revisions;
    private final BackupKeeper backups;
    private final Thread shutdownHook;
    /** Serves consistent copies to readers beside this owner (docs/adr/0009), or {@code null}. */
    private volatile ReadingCopies.Server readingCopies;
    /** Run once the library is closed: a reading copy's temporary directory is deleted. */
    private volatile Runnable afterClose = () -> { };

    /** Opens the library's database, whose writer calls {@code afterDurable}. */
    @FunctionalInterface
    private interface Opener {
        LibraryDatabase open(ChangeWriter.AfterDurable afterDurable) throws SQLException;
    }

    /** Notes on what opening did (a server database's tables made or migrated), for the person who opened it. */
    private final List<String> openingNotes;

    /** @param directory {@code null} for a library on a database server; {@code lock} then too */
    private Library(Path directory, SchemaRegistry schemas, Options options, LibraryLock lock, Opener opener,
                    List<String> openingNotes) throws SQLException {
        this.directory = directory;
        this.schemas = schemas;
        this.options = options;
        this.lock = lock;
        this.openingNotes = List.copyOf(openingNotes);
        this.database = opener.open(this::afterDurable);
        this.workshops = new Workshops(database, options.clock());
        this.maps = new Maps(database, schemas, options.clock());
        this.recorders = new Recorders(database, maps, options.snapshotEvery());
        this.shared = new SharedMaps(database, maps, options.clock());
        this.revisions = new Revisions(database, maps, recorders);
        this.backups = new BackupKeeper(database, maps, schemas, options);
        this.shutdownHook = new Thread(this::closeOnExit, "mapwork-library-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The writer calls it only for change sets that a recorder queued, so never before the recorders exist. */
    private void afterDurable(Connection c, ChangeWriter.Append last) throws SQLException, IOException {
        recorders.afterDurable(c, last);
    }

    // ================================================================== opening

    /** The library directory: {@code option} if given, else {@code $MAPWORK_HOME}, else {@code ~/.mapwork}. */
    public static Path directory(Path option, Map<String, String> environment) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String home = environment.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".mapwork");
    }

    public static Library open(Path directory, SchemaRegistry schemas) {
        return open(directory, schemas, Options.defaults());
    }

    /**
     * Opens (and on first use creates) the library in {@code directory}, bringing its tables up to date.
     *
     * @throws LibraryInUseException   when another process has it open
     * @throws LibraryDamagedException when its database cannot be read; {@link #recover} is the way out
     * @throws LibraryException        for other problems (a directory that cannot be made, a newer library)
     */
    public static Library open(Path directory, SchemaRegistry schemas, Options options) {
        return open(directory, schemas, options, true);
    }

    private static Library open(Path directory, SchemaRegistry schemas, Options options, boolean serveReaders) {
        Path dir = directory.toAbsolutePath().normalize();
        LibraryFiles.createDirectory(dir);
        LibraryLock lock = LibraryLock.acquire(dir);
        Library library;
        try {
            library = openLocked(dir, schemas, options, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        if (serveReaders) {
            library.readingCopies = ReadingCopies.Server.start(dir, library.database);
        }
        return library;
    }

    /**
     * Opens the library in {@code directory} for reading only (listing, showing, exporting maps, reading their logs):
     * as {@link #open} when nobody has it open; while another Mapwork (the editor) owns it, a consistent copy of its
     * database that the owner hands out (docs/adr/0009), opened in a temporary directory that is deleted on close.
     * What is written to such a copy is thrown away with it, so use it for reading only.
     *
     * @throws LibraryInUseException when the library is open elsewhere and its owner gives no copy (an older Mapwork)
     */
    public static Library openForReading(Path directory, SchemaRegistry schemas, Options options) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            return open(dir, schemas, options);
        } catch (LibraryInUseException inUse) {
            Path copy;
            try {
                copy = Files.createTempDirectory("mapwork-reading-");
            } catch (IOException e) {
                throw inUse;
            }
            Runnable delete = () -> LibraryFiles.deleteTree(copy);
            if (!ReadingCopies.fetch(dir, copy)) {
                delete.run();
                throw inUse;
            }
            try {
                Library library = open(copy, schemas, options.withBackupOnClose(false), false);
                library.afterClose = delete;
                return library;
            } catch (RuntimeException e) {
                delete.run();
                throw e;
            }
        }
    }

    /** Opens the library in {@code dir}, whose lock the caller holds. */
    static Library openLocked(Path dir, SchemaRegistry schemas, Options options, LibraryLock lock) {
        boolean existed = LibraryFiles.prepare(dir, options.clock());
        Library library;
        try {
            library = new Library(dir, schemas, options, lock,
                    after -> LibraryDatabase.open(dir, options.clock(), after), List.of());
        } catch (SQLException e) {
            throw LibraryFiles.classify(dir, existed, e);
        }
        try {
            library.database.checkReadable();
        } catch (RuntimeException e) {
            library.closeQuietly();
            throw e;
        }
        return library;
    }

    /**
     * Opens the library an organisation's server keeps in PostgreSQL (issue 14, docs/adr/0019): the same maps, change
     * logs, revisions, workshops and teams as a library directory, on a database several hub nodes can share. Makes
     * or brings its tables up to date first ({@link #openingNotes()} says so). What a library directory has as files
     * is not there: no lock (PostgreSQL orders the writers), no snapshot files and no backups (back the database up
     * with {@code pg_dump}), no reading copies (every reader may connect), no devices' shares of others' maps.
     *
     * @throws LibraryException naming the problem: a wrong password, no server, no such database, foreign tables
     */
    public static Library open(ServerStore store, SchemaRegistry schemas, Options options) {
        List<String> notes = ServerSchema.prepare(store);
        Library library;
        try {
            library = new Library(null, schemas, options.withBackupOnClose(false), null,
                    after -> LibraryDatabase.open(store, options.clock(), after), notes);
        } catch (SQLException e) {
            throw ServerSchema.cannotConnect(store, e);
        }
        try {
            library.database.checkReadable();
        } catch (RuntimeException e) {
            library.closeQuietly();
            throw e;
        }
        return library;
    }

    /**
     * The way out of a damaged database: moves {@code library.mv.db} aside untouched (to
     * {@code library.mv.db.damaged-TIME}), makes a new one, and brings every map back from its newest good source —
     * the snapshot file beside the database or the newest backup, whichever is more recent (a backup brings the
     * revision history up to it).
     */
    public static Library recover(Path directory, SchemaRegistry schemas, Options options, List<String> report) {
        return Recovery.recover(directory, schemas, options, report);
    }

    /**
     * Replaces the library's content by a backup's: the current database is moved aside (never deleted) as
     * {@code library.mv.db.before-restore-TIME}, then every map comes back with its full revision history.
     */
    public static Report restoreBackup(Path backup, Path directory, SchemaRegistry schemas, Options options) {
        return Recovery.restoreBackup(backup, directory, schemas, options);
    }

    /** The parts a restore or a recovery fills this (new, empty) library through. */
    Recovery recovery() {
        return new Recovery(database, maps, workshops, backups, schemas, options);
    }

    // ================================================================== basics

    /**
     * The library directory.
     *
     * @throws IllegalStateException for a library on a database server, which has none (see {@link #isOnServer()})
     */
    public Path directory() {
        if (directory == null) {
            throw new IllegalStateException("The library " + location() + " is kept on a database server; it has no directory");
        }
        return directory;
    }

    /** Whether this library is kept on a database server ({@link #open(ServerStore, SchemaRegistry, Options)}). */
    public boolean isOnServer() {
        return directory == null;
    }

    /** Where the library is, for people: its directory, or its server database's address. */
    public String location() {
        return database.where();
    }

    /** What opening the library did that its user should hear of (a server database's tables made or migrated). */
    public List<String> openingNotes() {
        return openingNotes;
    }

    // ================================================================== one writer per map among server nodes

    /**
     * Claims the map for this Mapwork among the hub nodes that share a server database (docs/adr/0019): while it
     * holds the claim no other node can claim it, and the claim ends with this library's connection (closing it, or
     * the process or its network dying), so that another node can take the map over. A library directory has one
     * owner already (its lock file): there a claim always succeeds.
     *
     * @return whether this Mapwork holds the map's claim now
     */
    public boolean claim(String mapId) {
        if (!isOnServer()) {
            return true;
        }
        return database.write(c -> database.writer().claims().claim(c, mapId));
    }

    /** Lets this Mapwork's claim of the map go (see {@link #claim}). */
    public void releaseClaim(String mapId) {
        if (isOnServer()) {
            database.write(c -> {
                database.writer().claims().release(c, mapId);
                return null;
            });
        }
    }

    /** Hears (on the writer thread) of a claim lost: the connection broke, and another node claimed the map meanwhile. */
    public void onClaimLost(java.util.function.Consumer<String> listener) {
        database.writer().claims().onLost(java.util.Objects.requireNonNull(listener, "listener"));
    }

    /**
     * A fact about this library kept under {@code name} (a host's share of a map, say), so that it lives where the
     * maps live: in the library directory's database, or on the server for every node.
     */
    public java.util.Optional<String> fact(String name) {
        return database.read(c -> LogStore.info(c, checkFactName(name)));
    }

    /** Keeps (or, with {@code null}, forgets) a fact about this library; waits until it is durable. */
    public void keepFact(String name, String content) {
        checkFactName(name);
        if (content != null && content.length() > 4000) {
            throw new IllegalArgumentException("a library fact holds at most 4000 characters, not " + content.length());
        }
        database.write(c -> {
            if (content == null) {
                LogStore.removeInfo(c, name);
            } else {
                LogStore.putInfo(c, name, content);
            }
            return null;
        });
    }

    /** Names of facts others keep carry a '/' ("hub-share/MAP"), so they never meet the library's own ("actor"). */
    private static String checkFactName(String name) {
        if (name == null || name.length() > 100 || name.indexOf('/') <= 0) {
            throw new IllegalArgumentException("a library fact's name is 'topic/key' of at most 100 characters, not " + name);
        }
        return name;
    }

    /** The id of the person editing on this device, made when the library was created. */
    public String localActor() {
        return database.localActor();
    }

    public Options options() {
        return options;
    }

    // ================================================================== workshops and teams

    public Workshop createWorkshop(String name) {
        return workshops.createWorkshop(name);
    }

    public Team createTeam(String workshopId, String name) {
        return workshops.createTeam(workshopId, name);
    }

    public List<Workshop> workshops() {
        return workshops.workshops();
    }

    public List<Team> teams() {
        return workshops.teams();
    }

    /** Moves a map into a workshop and team ({@code null}s: standing alone). */
    public void placeMap(String mapId, String workshopId, String teamId) {
        workshops.placeMap(mapId, workshopId, teamId);
    }

    // ================================================================== maps

    /** Every map, most recently changed first. */
    public List<MapEntry> maps() {
        return maps.list();
    }

    public MapEntry map(String mapId) {
        return maps.get(mapId);
    }

    /**
     * The map named by {@code idOrTitle}: its id, or the start of its title when only one title starts so
     * (ignoring case).
     */
    public MapEntry find(String idOrTitle) {
        return maps.find(idOrTitle);
    }

    /**
     * Puts a new map into the library: revision 0 is its empty map, revision 1 the change set that builds
     * {@code doc} (its map attributes and elements), stamped by {@code actor}. Waits until it is durable.
     *
     * @param workshopId {@code null} for a map that stands alone
     * @param teamId     {@code null} for none
     */
    public MapEntry createMap(MapDocument doc, String workshopId, String teamId, String actor) {
        return maps.create(doc, workshopId, teamId, actor);
    }

    public MapEntry createMap(MapDocument doc) {
        return createMap(doc, null, null, localActor());
    }

    /** Reads a map at its latest revision. */
    public LoadedMap load(String mapId) {
        return maps.load(mapId);
    }

    /**
     * Starts keeping every change set applied in {@code session} (which must hold {@code loaded}'s document) in the
     * map's log. One recorder per map at a time; close it when the map closes.
     */
    public MapRecorder record(LoadedMap loaded, MapSession session) {
        return recorders.record(loaded, session);
    }

    /** The shared maps this device holds (joined through a hub): their share state and outboxes. */
    public SharedMaps shared() {
        return shared;
    }

    // ================================================================== revision history

    /** A map's revisions, oldest first (revision 0, the empty map, is not listed). */
    public List<Revision> revisions(String mapId) {
        return revisions.revisions(mapId);
    }

    /** The map as it was at {@code revision}. */
    public MapDocument documentAt(String mapId, long revision) {
        return revisions.documentAt(mapId, revision);
    }

    /**
     * The map's growth step by step: revision 0 (the empty map), then the map after each logged change set. Reads
     * the log page by page as it goes.
     */
    public Iterator<RevisionState> replay(String mapId) {
        return revisions.replay(mapId);
    }

    /**
     * Restores a map to how it was at {@code revision} by applying, as a new change set by this device's actor, the
     * changes from its current state to that one: nothing is lost, and the restore itself can be undone or restored
     * away. Refused while the map is open for editing (restore there, through its session, with {@link MapDiff}).
     *
     * @return the new revision (the current one when the map already equals that revision)
     */
    public long restore(String mapId, long revision) {
        return revisions.restore(mapId, revision, localActor());
    }

    /**
     * Writes the map's change log as CSV, one row per change: revision, time, actor, change (its kind), element,
     * property, description, and the change set's summary.
     */
    public void writeChangeLogCsv(String mapId, Writer out) throws IOException {
        revisions.writeChangeLogCsv(mapId, out);
    }

    // ================================================================== export and backup

    /** Writes the map's current document as native JSON into {@code dir}; returns the file. */
    public Path exportMap(String mapId, Path dir) throws IOException {
        return new MapExport().write(load(mapId), dir);
    }

    /** Writes every map's current document into {@code dir}. */
    public List<Path> exportAll(Path dir) throws IOException {
        return MapExport.writeAll(maps, dir);
    }

    /** Writes a backup now (of everything durable so far) and rotates old ones; returns the zip. */
    public Path backup() {
        return backups.backup();
    }

    /** The backups, newest first. */
    public List<Path> backups() {
        return backups.list();
    }

    /** The daily backup: when the newest backup is older than the interval and something changed since. */
    void backupIfDue() {
        backups.backupIfDue();
    }

    // ================================================================== closing

    /**
     * Closes every recorder (waiting until their changes are durable), writes a backup if anything changed since
     * the last one, and closes the database and the lock.
     */
    @Override
    public void close() {
        if (database.isClosed()) {
            return;
        }
        List<RuntimeException> problems = new java.util.ArrayList<>(recorders.closeAll());
        if (options.backupOnClose()) {
            try {
                backups.backupIfChanged();
            } catch (RuntimeException e) {
                problems.add(e);
            }
        }
        shutdown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException exiting) {
            // the JVM is already shutting down
        }
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }

    void closeQuietly() {
        try {
            shutdown();
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (RuntimeException ignored) {
            // already failing
        }
    }

    /** On JVM exit: write what is queued, then close (no backup: exit must be quick). */
    private void closeOnExit() {
        if (!database.isClosed()) {
            shutdown();
        }
    }

    private synchronized void shutdown() {
        if (!database.refuseNewWork()) {
            return;
        }
        backups.stopTimer();
        ReadingCopies.Server serving = readingCopies;
        if (serving != null) {
            serving.close();
        }
        database.release();
        if (lock != null) {
            lock.close();
        }
        afterClose.run();
    }
}
