package org.mapwork.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The changes of one user gesture (or one remote message, one layout, one import): applied whole or not at all,
 * undone as one step.
 *
 * @param changes the changes, applied in order
 * @param summary one line saying what the gesture was, e.g. "Quick add 3 actors"
 * @param time    when it was made
 */
public record ChangeSet(List<Change> changes, String summary, Instant time) {

    public ChangeSet {
        changes = List.copyOf(changes);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(time, "time");
    }

    /** A draft change set, timed now. */
    public static ChangeSet of(String summary, List<? extends Change> changes) {
        return new ChangeSet(new ArrayList<>(changes), summary, Instant.now());
    }

    public static ChangeSet of(String summary, Change... changes) {
        return of(summary, List.of(changes));
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public int size() {
        return changes.size();
    }

    /** The actor of the first change, or {@code ""} for an empty or unstamped set. */
    public String actor() {
        return changes.isEmpty() ? "" : changes.get(0).stamp().actor();
    }

    /** The change set that undoes this one: every change's inverse, last change first. */
    public ChangeSet inverse(String inverseSummary) {
        List<Change> inv = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            inv.addAll(changes.get(i).inverse());
        }
        return new ChangeSet(inv, inverseSummary, Instant.now());
    }

    /** The summary, or a description of the single change when there is no summary. */
    public String describe() {
        if (!summary.isBlank()) {
            return summary;
        }
        if (changes.size() == 1) {
            return changes.get(0).describe();
        }
        return changes.size() + " changes";
    }
}
