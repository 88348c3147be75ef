package org.mapwork.collab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mapwork.model.Applied;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;

/**
 * The hub's handling of {@code catchUp} uploads (docs/adr/0010): which connections a welcome asked to upload what they
 * hold, the entries they send that this hub may lack (after a crash lost the end of its log, or a takeover from an
 * older copy), each taken into the {@link MapOrder} unless it is there already, and what was left out because nothing
 * of it fits any more. Not thread safe, as the hub core.
 */
final class Uploads {

    /** What one {@code catchUp} brought: the entries appended, or the problem that stopped it (then nothing more is taken). */
    record Taken(List<Message.Entry> appended, String problem) {
    }

    private final MapOrder order;
    /** connection → actor, for connections asked to upload what they hold (not joined yet). */
    private final Map<String, String> asked = new HashMap<>();
    /** "actor clientSeq" → why: uploaded entries of which nothing fits this hub's map any more (reported, bounded). */
    private final Map<String, String> leftOut = new LinkedHashMap<>();
    /** actor → "hub@seq" of its last upload: the next hello from there gets the map as a snapshot. */
    private final Map<String, String> uploaded = new HashMap<>();

    Uploads(MapOrder order) {
        this.order = order;
    }

    /** A welcome asked {@code connection} (of {@code actor}) to upload what it holds. */
    void ask(String connection, String actor) {
        asked.put(connection, actor);
    }

    /** The actor a welcome asked to upload on {@code connection}, or {@code null}. */
    String askedOf(String connection) {
        return asked.get(connection);
    }

    /** The connection said hello again or went: it is not asked any more. */
    void forget(String connection) {
        asked.remove(connection);
    }

    /** Whether {@code actor}'s last upload was of the position {@code hub}@{@code since} (it holds nothing more). */
    boolean uploadedAt(String actor, String hub, long since) {
        return (hub + "@" + since).equals(uploaded.get(actor));
    }

    /**
     * Entries a device held that this hub may lack: each one not already here (by author and clientSeq, or in the
     * map the hub started from) is applied as this hub's next entry, leniently as any change set (what no longer fits
     * is dropped and reported in the entry), its author and clientSeq kept. The caller sends each to every joined
     * device.
     */
    Taken take(String actor, Message.CatchUp up) {
        List<Message.Entry> appended = new ArrayList<>();
        Lineage l = order.lineageOf(up.hub());
        for (Message.Entry e : up.entries()) {
            String problem = stampProblem(e.actor(), e.changeSet(), e.clientSeq());
            if (problem != null) {
                return new Taken(appended, "catchUp entry " + e.serverSeq() + ": " + problem);
            }
            if (order.placeOf(MapOrder.key(e.actor(), e.clientSeq())) != null || e.clientSeq() <= order.inStart(e.actor())) {
                continue;
            }
            Applied applied;
            try {
                applied = ChangeEngine.applyLenient(order.document(), order.schema(), e.changeSet(),
                        ChangeEngine.Merge.REMOTE.withUniqueOrderKeys().withListsMerged());
            } catch (RuntimeException ex) {
                leaveOut(e, "cannot apply: " + ex);
                continue;
            }
            if (applied.changeSet().isEmpty()) {
                // e.g. an edit of an element a later change set (here before it) removed: that removal wins
                leaveOut(e, "nothing of it fits any more: " + applied.dropped().get(0).reason().getMessage());
                continue;
            }
            boolean followsOn = l != null && e.serverSeq() == l.upTo() + 1 && order.size() == l.upTo() - l.offset()
                    && applied.dropped().isEmpty() && applied.changeSet().changes().equals(e.changeSet().changes());
            appended.add(order.append(e.actor(), e.clientSeq(), applied, e.changeSet()));
            if (followsOn) {
                l = order.extend(l);
            }
        }
        uploaded.put(actor, up.hub() + "@" + up.upTo());
        return new Taken(appended, null);
    }

    private void leaveOut(Message.Entry e, String why) {
        String key = MapOrder.key(e.actor(), e.clientSeq());
        if (leftOut.size() < 10_000) {
            leftOut.put(key, why);
        }
        order.leaveOut(key);
    }

    /** Uploaded entries left out, with why, oldest first (at most 10,000). */
    Map<String, String> leftOut() {
        return Collections.unmodifiableMap(leftOut);
    }

    /** Why the uploaded (actor, clientSeq) {@code key} was left out. */
    String whyLeftOut(String key) {
        return leftOut.getOrDefault(key, "nothing of it fits any more");
    }

    /** Why a change set cannot be {@code actor}'s from {@code first} on, or {@code null}. */
    private static String stampProblem(String actor, ChangeSet cs, long first) {
        if (cs.isEmpty()) {
            return "an empty change set";
        }
        long previous = first - 1;
        for (int i = 0; i < cs.size(); i++) {
            Change c = cs.changes().get(i);
            // an entry's change set is what a hub applied: changes it dropped are missing, so it may start above first
            if (!c.stamp().actor().equals(actor) || c.stamp().seq() <= previous) {
                return "change " + i + " is stamped " + c.stamp() + "; expected " + actor + " with increasing numbers from " + first;
            }
            previous = c.stamp().seq();
        }
        return null;
    }
}
