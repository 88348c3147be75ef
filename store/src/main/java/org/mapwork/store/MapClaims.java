package org.mapwork.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Which maps this Mapwork writes among the hub nodes of one server database (docs/adr/0019): a map is claimed by a
 * session advisory lock held on the writer's own connection, so the node that writes a map is the node that holds
 * its claim, and a node whose connection dies (its process killed, its network gone) loses its claims with it, at
 * once, to whichever node claims next. When the writer reconnects, it takes its claims again; one another node took
 * meanwhile is lost, and the listeners hear of it. The writer thread does all of it.
 */
final class MapClaims {

    /** The first half of every Mapwork claim's key, so that others' advisory locks on the same database never meet ours. */
    private static final String NAMESPACE = "mapwork map";

    /** Writer thread only. */
    private final Set<String> held = new LinkedHashSet<>();
    private final List<Consumer<String>> lostListeners = new CopyOnWriteArrayList<>();

    /** Claims {@code mapId} on the writer's connection; whether this node holds it now. */
    boolean claim(Connection c, String mapId) throws SQLException {
        if (held.contains(mapId)) {
            return true; // advisory locks count: taking one twice would need two releases
        }
        if (tryLock(c, mapId)) {
            held.add(mapId);
            return true;
        }
        return false;
    }

    /** Lets the claim go, so another node may take the map. */
    void release(Connection c, String mapId) throws SQLException {
        if (!held.remove(mapId)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(hashtext(?), hashtext(?))")) {
            ps.setString(1, NAMESPACE);
            ps.setString(2, mapId);
            ps.executeQuery().close();
        }
    }

    /** Lets every claim go (the library is closing; the writer has stopped, so this runs on the closing thread). */
    void releaseAll(Connection c) throws SQLException {
        for (String mapId : List.copyOf(held)) {
            release(c, mapId);
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /** On the writer's new connection: takes every claim again; those another node holds now are lost. */
    void retake(Connection fresh) {
        for (String mapId : List.copyOf(held)) {
            boolean kept;
            try {
                kept = tryLock(fresh, mapId);
            } catch (SQLException e) {
                kept = false;
            }
            if (!kept) {
                held.remove(mapId);
                for (Consumer<String> l : lostListeners) {
                    try {
                        l.accept(mapId);
                    } catch (RuntimeException ignored) {
                        // a listener's bug must not stop the writer
                    }
                }
            }
        }
    }

    void onLost(Consumer<String> listener) {
        lostListeners.add(listener);
    }

    private static boolean tryLock(Connection c, String mapId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?), hashtext(?))")) {
            ps.setString(1, NAMESPACE);
            ps.setString(2, mapId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
