package org.mapwork.model;

import java.util.List;

/**
 * The result of applying a change set: the documents before and after, and the change set as applied (stamped,
 * with old values read off {@code before}, so its inverse is exact).
 *
 * @param dropped the changes that were left out because they no longer fit (only a lenient apply, such as a remote
 *                change set or an undo after others edited, drops anything; a strict apply refuses instead)
 */
public record Applied(MapDocument before, MapDocument after, ChangeSet changeSet, List<Dropped> dropped) {

    public Applied {
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
    }

    public Applied(MapDocument before, MapDocument after, ChangeSet changeSet) {
        this(before, after, changeSet, List.of());
    }

    /** Whether anything was left out. */
    public boolean droppedAny() {
        return !dropped.isEmpty();
    }
}
