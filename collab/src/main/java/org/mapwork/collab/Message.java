package org.mapwork.collab;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.model.ChangeSet;

/**
 * The messages between a client and the hub (docs/protocol.md). Client to hub: {@link Hello}, {@link Submit},
 * {@link Presence}, {@link CatchUp}. Hub to client: {@link Welcome}, {@link Commit}, {@link Changes}, {@link Refused},
 * {@link Presence}, {@link Roster}, {@link Joined}, {@link Left}, {@link Error}.
 */
public sealed interface Message {

    /** The protocol version this code speaks. */
    int PROTOCOL = 1;

    /**
     * A client joins a map: who it is, the map's join token, the last server sequence number it has (0 for none) and
     * which hub gave it those numbers ({@code null} before its first welcome); the hub answers with a
     * {@link Welcome} holding the entries after {@code since}. {@code drawn}: the device (a browser) asks for the map
     * drawn by the hub's painter as well, {@code "view": "drawn"} (docs/protocol.md section 8, docs/adr/0017).
     */
    record Hello(int protocol, String map, String token, String actor, String name, long since, String hub, boolean drawn)
            implements Message {
        public Hello {
            Objects.requireNonNull(map, "map");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(actor, "actor");
            name = name == null ? "" : name;
        }

        /** A device's hello (it draws the map itself). */
        public Hello(int protocol, String map, String token, String actor, String name, long since, String hub) {
            this(protocol, map, token, actor, name, since, hub, false);
        }

        /** A first hello, before any welcome. */
        public Hello(int protocol, String map, String token, String actor, String name, long since) {
            this(protocol, map, token, actor, name, since, null);
        }

        @Override
        public String toString() {
            return "Hello[protocol=" + protocol + ", map=" + map + ", token=…, actor=" + actor + ", name=" + name
                    + ", since=" + since + ", hub=" + hub + (drawn ? ", drawn" : "") + "]";
        }
    }

    /**
     * A client's change set, stamped by its session. {@code conditional} for undo and redo: the hub then leaves out
     * each change whose recorded old value is no longer the current one.
     */
    record Submit(ChangeSet changeSet, boolean conditional) implements Message {
        public Submit {
            Objects.requireNonNull(changeSet, "changeSet");
        }

        /** The sequence number of its first change: how the hub's answer names it. */
        public long clientSeq() {
            return changeSet.isEmpty() ? 0 : changeSet.changes().get(0).stamp().seq();
        }
    }

    /**
     * Someone's cursor, selection and label being edited (docs/protocol.md, presence): from a device its own state
     * ({@code name} left out), from the hub another device's, with the name the hub has for it. Relayed, never stored.
     */
    record Presence(String actor, String name, PresenceState state) implements Message {
        public Presence {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(state, "state");
        }

        /** A device's own presence, as it sends it. */
        public Presence(String actor, PresenceState state) {
            this(actor, null, state);
        }
    }

    /** One person in a shared map: their actor id and the name the hub has for them (cleaned: {@link PeerNames}). */
    record Person(String actor, String name) {
        public Person {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(name, "name");
        }
    }

    /** From the hub, right after a device's first welcome on a connection: who else is in the map now. */
    record Roster(List<Person> people) implements Message {
        public Roster {
            people = List.copyOf(people);
        }
    }

    /** From the hub: someone came in (their first connection to the map). */
    record Joined(Person person) implements Message {
        public Joined {
            Objects.requireNonNull(person, "person");
        }
    }

    /** From the hub: someone left (their last connection closed); their presence is gone with them. */
    record Left(String actor) implements Message {
        public Left {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * The hub's answer to {@link Hello}: which hub this is (a new id each time a hub starts, since its sequence
     * numbers are its own), its current sequence number, the highest sequence number of the client's actor it has
     * handled (committed or refused), and either the log entries after the client's {@code since} or, for a device
     * that holds nothing of this hub's order (since 0, another hub's numbers), a {@code snapshot}: the hub's map at
     * {@code serverSeq} as a tree in the model's JSON form ({@code MapJson.toTree}).
     */
    record Welcome(String map, String hub, long serverSeq, long yourLastSeq, List<Entry> entries, ObjectNode snapshot,
                   java.util.Map<String, Long> handled, Long since, Long catchUp) implements Message {
        public Welcome {
            entries = List.copyOf(entries);
            handled = handled == null ? java.util.Map.of() : java.util.Map.copyOf(handled);
            if (snapshot != null && !entries.isEmpty()) {
                throw new IllegalArgumentException("a welcome carries a snapshot or entries, not both");
            }
        }

        /** A welcome with entries after the client's {@code since} (no snapshot). */
        public Welcome(String map, String hub, long serverSeq, long yourLastSeq, List<Entry> entries) {
            this(map, hub, serverSeq, yourLastSeq, entries, null, null, null, null);
        }

        /** A welcome with a snapshot (or entries when {@code snapshot} is null). */
        public Welcome(String map, String hub, long serverSeq, long yourLastSeq, List<Entry> entries, ObjectNode snapshot) {
            this(map, hub, serverSeq, yourLastSeq, entries, snapshot, null, null, null);
        }

        /** Whether it carries the hub's whole map at {@code serverSeq} (in the model's JSON form) instead of entries. */
        public boolean hasSnapshot() {
            return snapshot != null;
        }
    }

    /**
     * A device's upload to a hub that asked for it (a welcome with {@code catchUp}): entries of the hub {@code hub}'s
     * order that this device holds, after the welcome's {@code catchUp}, with their authors and clientSeqs; the
     * device stood at {@code upTo} of that hub. The hub appends what it does not have, then the device says hello again.
     */
    record CatchUp(String hub, long upTo, List<Entry> entries) implements Message {
        public CatchUp {
            Objects.requireNonNull(hub, "hub");
            entries = List.copyOf(entries);
        }
    }

    /** To the sender: its change set is in the map's order, as {@code entry} says (with what was left out, if anything). */
    record Commit(Entry entry) implements Message {
    }

    /** To everyone else: another device's change set, in the map's order. */
    record Changes(Entry entry) implements Message {
    }

    /** To the sender: its change set (named by its first change's sequence number) was refused whole. */
    record Refused(long clientSeq, String reason) implements Message {
    }

    /** The hub ends the connection (wrong token, bad message, unknown map); the reason says why. */
    record Error(String reason) implements Message {
    }

    /**
     * One change set in a map's order.
     *
     * @param serverSeq its place in the order (1, 2, 3, ... with no gaps)
     * @param actor     who made it
     * @param clientSeq the sequence number of the first change its author submitted
     * @param changeSet the changes as the hub applied them (old values read off the hub's map, keys made unique)
     * @param dropped   what the hub left out of the submitted set, and why
     */
    record Entry(long serverSeq, String actor, long clientSeq, ChangeSet changeSet, List<Drop> dropped) {
        public Entry {
            dropped = List.copyOf(dropped);
        }
    }

    /** One submitted change the hub left out: its index in the submitted set, what it was and why. */
    record Drop(int index, String change, String problem) {
    }
}
