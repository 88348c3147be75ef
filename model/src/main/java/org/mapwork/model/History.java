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

    private final Deque<ChangeSet> undo = new ArrayDeque<>();
    private final Deque<ChangeSet> redo = new ArrayDeque<>();
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
        pushUndo(applied);
        redo.clear();
    }

    void pushUndo(ChangeSet applied) {
        undo.push(applied);
        while (undo.size() > limit) {
            ChangeSet dropped = undo.removeLast();
            if (savedTop == dropped) {
                savedTop = NEVER;
            }
        }
    }

    void pushRedo(ChangeSet applied) {
        redo.push(applied);
    }

    Optional<ChangeSet> popUndo() {
        return Optional.ofNullable(undo.poll());
    }

    Optional<ChangeSet> popRedo() {
        return Optional.ofNullable(redo.poll());
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** What undo would undo, e.g. "Undo: Quick add 3 actors". */
    public Optional<String> undoSummary() {
        return Optional.ofNullable(undo.peek()).map(ChangeSet::describe);
    }

    public Optional<String> redoSummary() {
        return Optional.ofNullable(redo.peek()).map(ChangeSet::describe);
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
