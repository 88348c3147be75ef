package org.mapwork.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Undo and redo of the local user's own change sets. Holds applied change sets (their inverses are exact);
 * a new change clears redo. Changes from other sources (other devices, the library) never enter the history.
 * There is no "saved" mark: the library records every change as it is made.
 */
public final class History {

    private final Deque<ChangeSet> undo = new ArrayDeque<>();
    private final Deque<ChangeSet> redo = new ArrayDeque<>();
    private final int limit;

    public History(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
    }

    /** Records a new local change set; clears redo. */
    void recordNew(ChangeSet applied) {
        push(applied);
        redo.clear();
    }

    private void push(ChangeSet changeSet) {
        undo.push(changeSet);
        while (undo.size() > limit) {
            undo.removeLast();
        }
    }

    /** The applied change set that undo would revert, if any. */
    Optional<ChangeSet> undoTop() {
        return Optional.ofNullable(undo.peek());
    }

    /** The top undo step was undone; {@code redoForm} is what redo will apply. */
    void undone(ChangeSet redoForm) {
        undo.pop();
        redo.push(redoForm);
    }

    /** The top undo step can no longer be undone: forget it. */
    void dropUndoTop() {
        undo.pop();
    }

    /** The change set that redo would apply, if any. */
    Optional<ChangeSet> redoTop() {
        return Optional.ofNullable(redo.peek());
    }

    /** The top redo step was redone as {@code applied}. */
    void redone(ChangeSet applied) {
        redo.pop();
        push(applied);
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

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
