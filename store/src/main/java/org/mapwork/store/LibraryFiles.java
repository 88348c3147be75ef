package org.mapwork.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The files of a library directory before the database is opened: making the directory, creating a new database
 * whole, bringing an old one's tables up to date (Flyway) with a copy kept first, setting a file aside, and saying
 * what went wrong in words a person can act on.
 */
final class LibraryFiles {

    static final String DATABASE_NAME = "library";
    static final String USER = "mapwork";
    /** The version of the newest migration in {@code db/migration}; a test keeps the two in step. */
    static final int SCHEMA_VERSION = 3;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * Flyway logs every step on java.util.logging (and warns that it has not been tested with H2 2.3, which our
     * migration test covers); a person using Mapwork needs none of it: failures reach them as exceptions. Held in a
     * field because java.util.logging keeps loggers only weakly.
     */
    static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.OFF);
    }

    private LibraryFiles() {
    }

    /** Deletes a directory of ours (a reading copy's) with what is in it; what cannot be deleted is left. */
    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // left in the temporary directory
                }
            });
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // left in the temporary directory
        }
    }

    static String url(Path dir) {
        // DB_CLOSE_ON_EXIT=FALSE: the library closes the database itself, after the writer has finished.
        return "jdbc:h2:file:" + dir.resolve(DATABASE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LibraryException("Cannot create the library directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the database ready to open: creates it when there is none, migrates it (after keeping a copy) when its
     * tables are older than this Mapwork's.
     *
     * @return whether the database file existed before
     */
    static boolean prepare(Path dir, Clock clock) {
        boolean existed = Files.exists(dir.resolve(Library.DATABASE_FILE));
        try {
            if (!existed) {
                createDatabase(dir);
            } else if (!isCurrent(dir)) {
                keepCopyBeforeMigrating(dir, clock);
                migrate(dir, null);
            }
            return existed;
        } catch (SQLException | FlywayException e) {
            throw classify(dir, existed, e);
        }
    }

    /** What a failure to create, migrate or open the database means: a newer library, a damaged one, or neither. */
    static RuntimeException classify(Path dir, boolean existed, Exception e) {
        String text = e.getMessage() == null ? e.toString() : e.getMessage();
        String first = LibraryException.firstLine(text);
        if (e instanceof FlywayException && text.contains("not resolved locally")) {
            return new LibraryException("The library " + dir + " was written by a newer Mapwork (" + first
                    + "). Update Mapwork to open it.", e);
        }
        if (existed) {
            return new LibraryDamagedException(dir.resolve(Library.DATABASE_FILE), first, "Mapwork can set the damaged "
                    + "file aside untouched and reopen your maps from their newest good snapshots" + describeSnapshots(dir)
                    + ": run 'mapwork library recover --library " + dir + "'.", e);
        }
        return new LibraryException("Cannot create the library in " + dir + ": " + first, e);
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

    /**
     * Moves the database file aside untouched as {@code library.mv.db.WHY-TIME}.
     *
     * @return the file it now is, or {@code null} when there was no database file
     */
    static Path moveAside(Path dir, String why, Clock clock) throws IOException {
        Path file = dir.resolve(Library.DATABASE_FILE);
        if (!Files.exists(file)) {
            return null;
        }
        Path aside = asideName(dir, why, clock);
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }

    private static Path asideName(Path dir, String why, Clock clock) {
        return dir.resolve(Library.DATABASE_FILE + "." + why + "-" + FILE_TIME.format(clock.instant()));
    }

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
            Files.move(dir.resolve(partial + ".mv.db"), dir.resolve(Library.DATABASE_FILE), StandardCopyOption.ATOMIC_MOVE);
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
    private static void keepCopyBeforeMigrating(Path dir, Clock clock) {
        Path copy = asideName(dir, "before-upgrade", clock);
        try {
            Files.copy(dir.resolve(Library.DATABASE_FILE), copy, StandardCopyOption.COPY_ATTRIBUTES);
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
}
