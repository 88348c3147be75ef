package org.mapwork.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Undo and redo of the local user's own change sets. Holds applied change sets (their inverses are exact);
 * a new change clears redo; a "saved" mark tells whether the document is at the point it was last saved.
 * Changes from other sources (other devices, the library) never enter the history.
 */
public final class History {

    /**
     * One undoable step. The same entry moves between the undo and redo stacks (its change set is replaced by the
     * form that applies next), so the saved mark, which remembers an entry, survives undo and redo.
     */
    private static final class Entry {
        ChangeSet changeSet;

        Entry(ChangeSet changeSet) {
            this.changeSet = changeSet;
        }
    }

    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private final int limit;
    /** The top undo entry when marked ({@code null}: marked with an empty stack); {@link #NEVER} when unmarked. */
    private Object savedTop;
    private static final Object NEVER = new Object();

    public History(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
        this.savedTop = null;
    }

    /** Records a new local change set; clears redo. */
    void recordNew(ChangeSet applied) {
        push(new Entry(applied));
        redo.clear();
    }

    private void push(Entry entry) {
        undo.push(entry);
        while (undo.size() > limit) {
            Entry dropped = undo.removeLast();
            if (savedTop == dropped) {
                savedTop = NEVER;
            }
        }
    }

    /** The applied change set that undo would revert, if any. */
    Optional<ChangeSet> undoTop() {
        return Optional.ofNullable(undo.peek()).map(e -> e.changeSet);
    }

    /** The top undo step was undone; {@code redoForm} is what redo will apply. */
    void undone(ChangeSet redoForm) {
        Entry e = undo.pop();
        e.changeSet = redoForm;
        redo.push(e);
    }

    /** The top undo step can no longer be undone: forget it. */
    void dropUndoTop() {
        Entry dropped = undo.pop();
        if (savedTop == dropped) {
            savedTop = NEVER;
        }
    }

    /** The change set that redo would apply, if any. */
    Optional<ChangeSet> redoTop() {
        return Optional.ofNullable(redo.peek()).map(e -> e.changeSet);
    }

    /** The top redo step was redone as {@code applied}. */
    void redone(ChangeSet applied) {
        Entry e = redo.pop();
        e.changeSet = applied;
        push(e);
    }

    /** The top redo step can no longer be redone: forget it. */
    void dropRedoTop() {
        redo.pop();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** What undo would undo, e.g. "Undo: Quick add 3 actors". */
    public Optional<String> undoSummary() {
        return undoTop().map(ChangeSet::describe);
    }

    public Optional<String> redoSummary() {
        return redoTop().map(ChangeSet::describe);
    }

    public int undoDepth() {
        return undo.size();
    }

    public int redoDepth() {
        return redo.size();
    }

    /** Marks the current point as saved. */
    public void markSaved() {
        savedTop = undo.peek();
    }

    /** Whether undo/redo has brought the document back to the point last marked saved. */
    public boolean isAtSavedPoint() {
        return savedTop != NEVER && savedTop == undo.peek();
    }

    public void clear() {
        undo.clear();
        redo.clear();
        savedTop = NEVER;
    }
}
