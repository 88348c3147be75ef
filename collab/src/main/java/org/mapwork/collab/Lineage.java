package org.mapwork.collab;

import java.util.Objects;

/**
 * Where an earlier hub's order meets a hub's own: that hub's positions {@code offset..upTo} are this hub's positions
 * {@code 0..upTo - offset} (the same map). A restart from the library keeps the log: offset 0, upTo = the entries
 * kept. A takeover from a device's copy at seq n: offset = upTo = n (docs/adr/0010-sync-catch-up.md).
 */
public record Lineage(String hubId, long upTo, long offset) {
    public Lineage {
        Objects.requireNonNull(hubId, "hubId");
        if (offset < 0 || upTo < offset) {
            throw new IllegalArgumentException("a lineage needs 0 ≤ offset ≤ upTo: " + offset + ", " + upTo);
        }
    }
}
