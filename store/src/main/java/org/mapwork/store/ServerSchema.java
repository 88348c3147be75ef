package org.mapwork.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A server database before its library opens: can we log in (and if not, why, in words a person can act on), and are
 * Mapwork's tables there and up to date (if not, Flyway makes them, from {@code db/postgresql}). Flyway holds a
 * PostgreSQL advisory lock while it migrates, so hub nodes starting together do not migrate twice.
 */
final class ServerSchema {

    /** Flyway's log, silenced as for a library directory (LibraryFiles says why); held so that it stays so. */
    @SuppressWarnings("unused")
    private static final java.util.logging.Logger FLYWAY_LOG = LibraryFiles.FLYWAY_LOG;

    private ServerSchema() {
    }

    /**
     * Makes the database ready to open.
     *
     * @return what was done, to tell the person (nothing when the tables were up to date)
     */
    static List<String> prepare(ServerStore store) {
        List<String> done = new ArrayList<>();
        int version;
        try (Connection c = DriverManager.getConnection(store.jdbcUrl(), store.connectionProperties())) {
            version = schemaVersion(c, store);
        } catch (SQLException e) {
            throw cannotConnect(store, e);
        }
        if (version == LibraryFiles.SCHEMA_VERSION) {
            return done;
        }
        try {
            Flyway.configure(Library.class.getClassLoader())
                    .dataSource(store.jdbcUrl(), store.user(), store.password())
                    .locations("classpath:db/postgresql")
                    .failOnMissingLocations(true)
                    .load().migrate();
        } catch (FlywayException e) {
            String text = LibraryException.firstLine(String.valueOf(e.getMessage()));
            if (text.contains("non-empty schema") && text.contains("no schema history table")) {
                throw new LibraryException("The database " + store.address() + " already holds tables that are not "
                        + "Mapwork's. Give Mapwork a database of its own (createdb -O " + store.user() + " NAME).", e);
            }
            throw new LibraryException("Cannot bring the tables of " + store.address() + " up to date: " + text, e);
        }
        done.add(version == 0
                ? "The database " + store.address() + " had no Mapwork tables: made them (schema version "
                        + LibraryFiles.SCHEMA_VERSION + ")."
                : "Brought the tables of " + store.address() + " from schema version " + version + " up to "
                        + LibraryFiles.SCHEMA_VERSION + ".");
        return done;
    }

    /** The newest migration the database has (0: none yet), read from Flyway's history table. */
    private static int schemaVersion(Connection c, ServerStore store) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet exists = st.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return 0;
            }
        }
        int newest = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    throw new LibraryException("A migration of the tables of " + store.address() + " failed before ("
                            + "version " + rs.getString(1) + " in flyway_schema_history): ask its administrator to "
                            + "repair it from a backup (pg_dump) before Mapwork uses it.");
                }
                newest = Math.max(newest, Integer.parseInt(rs.getString(1)));
            }
        }
        if (newest > LibraryFiles.SCHEMA_VERSION) {
            throw new LibraryException("The database " + store.address() + " was written by a newer Mapwork (its tables "
                    + "are at version " + newest + ", this Mapwork knows up to " + LibraryFiles.SCHEMA_VERSION
                    + "). Update Mapwork to use it.");
        }
        return newest;
    }

    /** Why logging in failed, by PostgreSQL's SQLSTATE, and what to do about it. */
    static LibraryException cannotConnect(ServerStore store, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail = LibraryException.firstLine(String.valueOf(e.getMessage()));
        String where = store.address();
        String message;
        if (state.equals("28P01")) {
            message = "PostgreSQL at " + where + " refused the password of user '" + store.user() + "'. Check PGPASSWORD "
                    + "or the --password-file.";
        } else if (state.equals("28000")) {
            message = "PostgreSQL at " + where + " does not let user '" + store.user() + "' in: " + detail;
        } else if (state.equals("3D000")) {
            message = "PostgreSQL at " + store.host() + ":" + store.port() + " has no database '" + store.database()
                    + "'. Create it first: createdb -O " + store.user() + " " + store.database();
        } else if (state.equals("08004") && store.password() == null) {
            message = "PostgreSQL at " + where + " asks for the password of user '" + store.user() + "': set PGPASSWORD "
                    + "or give --password-file FILE.";
        } else if (state.startsWith("08")) {
            message = "No PostgreSQL answers at " + store.host() + ":" + store.port() + " (" + detail + "). Is the server "
                    + "running, and is the address right?";
        } else {
            message = "Cannot log in to PostgreSQL at " + where + " as '" + store.user() + "': " + detail;
        }
        return new LibraryException(message, e);
    }
}
