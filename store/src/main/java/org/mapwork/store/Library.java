package org.mapwork.store;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import org.mapwork.model.Applied;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.Stamp;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.schema.Schema;
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
    static final String DATABASE_NAME = "library";
    static final String USER = "mapwork";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

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

    /**
     * Flyway logs every step on java.util.logging (and warns that it has not been tested with H2 2.3, which our
     * migration test covers); a person using Mapwork needs none of it: failures reach them as exceptions. Held in a
     * field because java.util.logging keeps loggers only weakly.
     */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.OFF);
    }

    private final Path directory;
    private final SchemaRegistry schemas;
    private final Options options;
    private final LibraryLock lock;
    private final String url;
    private final Connection readConnection;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ChangeWriter writer;
    private final String localActor;
    private final Map<String, MapRecorder> recorders = new ConcurrentHashMap<>();
    private final ScheduledExecutorService backupTimer;
    private final Object backupMonitor = new Object();
    private final Thread shutdownHook;
    private volatile boolean closed;

    private Library(Path directory, SchemaRegistry schemas, Options options, LibraryLock lock) throws SQLException {
        this.directory = directory;
        this.schemas = schemas;
        this.options = options;
        this.lock = lock;
        this.url = url(directory);
        Connection write = DriverManager.getConnection(url, USER, "");
        try {
            this.readConnection = DriverManager.getConnection(url, USER, "");
            this.localActor = ensureActor(write);
            this.writer = new ChangeWriter(write, options.clock(), "mapwork-library-writer", this::afterDurable);
        } catch (SQLException | RuntimeException e) {
            write.close();
            throw e;
        }
        this.backupTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mapwork-library-backup");
            t.setDaemon(true);
            return t;
        });
        // first look after a minute: a short CLI command never pays for a backup, the editor gets its daily one
        long every = Math.max(1, Math.min(60, options.backupInterval().toMinutes()));
        backupTimer.scheduleWithFixedDelay(this::backupIfDue, 1, every, TimeUnit.MINUTES);
        this.shutdownHook = new Thread(this::closeOnExit, "mapwork-library-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
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
        Path dir = directory.toAbsolutePath().normalize();
        createDirectory(dir);
        LibraryLock lock = LibraryLock.acquire(dir);
        try {
            return openLocked(dir, schemas, options, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Library openLocked(Path dir, SchemaRegistry schemas, Options options, LibraryLock lock) {
        Path file = dir.resolve(DATABASE_FILE);
        boolean existed = Files.exists(file);
        try {
            if (!existed) {
                createDatabase(dir);
            } else if (!isCurrent(dir)) {
                keepCopyBeforeMigrating(dir, options);
                migrate(dir, null);
            }
            Library library = new Library(dir, schemas, options, lock);
            try {
                library.check();
            } catch (SQLException | RuntimeException e) {
                library.closeQuietly();
                throw e;
            }
            return library;
        } catch (SQLException | FlywayException e) {
            throw classify(dir, file, existed, e);
        }
    }

    private static RuntimeException classify(Path dir, Path file, boolean existed, Exception e) {
        String text = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof FlywayException && text.contains("not resolved locally")) {
            return new LibraryException("The library " + dir + " was written by a newer Mapwork (" + firstLine(text)
                    + "). Update Mapwork to open it.", e);
        }
        if (existed) {
            return new LibraryDamagedException(file, firstLine(text), "Mapwork can set the damaged file aside untouched "
                    + "and reopen your maps from their newest good snapshots" + describeSnapshots(dir)
                    + ": run 'mapwork library recover --library " + dir + "'.", e);
        }
        return new LibraryException("Cannot create the library in " + dir + ": " + firstLine(text), e);
    }

    private static String describeSnapshots(Path dir) {
        int files = 0;
        try (var s = Files.list(dir.resolve(Snapshots.DIRECTORY))) {
            files = (int) s.filter(p -> p.getFileName().toString().endsWith(".info.json")).count();
        } catch (IOException ignored) {
            // none
        }
        int backups = 0;
        try {
            backups = Backups.list(dir).size();
        } catch (IOException ignored) {
            // none
        }
        return " (" + files + " map snapshot(s), " + backups + " backup(s) found)";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LibraryException("Cannot create the library directory " + dir + ": " + e.getMessage(), e);
        }
    }

    static String url(Path dir) {
        // DB_CLOSE_ON_EXIT=FALSE: this class closes the database itself, after the writer has finished.
        return "jdbc:h2:file:" + dir.resolve(DATABASE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The version of the newest migration in {@code db/migration}; a test keeps the two in step. */
    static final int SCHEMA_VERSION = 2;

    /**
     * A new library's database is made under a temporary name and renamed when complete, so that a crash while
     * creating it never leaves a half-made library behind.
     */
    private static void createDatabase(Path dir) throws SQLException {
        String partial = DATABASE_NAME + "-creating";
        try {
            Files.deleteIfExists(dir.resolve(partial + ".mv.db"));
            Files.deleteIfExists(dir.resolve(partial + ".trace.db"));
        } catch (IOException e) {
            throw new LibraryException("Cannot create the library in " + dir + ": " + e.getMessage(), e);
        }
        String partialUrl = "jdbc:h2:file:" + dir.resolve(partial) + ";DB_CLOSE_ON_EXIT=FALSE";
        Flyway.configure(Library.class.getClassLoader()).dataSource(partialUrl, USER, "")
                .locations("classpath:db/migration").failOnMissingLocations(true).load().migrate();
        try (Connection c = DriverManager.getConnection(partialUrl, USER, ""); var st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
        try {
            Files.move(dir.resolve(partial + ".mv.db"), dir.resolve(DATABASE_FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LibraryException("Cannot create the library in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the database already has every migration this Mapwork knows, read straight from Flyway's history
     * table: starting Flyway costs about half a second, which opening an up-to-date library need not pay.
     */
    private static boolean isCurrent(Path dir) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(dir), USER, "");
             var st = c.createStatement();
             var rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\" "
                     + "WHERE \"version\" IS NOT NULL")) {
            int newest = 0;
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                newest = Math.max(newest, Integer.parseInt(rs.getString(1)));
            }
            if (newest > SCHEMA_VERSION) {
                throw new LibraryException("The library " + dir + " was written by a newer Mapwork (its tables are at "
                        + "version " + newest + ", this Mapwork knows up to " + SCHEMA_VERSION + "). Update Mapwork to open it.");
            }
            return newest == SCHEMA_VERSION;
        } catch (NumberFormatException e) {
            return false;
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1
                    || e.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2) {
                return false; // no history yet: Flyway decides
            }
            throw e;
        }
    }

    /**
     * A migration changes tables in place, and H2 commits each DDL statement by itself: a crash in the middle could
     * leave tables half changed. The file as it was is kept beside it first, so there is always a way back.
     */
    private static void keepCopyBeforeMigrating(Path dir, Options options) {
        Path copy = dir.resolve(DATABASE_FILE + ".before-upgrade-" + FILE_TIME.format(options.clock().instant()));
        try {
            Files.copy(dir.resolve(DATABASE_FILE), copy, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new LibraryException("Cannot keep a copy of the library before upgrading it (" + copy + "): "
                    + e.getMessage() + ". Nothing was changed.", e);
        }
    }

    /** Brings the tables up to date; {@code target} limits it (tests make old libraries with it). */
    static void migrate(Path dir, String target) {
        var config = Flyway.configure(Library.class.getClassLoader())
                .dataSource(url(dir), USER, "")
                .locations("classpath:db/migration")
                .failOnMissingLocations(true);
        if (target != null) {
            config = config.target(target);
        }
        config.load().migrate();
    }

    private static String ensureActor(Connection c) throws SQLException {
        var actor = LogStore.info(c, "actor");
        if (actor.isPresent()) {
            return actor.get();
        }
        String id = Ids.newId("a");
        LogStore.putInfo(c, "actor", id);
        c.commit();
        return id;
    }

    /** Reads what every open needs, so a damaged file shows now rather than in the middle of work. */
    private void check() throws SQLException {
        read(c -> {
            for (MapEntry m : LogStore.maps(c)) {
                long logged = LogStore.changeSets(c, m.id(), m.revision() - 1, m.revision(), 1).size();
                if (m.revision() > 0 && logged != 1) {
                    throw new SQLException("map " + m.id() + " says revision " + m.revision() + " but its log lacks it");
                }
            }
            LogStore.workshops(c);
            LogStore.teams(c);
            return null;
        });
    }

    /**
     * The way out of a damaged database: moves {@code library.mv.db} aside untouched (to
     * {@code library.mv.db.damaged-TIME}), makes a new one, and brings every map back from its newest good source —
     * the snapshot file beside the database or the newest backup, whichever is more recent (a backup brings the
     * revision history up to it).
     */
    public static Library recover(Path directory, SchemaRegistry schemas, Options options, List<String> report) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            // a library that opens is not damaged: recovering it would drop its history for nothing
            open(dir, schemas, options.withBackupOnClose(false)).close();
            throw new LibraryException("The library " + dir + " opens without problems; there is nothing to recover.");
        } catch (LibraryDamagedException damaged) {
            // go on
        }
        LibraryLock lock = LibraryLock.acquire(dir);
        Library library;
        try {
            Path file = dir.resolve(DATABASE_FILE);
            if (Files.exists(file)) {
                Path aside = dir.resolve(DATABASE_FILE + ".damaged-" + FILE_TIME.format(options.clock().instant()));
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                report.add("The damaged database was set aside untouched as " + aside.getFileName());
            }
            library = openLocked(dir, schemas, options, lock);
        } catch (IOException e) {
            lock.close();
            throw new LibraryException("Cannot set the damaged database aside in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            library.rebuildFromSnapshotsAndBackups(report);
        } catch (RuntimeException e) {
            library.closeQuietly();
            throw e;
        }
        return library;
    }

    /**
     * Replaces the library's content by a backup's: the current database is moved aside (never deleted) as
     * {@code library.mv.db.before-restore-TIME}, then every map comes back with its full revision history.
     */
    public static Report restoreBackup(Path backup, Path directory, SchemaRegistry schemas, Options options) {
        Path dir = directory.toAbsolutePath().normalize();
        List<String> done = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Backups.Contents contents = Backups.open(backup)) {
            createDirectory(dir);
            LibraryLock lock = LibraryLock.acquire(dir);
            Library library;
            try {
                Path file = dir.resolve(DATABASE_FILE);
                if (Files.exists(file)) {
                    Path aside = dir.resolve(DATABASE_FILE + ".before-restore-" + FILE_TIME.format(options.clock().instant()));
                    Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                    done.add("The library as it was is kept as " + aside.getFileName());
                }
                library = openLocked(dir, schemas, options.withBackupOnClose(false), lock);
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e instanceof RuntimeException re ? re : new LibraryException(e.getMessage(), e);
            }
            try (library) {
                library.importWorkshops(contents);
                for (Backups.MapRecord m : contents.maps) {
                    library.importFromBackup(contents, m, done, problems);
                }
            }
        } catch (IOException e) {
            throw new LibraryException("Cannot read the backup " + backup + ": " + e.getMessage(), e);
        } catch (MapFormatException e) {
            throw new LibraryException("Not a usable backup: " + e.getMessage(), e);
        }
        return new Report(done, problems);
    }

    // ================================================================== basics

    public Path directory() {
        return directory;
    }

    /** The id of the person editing on this device, made when the library was created. */
    public String localActor() {
        return localActor;
    }

    public Options options() {
        return options;
    }

    // ================================================================== workshops and teams

    public Workshop createWorkshop(String name) {
        Workshop w = new Workshop(Ids.newId("w"), requireName(name), options.clock().instant());
        write(c -> {
            LogStore.insertWorkshop(c, w);
            return null;
        });
        return w;
    }

    public Team createTeam(String workshopId, String name) {
        Team t = new Team(Ids.newId("t"), workshopId, requireName(name), options.clock().instant());
        write(c -> {
            LogStore.insertTeam(c, t);
            return null;
        });
        return t;
    }

    public List<Workshop> workshops() {
        return read(LogStore::workshops);
    }

    public List<Team> teams() {
        return read(LogStore::teams);
    }

    /** Moves a map into a workshop and team ({@code null}s: standing alone). */
    public void placeMap(String mapId, String workshopId, String teamId) {
        write(c -> {
            LogStore.placeMap(c, mapId, workshopId, teamId);
            return null;
        });
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a name is required");
        }
        return name.strip();
    }

    // ================================================================== maps

    /** Every map, most recently changed first. */
    public List<MapEntry> maps() {
        return read(LogStore::maps);
    }

    public MapEntry map(String mapId) {
        return read(c -> LogStore.map(c, mapId)).orElseThrow(() -> new LibraryException(
                "No map with id " + mapId + " in the library " + directory));
    }

    /**
     * The map named by {@code idOrTitle}: its id, or the start of its title when only one title starts so
     * (ignoring case).
     */
    public MapEntry find(String idOrTitle) {
        List<MapEntry> all = maps();
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
                    + directory + (all.isEmpty() ? " (it has no maps yet)." : ". Run 'mapwork library list' to see them."));
        }
        StringBuilder sb = new StringBuilder("\"" + idOrTitle + "\" matches " + hits.size() + " maps:");
        hits.forEach(m -> sb.append("\n  ").append(m.id()).append("  ").append(m.title()));
        sb.append("\nGive more of the title, or the id.");
        throw new LibraryException(sb.toString());
    }

    /**
     * Puts a new map into the library: revision 0 is its empty map, revision 1 the change set that builds
     * {@code doc} (its map attributes and elements), stamped by {@code actor}. Waits until it is durable.
     *
     * @param workshopId {@code null} for a map that stands alone
     * @param teamId     {@code null} for none
     */
    public MapEntry createMap(MapDocument doc, String workshopId, String teamId, String actor) {
        Schema schema = schemaOf(doc.methodId());
        write(c -> {
            if (LogStore.map(c, doc.id()).isPresent()) {
                throw new LibraryException("The library already has a map with id " + doc.id());
            }
            insertDocument(c, doc, schema, workshopId, teamId, actor, "Create map", "CREATE");
            return null;
        });
        return map(doc.id());
    }

    public MapEntry createMap(MapDocument doc) {
        return createMap(doc, null, null, localActor);
    }

    /** Writes a whole document as a new map, on the writer's connection. */
    private long insertDocument(Connection c, MapDocument doc, Schema schema, String workshopId, String teamId,
                                String actor, String summary, String origin) throws SQLException, IOException {
        MapDocument empty = MapDocument.empty(doc.id(), doc.title(), doc.methodId(), doc.created());
        LogStore.insertMap(c, empty, workshopId, teamId);
        LogStore.insertSnapshot(c, doc.id(), 0, options.clock().instant(), Snapshots.compress(empty));
        ChangeSet draft = MapDiff.creation(doc, schema, summary);
        if (draft.isEmpty()) {
            return 0;
        }
        List<Change> stamped = new ArrayList<>(draft.size());
        long seq = 0;
        for (Change ch : draft.changes()) {
            stamped.add(ch.withStamp(new Stamp(actor, ++seq)));
        }
        Applied applied = ChangeEngine.apply(empty, schema, new ChangeSet(stamped, summary, options.clock().instant()));
        LogStore.insertChangeSet(c, doc.id(), 1, origin, applied.changeSet(), ChangeSetCodec.toJson(applied.changeSet()));
        LogStore.updateHead(c, doc.id(), doc.title(), applied.changeSet().time(), 1);
        snapshot(c, doc.id(), applied.after(), 1);
        return 1;
    }

    /** Reads a map at its latest revision. */
    public LoadedMap load(String mapId) {
        return read(c -> {
            MapEntry entry = LogStore.map(c, mapId).orElseThrow(() -> new LibraryException("No map with id " + mapId
                    + " in the library " + directory));
            Schema schema = schemaOf(entry.methodId());
            MapDocument doc = LogStore.documentAt(c, schemas, entry, entry.revision());
            return new LoadedMap(entry, doc, schema, entry.revision(), LogStore.lastSeq(c, mapId));
        });
    }

    /**
     * Starts keeping every change set applied in {@code session} (which must hold {@code loaded}'s document) in the
     * map's log. One recorder per map at a time; close it when the map closes.
     */
    public MapRecorder record(LoadedMap loaded, MapSession session) {
        ensureOpen();
        String id = loaded.entry().id();
        if (!session.document().equals(loaded.document())) {
            throw new IllegalArgumentException("the session does not hold map " + id + " as loaded (revision "
                    + loaded.revision() + ")");
        }
        MapEntry now = map(id);
        if (now.revision() != loaded.revision()) {
            throw new LibraryException("Map " + id + " has changed since it was loaded (revision " + loaded.revision()
                    + ", now " + now.revision() + "); load it again.");
        }
        long lastSnapshot = read(c -> LogStore.latestSnapshotRevision(c, id));
        MapRecorder recorder = new MapRecorder(this, session, loaded, writer, lastSnapshot);
        if (recorders.putIfAbsent(id, recorder) != null) {
            throw new LibraryException("Map " + id + " is already open for editing in this Mapwork.");
        }
        session.addListener(recorder);
        return recorder;
    }

    /** Called by a recorder when it closes: a snapshot of the final state, so the map opens fast next time. */
    void closed(MapRecorder recorder, MapDocument finalDocument) {
        recorders.remove(recorder.mapId(), recorder);
        if (finalDocument != null && recorder.lastSnapshot < recorder.durableRevision() && !closed) {
            long revision = recorder.durableRevision();
            write(c -> {
                snapshot(c, recorder.mapId(), finalDocument, revision);
                return null;
            });
            recorder.lastSnapshot = revision;
        }
    }

    /** On the writer thread, after each durable change set: a snapshot every {@code snapshotEvery} revisions. */
    private void afterDurable(Connection c, ChangeWriter.Append last) throws SQLException, IOException {
        MapRecorder r = last.recorder();
        if (last.revision() - r.lastSnapshot >= options.snapshotEvery()) {
            snapshot(c, r.mapId(), last.after(), last.revision());
            r.lastSnapshot = last.revision();
        }
    }

    /** A snapshot in the database and, for damage recovery, as a plain file beside it. Writer thread only. */
    private void snapshot(Connection c, String mapId, MapDocument doc, long revision) throws SQLException, IOException {
        Instant now = options.clock().instant();
        LogStore.insertSnapshot(c, mapId, revision, now, Snapshots.compress(doc));
        MapEntry e = LogStore.map(c, mapId).orElseThrow();
        Snapshots.writeFile(directory, doc, new Snapshots.FileInfo(mapId, revision, now, LogStore.initialTitle(c, mapId),
                e.workshop() == null ? null : e.workshop().id(), e.workshop() == null ? null : e.workshop().name(),
                e.team() == null ? null : e.team().id(), e.team() == null ? null : e.team().name()));
    }

    private Schema schemaOf(String methodId) {
        return schemas.schema(methodId).orElseThrow(() -> new LibraryException("Unknown method \"" + methodId
                + "\"; this Mapwork knows " + schemas.methodIds()));
    }

    // ================================================================== revision history

    /** A map's revisions, oldest first (revision 0, the empty map, is not listed). */
    public List<Revision> revisions(String mapId) {
        map(mapId);
        return read(c -> LogStore.revisions(c, mapId));
    }

    /** The map as it was at {@code revision}. */
    public MapDocument documentAt(String mapId, long revision) {
        MapEntry entry = map(mapId);
        if (revision < 0 || revision > entry.revision()) {
            throw new LibraryException("Map \"" + entry.title() + "\" has revisions 0 to " + entry.revision() + "; there is no revision " + revision);
        }
        return read(c -> LogStore.documentAt(c, schemas, entry, revision));
    }

    /**
     * The map's growth step by step: revision 0 (the empty map), then the map after each logged change set. Reads
     * the log page by page as it goes.
     */
    public Iterator<RevisionState> replay(String mapId) {
        MapEntry entry = map(mapId);
        Schema schema = schemaOf(entry.methodId());
        String initialTitle = read(c -> LogStore.initialTitle(c, mapId));
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
                    page.addAll(read(c -> LogStore.changeSets(c, mapId, at, entry.revision(), 500)));
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

    /**
     * Restores a map to how it was at {@code revision} by applying, as a new change set by this device's actor, the
     * changes from its current state to that one: nothing is lost, and the restore itself can be undone or restored
     * away. Refused while the map is open for editing (restore there, through its session, with {@link MapDiff}).
     *
     * @return the new revision (the current one when the map already equals that revision)
     */
    public long restore(String mapId, long revision) {
        if (recorders.containsKey(mapId)) {
            throw new LibraryException("Map " + mapId + " is open for editing; restore it there.");
        }
        LoadedMap loaded = load(mapId);
        MapDocument target = documentAt(mapId, revision);
        Revision rev = revision == 0 ? null : revisions(mapId).stream().filter(r -> r.number() == revision).findFirst().orElse(null);
        String summary = "Restore revision " + revision + (rev == null ? "" : " (" + rev.time() + ", " + rev.summary() + ")");
        ChangeSet draft = MapDiff.between(loaded.document(), target, loaded.schema(), summary);
        if (draft.isEmpty()) {
            return loaded.revision();
        }
        MapSession session = new MapSession(loaded.document(), loaded.schema(), localActor, loaded.lastSeq());
        try (MapRecorder recorder = record(loaded, session)) {
            session.apply(draft);
            return recorder.lastRevision();
        }
    }

    /**
     * Writes the map's change log as CSV, one row per change: revision, time, actor, change (its kind), element,
     * property, description, and the change set's summary.
     */
    public void writeChangeLogCsv(String mapId, Writer out) throws IOException {
        ChangeLogCsv.write(replay(mapId), out);
    }

    // ================================================================== export and backup

    /** Writes the map's current document as native JSON into {@code dir}; returns the file. */
    public Path exportMap(String mapId, Path dir) throws IOException {
        return exportInto(load(mapId), dir, new java.util.HashSet<>());
    }

    /** Writes every map's current document into {@code dir}. */
    public List<Path> exportAll(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (MapEntry m : maps()) {
            out.add(exportInto(load(m.id()), dir, used));
        }
        return out;
    }

    private static Path exportInto(LoadedMap m, Path dir, java.util.Set<String> used) throws IOException {
        Files.createDirectories(dir);
        String base = slug(m.document().title());
        if (base.isEmpty() || !used.add(base)) {
            base = (base.isEmpty() ? "" : base + "-") + m.entry().id();
            used.add(base);
        }
        Path file = dir.resolve(base + MapJson.EXTENSION);
        MapJson.writeFile(m.document(), file);
        return file;
    }

    static String slug(String title) {
        String s = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.length() > 60 ? s.substring(0, 60).replaceAll("-+$", "") : s;
    }

    /** Writes a backup now (of everything durable so far) and rotates old ones; returns the zip. */
    public Path backup() {
        try {
            writer.barrier().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LibraryException("Interrupted before the backup", e);
        } catch (ExecutionException e) {
            throw new LibraryException("Cannot back up: " + e.getCause().getMessage(), e.getCause());
        }
        synchronized (backupMonitor) {
            try (Connection c = DriverManager.getConnection(url, USER, "")) {
                // one consistent picture of the library while the writer goes on
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                Path zip = Backups.write(c, schemas, directory, options.clock().instant(), localActor, options.backupsKept());
                c.rollback();
                return zip;
            } catch (SQLException | IOException e) {
                throw new LibraryException("Cannot write a backup into " + directory.resolve(Backups.DIRECTORY) + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** The backups, newest first. */
    public List<Path> backups() {
        try {
            return Backups.list(directory);
        } catch (IOException e) {
            throw new LibraryException("Cannot list the backups in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Whether anything changed since the newest backup (or there is none and there are maps). */
    private boolean changedSinceBackup() {
        List<Path> all = backups();
        List<MapEntry> maps = maps();
        if (maps.isEmpty()) {
            return false;
        }
        if (all.isEmpty()) {
            return true;
        }
        try {
            Instant last = Files.getLastModifiedTime(all.get(0)).toInstant();
            return maps.get(0).updated().isAfter(last) || maps.stream().anyMatch(m -> m.created().isAfter(last));
        } catch (IOException e) {
            return true;
        }
    }

    /** The daily backup: when the newest backup is older than the interval and something changed since. */
    void backupIfDue() {
        if (closed) {
            return;
        }
        try {
            List<Path> all = backups();
            boolean old = all.isEmpty() || Files.getLastModifiedTime(all.get(0)).toInstant()
                    .isBefore(options.clock().instant().minus(options.backupInterval()));
            if (old && changedSinceBackup()) {
                backup();
            }
        } catch (IOException | RuntimeException e) {
            // the next round tries again; a failing daily backup must not disturb editing
        }
    }

    // ================================================================== import (restore, recovery)

    private void importWorkshops(Backups.Contents contents) {
        write(c -> {
            for (Workshop w : contents.workshops) {
                LogStore.insertWorkshop(c, w);
            }
            for (Team t : contents.teams) {
                LogStore.insertTeam(c, t);
            }
            return null;
        });
    }

    private void importFromBackup(Backups.Contents contents, Backups.MapRecord m, List<String> done, List<String> problems) {
        var schema = schemas.schema(m.method());
        if (schema.isEmpty()) {
            problems.add("Map \"" + m.title() + "\" (" + m.id() + ") uses the unknown method \"" + m.method()
                    + "\"; it stays in the backup only.");
            return;
        }
        try {
            long head = write(c -> {
                MapDocument empty = MapDocument.empty(m.id(), m.initialTitle(), m.method(), m.created());
                LogStore.insertMap(c, empty, m.workshopId(), m.teamId());
                LogStore.insertSnapshot(c, m.id(), 0, options.clock().instant(), Snapshots.compress(empty));
                MapDocument[] doc = {empty};
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
                snapshot(c, m.id(), doc[0], at[0]);
                return at[0];
            });
            done.add("Restored \"" + m.title() + "\" (" + m.id() + ") with " + head + " revision(s)");
        } catch (LibraryException e) {
            // the log does not replay: keep the map as saved, without its history
            try {
                MapDocument saved = contents.document(m.id(), schemas);
                write(c -> insertDocument(c, saved, schema.get(), m.workshopId(), m.teamId(), localActor,
                        "Restored from backup " + contents.file.getFileName() + " (history not restorable)", "RESTORE"));
                problems.add("Map \"" + m.title() + "\" (" + m.id() + "): its history could not be restored ("
                        + rootMessage(e) + "); the map itself was restored as saved.");
            } catch (IOException | MapFormatException | LibraryException e2) {
                problems.add("Map \"" + m.title() + "\" (" + m.id() + ") could not be restored: " + rootMessage(e2));
            }
        }
    }

    private void rebuildFromSnapshotsAndBackups(List<String> report) {
        Map<String, Snapshots.FileInfo> snaps = new java.util.TreeMap<>();
        try (var s = Files.list(directory.resolve(Snapshots.DIRECTORY))) {
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
        Backups.Contents backup = null;
        for (Path b : backups()) {
            try {
                backup = Backups.open(b);
                break;
            } catch (IOException | MapFormatException e) {
                report.add("Skipped backup " + b.getFileName() + ": " + e.getMessage());
            }
        }
        try {
            if (backup != null) {
                importWorkshops(backup);
            }
            java.util.Set<String> workshops = new java.util.HashSet<>();
            workshops().forEach(w -> workshops.add(w.id()));
            java.util.Set<String> teams = new java.util.HashSet<>();
            teams().forEach(t -> teams.add(t.id()));
            java.util.Set<String> fromBackup = new java.util.HashSet<>();
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
                if (fromBackup.contains(info.mapId())) {
                    continue;
                }
                try {
                    MapDocument doc = new org.mapwork.model.json.MapJsonReader(schemas)
                            .read(Snapshots.documentFile(directory, info.mapId()));
                    String ws = info.workshopId();
                    if (ws != null && !workshops.contains(ws)) {
                        write(c -> {
                            LogStore.insertWorkshop(c, new Workshop(ws, info.workshopName(), info.taken()));
                            return null;
                        });
                        workshops.add(ws);
                    }
                    String team = info.teamId();
                    if (team != null && !teams.contains(team)) {
                        write(c -> {
                            LogStore.insertTeam(c, new Team(team, ws, info.teamName(), info.taken()));
                            return null;
                        });
                        teams.add(team);
                    }
                    write(c -> insertDocument(c, doc, schemaOf(doc.methodId()), ws, team, localActor,
                            "Recovered from the snapshot at revision " + info.revision(), "RESTORE"));
                    report.add("Recovered \"" + doc.title() + "\" (" + doc.id() + ") as it was at revision " + info.revision()
                            + " (" + info.taken() + "); its earlier history stays in the damaged file");
                } catch (MapFormatException | LibraryException e) {
                    report.add("Map " + info.mapId() + " could not be recovered: " + rootMessage(e));
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

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t instanceof CompletionException || t instanceof ExecutionException
                || t.getMessage() == null)) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    // ================================================================== plumbing

    @FunctionalInterface
    private interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Read<T> work) {
        ensureOpen();
        readLock.lock();
        try {
            return work.run(readConnection);
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.FILE_CORRUPTED_1) {
                throw new LibraryDamagedException(directory.resolve(DATABASE_FILE), firstLine(String.valueOf(e.getMessage())),
                        "Close Mapwork, then run 'mapwork library recover --library " + directory + "'.", e);
            }
            throw new LibraryException("Cannot read the library " + directory + ": " + firstLine(String.valueOf(e.getMessage())), e);
        } finally {
            readLock.unlock();
        }
    }

    /** Runs a write on the writer thread and waits until it is durable. */
    private <T> T write(ChangeWriter.Work<T> work) {
        ensureOpen();
        if (writer.onWriterThread()) {
            throw new IllegalStateException("write from the writer thread");
        }
        try {
            return writer.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LibraryException("Interrupted while writing to the library", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LibraryException le) {
                throw le;
            }
            if (cause instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new LibraryException("Cannot write to the library " + directory + ": " + rootMessage(cause), cause);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new LibraryException("The library " + directory + " is closed");
        }
    }

    /**
     * Closes every recorder (waiting until their changes are durable), writes a backup if anything changed since
     * the last one, and closes the database and the lock.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        List<RuntimeException> problems = new ArrayList<>();
        for (MapRecorder r : List.copyOf(recorders.values())) {
            try {
                r.close();
            } catch (RuntimeException e) {
                problems.add(e);
            }
        }
        if (options.backupOnClose()) {
            try {
                if (changedSinceBackup()) {
                    backup();
                }
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

    private void closeQuietly() {
        try {
            shutdown();
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (RuntimeException ignored) {
            // already failing
        }
    }

    /** On JVM exit: write what is queued, then close (no backup: exit must be quick). */
    private void closeOnExit() {
        if (!closed) {
            shutdown();
        }
    }

    private synchronized void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        backupTimer.shutdownNow();
        try {
            writer.stop(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            readConnection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        try (Connection c = DriverManager.getConnection(url, USER, "")) {
            c.createStatement().execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already closed
        }
        lock.close();
    }
}
