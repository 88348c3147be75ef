package org.mapwork.collab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.model.Applied;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Dropped;
import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.Schema;

/**
 * The map's one order at a hub: the ordered log of entries from the map the hub started with, the map as it stands
 * after them, which (actor, clientSeq) already has a place in it, and what of each actor the hub has handled. Also
 * the earlier hubs' positions that equal positions here (the lineage, docs/adr/0010) and the snapshot of the map as
 * it stands, made once for every device that takes it whole. {@link HubCore} decides what goes in; this keeps it.
 * Not thread safe, as the hub core.
 */
final class MapOrder {

    private final Schema schema;
    private final MapDocument start;
    private MapDocument document;
    private final List<Message.Entry> log = new ArrayList<>();
    /** actor → the last sequence number of theirs the hub has handled (committed or refused). */
    private final Map<String, Long> lastSeq = new HashMap<>();
    /** actor → the highest sequence number of theirs already in {@link #start} (a takeover's copy holds them). */
    private final Map<String, Long> startHandled;
    /** "actor clientSeq" of every entry in the log (0: uploaded and left out): an entry already here is not appended again. */
    private final Map<String, Long> entryKeys = new HashMap<>();
    /** Positions of earlier hubs that equal positions here (a restart, a takeover; docs/adr/0010). */
    private final List<Lineage> lineage = new ArrayList<>();
    private final List<Consumer<Message.Entry>> committedListeners = new CopyOnWriteArrayList<>();
    /** The snapshot of {@link #document} at {@link #snapshotSeq}. */
    private ObjectNode snapshot;
    private long snapshotBytes;
    private long snapshotSeq = -1;

    /** @throws IllegalArgumentException when {@code kept} does not apply to {@code start} in order */
    MapOrder(MapDocument start, Schema schema, List<Message.Entry> kept, List<Lineage> lineage, Map<String, Long> startHandled) {
        this.start = start;
        this.schema = schema;
        this.lineage.addAll(lineage);
        this.startHandled = Map.copyOf(startHandled);
        this.lastSeq.putAll(startHandled);
        MapDocument doc = start;
        for (Message.Entry e : kept) {
            if (e.serverSeq() != log.size() + 1L) {
                throw new IllegalArgumentException("entry " + e.serverSeq() + " of the kept log follows " + log.size());
            }
            doc = ChangeEngine.apply(doc, schema, e.changeSet()).after();
            log.add(e);
            entryKeys.put(key(e.actor(), e.clientSeq()), e.serverSeq());
            for (Change c : e.changeSet().changes()) {
                lastSeq.merge(c.stamp().actor(), c.stamp().seq(), Math::max);
            }
        }
        this.document = doc;
    }

    /** How an (actor, clientSeq) is named in the hub's books. */
    static String key(String actor, long clientSeq) {
        return actor + " " + clientSeq;
    }

    Schema schema() {
        return schema;
    }

    MapDocument start() {
        return start;
    }

    MapDocument document() {
        return document;
    }

    /** The last server sequence number given. */
    long size() {
        return log.size();
    }

    List<Message.Entry> log() {
        return List.copyOf(log);
    }

    /** The entry at server sequence number {@code serverSeq} (from 1). */
    Message.Entry at(long serverSeq) {
        return log.get((int) (serverSeq - 1));
    }

    /** Entries after {@code since} (exclusive), in order. */
    List<Message.Entry> entriesSince(long since) {
        int from = (int) Math.max(0, Math.min(since, log.size()));
        return List.copyOf(log.subList(from, log.size()));
    }

    /**
     * Entries after {@code since}, as many as fit one welcome: at most {@link HubCore#WELCOME_CHANGES} changes in all,
     * and always at least one entry. A client further behind says hello again from where the page ended.
     */
    List<Message.Entry> page(long since) {
        List<Message.Entry> out = new ArrayList<>();
        long changes = 0;
        for (int i = (int) Math.max(0, since); i < log.size(); i++) {
            Message.Entry e = log.get(i);
            changes += e.changeSet().size();
            if (!out.isEmpty() && changes > HubCore.WELCOME_CHANGES) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** Where the (actor, clientSeq) has its place: its server sequence number, 0 when left out, {@code null} when unseen. */
    Long placeOf(String key) {
        return entryKeys.get(key);
    }

    /** An uploaded entry of which nothing fits: it has no place, and a resend of it is not applied again. */
    void leaveOut(String key) {
        entryKeys.put(key, 0L);
    }

    /** The highest sequence number of {@code actor}'s the hub has handled (in its map, or refused). */
    long handled(String actor) {
        return lastSeq.getOrDefault(actor, 0L);
    }

    Map<String, Long> handled() {
        return Map.copyOf(lastSeq);
    }

    /** The hub has handled {@code actor}'s change sets up to {@code last} (a refusal). */
    void handledUpTo(String actor, long last) {
        lastSeq.merge(actor, last, Math::max);
    }

    /** actor → the highest sequence number of theirs already in {@link #start()}. */
    Map<String, Long> startHandled() {
        return startHandled;
    }

    long inStart(String actor) {
        return startHandled.getOrDefault(actor, 0L);
    }

    /** As the lineage stands. */
    List<Lineage> lineage() {
        return List.copyOf(lineage);
    }

    /** Where {@code hubId}'s positions meet this hub's, or {@code null} for a hub not in the lineage. */
    Lineage lineageOf(String hubId) {
        return lineage.stream().filter(x -> x.hubId().equals(hubId)).findFirst().orElse(null);
    }

    /** {@code l} reaches one entry further: an upload brought that hub's next entry as it was there. */
    Lineage extend(Lineage l) {
        Lineage longer = new Lineage(l.hubId(), l.upTo() + 1, l.offset());
        lineage.set(lineage.indexOf(l), longer);
        return longer;
    }

    void onCommitted(Consumer<Message.Entry> listener) {
        committedListeners.add(listener);
    }

    /** Appends an applied change set as the next entry and tells the listeners. */
    Message.Entry append(String actor, long clientSeq, Applied applied, ChangeSet submitted) {
        List<Message.Drop> drops = new ArrayList<>(applied.dropped().size());
        for (Dropped d : applied.dropped()) {
            drops.add(new Message.Drop(d.reason().changeIndex(), d.change().describe(), d.reason().getMessage()));
        }
        Message.Entry entry = new Message.Entry(log.size() + 1L, actor, clientSeq, applied.changeSet(), drops);
        log.add(entry);
        entryKeys.put(key(actor, clientSeq), entry.serverSeq());
        document = applied.after();
        long last = submitted.changes().get(submitted.size() - 1).stamp().seq();
        lastSeq.merge(actor, last, Math::max);
        for (Consumer<Message.Entry> listener : committedListeners) {
            listener.accept(entry);
        }
        return entry;
    }

    /** The map as it stands, in a welcome's form: made again only after the order moved on. */
    ObjectNode snapshot() {
        refreshSnapshot();
        return snapshot;
    }

    /** The size of {@link #snapshot()} in bytes of JSON. */
    long snapshotBytes() {
        refreshSnapshot();
        return snapshotBytes;
    }

    private void refreshSnapshot() {
        if (snapshotSeq != log.size()) {
            snapshot = Snapshots.of(document);
            snapshotBytes = MessageWire.size(snapshot);
            snapshotSeq = log.size();
        }
    }
}
