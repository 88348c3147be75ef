package org.mapwork.templates.workshop;

import java.util.Objects;

import org.mapwork.model.MapDocument;

/**
 * One team's map in a workshop, under the team's name (as compare and merge show it and as provenance records it).
 *
 * @param team the team's name, on one line, without {@code ;} (it separates teams in {@link Provenance})
 * @param doc  the team's map
 */
public record TeamMap(String team, MapDocument doc) {

    public TeamMap {
        Objects.requireNonNull(doc, "doc");
        if (team == null || team.isBlank()) {
            throw new IllegalArgumentException("a team needs a name");
        }
        if (team.contains(";") || team.contains("\n")) {
            throw new IllegalArgumentException("a team's name may not hold ';' or a line break: \"" + team + '"');
        }
    }
}
