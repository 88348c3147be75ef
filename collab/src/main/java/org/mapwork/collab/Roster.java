package org.mapwork.collab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is in a shared map, for the hub: one person per actor (however many of their devices' connections are joined),
 * with the name the hub cleaned for them, in the order they came in; and who the host removed. Never stored.
 */
final class Roster {

    private static final class InRoom {
        final String name;
        int connections;

        InRoom(String name) {
            this.name = name;
        }
    }

    private final Map<String, InRoom> people = new LinkedHashMap<>();
    private final Set<String> removed = new HashSet<>();

    /** One of the actor's connections was welcomed: the person, when they were not in before (the others hear it). */
    Message.Person arrived(String actor, String name) {
        InRoom in = people.get(actor);
        Message.Person came = null;
        if (in == null) {
            in = new InRoom(PeerNames.clean(name, actor));
            people.put(actor, in);
            came = new Message.Person(actor, in.name);
        }
        in.connections++;
        return came;
    }

    /** One of the actor's connections went: true when it was their last (the others hear they left). */
    boolean departed(String actor) {
        InRoom in = people.get(actor);
        if (in != null && --in.connections > 0) {
            return false;
        }
        people.remove(actor);
        return true;
    }

    /** The name the hub has for someone in. */
    String name(String actor) {
        InRoom in = people.get(actor);
        return in == null ? actor : in.name;
    }

    /** Everyone in but {@code actor}, in the order they came in. */
    List<Message.Person> others(String actor) {
        List<Message.Person> out = new ArrayList<>(people.size());
        people.forEach((a, in) -> {
            if (!a.equals(actor)) {
                out.add(new Message.Person(a, in.name));
            }
        });
        return out;
    }

    List<Message.Person> all() {
        return others(null);
    }

    void remove(String actor) {
        removed.add(actor);
    }

    boolean isRemoved(String actor) {
        return removed.contains(actor);
    }
}
