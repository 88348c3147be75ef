package org.mapwork.store;

import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.Schema;

/**
 * A map read from the library, ready for a {@link org.mapwork.model.MapSession}:
 * {@code new MapSession(document(), schema(), actor, lastSeq())}, then {@link Library#record} to keep its changes.
 *
 * @param revision the revision the document is at
 * @param lastSeq  the highest sequence number in the map's log, of any actor; a new session starts after it, so its
 *                 stamps order after everything already in the map (the Lamport rule of {@link org.mapwork.model.Stamp})
 */
public record LoadedMap(MapEntry entry, MapDocument document, Schema schema, long revision, long lastSeq) {
}
