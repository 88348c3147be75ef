package org.mapwork.model;

import java.util.Objects;

/**
 * Who made a change and when in their own sequence. Sequence numbers work as a Lamport clock: a session moves
 * its counter past every number it sees from others, so {@code (seq, actor)} orders all writes to one property,
 * which is what last-writer-wins merging between devices needs.
 */
public record Stamp(String actor, long seq) implements Comparable<Stamp> {

    /** The stamp of a draft change that no session has applied yet. */
    public static final Stamp NONE = new Stamp("", 0);

    public Stamp {
        Objects.requireNonNull(actor, "actor");
    }

    @Override
    public int compareTo(Stamp o) {
        int c = Long.compare(seq, o.seq);
        return c != 0 ? c : actor.compareTo(o.actor);
    }
}
