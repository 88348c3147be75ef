package org.mapwork.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mapwork.model.schema.Schema;

/**
 * One open map and the one write path to it. Every change — a gesture in the editor, a CLI command, undo, redo, a
 * change from another device — goes through here: it is stamped, checked and applied by {@link ChangeEngine}, then
 * every {@link Listener} hears of it (the canvas repaints, the library logs it). Only local changes enter the
 * {@link History}.
 *
 * <p>A session is confined to one thread (the editor's UI thread, or the CLI's main thread); listeners are called
 * on it and must hand slow work (disk, network) to a thread of their own.
 */
public final class MapSession {

    /** Where an applied change set came from. */
    public enum Origin {
        /** The local user's own gesture. */
        LOCAL,
        /** The local user undid a change. */
        UNDO,
        /** The local user redid a change. */
        REDO,
        /** Another device or process (not in the undo history). */
        REMOTE
    }

    /** An applied change set with its origin. */
    public record Event(Applied applied, Origin origin) {
        public MapDocument document() {
            return applied.after();
        }

        public ChangeSet changeSet() {
            return applied.changeSet();
        }
    }

    /** Hears of every applied change set. */
    @FunctionalInterface
    public interface Listener {
        void applied(Event event);
    }

    private final Schema schema;
    private final String actor;
    private final History history;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** actor → the highest sequence number applied from them by {@link #applyRemote}. */
    private final Map<String, Long> remoteSeen = new HashMap<>();
    private MapDocument document;
    private long seq;

    /**
     * @param document the map as it is now
     * @param schema   its method's schema
     * @param actor    who is editing here (a stable id of this user on this device)
     * @param lastSeq  the last sequence number this actor used on this map (0 for none)
     */
    public MapSession(MapDocument document, Schema schema, String actor, long lastSeq) {
        this.document = Objects.requireNonNull(document, "document");
        this.schema = Objects.requireNonNull(schema, "schema");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an actor id is required");
        }
        if (!schema.methodId().equals(document.methodId())) {
            throw new IllegalArgumentException("schema " + schema.methodId() + " does not fit a " + document.methodId() + " map");
        }
        this.actor = actor;
        this.seq = lastSeq;
        this.history = new History(1000);
    }

    public MapDocument document() {
        return document;
    }

    public Schema schema() {
        return schema;
    }

    public String actor() {
        return actor;
    }

    /** The last sequence number used or seen. */
    public long lastSeq() {
        return seq;
    }

    public History history() {
        return history;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Applies the local user's gesture and records it for undo.
     *
     * @throws ChangeRejected when any change is invalid; nothing is changed or recorded
     */
    public Applied apply(ChangeSet draft) {
        Applied applied = applyStamped(stamp(draft), Origin.LOCAL);
        if (!applied.changeSet().isEmpty()) {
            history.recordNew(applied.changeSet());
        }
        return applied;
    }

    /** Convenience for {@code apply(ChangeSet.of(summary, changes))}. */
    public Applied apply(String summary, Change... changes) {
        return apply(ChangeSet.of(summary, changes));
    }

    /**
     * Applies a change set that was made elsewhere (already stamped). It does not enter the undo history, and the
     * session's sequence counter moves past its stamps. What no longer fits here (an edit of an element this device
     * has removed, a link to a node that is gone) is left out and reported in {@link Applied#dropped()}; the rest
     * applies.
     *
     * <p>A change set whose every stamp this session has already applied from its actor is a duplicate (a resend
     * after a reconnect): it is ignored, and the result has no changes and no listener hears of it. Each actor's
     * change sets are expected in that actor's order, as one hub delivers them.
     */
    public Applied applyRemote(ChangeSet stamped) {
        for (Change c : stamped.changes()) {
            if (c.stamp().equals(Stamp.NONE)) {
                throw new IllegalArgumentException("a remote change must carry its author's stamp: " + c.describe());
            }
        }
        if (hasSeen(stamped)) {
            ChangeSet none = new ChangeSet(List.of(), stamped.summary(), stamped.time());
            return new Applied(document, document, none);
        }
        for (Change c : stamped.changes()) {
            seq = Math.max(seq, c.stamp().seq());
            remoteSeen.merge(c.stamp().actor(), c.stamp().seq(), Math::max);
        }
        Applied applied = ChangeEngine.applyLenient(document, schema, stamped, ChangeEngine.Merge.REMOTE);
        publish(applied, Origin.REMOTE);
        return applied;
    }

    /**
     * Whether every change of {@code stamped} carries a stamp at or below the highest this session has applied from
     * that actor through {@link #applyRemote}.
     */
    public boolean hasSeen(ChangeSet stamped) {
        if (stamped.isEmpty()) {
            return false;
        }
        for (Change c : stamped.changes()) {
            Long seen = remoteSeen.get(c.stamp().actor());
            if (seen == null || c.stamp().seq() > seen) {
                return false;
            }
        }
        return true;
    }

    /**
     * Moves this session to where a collaboration client's rebase puts it: {@code applied} is an exact change set
     * from the current document (the inverse of the local changes still waiting for the hub, what the hub
     * confirmed, and the waiting changes again on top of it). Applied whole, heard as {@link Origin#REMOTE}, kept
     * out of the undo history; the sequence counter moves past its stamps.
     *
     * @throws ChangeRejected when it does not apply (the client's idea of this document is wrong)
     */
    public Applied applyRebase(ChangeSet applied) {
        for (Change c : applied.changes()) {
            seq = Math.max(seq, c.stamp().seq());
        }
        return applyStamped(applied, Origin.REMOTE);
    }

    /**
     * Undoes the local user's last change set, if any. A change whose value someone else has changed since is not
     * written back (their newer value stays), and a change that no longer fits (a restored link whose other end was
     * removed) is left out; the result's {@link Applied#dropped()} says which.
     *
     * @throws ChangeRejected when nothing of it can be undone any more (e.g. another device removed the element); the
     *                        entry is dropped from the history and the document is unchanged
     */
    public Optional<Applied> undo() {
        Optional<ChangeSet> top = history.undoTop();
        if (top.isEmpty()) {
            return Optional.empty();
        }
        ChangeSet inverse = top.get().inverse("Undo " + top.get().describe());
        Applied applied = applyConditional(inverse, Origin.UNDO, history::dropUndoTop);
        history.undone(applied.changeSet().inverse(top.get().summary()));
        return Optional.of(applied);
    }

    /**
     * Redoes the last undone change set, if any, on the same terms as {@link #undo()}.
     *
     * @throws ChangeRejected when nothing of it can be redone; the entry is dropped and the document is unchanged
     */
    public Optional<Applied> redo() {
        Optional<ChangeSet> top = history.redoTop();
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Applied applied = applyConditional(top.get(), Origin.REDO, history::dropRedoTop);
        history.redone(applied.changeSet());
        return Optional.of(applied);
    }

    /** Undo and redo: what still fits and was not changed by others since; nothing at all is a refusal. */
    private Applied applyConditional(ChangeSet changes, Origin origin, Runnable dropEntry) {
        ChangeSet stamped = stamp(changes);
        Applied applied = ChangeEngine.applyLenient(document, schema, stamped, ChangeEngine.Merge.CONDITIONAL.withListsMerged());
        if (applied.changeSet().isEmpty() && applied.droppedAny()) {
            dropEntry.run();
            throw applied.dropped().get(0).reason();
        }
        publish(applied, origin);
        return applied;
    }

    private ChangeSet stamp(ChangeSet draft) {
        List<Change> stamped = new ArrayList<>(draft.size());
        for (Change c : draft.changes()) {
            stamped.add(c.withStamp(new Stamp(actor, ++seq)));
        }
        return new ChangeSet(stamped, draft.summary(), draft.time());
    }

    private Applied applyStamped(ChangeSet changeSet, Origin origin) {
        Applied applied = ChangeEngine.apply(document, schema, changeSet);
        publish(applied, origin);
        return applied;
    }

    private void publish(Applied applied, Origin origin) {
        document = applied.after();
        Event event = new Event(applied, origin);
        for (Listener l : listeners) {
            l.applied(event);
        }
    }
}
