package org.mapwork.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapSession;
import org.mapwork.model.schema.Schema;

/**
 * Keeps every change set applied in one {@link MapSession} — gestures, undo, redo, remote changes — in the library's
 * change log. Made by {@link Library#record}; it listens to the session.
 *
 * <p>Threading: the session calls {@link #applied} on its own thread (the editor's UI thread); that call only numbers
 * the change set and queues it (no disk, no JSON), so it never makes the UI wait. The library's writer thread writes
 * and syncs it, then acknowledges: {@link #durableRevision()} moves on, the future of {@link #whenDurable} completes,
 * and {@link #onDurable} listeners run <em>on the writer thread</em> (hand over to the UI thread to show "saved").
 * Revision numbers are the map's: the n-th logged change set makes revision n.
 */
public final class MapRecorder implements MapSession.Listener, AutoCloseable {

    private final Recorders recorders;
    private final MapSession session;
    private final String mapId;
    private final Schema schema;
    private final ChangeWriter writer;
    private final AtomicLong lastRevision;
    private final AtomicLong durableRevision;
    private final ConcurrentSkipListMap<Long, CompletableFuture<Long>> pending = new ConcurrentSkipListMap<>();
    private final List<LongConsumer> durableListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Optional<LibraryException>>> problemListeners = new CopyOnWriteArrayList<>();
    private volatile LibraryException problem;
    /** Session thread: the tag of the next change set the session applies ({@link #tagNext}). */
    private HubTag nextTag;
    private volatile boolean closed;
    /** Set when another writer took a revision this recorder meant to write: nothing more can be saved. */
    private volatile boolean placeTaken;
    /** Writer thread only: the revision of the newest snapshot. */
    long lastSnapshot;

    MapRecorder(Recorders recorders, MapSession session, LoadedMap loaded, ChangeWriter writer, long lastSnapshot) {
        this.recorders = recorders;
        this.session = session;
        this.mapId = loaded.entry().id();
        this.schema = loaded.schema();
        this.writer = writer;
        this.lastRevision = new AtomicLong(loaded.revision());
        this.durableRevision = new AtomicLong(loaded.revision());
        this.lastSnapshot = lastSnapshot;
    }

    public String mapId() {
        return mapId;
    }

    /**
     * Where a shared map's hub order stands after a change set: the hub's id and its server sequence number, and the
     * outbox change set it confirms ({@code confirmsOutbox}, its first sequence number; 0 for none), which leaves
     * the outbox. Kept with the revision, in the same transaction ({@link SharedMaps}).
     */
    public record HubTag(String hubId, long serverSeq, long clientSeq, long confirmsOutbox) {
        public HubTag {
            Objects.requireNonNull(hubId, "hubId");
        }
    }

    /**
     * Tags the next change set the session applies (call it on the session's thread just before applying an entry
     * from the hub): its revision is kept with {@code tag}, atomically.
     */
    public void tagNext(HubTag tag) {
        nextTag = tag;
    }

    Schema schema() {
        return schema;
    }

    MapSession session() {
        return session;
    }

    /** Queues an applied change set; called by the session on its thread. Never blocks on disk. */
    @Override
    public void applied(MapSession.Event event) {
        ChangeSet changeSet = event.changeSet();
        if (changeSet.isEmpty()) {
            return;
        }
        if (closed) {
            problem(new LibraryException("A change to map " + mapId + " came after its recorder was closed and is not saved: "
                    + changeSet.describe()));
            return;
        }
        if (placeTaken) {
            problem(problem);
            return;
        }
        HubTag tag = nextTag;
        nextTag = null;
        long revision = lastRevision.incrementAndGet();
        CompletableFuture<Long> done = new CompletableFuture<>();
        pending.put(revision, done);
        done.whenComplete((r, e) -> pending.remove(revision));
        writer.append(new ChangeWriter.Append(this, revision, changeSet, event.document(), event.origin().name(), tag, done));
    }

    /** The revision of the last change set queued (durable or not). */
    public long lastRevision() {
        return lastRevision.get();
    }

    /** Every revision up to this one is durable: written and synced to the device. */
    public long durableRevision() {
        return durableRevision.get();
    }

    /** Whether everything queued is durable: what an editor shows as "saved". */
    public boolean isSaved() {
        return durableRevision.get() == lastRevision.get();
    }

    /**
     * Completes (on the writer thread) with {@code revision} once it is durable; completes at once when it already is.
     * Fails when the library closes before it could be written.
     */
    public CompletableFuture<Long> whenDurable(long revision) {
        if (revision <= durableRevision.get()) {
            return CompletableFuture.completedFuture(revision);
        }
        CompletableFuture<Long> f = pending.get(revision);
        if (f != null) {
            return f;
        }
        if (revision <= durableRevision.get()) {
            return CompletableFuture.completedFuture(revision);
        }
        if (revision > lastRevision.get()) {
            throw new IllegalArgumentException("revision " + revision + " of map " + mapId + " has not been queued (last: "
                    + lastRevision.get() + ")");
        }
        // neither pending nor durable: it failed
        return CompletableFuture.failedFuture(problem != null ? problem
                : new LibraryException("revision " + revision + " of map " + mapId + " was not saved"));
    }

    /** Completes once everything queued so far is durable, with the last revision. */
    public CompletableFuture<Long> flush() {
        return whenDurable(lastRevision.get());
    }

    /** Calls {@code listener} on the writer thread with the durable revision each time it moves on. */
    public void onDurable(LongConsumer listener) {
        durableListeners.add(Objects.requireNonNull(listener));
    }

    /**
     * Calls {@code listener} on the writer thread when writing runs into a problem (the changes stay queued and are
     * tried again), and with an empty value when writing works again.
     */
    public void onProblem(Consumer<Optional<LibraryException>> listener) {
        problemListeners.add(Objects.requireNonNull(listener));
    }

    /** The current writing problem, if changes are waiting because writing failed. */
    public Optional<LibraryException> problem() {
        return Optional.ofNullable(problem);
    }

    void durable(long revision) {
        durableRevision.accumulateAndGet(revision, Math::max);
        for (LongConsumer l : durableListeners) {
            try {
                l.accept(revision);
            } catch (RuntimeException ignored) {
                // a listener's bug must not stop the writer
            }
        }
    }

    void problem(LibraryException p) {
        boolean changed = (p == null) != (problem == null);
        problem = p;
        if (changed || p != null) {
            for (Consumer<Optional<LibraryException>> l : problemListeners) {
                try {
                    l.accept(Optional.ofNullable(p));
                } catch (RuntimeException ignored) {
                    // as above
                }
            }
        }
    }

    /**
     * Stops listening, waits until every queued change set is durable (up to 30 seconds), and takes a snapshot so
     * that the map opens fast next time. Call it on the session's thread when the map closes.
     *
     * @throws LibraryException when queued changes could not be written
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        session.removeListener(this);
        try {
            flush().get(30, TimeUnit.SECONDS);
            recorders.closed(this, session.document());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LibraryException("Interrupted while saving map " + mapId, e);
        } catch (ExecutionException | TimeoutException e) {
            recorders.closed(this, null);
            throw new LibraryException("Not every change to map " + mapId + " could be saved ("
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                    + "). Export the map to keep its current state.", e);
        }
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Another writer on the same database took a revision of this map that this recorder meant to write (a hub node
     * that no longer owns the map): nothing it queues can be saved any more; {@link #problem()} says so from now on.
     */
    void placeTaken(LibraryException p) {
        placeTaken = true;
        problem(p);
    }

    /** Whether another writer took this map's order from this recorder ({@link #problem()} says which revision). */
    public boolean lostItsPlace() {
        return placeTaken;
    }
}
