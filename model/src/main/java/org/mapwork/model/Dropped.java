package org.mapwork.model;

import java.util.Objects;

/**
 * One change that a lenient apply left out, and why: an edit of an element someone else removed, a link whose end
 * is gone, an undo of a value someone else has changed since.
 *
 * @param change the change as it was offered
 * @param reason the refusal the strict apply would have given (its index is the change's index in its set)
 */
public record Dropped(Change change, ChangeRejected reason) {

    public Dropped {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(reason, "reason");
    }

    /** One line, e.g. {@code set label of n-1 to "X": no element with id n-1 in this map}. */
    public String describe() {
        return change.describe() + ": " + reason.problem();
    }
}
