package org.mapwork.collab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.mapwork.model.ChangeEngine;
import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.Schema;

/**
 * The hub's logic for one shared map, without the network: it gives every change set its place in the map's one
 * order (the server sequence), checks each against the map as it is at that moment through the same
 * {@link ChangeEngine} as a local edit, and keeps the ordered log so that a client can catch up from any sequence
 * number. The last change set to reach the hub wins each property it writes (server-authoritative last-writer-wins;
 * docs/adr/0008).
 *
 * <p>This class handles hello, welcome and who is in; the order itself is kept in {@link MapOrder}, submits are
 * answered by {@link Submits}, and {@code catchUp} uploads taken by {@link Uploads}.
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

    private final String mapId;
    private final byte[] token;
    /** This hub's id: its sequence numbers mean something only together with it. */
    private final String hubId;
    /** The log, the map after it, what of each actor is handled, and the lineage. */
    private final MapOrder order;
    /** Connections asked to upload what they hold, and what their uploads brought. */
    private final Uploads uploads;
    /** connection → actor, for connections that have joined, in joining order. */
    private final Map<String, String> joined = new LinkedHashMap<>();
    /** Who is in, and who the host removed. */
    private final Roster roster = new Roster();
    /** Submits answered: resends, refusals, and what of each actor was handled from their own submits. */
    private final Submits submits;

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
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(schema, "schema");
        this.mapId = start.id();
        if (token == null || token.length() < 22) {
            throw new IllegalArgumentException("a join token has at least 22 characters: 128 random bits, see newToken()");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.hubId = Objects.requireNonNull(hubId, "hubId");
        this.order = new MapOrder(start, schema, log, lineage, startHandled);
        this.uploads = new Uploads(order);
        this.submits = new Submits(order, uploads);
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
        return order.lineage();
    }

    /** actor → the highest sequence number of theirs already in {@link #start()} (from a takeover's copy). */
    public Map<String, Long> startHandled() {
        return order.startHandled();
    }

    /** actor → the highest sequence number of theirs this hub has handled (in its map, or refused). */
    public Map<String, Long> handled() {
        return order.handled();
    }

    /**
     * Hears every entry as it takes its place in the order, on the hub's thread, before it is sent to anyone (the
     * host's library records it: {@link HubRecording}).
     */
    public void onCommitted(Consumer<Message.Entry> listener) {
        order.onCommitted(listener);
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
        return order.document();
    }

    /** The document the log starts from. */
    public MapDocument start() {
        return order.start();
    }

    public long serverSeq() {
        return order.size();
    }

    /** The whole ordered log. */
    public List<Message.Entry> log() {
        return order.log();
    }

    /** Entries after {@code since} (exclusive), in order. */
    public List<Message.Entry> entriesSince(long since) {
        return order.entriesSince(since);
    }

    /** How many change sets were refused whole. */
    public long refusals() {
        return submits.refusals();
    }

    /** Whether {@code connection} has joined. */
    public boolean isJoined(String connection) {
        return joined.containsKey(connection);
    }

    /** The connection went away (closed, timed out, removed). */
    public List<Outgoing> disconnect(String connection) {
        uploads.forget(connection);
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
        if (message instanceof Message.CatchUp up && uploads.askedOf(connection) != null) {
            return catchUp(connection, uploads.askedOf(connection), up);
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
        uploads.forget(connection);
        String actor = hello.actor();
        if (hello.since() == 0 && hello.hub() == null) {
            return snapshotWelcome(connection, hello); // a device holding nothing of any hub's order: the whole map
        }
        String theirs = hello.hub() == null ? hubId : hello.hub();
        if (theirs.equals(hubId) && hello.since() <= order.size()) {
            return admit(connection, hello, new Message.Welcome(mapId, hubId, order.size(),
                    submits.direct(actor), order.page(hello.since())));
        }
        Lineage l = order.lineageOf(theirs);
        if (l != null && hello.since() >= l.offset() && hello.since() <= l.upTo()) {
            // the same map in an earlier hub's numbers: carry on from the position it has here
            long here = hello.since() - l.offset();
            return admit(connection, hello, new Message.Welcome(mapId, hubId, order.size(),
                    submits.direct(actor), order.page(here), null, null, here, null));
        }
        if ((l != null && hello.since() < l.offset()) || uploads.uploadedAt(actor, theirs, hello.since())) {
            return snapshotWelcome(connection, hello); // behind this hub's start, or has uploaded what it held
        }
        // it holds entries this hub may lack (it lost them in a crash, or took over from an older copy): ask for them
        long after = theirs.equals(hubId) ? order.size() : l != null ? l.upTo() : 0;
        uploads.ask(connection, actor);
        return List.of(new Outgoing(connection, new Message.Welcome(mapId, hubId, order.size(),
                submits.direct(actor), List.of(), null, null, null, after)));
    }

    /** Takes an upload ({@link Uploads#take}) and sends what it appended to every other joined device. */
    private List<Outgoing> catchUp(String connection, String actor, Message.CatchUp up) {
        Uploads.Taken taken = uploads.take(actor, up);
        if (taken.problem() != null) {
            return List.of(new Outgoing(connection, new Message.Error(taken.problem())));
        }
        List<Outgoing> out = new ArrayList<>();
        for (Message.Entry entry : taken.appended()) {
            out.addAll(toOthers(connection, new Message.Changes(entry)));
        }
        return out;
    }

    /**
     * Uploaded entries ("actor clientSeq") that were left out because nothing of them fits this hub's map any more,
     * with why, oldest first (at most 10,000).
     */
    public Map<String, String> leftOut() {
        return uploads.leftOut();
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
        long snapshotBytes = order.snapshotBytes();
        if (snapshotBytes > SNAPSHOT_BYTES) {
            return List.of(new Outgoing(connection, new Message.Error("the map is too large to send as one snapshot ("
                    + snapshotBytes + " bytes of JSON; at most " + SNAPSHOT_BYTES + ")")));
        }
        // a device taking the map whole numbers its next change after everything of its actor in it, the copy a
        // takeover started from included (else its first change looks like a resend of one handled there)
        long yours = Math.max(submits.direct(actor), order.inStart(actor));
        return admit(connection, hello, new Message.Welcome(mapId, hubId, order.size(), yours, List.of(), order.snapshot(),
                order.handled(), null, null));
    }

    /** Answers a submit ({@link Submits#take}); a change set that took its place goes to every other joined device. */
    private List<Outgoing> submit(String connection, String actor, Message.Submit submit) {
        Submits.Answer answer = submits.take(actor, submit);
        if (answer.reply() == null) {
            return List.of();
        }
        List<Outgoing> out = new ArrayList<>(joined.size());
        out.add(new Outgoing(connection, answer.reply()));
        if (answer.committed() != null) {
            out.addAll(toOthers(connection, new Message.Changes(answer.committed())));
        }
        return out;
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
