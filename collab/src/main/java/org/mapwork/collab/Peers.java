package org.mapwork.collab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who else is in a shared map, as a device hears it from the hub: each person (by actor) with their name, their
 * colour ({@link PresenceColours}) and what they are doing ({@link PresenceState}), in the order they came in. The
 * device's own actor is never among them. Not thread safe: {@code HubClient} updates it on the session thread and
 * tells the listeners there; readers use it on that thread.
 */
public final class Peers {

    /** One other person in the map. */
    public record Peer(String actor, String name, String colour, PresenceState state) {
        public Peer {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(colour, "colour");
            Objects.requireNonNull(state, "state");
        }

        /** The text colour that reads on {@link #colour()} (black or white). */
        public String ink() {
            return PresenceColours.textOn(colour);
        }
    }

    private final String self;
    private final Map<String, Peer> in = new LinkedHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long version;

    /** @param self this device's actor, left out of everything the hub says */
    public Peers(String self) {
        this.self = Objects.requireNonNull(self, "self");
    }

    /** The others in the map, in the order they came in. */
    public List<Peer> list() {
        return List.copyOf(in.values());
    }

    public Optional<Peer> get(String actor) {
        return Optional.ofNullable(in.get(actor));
    }

    public int size() {
        return in.size();
    }

    /** Counts every change (for a view that redraws only when something changed). */
    public long version() {
        return version;
    }

    /** Hears every change, on the session thread. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /**
     * Applies what the hub said: {@link Message.Roster} (everyone in, replacing what was known), {@link Message.Joined},
     * {@link Message.Left} (their presence goes too) or {@link Message.Presence}; returns whether it was one of them.
     */
    public boolean hear(Message m) {
        if (m instanceof Message.Roster r) {
            Map<String, Peer> before = new LinkedHashMap<>(in);
            in.clear();
            for (Message.Person p : r.people()) {
                if (!p.actor().equals(self)) {
                    Peer old = before.get(p.actor());
                    in.put(p.actor(), new Peer(p.actor(), p.name(), PresenceColours.of(p.actor()),
                            old == null ? PresenceState.NONE : old.state()));
                }
            }
        } else if (m instanceof Message.Joined j) {
            Message.Person p = j.person();
            if (p.actor().equals(self)) {
                return true;
            }
            Peer old = in.get(p.actor());
            in.put(p.actor(), new Peer(p.actor(), p.name(), PresenceColours.of(p.actor()), old == null ? PresenceState.NONE : old.state()));
        } else if (m instanceof Message.Left l) {
            if (in.remove(l.actor()) == null) {
                return true;
            }
        } else if (m instanceof Message.Presence p) {
            if (p.actor().equals(self)) {
                return true;
            }
            Peer old = in.get(p.actor());
            String name = p.name() != null ? p.name() : old != null ? old.name() : p.actor();
            in.put(p.actor(), new Peer(p.actor(), name, PresenceColours.of(p.actor()), p.state()));
        } else {
            return false;
        }
        changed();
        return true;
    }

    /** Forgets everyone (the connection is gone: who is in is not known until the next welcome). */
    public void clear() {
        if (!in.isEmpty()) {
            in.clear();
            changed();
        }
    }

    private void changed() {
        version++;
        for (Runnable l : new ArrayList<>(listeners)) {
            l.run();
        }
    }
}
