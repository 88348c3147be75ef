package org.mapwork.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells a hub node when maps it follows move on in a server database, whoever wrote them (docs/adr/0019): the writer
 * sends {@code NOTIFY mapwork_changes, 'MAP:REVISION'} with each commit, and the feed, listening on a connection of
 * its own, then reads the map's head revision from the database. A notification is only a wake-up: the feed also
 * looks every {@code pollEvery} and after reconnecting, so a notification missed (sent while the feed was away, or
 * before it listened) costs at most that long, never a change. The listener hears each followed map's head revision
 * when it is past what it had seen; it reads the change sets after that from the library's log.
 *
 * <p>The listener runs on the feed's thread, one call at a time.
 */
public final class ChangeFeed implements AutoCloseable {

    /** The channel the library's writer notifies on. */
    public static final String CHANNEL = "mapwork_changes";

    private final ServerStore store;
    private final long pollMillis;
    private final BiConsumer<String, Long> listener;
    /** map id → the newest revision the listener has heard (or was told was seen). */
    private final Map<String, Long> followed = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    private ChangeFeed(ServerStore store, Duration pollEvery, BiConsumer<String, Long> listener) {
        this.store = store;
        this.pollMillis = Math.max(1, pollEvery.toMillis());
        this.listener = listener;
        this.thread = new Thread(this::run, "mapwork-change-feed");
        thread.setDaemon(true);
    }

    /**
     * Starts following the server database {@code store}; returns once it listens (so that every commit from now on
     * wakes it).
     *
     * @param listener hears (map id, head revision) on the feed's thread when a followed map moved past what it had
     * @throws LibraryException when the database cannot be reached
     */
    public static ChangeFeed start(ServerStore store, Duration pollEvery, BiConsumer<String, Long> listener) {
        ChangeFeed feed = new ChangeFeed(Objects.requireNonNull(store, "store"), Objects.requireNonNull(pollEvery, "pollEvery"),
                Objects.requireNonNull(listener, "listener"));
        try {
            feed.connection = feed.listen();
        } catch (SQLException e) {
            throw ServerSchema.cannotConnect(store, e);
        }
        feed.thread.start();
        return feed;
    }

    /** Follows a map whose revisions up to {@code seenRevision} the caller has. */
    public void follow(String mapId, long seenRevision) {
        followed.merge(Objects.requireNonNull(mapId, "mapId"), seenRevision, Math::max);
    }

    public void unfollow(String mapId) {
        followed.remove(mapId);
    }

    private Connection listen() throws SQLException {
        Connection c = DriverManager.getConnection(store.jdbcUrl(), store.connectionProperties());
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void run() {
        long backoff = 0;
        while (!closed) {
            try {
                if (connection == null) {
                    Thread.sleep(backoff);
                    connection = listen();
                    backoff = 0;
                    lookAt(List.copyOf(followed.keySet())); // what happened while the feed was away
                }
                PGNotification[] woken = connection.unwrap(PGConnection.class).getNotifications((int) Math.min(pollMillis, Integer.MAX_VALUE));
                if (woken == null || woken.length == 0) {
                    lookAt(List.copyOf(followed.keySet())); // the regular look: a notification may have been missed
                } else {
                    java.util.Set<String> maps = new java.util.LinkedHashSet<>();
                    for (PGNotification n : woken) {
                        String payload = n.getParameter();
                        int colon = payload.lastIndexOf(':');
                        String mapId = colon > 0 ? payload.substring(0, colon) : payload;
                        if (followed.containsKey(mapId)) {
                            maps.add(mapId);
                        }
                    }
                    lookAt(List.copyOf(maps));
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                closeQuietly(connection);
                connection = null;
                backoff = Math.min(Math.max(backoff * 2, 100), 5000);
            }
        }
    }

    /** Reads the head revisions of {@code mapIds} and tells the listener of those past what it had. */
    private void lookAt(List<String> mapIds) throws SQLException {
        if (mapIds.isEmpty()) {
            return;
        }
        Map<String, Long> heads = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, head_revision FROM map WHERE id = ANY (?)")) {
            Array ids = connection.createArrayOf("varchar", mapIds.toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        for (String mapId : mapIds) {
            Long head = heads.get(mapId);
            Long seen = followed.get(mapId);
            if (head != null && seen != null && head > seen && followed.replace(mapId, seen, head)) {
                try {
                    listener.accept(mapId, head);
                } catch (RuntimeException ignored) {
                    // a listener's bug must not stop the feed
                }
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // going anyway
            }
        }
    }

    /** Stops following and closes the feed's connection. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        closeQuietly(connection);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
