package org.mapwork.store;

import java.time.Instant;

/**
 * A map in the library's list: enough to show and pick it without reading its document.
 *
 * @param workshop the workshop it belongs to, or {@code null} for a map that stands alone
 * @param team     the team that draws it, or {@code null}
 * @param updated  when its last change set was made
 * @param revision its latest revision (0: the empty map; n: after the n-th logged change set)
 */
public record MapEntry(String id, String title, String methodId, Workshop workshop, Team team, Instant created,
                       Instant updated, long revision) {

    /** Where the map sits, e.g. "Session 3 / Team B", or "" for a map that stands alone. */
    public String place() {
        if (workshop == null) {
            return "";
        }
        return team == null ? workshop.name() : workshop.name() + " / " + team.name();
    }
}
