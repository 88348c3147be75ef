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
    /** Who is in, and who the host removed. */
    private final Roster roster = new Roster();
    /** actor → the last sequence number of theirs the hub has handled (committed or refused). */
    private final Map<String, Long> lastSeq = new HashMap<>();
    private long refusals;
    /** Positions of earlier hubs that equal positions here (a restart, a takeover; docs/adr/0010). */
    private final List<Lineage> lineage = new ArrayList<>();
    /** actor → the highest sequence number of theirs already in {@link #start} (a takeover's copy holds them). */
    private final Map<String, Long> startHandled;
    /** "actor clientSeq" of every entry in the log: an uploaded entry already here is not appended again. */
    private final Map<String, Long> entryKeys = new HashMap<>();
    /** connection → actor, for connections asked to upload what they hold (not joined yet). */
    private final Map<String, String> catchingUp = new HashMap<>();
    /** "actor clientSeq" of refused change sets: a resend is ignored. */
    private final java.util.Set<String> refusedKeys = new java.util.HashSet<>();
    /**
     * actor → the highest sequence number of theirs this hub handled from their own submits (a device sends its
     * outbox in order, so everything of theirs below it was handled here): what a welcome's yourLastSeq says. Neither
     * uploads nor a kept log move it: either may hold an actor's later change set before an earlier one.
     */
    private final Map<String, Long> direct = new HashMap<>();
    /** "actor clientSeq" → why: uploaded entries of which nothing fits this hub's map any more (reported, bounded). */
    private final Map<String, String> leftOut = new LinkedHashMap<>();
    /** actor → "hub@seq" of its last upload: the next hello from there gets the map as a snapshot. */
    private final Map<String, String> uploaded = new HashMap<>();
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
        this(document, schema, token, newHubId(), List.of());
    }

    /**
     * A hub that continues an order it kept (the host's library, {@link HubRecording#resume}): the same hub id, and
     * the log from {@code start}, so devices that counted its sequence numbers carry on without noticing the restart.
     *
     * @throws IllegalArgumentException when the log does not apply to {@code start} in order
     */
    public HubCore(MapDocument start, Schema schema, String token, String hubId, List<Message.Entry> log) {
        this(start, schema, token, hubId, log, List.of(), Map.of());
    }

    /**
     * A hub that continues earlier hubs' order ({@code lineage}) from {@code start} and {@code log}.
     *
     * @param startHandled actor → the highest sequence number of theirs already in {@code start} (a device's copy
     *                     taken over as the map: its resends and uploads of those are not applied again)
     */
    public HubCore(MapDocument start, Schema schema, String token, String hubId, List<Message.Entry> log,
                   List<Lineage> lineage, Map<String, Long> startHandled) {
        this.start = Objects.requireNonNull(start, "start");
        this.lineage.addAll(lineage);
        this.startHandled = Map.copyOf(startHandled);
        this.lastSeq.putAll(startHandled);
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
            entryKeys.put(e.actor() + " " + e.clientSeq(), e.serverSeq());
            for (Change c : e.changeSet().changes()) {
                lastSeq.merge(c.stamp().actor(), c.stamp().seq(), Math::max);
            }
        }
        this.document = doc;
    }

    /**
     * Another laptop takes over as host from its own copy: a new hub whose map is the device's confirmed map (the
     * order of {@code previousHub} up to {@code previousSeq}) and whose numbering starts there. Devices that hold
     * entries of that hub beyond it upload them; the host's own outbox goes in as a device's.
     *
     * @param handled the device's {@link ClientCore#handled()}: what of each actor is already in its copy
     */
    public static HubCore takeOver(MapDocument confirmed, Schema schema, String token, String previousHub, long previousSeq,
                                   Map<String, Long> handled) {
        return new HubCore(confirmed, schema, token, newHubId(), List.of(),
                List.of(new Lineage(previousHub, previousSeq, previousSeq)), handled);
    }

    /**
     * The lineage of a hub restarted from {@code previous}'s start and the first {@code kept} entries of its log (a
     * crash lost the rest): {@code previous}'s positions up to {@code kept}, and its own lineage where it still holds.
     */
    public static List<Lineage> restartedFrom(String previousHub, List<Lineage> previousLineage, long kept) {
        List<Lineage> out = new ArrayList<>();
        out.add(new Lineage(previousHub, kept, 0));
        for (Lineage l : previousLineage) {
            long upTo = Math.min(l.upTo(), kept + l.offset());
            if (upTo >= l.offset()) {
                out.add(new Lineage(l.hubId(), upTo, l.offset()));
            }
        }
        return out;
    }

    /** A new hub id: a hub's numbers mean something only together with it, so each start has its own. */
    public static String newHubId() {
        return "hub-" + newToken().substring(0, 12);
    }

    /** This hub's lineage, as it stands (uploads that follow on extend it). */
    public List<Lineage> lineage() {
        return List.copyOf(lineage);
    }

    /** actor → the highest sequence number of theirs already in {@link #start()} (from a takeover's copy). */
    public Map<String, Long> startHandled() {
        return startHandled;
    }

    /** actor → the highest sequence number of theirs this hub has handled (in its map, or refused). */
    public Map<String, Long> handled() {
        return Map.copyOf(lastSeq);
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
    public List<Outgoing> disconnect(String connection) {
        catchingUp.remove(connection);
        String actor = joined.remove(connection);
        if (actor == null) {
            return List.of();
        }
        return roster.departed(actor) ? toOthers(connection, new Message.Left(actor)) : List.of();
    }

    /**
     * The host removes a person: each of their connections is answered with an {@link Message.Error} (the transport
     * then closes it, and the others hear they left), and their hellos are refused from now on. Keeping someone out
     * for good takes sharing again with a new token: a removed person could come back under another actor id.
     */
    public List<Outgoing> remove(String actor) {
        roster.remove(actor);
        List<Outgoing> out = new ArrayList<>();
        joined.forEach((connection, a) -> {
            if (a.equals(actor)) {
                out.add(new Outgoing(connection, new Message.Error(REMOVED)));
            }
        });
        return out;
    }

    /** What a removed person's device is told. */
    public static final String REMOVED = "the host removed you from this map";

    /** Who is in the map now: one person per actor, in the order they came in. */
    public List<Message.Person> people() {
        return roster.all();
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
        if (message instanceof Message.CatchUp up && catchingUp.containsKey(connection)) {
            return catchUp(connection, catchingUp.get(connection), up);
        }
        String actor = joined.get(connection);
        if (actor == null) {
            return List.of(new Outgoing(connection, new Message.Error("say hello with the map's token first")));
        }
        if (message instanceof Message.Submit submit) {
            return submit(connection, actor, submit);
        }
        if (message instanceof Message.CatchUp up) {
            return catchUp(connection, actor, up); // a late or repeated upload: what is here already is skipped
        }
        if (message instanceof Message.Presence presence) {
            if (!presence.actor().equals(actor)) {
                return List.of(new Outgoing(connection, new Message.Error("presence for actor " + presence.actor()
                        + " on the connection of " + actor)));
            }
            // relayed with the name the hub has for the actor, and kept nowhere
            return toOthers(connection, new Message.Presence(actor, roster.name(actor), presence.state()));
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
        if (roster.isRemoved(hello.actor())) {
            return List.of(new Outgoing(connection, new Message.Error(REMOVED)));
        }
        String before = joined.get(connection);
        if (before != null && !before.equals(hello.actor())) {
            return List.of(new Outgoing(connection, new Message.Error("this connection is " + before + "'s, not " + hello.actor() + "'s")));
        }
        catchingUp.remove(connection);
        String actor = hello.actor();
        if (hello.since() == 0 && hello.hub() == null) {
            return snapshotWelcome(connection, hello); // a device holding nothing of any hub's order: the whole map
        }
        String theirs = hello.hub() == null ? hubId : hello.hub();
        if (theirs.equals(hubId) && hello.since() <= log.size()) {
            return admit(connection, hello, new Message.Welcome(mapId, hubId, log.size(),
                    direct.getOrDefault(actor, 0L), page(hello.since())));
        }
        Lineage l = lineage.stream().filter(x -> x.hubId().equals(theirs)).findFirst().orElse(null);
        if (l != null && hello.since() >= l.offset() && hello.since() <= l.upTo()) {
            // the same map in an earlier hub's numbers: carry on from the position it has here
            long here = hello.since() - l.offset();
            return admit(connection, hello, new Message.Welcome(mapId, hubId, log.size(),
                    direct.getOrDefault(actor, 0L), page(here), null, null, here, null));
        }
        if ((l != null && hello.since() < l.offset()) || (theirs + "@" + hello.since()).equals(uploaded.get(actor))) {
            return snapshotWelcome(connection, hello); // behind this hub's start, or has uploaded what it held
        }
        // it holds entries this hub may lack (it lost them in a crash, or took over from an older copy): ask for them
        long after = theirs.equals(hubId) ? log.size() : l != null ? l.upTo() : 0;
        catchingUp.put(connection, actor);
        return List.of(new Outgoing(connection, new Message.Welcome(mapId, hubId, log.size(),
                direct.getOrDefault(actor, 0L), List.of(), null, null, null, after)));
    }

    /**
     * Entries a device held that this hub may lack: each one not already here (by author and clientSeq, or in the
     * map the hub started from) is applied as this hub's next entry, leniently as any change set (what no longer fits
     * is dropped and reported in the entry), its author and clientSeq kept, and sent to every joined device.
     */
    private List<Outgoing> catchUp(String connection, String actor, Message.CatchUp up) {
        List<Outgoing> out = new ArrayList<>();
        Lineage l = lineage.stream().filter(x -> x.hubId().equals(up.hub())).findFirst().orElse(null);
        for (Message.Entry e : up.entries()) {
            String problem = stampProblem(e.actor(), e.changeSet(), e.clientSeq());
            if (problem != null) {
                return List.of(new Outgoing(connection, new Message.Error("catchUp entry " + e.serverSeq() + ": " + problem)));
            }
            if (entryKeys.containsKey(e.actor() + " " + e.clientSeq()) || e.clientSeq() <= startHandled.getOrDefault(e.actor(), 0L)) {
                continue;
            }
            Applied applied;
            try {
                applied = ChangeEngine.applyLenient(document, schema, e.changeSet(),
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
            boolean followsOn = l != null && e.serverSeq() == l.upTo() + 1 && log.size() == l.upTo() - l.offset()
                    && applied.dropped().isEmpty() && applied.changeSet().changes().equals(e.changeSet().changes());
            Message.Entry entry = append(e.actor(), e.clientSeq(), applied, e.changeSet());
            if (followsOn) {
                lineage.set(lineage.indexOf(l), l = new Lineage(l.hubId(), l.upTo() + 1, l.offset()));
            }
            out.addAll(toOthers(connection, new Message.Changes(entry)));
        }
        uploaded.put(actor, up.hub() + "@" + up.upTo());
        return out;
    }

    private void leaveOut(Message.Entry e, String why) {
        if (leftOut.size() < 10_000) {
            leftOut.put(e.actor() + " " + e.clientSeq(), why);
        }
        entryKeys.put(e.actor() + " " + e.clientSeq(), 0L);
    }

    /**
     * Uploaded entries ("actor clientSeq") that were left out because nothing of them fits this hub's map any more,
     * with why, oldest first (at most 10,000).
     */
    public Map<String, String> leftOut() {
        return java.util.Collections.unmodifiableMap(leftOut);
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

    /** Appends an applied change set as the next entry and tells the listeners. */
    private Message.Entry append(String actor, long clientSeq, Applied applied, ChangeSet submitted) {
        List<Message.Drop> drops = new ArrayList<>(applied.dropped().size());
        for (Dropped d : applied.dropped()) {
            drops.add(new Message.Drop(d.reason().changeIndex(), d.change().describe(), d.reason().getMessage()));
        }
        Message.Entry entry = new Message.Entry(log.size() + 1L, actor, clientSeq, applied.changeSet(), drops);
        log.add(entry);
        entryKeys.put(actor + " " + clientSeq, entry.serverSeq());
        document = applied.after();
        long last = submitted.changes().get(submitted.size() - 1).stamp().seq();
        lastSeq.merge(actor, last, Math::max);
        for (Consumer<Message.Entry> listener : committedListeners) {
            listener.accept(entry);
        }
        return entry;
    }

    /** Sends the welcome; on a connection's first, also who is in, and tells the others this person came. */
    private List<Outgoing> admit(String connection, Message.Hello hello, Message.Welcome welcome) {
        String before = joined.get(connection);
        if (before != null) {
            return List.of(new Outgoing(connection, welcome)); // the next page of a catch-up: the roster is sent already
        }
        // a first welcome on this connection: the device hears who is in, and the others hear it came (once per actor)
        List<Outgoing> out = new ArrayList<>();
        out.add(new Outgoing(connection, welcome));
        out.add(new Outgoing(connection, new Message.Roster(roster.others(hello.actor()))));
        Message.Person came = roster.arrived(hello.actor(), hello.name());
        if (came != null) {
            out.addAll(toOthers(connection, new Message.Joined(came)));
        }
        joined.put(connection, hello.actor());
        return out;
    }

    private List<Outgoing> snapshotWelcome(String connection, Message.Hello hello) {
        String actor = hello.actor();
        if (snapshotSeq != log.size()) {
            snapshot = Snapshots.of(document);
            snapshotBytes = MessageWire.size(snapshot);
            snapshotSeq = log.size();
        }
        if (snapshotBytes > SNAPSHOT_BYTES) {
            return List.of(new Outgoing(connection, new Message.Error("the map is too large to send as one snapshot ("
                    + snapshotBytes + " bytes of JSON; at most " + SNAPSHOT_BYTES + ")")));
        }
        // a device taking the map whole numbers its next change after everything of its actor in it, the copy a
        // takeover started from included (else its first change looks like a resend of one handled there)
        long yours = Math.max(direct.getOrDefault(actor, 0L), startHandled.getOrDefault(actor, 0L));
        return admit(connection, hello, new Message.Welcome(mapId, hubId, log.size(), yours, List.of(), snapshot, lastSeq,
                null, null));
    }

    private List<Outgoing> submit(String connection, String actor, Message.Submit submit) {
        ChangeSet cs = submit.changeSet();
        if (cs.isEmpty()) {
            return refuse(connection, actor, 0, 0, "an empty change set");
        }
        long first = submit.clientSeq();
        long last = cs.changes().get(cs.size() - 1).stamp().seq();
        long handled = lastSeq.getOrDefault(actor, 0L);
        String key = actor + " " + first;
        if (first <= handled && (entryKeys.containsKey(key) || refusedKeys.contains(key)
                || first <= startHandled.getOrDefault(actor, 0L) || first <= direct.getOrDefault(actor, 0L))) {
            // A resend of something already committed or refused: ignored, but a device that took the map as a
            // snapshot (so without this entry) is told where its change set is in the order
            Long at = entryKeys.get(key);
            if (at != null && at == 0) {
                // uploaded by another device and left out: nothing of it fitted any more
                return List.of(new Outgoing(connection, new Message.Refused(first, leftOut.getOrDefault(key,
                        "nothing of it fits any more"))));
            }
            if (at != null) {
                return List.of(new Outgoing(connection, new Message.Commit(log.get((int) (at - 1)))));
            }
            if (first > direct.getOrDefault(actor, 0L)) {
                // refused before (the answer was lost with a connection), or covered by the copy this hub started
                // from and not in its log: handled by an earlier hub
                direct.merge(actor, last, Math::max);
                if (refusedKeys.add(key)) {
                    refusals++;
                }
                return List.of(new Outgoing(connection, new Message.Refused(first, "already handled by this hub or the "
                        + "hub it took over from (in the map if it was kept)")));
            }
            return List.of(); // a resend while the answer is on its way
        }
        // (at or below handled but never seen: an upload from another device brought later ones of this actor first)
        long previous = first <= handled ? first - 1 : handled;
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
        Message.Entry entry = append(actor, first, applied, cs);
        direct.merge(actor, last, Math::max);
        List<Outgoing> out = new ArrayList<>(joined.size());
        out.add(new Outgoing(connection, new Message.Commit(entry)));
        out.addAll(toOthers(connection, new Message.Changes(entry)));
        return out;
    }

    private List<Outgoing> refuse(String connection, String actor, long first, long last, String reason) {
        refusals++;
        refusedKeys.add(actor + " " + first);
        direct.merge(actor, last, Math::max);
        lastSeq.merge(actor, last, Math::max);
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
