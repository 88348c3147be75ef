package org.mapwork.collab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.mapwork.model.ChangeEngine;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;

/**
 * A hub and 2–8 devices on a simulated network, driven by one seed: devices make random gestures, messages are
 * delivered a few at a time from random connections (so senders interleave), some are delivered twice, devices drop
 * off (p = 1/6 per step, losing what was in flight both ways) and come back. Every message goes through the wire
 * format as text. {@link #run} returns a summary or throws {@link AssertionError} naming what went wrong.
 *
 * <p>Public, and shipped in collab's test-jar, for the bench's {@code CollabFuzz} (the same harness over many more seeds).
 */
public final class SimulatedWorkshop {

    /** What one run did. */
    public record Summary(long clients, long gestures, long delivered, long duplicates, long disconnects, long entries,
                   long refusals, long rebases, long acknowledged, long[] kinds, long faults) {

        /** Nothing run yet: the start of a sum over seeds. */
        public static Summary none() {
            return new Summary(0, 0, 0, 0, 0, 0, 0, 0, 0, new long[RandomGestures.KINDS.length], 0);
        }

        /** This run's counts and {@code other}'s added up (over seeds). */
        public Summary plus(Summary other) {
            long[] k = kinds.clone();
            for (int i = 0; i < k.length; i++) {
                k[i] += other.kinds[i];
            }
            return new Summary(clients + other.clients, gestures + other.gestures, delivered + other.delivered,
                    duplicates + other.duplicates, disconnects + other.disconnects, entries + other.entries,
                    refusals + other.refusals, rebases + other.rebases, acknowledged + other.acknowledged, k,
                    faults + other.faults);
        }

        /** Whether every kind of gesture was made at least once. */
        public boolean everyKindMade() {
            return java.util.Arrays.stream(kinds).allMatch(n -> n > 0);
        }

        /** The counts in a line or two, for the test's and the bench's output. */
        public String describe() {
            StringBuilder made = new StringBuilder();
            for (int i = 0; i < kinds.length; i++) {
                made.append(i == 0 ? "" : " ").append(RandomGestures.KINDS[i]).append('=').append(kinds[i]);
            }
            return String.format("%d gestures, %d messages delivered, %d hub entries, %d acknowledged, %d refused, "
                    + "%d disconnects, %d duplicates, %d rebases, %d hub crashes and takeovers%n  gestures made: %s",
                    gestures, delivered, entries, acknowledged, refusals, disconnects, duplicates, rebases, faults, made);
        }
    }

    /** One device: its session and client, and its connection's two directions. */
    private static final class Device {
        final ClientCore client;
        final ArrayDeque<String> up = new ArrayDeque<>();
        final ArrayDeque<String> down = new ArrayDeque<>();
        final Map<Long, String> acknowledged = new HashMap<>();
        /** clientSeqs of this device's change sets some hub committed to it. */
        final Set<Long> acknowledgedSeqs = new HashSet<>();
        String connection;
        int epoch;
        boolean online;

        Device(ClientCore client) {
            this.client = client;
        }
    }

    private final long seed;
    private final int steps;
    private final Random rnd;
    private HubCore hub;
    /** Hub crashes (losing their last entries) and takeovers by a device's copy so far. */
    private int faults;
    /** What every hub so far left out of uploads because nothing of it fitted any more (superseded, not lost). */
    private final Set<String> leftOut = new HashSet<>();
    private final List<Device> devices = new ArrayList<>();
    private final Map<String, Device> byConnection = new HashMap<>();
    private final long[] kinds = new long[RandomGestures.KINDS.length];
    private final int[] counter = {0};
    private int gestures;
    private int delivered;
    private int duplicates;
    private int disconnects;

    public SimulatedWorkshop(long seed, int steps) {
        this.seed = seed;
        this.steps = steps;
        this.rnd = new Random(seed);
        MapDocument start = TestMaps.starter();
        this.hub = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        int n = 2 + rnd.nextInt(7);
        for (int i = 0; i < n; i++) {
            MapSession session = new MapSession(start, TestMaps.SCHEMA, "dev" + i, 0);
            Device d = new Device(new ClientCore(session, TestMaps.TOKEN, "Person " + i, 0));
            devices.add(d);
            connect(d);
        }
    }

    public Summary run() {
        for (int step = 0; step < steps; step++) {
            if (rnd.nextInt(80) == 0) {
                hubFault();
                continue;
            }
            if (rnd.nextInt(6) == 0) {
                disconnect(pick(devices.stream().filter(d -> d.online).toList()));
            }
            int r = rnd.nextInt(100);
            if (r < 40) {
                gesture(devices.get(rnd.nextInt(devices.size())));
            } else if (r < 80) {
                deliverSome();
            } else if (r < 88) {
                duplicateOne();
            } else {
                Device d = pick(devices.stream().filter(x -> !x.online).toList());
                if (d != null) {
                    connect(d);
                }
            }
        }
        settle();
        check();
        long acknowledged = devices.stream().mapToLong(d -> d.acknowledged.size()).sum();
        return new Summary(devices.size(), gestures, delivered, duplicates, disconnects, hub.serverSeq(), hub.refusals(),
                devices.stream().mapToLong(d -> d.client.rebases()).sum(), acknowledged, kinds, faults);
    }

    /**
     * The hub goes: either it crashes and restarts from the host's library missing its last 0–5 entries, or another
     * laptop takes over as host from its own copy (its confirmed map; its outbox goes in as a device's). Every
     * connection drops with what was in flight.
     */
    private void hubFault() {
        faults++;
        String id = "hub-s" + seed + "f" + faults;
        HubCore next;
        List<Device> joinedOnce = devices.stream().filter(d -> d.client.hubId() != null).toList();
        if (rnd.nextBoolean() || joinedOnce.isEmpty()) {
            List<Message.Entry> log = hub.log();
            int lost = rnd.nextInt(Math.min(5, log.size()) + 1);
            List<Message.Entry> kept = log.subList(0, log.size() - lost);
            next = new HubCore(hub.start(), TestMaps.SCHEMA, TestMaps.TOKEN, id, kept,
                    HubCore.restartedFrom(hub.hubId(), hub.lineage(), kept.size()), hub.startHandled());
            trace("crash of " + hub.hubId() + " at " + log.size() + " losing " + lost + " -> " + id + " " + next.lineage());
        } else {
            Device host = pick(joinedOnce);
            next = new HubCore(host.client.confirmed(), TestMaps.SCHEMA, TestMaps.TOKEN, id, List.of(),
                    List.of(new Lineage(host.client.hubId(), host.client.confirmedSeq(), host.client.confirmedSeq())),
                    host.client.handled());
            trace("takeover of " + hub.hubId() + " at " + hub.serverSeq() + " by " + host.client.session().actor() + " at "
                    + host.client.hubId() + "@" + host.client.confirmedSeq() + " -> " + id);
        }
        for (Device d : devices) {
            trace("  " + d.client.session().actor() + (d.online ? " online " : " offline ") + d.client.hubId() + "@" + d.client.confirmedSeq()
                    + " recent " + d.client.recentEntries().stream().map(e -> e.serverSeq() + ":" + e.actor() + "/" + e.clientSeq()).toList());
        }
        for (Device d : devices) {
            if (d.online) {
                disconnect(d);
            }
        }
        leftOut.addAll(hub.leftOut().keySet());
        hub = next;
    }

    private void gesture(Device d) {
        int kind = RandomGestures.make(d.client.session(), rnd, d.client.session().actor() + "-", counter);
        if (kind >= 0) {
            kinds[kind]++;
            gestures++;
        }
        send(d, d.client.outgoing());
    }

    private void send(Device d, List<Message> messages) {
        if (!d.online) {
            return;
        }
        for (Message m : messages) {
            d.up.add(MessageWire.write(m));
        }
    }

    private void connect(Device d) {
        d.epoch++;
        d.connection = d.client.session().actor() + "#" + d.epoch;
        byConnection.put(d.connection, d);
        d.online = true;
        d.up.add(MessageWire.write(d.client.hello()));
    }

    private void disconnect(Device d) {
        if (d == null) {
            return;
        }
        disconnects++;
        d.online = false;
        d.up.clear();
        d.down.clear();
        hub.disconnect(d.connection);
        byConnection.remove(d.connection);
        d.client.disconnected();
    }

    /** Delivers 1–3 messages from the head of one random non-empty direction of one connection. */
    private void deliverSome() {
        List<ArrayDeque<String>> busy = new ArrayList<>();
        for (Device d : devices) {
            if (!d.up.isEmpty()) {
                busy.add(d.up);
            }
            if (!d.down.isEmpty()) {
                busy.add(d.down);
            }
        }
        ArrayDeque<String> q = pick(busy);
        if (q == null) {
            return;
        }
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n && !q.isEmpty(); i++) {
            deliver(q);
        }
    }

    private void deliver(ArrayDeque<String> q) {
        for (Device d : devices) {
            if (q == d.up) {
                delivered++;
                Message m = read(d.up.poll());
                List<HubCore.Outgoing> answers = hub.receive(d.connection, m);
                if (m instanceof Message.Hello || m instanceof Message.CatchUp) {
                    trace(d.client.session().actor() + " -> " + m + " => " + answers.stream().map(o -> o.message() instanceof Message.Welcome w
                            ? "welcome " + w.hub() + " seq " + w.serverSeq() + " snap " + w.hasSnapshot() + " since " + w.since() + " catchUp " + w.catchUp()
                            : o.message().getClass().getSimpleName()).toList());
                    if (m instanceof Message.CatchUp) {
                        trace("  hub " + hub.hubId() + " log " + hub.log().stream().map(e -> e.actor() + "/" + e.clientSeq()).toList()
                                + " startHandled " + hub.startHandled());
                    }
                }
                if (m instanceof Message.Submit submit && !answers.isEmpty() && answers.get(0).message() instanceof Message.Commit) {
                    goalsIntended(submit.changeSet());
                }
                for (HubCore.Outgoing o : answers) {
                    Device to = byConnection.get(o.connection());
                    if (to != null && to.online) {
                        to.down.add(MessageWire.write(o.message()));
                    }
                }
                return;
            }
            if (q == d.down) {
                delivered++;
                Message m = read(d.down.poll());
                if (m instanceof Message.Error || m instanceof Message.Refused) {
                    trace(d.client.session().actor() + " <- " + m);
                }
                if (m instanceof Message.Commit c) {
                    d.acknowledged.put(c.entry().serverSeq(), MessageWire.write(new Message.Changes(c.entry())));
                    d.acknowledgedSeqs.add(c.entry().clientSeq());
                    trace("commit " + hub.hubId() + "@" + c.entry().serverSeq() + " " + c.entry().actor() + "/" + c.entry().clientSeq());
                }
                send(d, d.client.receive(m));
                return;
            }
        }
    }

    /** Puts a copy of one queued message somewhere after it (a resend that crossed its original). */
    private void duplicateOne() {
        Device d = pick(devices.stream().filter(x -> !x.up.isEmpty() || !x.down.isEmpty()).toList());
        if (d == null) {
            return;
        }
        ArrayDeque<String> q = d.up.isEmpty() || (!d.down.isEmpty() && rnd.nextBoolean()) ? d.down : d.up;
        List<String> items = new ArrayList<>(q);
        int from = rnd.nextInt(items.size());
        int to = from + 1 + rnd.nextInt(items.size() - from);
        items.add(to, items.get(from));
        q.clear();
        q.addAll(items);
        duplicates++;
    }

    /** Everyone comes back online and every message is delivered, until the network is quiet. */
    private void settle() {
        for (Device d : devices) {
            if (!d.online) {
                connect(d);
            }
        }
        int rounds = 0;
        boolean busy = true;
        while (busy) {
            if (++rounds > 100_000) {
                throw new AssertionError("the network did not settle within 100000 rounds");
            }
            busy = false;
            for (Device d : devices) {
                if (!d.up.isEmpty()) {
                    deliver(d.up);
                    busy = true;
                }
                if (!d.down.isEmpty()) {
                    deliver(d.down);
                    busy = true;
                }
            }
        }
    }

    /** Goal ids that committed change sets meant to add, and to remove (as their authors wrote them). */
    private final Set<String> goalsAdded = new HashSet<>();
    private final Set<String> goalsRemoved = new HashSet<>();

    private void goalsIntended(org.mapwork.model.ChangeSet submitted) {
        for (org.mapwork.model.Change c : submitted.changes()) {
            if (c instanceof org.mapwork.model.Change.SetMapAttribute s && s.name().equals("goals")) {
                Set<String> before = goalIds(s.old());
                Set<String> after = goalIds(s.value());
                after.stream().filter(id -> !before.contains(id)).forEach(goalsAdded::add);
                before.stream().filter(id -> !after.contains(id)).forEach(goalsRemoved::add);
            }
        }
    }

    private static Set<String> goalIds(org.mapwork.model.Value v) {
        Set<String> out = new HashSet<>();
        if (v instanceof org.mapwork.model.Value.Rows rows) {
            rows.rows().forEach(r -> out.add(String.valueOf(r.get("id"))));
        }
        return out;
    }

    private void check() {
        MapDocument truth = hub.document();
        for (Device d : devices) {
            String who = d.client.session().actor();
            require(d.client.pending() == 0, who + " still has " + d.client.pending() + " unconfirmed change sets: "
                    + d.client.outbox().stream().map(ClientCore.Pending::firstSeq).toList() + "; the hub handled "
                    + hub.handled().get(who) + " of theirs, log " + hub.log().stream().filter(e -> e.actor().equals(who))
                    .map(Message.Entry::clientSeq).toList() + ", started with " + hub.startHandled().get(who));
            require(d.client.confirmedSeq() == hub.serverSeq(), who + " confirmed " + d.client.confirmedSeq() + " of " + hub.serverSeq());
            require(d.client.confirmed().equals(truth), who + "'s confirmed map differs from the hub's");
            require(d.client.session().document().equals(truth), who + "'s map differs from the hub's: "
                    + firstDifference(d.client.session().document(), truth));
            require(d.client.session().document().inDrawOrder().equals(truth.inDrawOrder()), who + "'s draw order differs");
        }
        for (Element l : truth.links().toList()) {
            Element s = truth.element(l.source());
            Element t = truth.element(l.target());
            require(s != null && s.isNode() && t != null && t.isNode(), "link " + l.id() + " points at a missing node");
        }
        Set<String> keys = new HashSet<>();
        for (Element e : truth.elements()) {
            require(keys.add(e.order()), "order key " + e.order() + " is used twice (" + e.id() + ")");
        }
        // two people adding goals at once both keep theirs: a goal someone added is only gone if someone removed it
        Set<String> goals = goalIds(truth.mapAttribute("goals"));
        for (String added : goalsAdded) {
            require(goals.contains(added) || goalsRemoved.contains(added), "goal " + added + " was added and lost");
        }
        // every acknowledged change set is in the log, unchanged, and the log replays to the hub's map
        List<Message.Entry> log = hub.log();
        MapDocument replay = hub.start();
        for (Message.Entry e : log) {
            replay = ChangeEngine.apply(replay, TestMaps.SCHEMA, e.changeSet()).after();
        }
        require(replay.equals(truth), "the hub's log does not replay to the hub's map");
        if (faults > 0) {
            // after a crash or a takeover, entries are numbered anew: every acknowledged change set is still in the
            // hub's map, as an entry of its log or in the copy it started from
            Set<String> inLog = new HashSet<>();
            log.forEach(e -> inLog.add(e.actor() + " " + e.clientSeq()));
            for (Device d : devices) {
                String who = d.client.session().actor();
                for (long seq : d.acknowledgedSeqs) {
                    require(inLog.contains(who + " " + seq) || seq <= hub.startHandled().getOrDefault(who, 0L)
                                    || hub.leftOut().containsKey(who + " " + seq) || leftOut.contains(who + " " + seq),
                            "acknowledged change set " + who + "/" + seq + " was lost after " + faults + " hub faults");
                }
            }
            return;
        }
        for (Device d : devices) {
            for (Map.Entry<Long, String> ack : d.acknowledged.entrySet()) {
                Message.Entry inLog = log.get((int) (ack.getKey() - 1));
                require(ack.getValue().equals(MessageWire.write(new Message.Changes(inLog))),
                        "acknowledged entry " + ack.getKey() + " differs from the log's");
                require(inLog.actor().equals(d.client.session().actor()), "entry " + ack.getKey() + " acknowledged to the wrong device");
            }
        }
    }

    private static String firstDifference(MapDocument a, MapDocument b) {
        for (Element e : a.elements()) {
            if (!e.equals(b.element(e.id()))) {
                return e + " vs " + b.element(e.id());
            }
        }
        for (Element e : b.elements()) {
            if (!a.contains(e.id())) {
                return "missing " + e;
            }
        }
        return "title/attributes: " + a.title() + " " + a.mapAttributes() + " vs " + b.title() + " " + b.mapAttributes();
    }

    private static final boolean TRACE = Boolean.getBoolean("collab.fuzz.trace");

    private static void trace(String line) {
        if (TRACE) {
            System.out.println(line);
        }
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    private static Message read(String text) {
        try {
            return MessageWire.read(text);
        } catch (WireException e) {
            throw new AssertionError("a message we wrote does not read back: " + e.getMessage(), e);
        }
    }

    private <T> T pick(List<T> list) {
        return list.isEmpty() ? null : list.get(rnd.nextInt(list.size()));
    }

    public long seed() {
        return seed;
    }
}
