package org.mapwork.collab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.mapwork.model.Applied;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Dropped;
import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.Schema;

/**
 * The hub's logic for one shared map, without the network: it gives every change set its place in the map's one
 * order (the server sequence), checks each against the map as it is at that moment through the same
 * {@link ChangeEngine} as a local edit, and keeps the ordered log so that a client can catch up from any sequence
 * number. The last change set to reach the hub wins each property it writes (server-authoritative last-writer-wins;
 * docs/adr/0008).
 *
 * <p>Connections are named by opaque ids the transport chooses. Every call returns what to send to whom. Not thread
 * safe: the transport calls it from one thread per map (or under one lock).
 */
public final class HubCore {

    /** One message for one connection. */
    public record Outgoing(String connection, Message message) {
    }

    /** Most changes in the entries of one welcome (about 5 MB of JSON; a message may have 8 MB). */
    public static final int WELCOME_CHANGES = 20_000;

    /** Largest snapshot sent in a welcome, in bytes of JSON: the message limit less room for the welcome around it. */
    public static final int SNAPSHOT_BYTES = MessageWire.MAX_MESSAGE_BYTES - 64 * 1024;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Schema schema;
    private final String mapId;
    private final byte[] token;
    /** This hub's id: its sequence numbers mean something only together with it. */
    private final String hubId;
    private final MapDocument start;
    private MapDocument document;
    private final List<Message.Entry> log = new ArrayList<>();
    /** connection → actor, for connections that have joined, in joining order. */
    private final Map<String, String> joined = new LinkedHashMap<>();
    /** actor → the last sequence number of theirs the hub has handled (committed or refused). */
    private final Map<String, Long> lastSeq = new HashMap<>();
    private long refusals;
    /** The snapshot of {@link #document} at {@link #snapshotSeq}, made once for every device that joins at that point. */
    private com.fasterxml.jackson.databind.node.ObjectNode snapshot;
    private long snapshotBytes;
    private long snapshotSeq = -1;
    private final List<Consumer<Message.Entry>> committedListeners = new CopyOnWriteArrayList<>();

    /**
     * @param document the map as the hub starts it (the host's library copy)
     * @param token    the map's join token: every connection must present it
     */
    public HubCore(MapDocument document, Schema schema, String token) {
        this(document, schema, token, "hub-" + newToken().substring(0, 12), List.of());
    }

    /**
     * A hub that continues an order it kept (the host's library, {@link HubRecording#resume}): the same hub id, and
     * the log from {@code start}, so devices that counted its sequence numbers carry on without noticing the restart.
     *
     * @throws IllegalArgumentException when the log does not apply to {@code start} in order
     */
    public HubCore(MapDocument start, Schema schema, String token, String hubId, List<Message.Entry> log) {
        this.start = Objects.requireNonNull(start, "start");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.mapId = start.id();
        if (token == null || token.length() < 22) {
            throw new IllegalArgumentException("a join token has at least 22 characters: 128 random bits, see newToken()");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.hubId = Objects.requireNonNull(hubId, "hubId");
        MapDocument doc = start;
        for (Message.Entry e : log) {
            if (e.serverSeq() != this.log.size() + 1L) {
                throw new IllegalArgumentException("entry " + e.serverSeq() + " of the kept log follows " + this.log.size());
            }
            doc = ChangeEngine.apply(doc, schema, e.changeSet()).after();
            this.log.add(e);
            for (Change c : e.changeSet().changes()) {
                lastSeq.merge(c.stamp().actor(), c.stamp().seq(), Math::max);
            }
        }
        this.document = doc;
    }

    /**
     * Hears every entry as it takes its place in the order, on the hub's thread, before it is sent to anyone (the
     * host's library records it: {@link HubRecording}).
     */
    public void onCommitted(Consumer<Message.Entry> listener) {
        committedListeners.add(listener);
    }

    /** A new join token for a shared map: 128 bits from a {@link SecureRandom}, URL-safe Base64 (22 characters). */
    public static String newToken() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** This hub's id, new each time a hub starts. */
    public String hubId() {
        return hubId;
    }

    public MapDocument document() {
        return document;
    }

    /** The document the log starts from. */
    public MapDocument start() {
        return start;
    }

    public long serverSeq() {
        return log.size();
    }

    /** The whole ordered log. */
    public List<Message.Entry> log() {
        return List.copyOf(log);
    }

    /** Entries after {@code since} (exclusive), in order. */
    public List<Message.Entry> entriesSince(long since) {
        int from = (int) Math.max(0, Math.min(since, log.size()));
        return List.copyOf(log.subList(from, log.size()));
    }

    /**
     * Entries after {@code since}, as many as fit one welcome: at most {@link #WELCOME_CHANGES} changes in all, and
     * always at least one entry. A client further behind says hello again from where the page ended.
     */
    List<Message.Entry> page(long since) {
        List<Message.Entry> out = new ArrayList<>();
        long changes = 0;
        for (int i = (int) Math.max(0, since); i < log.size(); i++) {
            Message.Entry e = log.get(i);
            changes += e.changeSet().size();
            if (!out.isEmpty() && changes > WELCOME_CHANGES) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** How many change sets were refused whole. */
    public long refusals() {
        return refusals;
    }

    /** Whether {@code connection} has joined. */
    public boolean isJoined(String connection) {
        return joined.containsKey(connection);
    }

    /** The connection went away (closed, timed out, removed). */
    public void disconnect(String connection) {
        joined.remove(connection);
    }

    /**
     * Handles one text frame from a connection: a message that cannot be read is answered with an {@link Message.Error}
     * naming the JSON path of the problem (the transport then closes the connection); the map is untouched.
     */
    public List<Outgoing> receiveText(String connection, String text) {
        Message message;
        try {
            message = MessageWire.read(text);
        } catch (WireException e) {
            return List.of(new Outgoing(connection, new Message.Error("unreadable message: " + e.getMessage())));
        }
        return receive(connection, message);
    }

    /** Handles one message from a connection. */
    public List<Outgoing> receive(String connection, Message message) {
        if (message instanceof Message.Hello hello) {
            return hello(connection, hello);
        }
        String actor = joined.get(connection);
        if (actor == null) {
            return List.of(new Outgoing(connection, new Message.Error("say hello with the map's token first")));
        }
        if (message instanceof Message.Submit submit) {
            return submit(connection, actor, submit);
        }
        if (message instanceof Message.Presence presence) {
            if (!presence.actor().equals(actor)) {
                return List.of(new Outgoing(connection, new Message.Error("presence for actor " + presence.actor()
                        + " on the connection of " + actor)));
            }
            return toOthers(connection, presence);
        }
        return List.of(new Outgoing(connection, new Message.Error("a client does not send "
                + message.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))));
    }

    private List<Outgoing> hello(String connection, Message.Hello hello) {
        if (hello.protocol() != Message.PROTOCOL) {
            return List.of(new Outgoing(connection, new Message.Error("protocol " + hello.protocol()
                    + " is not spoken here; this hub speaks " + Message.PROTOCOL)));
        }
        if (!hello.map().equals(mapId)) {
            return List.of(new Outgoing(connection, new Message.Error("no shared map " + hello.map())));
        }
        if (!MessageDigest.isEqual(token, hello.token().getBytes(StandardCharsets.UTF_8))) {
            return List.of(new Outgoing(connection, new Message.Error("wrong token")));
        }
        if (!org.mapwork.model.Ids.isValid(hello.actor())) {
            return List.of(new Outgoing(connection, new Message.Error("not a valid actor id: " + hello.actor())));
        }
        boolean otherHub = hello.hub() != null && !hello.hub().equals(hubId) && hello.since() > 0;
        if (hello.since() == 0 || otherHub) {
            // It holds nothing of this hub's order (new device, or numbers counted by another hub): the whole map.
            return snapshotWelcome(connection, hello.actor());
        }
        if (hello.since() > log.size()) {
            // The client has seen more than this hub holds (the hub restarted from an older copy): not handled yet.
            return List.of(new Outgoing(connection, new Message.Error("this hub holds " + log.size()
                    + " change sets, the client has seen " + hello.since() + "; catching a hub up is not built yet")));
        }
        joined.put(connection, hello.actor());
        return List.of(new Outgoing(connection, new Message.Welcome(mapId, hubId, log.size(),
                lastSeq.getOrDefault(hello.actor(), 0L), page(hello.since()))));
    }

    private List<Outgoing> snapshotWelcome(String connection, String actor) {
        if (snapshotSeq != log.size()) {
            snapshot = Snapshots.of(document);
            snapshotBytes = MessageWire.size(snapshot);
            snapshotSeq = log.size();
        }
        if (snapshotBytes > SNAPSHOT_BYTES) {
            return List.of(new Outgoing(connection, new Message.Error("the map is too large to send as one snapshot ("
                    + snapshotBytes + " bytes of JSON; at most " + SNAPSHOT_BYTES + ")")));
        }
        joined.put(connection, actor);
        return List.of(new Outgoing(connection, new Message.Welcome(mapId, hubId, log.size(),
                lastSeq.getOrDefault(actor, 0L), List.of(), snapshot)));
    }

    private List<Outgoing> submit(String connection, String actor, Message.Submit submit) {
        ChangeSet cs = submit.changeSet();
        if (cs.isEmpty()) {
            return refuse(connection, actor, 0, 0, "an empty change set");
        }
        long first = submit.clientSeq();
        long last = cs.changes().get(cs.size() - 1).stamp().seq();
        long handled = lastSeq.getOrDefault(actor, 0L);
        if (first <= handled) {
            // A resend of something already committed or refused (its answer is in the log or was sent): ignore.
            return List.of();
        }
        long previous = handled;
        for (int i = 0; i < cs.size(); i++) {
            Change c = cs.changes().get(i);
            if (!c.stamp().actor().equals(actor)) {
                return refuse(connection, actor, first, last, "change " + i + " is stamped by " + c.stamp().actor()
                        + ", not by this connection's actor " + actor);
            }
            if (c.stamp().seq() <= previous) {
                return refuse(connection, actor, first, Math.max(last, handled), "change " + i + " has sequence number "
                        + c.stamp().seq() + "; expected more than " + previous);
            }
            previous = c.stamp().seq();
        }
        Applied applied;
        try {
            ChangeEngine.Merge merge = (submit.conditional() ? ChangeEngine.Merge.CONDITIONAL : ChangeEngine.Merge.REMOTE)
                    .withUniqueOrderKeys().withListsMerged();
            applied = ChangeEngine.applyLenient(document, schema, cs, merge);
        } catch (RuntimeException e) {
            return refuse(connection, actor, first, last, "cannot apply: " + e);
        }
        if (applied.changeSet().isEmpty()) {
            Dropped d = applied.dropped().get(0);
            return refuse(connection, actor, first, last, "nothing of it fits any more: " + d.reason().getMessage());
        }
        List<Message.Drop> drops = new ArrayList<>(applied.dropped().size());
        for (Dropped d : applied.dropped()) {
            drops.add(new Message.Drop(d.reason().changeIndex(), d.change().describe(), d.reason().getMessage()));
        }
        Message.Entry entry = new Message.Entry(log.size() + 1L, actor, first, applied.changeSet(), drops);
        log.add(entry);
        document = applied.after();
        lastSeq.put(actor, last);
        for (Consumer<Message.Entry> l : committedListeners) {
            l.accept(entry);
        }
        List<Outgoing> out = new ArrayList<>(joined.size());
        out.add(new Outgoing(connection, new Message.Commit(entry)));
        out.addAll(toOthers(connection, new Message.Changes(entry)));
        return out;
    }

    private List<Outgoing> refuse(String connection, String actor, long first, long last, String reason) {
        refusals++;
        if (last > lastSeq.getOrDefault(actor, 0L)) {
            lastSeq.put(actor, last);
        }
        return List.of(new Outgoing(connection, new Message.Refused(first, reason)));
    }

    private List<Outgoing> toOthers(String connection, Message message) {
        List<Outgoing> out = new ArrayList<>(joined.size());
        for (String other : joined.keySet()) {
            if (!other.equals(connection)) {
                out.add(new Outgoing(other, message));
            }
        }
        return out;
    }
}
