package org.mapwork.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

import org.mapwork.model.Ids;

/**
 * The open database of a library: one read connection that callers take turns on, and the one writer thread
 * ({@link ChangeWriter}) through which every write goes and becomes durable. Turns JDBC's failures into
 * {@link LibraryException}s that name the library. The database is the embedded H2 file of a library directory, or
 * an organisation's PostgreSQL ({@link ServerStore}); what differs between the two is {@link Engine}'s.
 */
final class LibraryDatabase {

    /** Reading work on the read connection. */
    @FunctionalInterface
    interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    /** Opens a new connection to the library's database. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    /** What the library's SQL needs done differently per database; the statements themselves are the same. */
    enum Engine {
        /** The embedded H2 file: a commit is durable only after {@code CHECKPOINT SYNC} (docs/adr/0002). */
        H2,
        /**
         * PostgreSQL: a commit is durable when it returns (its write-ahead log is flushed), unless the server says
         * {@code synchronous_commit = off}, which the library's connections turn back on.
         */
        POSTGRESQL;

        /** Makes what the connection just committed survive a crash. */
        void makeDurable(Connection c) throws SQLException {
            if (this == H2) {
                try (Statement st = c.createStatement()) {
                    st.execute("CHECKPOINT SYNC");
                }
            }
        }

        /**
         * In the transaction that takes a map to {@code revision}: PostgreSQL tells the nodes that follow the map
         * ({@link ChangeFeed}), once the transaction commits, with only {@code MAP:REVISION}, a wake-up; they read
         * the change sets from the log. H2 has nobody else to tell.
         */
        void announce(Connection c, String mapId, long revision) throws SQLException {
            if (this == POSTGRESQL) {
                try (var ps = c.prepareStatement("SELECT pg_notify('" + ChangeFeed.CHANNEL + "', ?)")) {
                    ps.setString(1, mapId + ":" + revision);
                    ps.executeQuery().close();
                }
            }
        }

        /** Settings every connection of the library gets. */
        void prepare(Connection c) throws SQLException {
            if (this == POSTGRESQL) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
                    if (rs.next() && "off".equals(rs.getString(1))) {
                        st.execute("SET synchronous_commit TO on");
                    }
                }
            }
        }
    }

    private final Path directory;
    private final String where;
    private final Engine engine;
    private final Connector connector;
    /** Guarded by {@link #readLock}; replaced when a server's connection broke. */
    private Connection readConnection;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ChangeWriter writer;
    private final String localActor;
    private volatile boolean closed;

    private LibraryDatabase(Path directory, String where, Engine engine, Connector connector, Connection readConnection,
                            ChangeWriter writer, String localActor) {
        this.directory = directory;
        this.where = where;
        this.engine = engine;
        this.connector = connector;
        this.readConnection = readConnection;
        this.writer = writer;
        this.localActor = localActor;
    }

    /**
     * Opens the database of {@code directory} (which must be ready: see {@link LibraryFiles#prepare}) and starts its
     * writer; {@code afterDurable} runs on the writer thread after each durable change set.
     */
    static LibraryDatabase open(Path directory, Clock clock, ChangeWriter.AfterDurable afterDurable) throws SQLException {
        String url = LibraryFiles.url(directory);
        return open(directory, directory.toString(), Engine.H2,
                () -> DriverManager.getConnection(url, LibraryFiles.USER, ""), clock, afterDurable);
    }

    /** Opens the library kept in a PostgreSQL database whose tables are up to date (see {@link ServerSchema}). */
    static LibraryDatabase open(ServerStore store, Clock clock, ChangeWriter.AfterDurable afterDurable) throws SQLException {
        return open(null, store.address(), Engine.POSTGRESQL,
                () -> DriverManager.getConnection(store.jdbcUrl(), store.connectionProperties()), clock, afterDurable);
    }

    private static LibraryDatabase open(Path directory, String where, Engine engine, Connector connector, Clock clock,
                                        ChangeWriter.AfterDurable afterDurable) throws SQLException {
        Connector prepared = () -> {
            Connection c = connector.connect();
            try {
                engine.prepare(c);
                return c;
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        };
        Connection write = prepared.connect();
        Connection read = null;
        try {
            read = prepared.connect();
            String actor = ensureActor(write);
            ChangeWriter writer = new ChangeWriter(write, prepared, engine, clock, "mapwork-library-writer", afterDurable);
            return new LibraryDatabase(directory, where, engine, prepared, read, writer, actor);
        } catch (SQLException | RuntimeException e) {
            write.close();
            if (read != null) {
                read.close();
            }
            throw e;
        }
    }

    private static String ensureActor(Connection c) throws SQLException {
        c.setAutoCommit(false);
        var actor = LogStore.info(c, "actor");
        if (actor.isPresent()) {
            return actor.get();
        }
        String id = Ids.newId("a");
        try {
            LogStore.putInfo(c, "actor", id);
            c.commit();
            return id;
        } catch (SQLException e) {
            // another node of the same server database made it first: theirs is the library's
            c.rollback();
            return LogStore.info(c, "actor").orElseThrow(() -> e);
        }
    }

    /** The library directory, or {@code null} for a library on a database server (it has no files). */
    Path directory() {
        return directory;
    }

    /** The id of the person editing on this device, made when the library was created. */
    String localActor() {
        return localActor;
    }

    ChangeWriter writer() {
        return writer;
    }

    /** Runs a read on the shared read connection, one caller at a time. */
    <T> T read(Read<T> work) {
        ensureOpen();
        readLock.lock();
        try {
            try {
                return work.run(readConnection);
            } catch (SQLException e) {
                if (!reconnectReads()) {
                    throw e;
                }
                return work.run(readConnection); // once more, on a new connection
            }
        } catch (SQLException e) {
            String problem = LibraryException.firstLine(String.valueOf(e.getMessage()));
            if (engine == Engine.H2 && e.getErrorCode() == org.h2.api.ErrorCode.FILE_CORRUPTED_1) {
                throw new LibraryDamagedException(directory.resolve(Library.DATABASE_FILE), problem,
                        "Close Mapwork, then run 'mapwork library recover --library " + directory + "'.", e);
            }
            throw new LibraryException("Cannot read the library " + where + ": " + problem, e);
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Replaces a server's read connection that broke (PostgreSQL restarted); an H2 file's is never reopened.
     *
     * @return whether there is a new connection to try again on
     */
    private boolean reconnectReads() {
        if (engine != Engine.POSTGRESQL) {
            return false;
        }
        try {
            if (readConnection.isValid(2)) {
                return false; // the work itself failed
            }
        } catch (SQLException broken) {
            // replace it
        }
        try {
            Connection fresh = connector.connect();
            try {
                readConnection.close();
            } catch (SQLException ignored) {
                // it was broken
            }
            readConnection = fresh;
            return true;
        } catch (SQLException notBack) {
            return false;
        }
    }

    /** Runs a write on the writer thread and waits until it is durable. */
    <T> T write(ChangeWriter.Work<T> work) {
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
            throw new LibraryException("Cannot write to the library " + where + ": "
                    + LibraryException.rootMessage(cause), cause);
        }
    }

    /** Reads what every open needs, so a damaged file shows now rather than in the middle of work. */
    void checkReadable() {
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

    /** A connection of its own, for work that must not hold up the others (a backup's long consistent read). */
    Connection newConnection() throws SQLException {
        return connector.connect();
    }

    /** Where the library is, for messages: its directory or its server database's address. */
    String where() {
        return where;
    }

    Engine engine() {
        return engine;
    }

    void ensureOpen() {
        if (closed) {
            throw new LibraryException("The library " + where + " is closed");
        }
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * From now on reads and writes are refused.
     *
     * @return whether it was open until now (only the first caller goes on to {@link #release})
     */
    synchronized boolean refuseNewWork() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    /** Writes what is queued (waiting up to 30 seconds), then closes the connections and the database. */
    void release() {
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
        if (engine == Engine.POSTGRESQL) {
            try {
                // the claims go before the connection does: the server drops a closed session's locks only once its
                // backend has ended, which another node claiming right after this close could otherwise beat
                writer.claims().releaseAll(writer.connection());
            } catch (SQLException ignored) {
                // a broken connection holds no locks any more
            }
            try {
                writer.connection().close();
            } catch (SQLException ignored) {
                // closing anyway
            }
            return; // the server goes on serving its other clients
        }
        try (Connection c = newConnection()) {
            c.createStatement().execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already closed
        }
    }
}
