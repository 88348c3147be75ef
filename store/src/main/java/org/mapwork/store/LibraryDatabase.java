package org.mapwork.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

import org.mapwork.model.Ids;

/**
 * The open database of a library: one read connection that callers take turns on, and the one writer thread
 * ({@link ChangeWriter}) through which every write goes and becomes durable. Turns JDBC's failures into
 * {@link LibraryException}s that name the library.
 */
final class LibraryDatabase {

    /** Reading work on the read connection. */
    @FunctionalInterface
    interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    private final Path directory;
    private final String url;
    private final Connection readConnection;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ChangeWriter writer;
    private final String localActor;
    private volatile boolean closed;

    private LibraryDatabase(Path directory, String url, Connection readConnection, ChangeWriter writer, String localActor) {
        this.directory = directory;
        this.url = url;
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
        Connection write = DriverManager.getConnection(url, LibraryFiles.USER, "");
        Connection read = null;
        try {
            read = DriverManager.getConnection(url, LibraryFiles.USER, "");
            String actor = ensureActor(write);
            ChangeWriter writer = new ChangeWriter(write, clock, "mapwork-library-writer", afterDurable);
            return new LibraryDatabase(directory, url, read, writer, actor);
        } catch (SQLException | RuntimeException e) {
            write.close();
            if (read != null) {
                read.close();
            }
            throw e;
        }
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
            return work.run(readConnection);
        } catch (SQLException e) {
            String problem = LibraryException.firstLine(String.valueOf(e.getMessage()));
            if (e.getErrorCode() == org.h2.api.ErrorCode.FILE_CORRUPTED_1) {
                throw new LibraryDamagedException(directory.resolve(Library.DATABASE_FILE), problem,
                        "Close Mapwork, then run 'mapwork library recover --library " + directory + "'.", e);
            }
            throw new LibraryException("Cannot read the library " + directory + ": " + problem, e);
        } finally {
            readLock.unlock();
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
            throw new LibraryException("Cannot write to the library " + directory + ": "
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
        return DriverManager.getConnection(url, LibraryFiles.USER, "");
    }

    void ensureOpen() {
        if (closed) {
            throw new LibraryException("The library " + directory + " is closed");
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
        try (Connection c = newConnection()) {
            c.createStatement().execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already closed
        }
    }
}
