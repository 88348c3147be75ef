package org.mapwork.store;

import java.time.Instant;

/**
 * One entry of a map's revision history: the map after its {@code number}-th logged change set.
 *
 * @param origin  where the change set came from: LOCAL, UNDO, REDO, REMOTE (as in MapSession.Origin), or CREATE
 *                and RESTORE for the library's own
 * @param changes how many changes the change set held
 */
public record Revision(long number, Instant time, String actor, String origin, String summary, int changes) {
}
