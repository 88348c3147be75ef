package org.mapwork.model;

/**
 * The result of applying a change set: the documents before and after, and the change set as applied (stamped,
 * with old values read off {@code before}, so its inverse is exact).
 */
public record Applied(MapDocument before, MapDocument after, ChangeSet changeSet) {
}
