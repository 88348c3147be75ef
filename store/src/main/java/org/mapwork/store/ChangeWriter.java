package org.mapwork.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;

/**
 * The library's one writer: a thread that takes queued change sets (and other writes) in order, writes as many as
 * are waiting in one transaction, makes them durable (on H2 with one {@code CHECKPOINT SYNC}: H2 writes its store
 * and forces it to the device; on PostgreSQL the commit does it), and only then completes their acknowledgements.
 * Batching many change sets per sync is what keeps throughput up while every acknowledged change survives a crash
 * (see docs/adr/0002).
 *
 * <p>When a write fails (a full disk, say), the waiting change sets stay queued and are tried again with a growing
 * pause; their recorders report the problem meanwhile.
 */
final class ChangeWriter {

    /** Work on the writer's connection, inside its transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws Exception;
    }

    private sealed interface Task permits Append, Job, Stop {
    }

    /** @param tag where a shared map's hub order stands after this change set ({@code null}: not from a hub) */
    record Append(MapRecorder recorder, long revision, ChangeSet changeSet, MapDocument after, String origin,
                  MapRecorder.HubTag tag, CompletableFuture<Long> done) implements Task {
    }

    private record Job(Work<?> work, CompletableFuture<Object> done) implements Task {
    }

    private record Stop() implements Task {
    }

    private static final int MAX_BATCH = 1000;

    /** Writer thread only, once started (replaced when a server connection broke). */
    private Connection connection;
    private final LibraryDatabase.Connector connector;
    private final LibraryDatabase.Engine engine;
    /** The maps this writer claimed among a server database's nodes (its connection holds them). */
    private final MapClaims claims = new MapClaims();
    private final Clock clock;
    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AfterDurable afterDurable;
    private volatile boolean stopped;

    /** Work on the writer thread after a change set became durable (in order; snapshots are taken there). */
    @FunctionalInterface
    interface AfterDurable {
        void accept(Connection c, Append last) throws Exception;
    }

    /**
     * @param connector    makes a new connection when a server's breaks (its server restarted, say)
     * @param afterDurable called on the writer thread for every durable append, in order
     */
    ChangeWriter(Connection connection, LibraryDatabase.Connector connector, LibraryDatabase.Engine engine, Clock clock,
                 String name, AfterDurable afterDurable) throws SQLException {
        this.connection = connection;
        this.connector = connector;
        this.engine = engine;
        this.clock = clock;
        this.afterDurable = afterDurable;
        connection.setAutoCommit(false);
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a change set; never blocks (the queue is unbounded). */
    void append(Append a) {
        if (stopped) {
            a.done().completeExceptionally(new LibraryException("The library is closed; change not saved: "
                    + a.changeSet().describe()));
            return;
        }
        queue.add(a);
    }

    /** Runs {@code work} on the writer thread, after everything queued before it, and makes it durable. */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> submit(Work<T> work) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        if (stopped) {
            done.completeExceptionally(new LibraryException("The library is closed"));
        } else {
            queue.add(new Job(work, done));
        }
        return (CompletableFuture<T>) done;
    }

    /** Completes when everything queued so far is durable. */
    CompletableFuture<Void> barrier() {
        return submit(c -> null).thenApply(x -> null);
    }

    boolean onWriterThread() {
        return Thread.currentThread() == thread;
    }

    /** Writes what is queued, then stops the thread. */
    void stop(long timeoutMillis) throws InterruptedException {
        if (!stopped) {
            queue.add(new Stop());
            stopped = true;
        }
        thread.join(timeoutMillis);
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(timeoutMillis);
        }
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    private void run() {
        ArrayDeque<Task> backlog = new ArrayDeque<>();
        List<Task> fresh = new ArrayList<>();
        long pause = 0;
        while (true) {
            try {
                if (backlog.isEmpty()) {
                    backlog.add(queue.take());
                } else if (pause > 0) {
                    Task t = queue.poll(pause, TimeUnit.MILLISECONDS);
                    if (t != null) {
                        backlog.add(t);
                    }
                }
            } catch (InterruptedException e) {
                abandon(backlog);
                return;
            }
            queue.drainTo(fresh, MAX_BATCH);
            backlog.addAll(fresh);
            fresh.clear();
            while (!backlog.isEmpty()) {
                Task head = backlog.peek();
                if (head instanceof Append) {
                    List<Append> group = new ArrayList<>();
                    for (Task t : backlog) {
                        if (!(t instanceof Append a)) {
                            break;
                        }
                        group.add(a);
                    }
                    try {
                        writeAppends(group);
                    } catch (PlaceTaken taken) {
                        rollback();
                        List<Append> ours = writtenBefore(group);
                        if (ours.isEmpty()) {
                            giveUp(taken, backlog);
                        } else {
                            ours.forEach(a -> backlog.poll());
                            acknowledge(ours);
                        }
                        pause = 0;
                        continue; // the other maps' change sets are written at once, without this one's
                    } catch (Exception | LinkageError | OutOfMemoryError e) {
                        rollback();
                        reconnectIfBroken();
                        for (MapRecorder r : recordersOf(group)) {
                            r.problem(new LibraryException("Changes to map " + r.mapId() + " are not saved yet ("
                                    + e.getMessage() + "); Mapwork keeps trying.", e));
                        }
                        pause = Math.min(Math.max(pause * 2, 50), 5000);
                        break; // keep the backlog in order and try again after the pause
                    }
                    pause = 0;
                    group.forEach(a -> backlog.poll());
                    acknowledge(group);
                } else if (head instanceof Job j) {
                    backlog.poll();
                    runJob(j);
                } else {
                    return; // Stop: everything before it is written
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                abandon(backlog);
                return;
            }
        }
    }

    /** Fails what could not be written when the library closes anyway. */
    private static void abandon(ArrayDeque<Task> backlog) {
        LibraryException gone = new LibraryException("The library was closed while these changes could not be written");
        for (Task t : backlog) {
            if (t instanceof Append a) {
                a.recorder().problem(gone);
                a.done().completeExceptionally(gone);
            } else if (t instanceof Job j) {
                j.done().completeExceptionally(gone);
            }
        }
    }

    /**
     * A change set's place in its map's order (map, revision) holds another's already: another Mapwork on the same
     * server database (another hub node) wrote that revision. Trying again cannot help.
     */
    private static final class PlaceTaken extends Exception {
        final transient Append append;

        PlaceTaken(Append append, SQLException cause) {
            super(cause);
            this.append = append;
        }
    }

    /**
     * The group's first change sets that the log already holds exactly as queued: a commit that went through while
     * its answer was lost with the connection (a server restarting). They are durable; writing them again is what
     * failed.
     */
    private List<Append> writtenBefore(List<Append> group) {
        List<Append> ours = new ArrayList<>();
        try {
            for (Append a : group) {
                var logged = LogStore.changeSets(connection, a.recorder().mapId(), a.revision() - 1, a.revision(), 1);
                if (logged.isEmpty() || !logged.get(0).body().equals(ChangeSetCodec.toJson(a.changeSet()))
                        || !logged.get(0).revision().actor().equals(a.changeSet().actor())) {
                    break;
                }
                ours.add(a);
            }
            connection.rollback();
        } catch (SQLException e) {
            rollback();
        }
        return ours;
    }

    /**
     * A server's connection that broke (PostgreSQL restarted, the network dropped it) is replaced; while the server
     * is away this fails and the next round, after its pause, tries again. An H2 file's connection is never reopened
     * here: a broken one means the database was closed or damaged, which its owner handles.
     */
    private void reconnectIfBroken() {
        if (engine != LibraryDatabase.Engine.POSTGRESQL) {
            return;
        }
        try {
            if (connection.isValid(2)) {
                return;
            }
        } catch (SQLException e) {
            // broken
        }
        try {
            Connection fresh = connector.connect();
            fresh.setAutoCommit(false);
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it was broken
            }
            connection = fresh;
            claims.retake(fresh);
            fresh.commit();
        } catch (SQLException e) {
            // the server is not back yet
        }
    }

    /** The maps this writer claimed; use them on the writer thread only (in a {@link #submit}ted work). */
    MapClaims claims() {
        return claims;
    }

    /** The connection the writer writes on now; only once the writer has stopped. */
    Connection connection() {
        return connection;
    }

    /** PostgreSQL's and H2's SQLSTATE for a duplicate key. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** The recorder whose place was taken writes no more; its queued change sets fail, the others' stay queued. */
    private static void giveUp(PlaceTaken taken, ArrayDeque<Task> backlog) {
        MapRecorder r = taken.append.recorder();
        LibraryException p = new LibraryException("Revision " + taken.append.revision() + " of map " + r.mapId()
                + " was written meanwhile by another Mapwork on the same database (another hub node?); this one's changes "
                + "from there on are not saved. Load the map again.", taken.getCause());
        r.placeTaken(p);
        backlog.removeIf(t -> {
            if (t instanceof Append a && a.recorder() == r) {
                a.done().completeExceptionally(p);
                return true;
            }
            return false;
        });
    }

    private void writeAppends(List<Append> appends) throws Exception {
        if (appends.isEmpty()) {
            return;
        }
        Map<MapRecorder, Append> last = new LinkedHashMap<>();
        for (Append a : appends) {
            try {
                LogStore.insertChangeSet(connection, a.recorder().mapId(), a.revision(), a.origin(), a.changeSet(),
                        ChangeSetCodec.toJson(a.changeSet()));
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new PlaceTaken(a, e);
                }
                throw e;
            }
            if (a.tag() != null) {
                LogStore.tagChangeSet(connection, a.recorder().mapId(), a.revision(), a.tag().hubId(), a.tag().serverSeq(),
                        a.tag().clientSeq(), a.tag().confirmsOutbox());
            }
            last.put(a.recorder(), a);
        }
        for (Append a : last.values()) {
            LogStore.updateHead(connection, a.recorder().mapId(), a.after().title(), a.changeSet().time(), a.revision());
            engine.announce(connection, a.recorder().mapId(), a.revision());
        }
        connection.commit();
        sync();
    }

    private void acknowledge(List<Append> durable) {
        List<MapRecorder> recorders = new ArrayList<>();
        for (Append a : durable) {
            a.recorder().durable(a.revision());
            a.done().complete(a.revision());
            if (!recorders.contains(a.recorder())) {
                recorders.add(a.recorder());
            }
        }
        recorders.forEach(r -> r.problem(null));
        // every append is offered, so snapshots fall every N revisions even when a group holds many
        for (Append a : durable) {
            try {
                afterDurable.accept(connection, a);
                connection.commit();
            } catch (Exception e) {
                // a snapshot that fails costs only opening speed; the log has everything
                rollback();
                reconnectIfBroken();
            }
        }
    }

    private void runJob(Job j) {
        try {
            Object result = j.work().run(connection);
            connection.commit();
            sync();
            j.done().complete(result);
        } catch (Exception e) {
            rollback();
            reconnectIfBroken();
            j.done().completeExceptionally(e);
        }
    }

    /** After this, committed data survives a crash or power cut (H2: its store written and forced to the device). */
    private void sync() throws SQLException {
        engine.makeDurable(connection);
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the next write reports it
        }
    }

    private static List<MapRecorder> recordersOf(List<Append> appends) {
        return appends.stream().map(Append::recorder).distinct().toList();
    }

    Clock clock() {
        return clock;
    }
}
