package org.mapwork.collab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.mapwork.model.Applied;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;

/**
 * A device's side of a shared map, without the network: it keeps the local user's change sets that the hub has not
 * confirmed yet (the outbox, in order), and the map as the hub last confirmed it. What the user sees is that map
 * with the outbox applied on top; whenever the hub's order differs from the local guess (someone else's change came
 * first, or the hub left something out), the session is moved to the confirmed map plus the outbox re-applied
 * (a rebase). After a reconnect it asks for what it missed and sends the outbox again; the hub ignores what it has
 * already handled, and entries already seen here are ignored.
 *
 * <p>It listens to the {@link MapSession}: every local gesture, undo and redo enters the outbox. All remote changes
 * must come through here (not {@link MapSession#applyRemote}), on the session's thread.
 */
public final class ClientCore {

    /** A local change set waiting for the hub: as first applied here, and whether it was an undo or redo. */
    public record Pending(ChangeSet changeSet, boolean conditional) {
        public Pending {
            if (changeSet.isEmpty()) {
                throw new IllegalArgumentException("an outbox holds no empty change sets");
            }
        }

        /** The sequence number of its first change: how the hub names it. */
        public long firstSeq() {
            return changeSet.changes().get(0).stamp().seq();
        }
    }

    /**
     * Keeps what the device must not lose (the local library: {@link KeptMap}), told on the session's thread, in this
     * order: an entry's or snapshot's move of the confirmed map before the outbox change set it confirms leaves.
     */
    public interface Keeper {
        /** A local change set entered the outbox (at its end). */
        void queued(Pending pending);

        /** The outbox's change set {@code firstSeq} left it: committed, refused, or handled while away. */
        void unqueued(long firstSeq);

        /**
         * The confirmed map moved by {@code applied} (exact; empty when only the numbering changed) and now stands at
         * {@code serverSeq} of hub {@code hubId}; when {@code ownFirstSeq} is above 0, that move is the hub's entry of
         * the outbox's change set {@code ownFirstSeq}, which leaves the outbox with it (keep both at once).
         */
        void confirmed(String hubId, long serverSeq, ChangeSet applied, long clientSeq, long ownFirstSeq);
    }

    private static final Keeper FORGETFUL = new Keeper() {
        @Override
        public void queued(Pending pending) {
        }

        @Override
        public void unqueued(long firstSeq) {
        }

        @Override
        public void confirmed(String hubId, long serverSeq, ChangeSet applied, long clientSeq, long ownFirstSeq) {
        }
    };

    private final MapSession session;
    private final String token;
    private final String name;
    private final List<Pending> outbox = new ArrayList<>();
    /** The outbox as it now stands applied on {@link #confirmed}: the session's document is confirmed + these. */
    private List<ChangeSet> pendingApplied = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private MapDocument confirmed;
    private long confirmedSeq;
    private boolean joined;
    /** The hub whose sequence numbers {@link #confirmedSeq} counts ({@code null} before the first welcome). */
    private String hubId;
    private int sent;
    private long rebases;
    private Keeper keeper = FORGETFUL;
    /**
     * The latest entries of {@link #hubId}'s order applied here, oldest first (at most {@link #RECENT_CHANGES}
     * changes): what this device uploads to a hub that lost them (docs/adr/0010).
     */
    private final java.util.ArrayDeque<HeldEntry> recent = new java.util.ArrayDeque<>();

    /** An entry applied here, with the hub whose numbers its serverSeq is in. */
    public record HeldEntry(String hub, Message.Entry entry) {
    }

    /** Puts back the entries a device kept from before it started again (oldest first), for uploads to a hub. */
    public void restoreHeld(List<HeldEntry> held) {
        for (HeldEntry h : held) {
            recent.addLast(h);
            recentChanges += h.entry().changeSet().size();
            for (Change c : h.entry().changeSet().changes()) {
                handled.merge(c.stamp().actor(), c.stamp().seq(), Math::max);
            }
        }
    }
    private long recentChanges;
    /** actor → the highest sequence number of theirs the confirmed map has had handled (a takeover needs it). */
    private final java.util.Map<String, Long> handled = new java.util.HashMap<>();

    /** Most changes in the entries a device keeps for a hub that lost its last ones. */
    public static final int RECENT_CHANGES = 200_000;

    /**
     * @param session      the open map; its document must be the hub's map at {@code confirmedSeq}
     * @param confirmedSeq the server sequence number the session's document stands at (0 for the map as shared)
     */
    public ClientCore(MapSession session, String token, String name, long confirmedSeq) {
        this(session, token, name, confirmedSeq, null);
    }

    /**
     * A device that holds the map at {@code confirmedSeq} of the hub {@code hubId} (a joined map reopened, or one just
     * taken from a welcome's snapshot).
     */
    public ClientCore(MapSession session, String token, String name, long confirmedSeq, String hubId) {
        this.hubId = hubId;
        this.session = Objects.requireNonNull(session, "session");
        this.token = Objects.requireNonNull(token, "token");
        this.name = name == null ? "" : name;
        this.confirmed = session.document();
        this.confirmedSeq = confirmedSeq;
        session.addListener(this::heard);
    }

    private void heard(MapSession.Event event) {
        if (event.origin() == MapSession.Origin.REMOTE || event.changeSet().isEmpty()) {
            return;
        }
        Pending p = new Pending(event.changeSet(), event.origin() != MapSession.Origin.LOCAL);
        outbox.add(p);
        pendingApplied.add(event.changeSet());
        keeper.queued(p);
    }

    /** From now on, tells {@code k} every change of the outbox and of the confirmed map (on the session's thread). */
    public void keepWith(Keeper k) {
        keeper = Objects.requireNonNull(k, "keeper");
    }

    /**
     * Puts back an outbox kept from before (a device started again): each change set is applied again on the
     * confirmed map, leaving out what no longer fits, and the session moves there. Call it once, before connecting,
     * while the session shows the confirmed map.
     */
    public void restoreOutbox(List<Pending> kept) {
        if (!outbox.isEmpty() || !session.document().equals(confirmed)) {
            throw new IllegalStateException("restore the outbox into a fresh core whose session shows the confirmed map");
        }
        outbox.addAll(kept);
        rebase(List.of(), List.of());
    }

    /** The outbox, in order. */
    public List<Pending> outbox() {
        return List.copyOf(outbox);
    }

    public MapSession session() {
        return session;
    }

    /** The map as the hub last confirmed it. */
    public MapDocument confirmed() {
        return confirmed;
    }

    public long confirmedSeq() {
        return confirmedSeq;
    }

    /** The hub whose order {@link #confirmedSeq()} counts ({@code null} before the first welcome). */
    public String hubId() {
        return hubId;
    }

    /** How many local change sets wait for the hub's answer. */
    public int pending() {
        return outbox.size();
    }

    public boolean isJoined() {
        return joined;
    }

    /** How many times the session was moved onto a new confirmed map under its pending changes. */
    public long rebases() {
        return rebases;
    }

    /** What the user should be told (what the hub left out or refused), oldest first; clears the list. */
    public List<String> takeNotices() {
        List<String> out = List.copyOf(notices);
        notices.clear();
        return out;
    }

    /** The first message on a new connection. */
    public Message.Hello hello() {
        joined = false;
        sent = 0;
        return new Message.Hello(Message.PROTOCOL, session.document().id(), token, session.actor(), name, confirmedSeq, hubId);
    }

    /** The connection is gone; the outbox stays and is sent again after the next welcome. */
    public void disconnected() {
        joined = false;
        sent = 0;
    }

    /** The outbox's change sets not yet sent on this connection (nothing before the hub's welcome). */
    public List<Message> outgoing() {
        if (!joined) {
            return List.of();
        }
        List<Message> out = new ArrayList<>();
        for (; sent < outbox.size(); sent++) {
            Pending p = outbox.get(sent);
            out.add(new Message.Submit(p.changeSet(), p.conditional()));
        }
        return out;
    }

    /**
     * Handles one message from the hub.
     *
     * @return what to send now
     * @throws IllegalStateException when the hub's entries do not follow on from this device's confirmed map (a hub
     *                               that skipped entries, or a confirmed map that differs from the hub's): the device
     *                               must reopen the map from the hub
     */
    public List<Message> receive(Message message) {
        if (message instanceof Message.Welcome w) {
            if (w.catchUp() != null) {
                return upload(w.catchUp());
            }
            if (w.hasSnapshot()) {
                snapshot(w);
            } else if (!w.hub().equals(hubId)) {
                // the same map in another hub's numbers (a restart, a takeover): the position it gives is ours now
                if (w.since() == null) {
                    throw new IllegalStateException("hub " + w.hub() + " sent entries without saying where they follow on");
                }
                confirmedSeq = w.since(); // entries held keep the numbers of the hub they came from
                keeper.confirmed(w.hub(), confirmedSeq, new ChangeSet(List.of(), "", Instant.now()), 0, 0);
            }
            hubId = w.hub();
            entries(w.entries());
            if (confirmedSeq < w.serverSeq()) {
                // one page of a longer catch-up: ask for the next before sending anything
                return List.of(hello());
            }
            List<ChangeSet> before = new ArrayList<>(pendingApplied);
            boolean dropped = false;
            while (!outbox.isEmpty() && outbox.get(0).firstSeq() <= w.yourLastSeq()) {
                // handled by the hub but not in its log: refused while the answer could not reach us
                Pending gone = outbox.remove(0);
                keeper.unqueued(gone.firstSeq());
                String what = gone.changeSet().describe();
                // with entries, a committed one would have been among them; a snapshot holds what was committed
                notices.add(w.hasSnapshot() ? "Handled by the hub while away (in its map if it was kept): " + what
                        : "Not kept (refused by the hub): " + what);
                dropped = true;
            }
            if (dropped) {
                rebase(before, List.of());
            }
            joined = true;
            sent = 0;
        } else if (message instanceof Message.Commit c) {
            entries(List.of(c.entry()));
        } else if (message instanceof Message.Changes c) {
            entries(List.of(c.entry()));
        } else if (message instanceof Message.Refused r) {
            int at = indexInOutbox(r.clientSeq());
            if (at >= 0) {
                // usually the first; after a hub caught up from devices, answers may come in another order
                List<ChangeSet> before = new ArrayList<>(pendingApplied);
                Pending gone = outbox.remove(at);
                keeper.unqueued(gone.firstSeq());
                notices.add("Not kept: " + gone.changeSet().describe() + " (" + r.reason() + ")");
                if (at < sent) {
                    sent--;
                }
                rebase(before, List.of());
            }
        } else if (message instanceof Message.Error e) {
            notices.add("The hub ended the connection: " + e.reason());
            joined = false;
        }
        return outgoing();
    }

    /**
     * The hub asks for the entries this device holds of its hub's order after {@code after}: they go in pages (the
     * message limit), then hello again. Nothing else is sent until the hub says the device is level.
     */
    private List<Message> upload(long after) {
        // one catchUp per run of entries from one hub, in the order applied here; of the hub this device says it
        // stands at, only those after what the asking hub has
        List<Message> out = new ArrayList<>();
        List<Message.Entry> page = new ArrayList<>();
        String pageHub = null;
        long changes = 0;
        for (HeldEntry h : recent) {
            if (h.hub().equals(hubId) && h.entry().serverSeq() <= after) {
                continue;
            }
            if (!page.isEmpty() && (!h.hub().equals(pageHub) || changes + h.entry().changeSet().size() > HubCore.WELCOME_CHANGES)) {
                out.add(new Message.CatchUp(pageHub, h.hub().equals(pageHub) ? page.get(page.size() - 1).serverSeq() : upTo(pageHub), page));
                page = new ArrayList<>();
                changes = 0;
            }
            pageHub = h.hub();
            page.add(h.entry());
            changes += h.entry().changeSet().size();
        }
        if (!page.isEmpty() && !pageHub.equals(hubId)) {
            out.add(new Message.CatchUp(pageHub, upTo(pageHub), page));
            page = new ArrayList<>();
        }
        out.add(new Message.CatchUp(hubId, confirmedSeq, page));
        out.add(hello());
        return out;
    }

    /** The last serverSeq held here of {@code hub}'s numbers. */
    private long upTo(String hub) {
        long last = 0;
        for (HeldEntry h : recent) {
            if (h.hub().equals(hub)) {
                last = h.entry().serverSeq();
            }
        }
        return last;
    }

    private void remember(Message.Entry e) {
        recent.addLast(new HeldEntry(hubId, e));
        recentChanges += e.changeSet().size();
        while (recentChanges > RECENT_CHANGES && recent.size() > 1) {
            recentChanges -= recent.removeFirst().entry().changeSet().size();
        }
        for (Change c : e.changeSet().changes()) {
            handled.merge(c.stamp().actor(), c.stamp().seq(), Math::max);
        }
    }

    /** actor → the highest sequence number of theirs handled by the order the confirmed map stands at. */
    public java.util.Map<String, Long> handled() {
        return java.util.Map.copyOf(handled);
    }

    /** The latest entries of the confirmed order held here, oldest first. */
    public List<Message.Entry> recentEntries() {
        return recent.stream().map(HeldEntry::entry).toList();
    }

    /**
     * Takes the hub's map from a welcome's snapshot as the confirmed map (this device held nothing of that hub's
     * order) and rebases the outbox on it. A snapshot that does not read is refused whole: nothing changes.
     */
    private void snapshot(Message.Welcome w) {
        if (w.hub().equals(hubId) && w.serverSeq() <= confirmedSeq) {
            return; // a late or repeated welcome of this hub: this device is there already
        }
        MapDocument doc;
        try {
            doc = Snapshots.read(w.snapshot(), session.document().id(),
                    method -> method.equals(session.schema().methodId()) ? session.schema() : null);
        } catch (WireException e) {
            throw new IllegalStateException("the hub's snapshot cannot be read: " + e.getMessage(), e);
        }
        List<ChangeSet> before = new ArrayList<>(pendingApplied);
        ChangeSet path;
        try {
            path = DocumentDiff.between(confirmed, doc, session.schema());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        confirmed = doc;
        confirmedSeq = w.serverSeq();
        handled.clear();
        handled.putAll(w.handled());
        keeper.confirmed(w.hub(), w.serverSeq(), path, 0, 0);
        rebase(before, path.changes());
    }

    /**
     * Applies entries from the hub in order to the confirmed map, takes the device's own committed change sets out
     * of the outbox, and rebases once at the end, unless every entry was exactly the local guess.
     */
    private void entries(List<Message.Entry> entries) {
        List<ChangeSet> before = new ArrayList<>(pendingApplied);
        List<Change> confirmedPath = new ArrayList<>();
        boolean guessedRight = true;
        for (Message.Entry e : entries) {
            if (e.serverSeq() <= confirmedSeq) {
                int mine = e.actor().equals(session.actor()) ? indexInOutbox(e.clientSeq()) : -1;
                if (mine >= 0) {
                    // in the confirmed map already (it came with a snapshot): it leaves the outbox
                    keeper.unqueued(outbox.remove(mine).firstSeq());
                    if (mine < sent) {
                        sent--;
                    }
                    guessedRight = false;
                }
                continue;
            }
            if (e.serverSeq() != confirmedSeq + 1) {
                throw new IllegalStateException("the hub sent entry " + e.serverSeq() + " after " + confirmedSeq);
            }
            MapDocument next = ChangeEngine.apply(confirmed, session.schema(), e.changeSet()).after();
            boolean own = !outbox.isEmpty() && e.actor().equals(session.actor()) && e.clientSeq() == outbox.get(0).firstSeq();
            int later = own ? -1 : laterInOutbox(e);
            keeper.confirmed(hubId, e.serverSeq(), e.changeSet(), e.clientSeq(), own || later >= 0 ? e.clientSeq() : 0);
            if (later >= 0) {
                // a hub that caught up from devices may order this device's change sets differently from how it
                // sent them: one further back in the outbox is in the order now
                outbox.remove(later);
                if (later < sent) {
                    sent--;
                }
                guessedRight = false;
            } else if (own) {
                outbox.remove(0);
                sent = Math.max(0, sent - 1);
                for (Message.Drop d : e.dropped()) {
                    notices.add("Left out: " + d.change() + " (" + d.problem() + ")");
                }
                if (guessedRight) {
                    // while every entry so far was the local guess, the pending changes stand on the confirmed map
                    ChangeSet mine = pendingApplied.remove(0);
                    guessedRight = e.dropped().isEmpty() && mine.changes().equals(e.changeSet().changes());
                }
            } else {
                guessedRight = false;
            }
            confirmed = next;
            confirmedSeq = e.serverSeq();
            remember(e);
            confirmedPath.addAll(e.changeSet().changes());
        }
        if (!guessedRight) {
            rebase(before, confirmedPath);
        }
    }

    private int indexInOutbox(long firstSeq) {
        for (int i = 0; i < outbox.size(); i++) {
            if (outbox.get(i).firstSeq() == firstSeq) {
                return i;
            }
        }
        return -1;
    }

    /** Where in the outbox (after its first) the device's own change set of {@code e} waits, or -1. */
    private int laterInOutbox(Message.Entry e) {
        if (!e.actor().equals(session.actor())) {
            return -1;
        }
        for (int i = 1; i < outbox.size(); i++) {
            if (outbox.get(i).firstSeq() == e.clientSeq()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Moves the session from (old confirmed + {@code oldPending}) to (confirmed + the outbox re-applied), in one
     * exact change set: the old pending changes undone, {@code confirmedChanges}, the outbox again.
     */
    private void rebase(List<ChangeSet> oldPending, List<Change> confirmedChanges) {
        List<Change> path = new ArrayList<>();
        for (int i = oldPending.size() - 1; i >= 0; i--) {
            path.addAll(oldPending.get(i).inverse("").changes());
        }
        path.addAll(confirmedChanges);
        MapDocument doc = confirmed;
        List<ChangeSet> reapplied = new ArrayList<>(outbox.size());
        for (Pending p : outbox) {
            Applied a = ChangeEngine.applyLenient(doc, session.schema(), p.changeSet(),
                    (p.conditional() ? ChangeEngine.Merge.CONDITIONAL : ChangeEngine.Merge.REMOTE).withListsMerged());
            reapplied.add(a.changeSet());
            path.addAll(a.changeSet().changes());
            doc = a.after();
        }
        pendingApplied = reapplied;
        if (!path.isEmpty()) {
            rebases++;
            session.applyRebase(new ChangeSet(path, "Changes from others", Instant.now()));
        }
    }
}
