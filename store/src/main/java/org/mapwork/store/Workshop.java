package org.mapwork.store;

import java.time.Instant;

/** A workshop: a series of sessions whose teams draw maps (e.g. "Gig workers' rights, spring 2026"). */
public record Workshop(String id, String name, Instant created) {
}
