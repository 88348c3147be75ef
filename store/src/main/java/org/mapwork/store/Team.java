package org.mapwork.store;

import java.time.Instant;

/** A small group within a workshop that draws its own maps (e.g. "Team B"). */
public record Team(String id, String workshopId, String name, Instant created) {
}
