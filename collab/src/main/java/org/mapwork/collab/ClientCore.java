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
    private record Pending(ChangeSet changeSet, boolean conditional) {
        long firstSeq() {
            return changeSet.changes().get(0).stamp().seq();
        }
    }

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
        outbox.add(new Pending(event.changeSet(), event.origin() != MapSession.Origin.LOCAL));
        pendingApplied.add(event.changeSet());
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
            if (w.hasSnapshot()) {
                snapshot(w);
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
                String what = outbox.remove(0).changeSet().describe();
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
            if (!outbox.isEmpty() && outbox.get(0).firstSeq() == r.clientSeq()) {
                List<ChangeSet> before = new ArrayList<>(pendingApplied);
                notices.add("Not kept: " + outbox.remove(0).changeSet().describe() + " (" + r.reason() + ")");
                sent = Math.max(0, sent - 1);
                rebase(before, List.of());
            }
        } else if (message instanceof Message.Error e) {
            notices.add("The hub ended the connection: " + e.reason());
            joined = false;
        }
        return outgoing();
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
                continue;
            }
            if (e.serverSeq() != confirmedSeq + 1) {
                throw new IllegalStateException("the hub sent entry " + e.serverSeq() + " after " + confirmedSeq);
            }
            MapDocument next = ChangeEngine.apply(confirmed, session.schema(), e.changeSet()).after();
            boolean own = !outbox.isEmpty() && e.actor().equals(session.actor()) && e.clientSeq() == outbox.get(0).firstSeq();
            if (own) {
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
            confirmedPath.addAll(e.changeSet().changes());
        }
        if (!guessedRight) {
            rebase(before, confirmedPath);
        }
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
