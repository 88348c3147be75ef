package org.mapwork.collab;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.mapwork.model.Applied;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Dropped;

/**
 * The hub's handling of a device's {@code submit} (docs/protocol.md section 6): a resend of what was committed or
 * refused already is answered again or ignored, never applied twice; a change set not stamped by the connection's
 * actor with increasing numbers is refused; the rest is checked against the map as it stands through the same
 * {@link ChangeEngine} as a local edit and takes its place in the {@link MapOrder}, or is refused whole when nothing
 * of it fits. Also keeps what of each actor was handled from their own submits (a welcome's yourLastSeq). Not thread
 * safe, as the hub core.
 */
final class Submits {

    /**
     * The answer to one submit: the message for the device that sent it ({@code null}: none, a resend while the
     * answer is on its way), and the entry it added to the order ({@code null} when none; the others hear of it).
     */
    record Answer(Message reply, Message.Entry committed) {
    }

    private static final Answer NONE = new Answer(null, null);

    private final MapOrder order;
    private final Uploads uploads;
    private long refusals;
    /** "actor clientSeq" of refused change sets: a resend is ignored. */
    private final Set<String> refusedKeys = new HashSet<>();
    /**
     * actor → the highest sequence number of theirs this hub handled from their own submits (a device sends its
     * outbox in order, so everything of theirs below it was handled here): what a welcome's yourLastSeq says. Neither
     * uploads nor a kept log move it: either may hold an actor's later change set before an earlier one.
     */
    private final Map<String, Long> direct = new HashMap<>();

    Submits(MapOrder order, Uploads uploads) {
        this.order = order;
        this.uploads = uploads;
    }

    /** The highest sequence number of {@code actor}'s this hub handled from their own submits. */
    long direct(String actor) {
        return direct.getOrDefault(actor, 0L);
    }

    /** How many change sets were refused whole. */
    long refusals() {
        return refusals;
    }

    /** Handles a submit from a connection of {@code actor}. */
    Answer take(String actor, Message.Submit submit) {
        ChangeSet cs = submit.changeSet();
        if (cs.isEmpty()) {
            return refuse(actor, 0, 0, "an empty change set");
        }
        long first = submit.clientSeq();
        long last = cs.changes().get(cs.size() - 1).stamp().seq();
        long handled = order.handled(actor);
        String key = MapOrder.key(actor, first);
        Long at = order.placeOf(key);
        if (first <= handled && (at != null || refusedKeys.contains(key)
                || first <= order.inStart(actor) || first <= direct(actor))) {
            // A resend of something already committed or refused: ignored, but a device that took the map as a
            // snapshot (so without this entry) is told where its change set is in the order
            if (at != null && at == 0) {
                // uploaded by another device and left out: nothing of it fitted any more
                return new Answer(new Message.Refused(first, uploads.whyLeftOut(key)), null);
            }
            if (at != null) {
                return new Answer(new Message.Commit(order.at(at)), null);
            }
            if (first > direct(actor)) {
                // refused before (the answer was lost with a connection), or covered by the copy this hub started
                // from and not in its log: handled by an earlier hub
                direct.merge(actor, last, Math::max);
                if (refusedKeys.add(key)) {
                    refusals++;
                }
                return new Answer(new Message.Refused(first, "already handled by this hub or the "
                        + "hub it took over from (in the map if it was kept)"), null);
            }
            return NONE; // a resend while the answer is on its way
        }
        // (at or below handled but never seen: an upload from another device brought later ones of this actor first)
        long previous = first <= handled ? first - 1 : handled;
        for (int i = 0; i < cs.size(); i++) {
            Change c = cs.changes().get(i);
            if (!c.stamp().actor().equals(actor)) {
                return refuse(actor, first, last, "change " + i + " is stamped by " + c.stamp().actor()
                        + ", not by this connection's actor " + actor);
            }
            if (c.stamp().seq() <= previous) {
                return refuse(actor, first, Math.max(last, handled), "change " + i + " has sequence number "
                        + c.stamp().seq() + "; expected more than " + previous);
            }
            previous = c.stamp().seq();
        }
        Applied applied;
        try {
            ChangeEngine.Merge merge = (submit.conditional() ? ChangeEngine.Merge.CONDITIONAL : ChangeEngine.Merge.REMOTE)
                    .withUniqueOrderKeys().withListsMerged();
            applied = ChangeEngine.applyLenient(order.document(), order.schema(), cs, merge);
        } catch (RuntimeException e) {
            return refuse(actor, first, last, "cannot apply: " + e);
        }
        if (applied.changeSet().isEmpty()) {
            Dropped d = applied.dropped().get(0);
            return refuse(actor, first, last, "nothing of it fits any more: " + d.reason().getMessage());
        }
        Message.Entry entry = order.append(actor, first, applied, cs);
        direct.merge(actor, last, Math::max);
        return new Answer(new Message.Commit(entry), entry);
    }

    private Answer refuse(String actor, long first, long last, String reason) {
        refusals++;
        refusedKeys.add(MapOrder.key(actor, first));
        direct.merge(actor, last, Math::max);
        order.handledUpTo(actor, last);
        return new Answer(new Message.Refused(first, reason), null);
    }
}
