package org.mapwork.collab.net;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One device's WebSocket to one shared map (public only because Jetty calls it through method handles). Runs on Jetty's threads: it only checks the connection's limits and hands
 * each text frame to the map's thread ({@link MapRoom}); a connection over a limit is closed with a reason.
 */
public final class HubEndpoint implements Session.Listener.AutoDemanding {

    private static final AtomicLong IDS = new AtomicLong();

    private final String id = "c" + IDS.incrementAndGet();
    private final MapRoom room;
    private final HubLimits limits;
    private final RateLimit rate;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final String address;
    private volatile Session session;

    HubEndpoint(MapRoom room, HubLimits limits, String address) {
        this.address = address;
        this.room = room;
        this.limits = limits;
        this.rate = new RateLimit(limits.messagesPerSecond(), limits.burst(), System.nanoTime());
    }

    String id() {
        return id;
    }

    /** The remote address the connection came from (for the failed-hello limit). */
    String address() {
        return address;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        room.opened(this);
    }

    @Override
    public void onWebSocketText(String text) {
        if (closing.get()) {
            return;
        }
        boolean allowed;
        synchronized (rate) {
            allowed = rate.take(System.nanoTime());
        }
        if (!allowed) {
            refuse("too many messages: at most " + limits.burst() + " at once and "
                    + (long) limits.messagesPerSecond() + " a second");
            return;
        }
        if (queued.incrementAndGet() > limits.maxQueued()) {
            refuse("too many messages waiting: at most " + limits.maxQueued());
            return;
        }
        if (!room.execute(() -> {
            queued.decrementAndGet();
            room.received(this, text);
        })) {
            refuse("the hub is stopping");
        }
    }

    @Override
    public void onWebSocketBinary(java.nio.ByteBuffer payload, Callback callback) {
        callback.succeed();
        close(StatusCode.BAD_DATA, "the protocol has text messages only");
        room.execute(() -> room.expel(this, "sent a binary message"));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closing.set(true);
        room.execute(() -> room.closed(this));
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closing.set(true);
        room.execute(() -> room.closed(this));
    }

    /** Sends one text frame (Jetty queues it; never blocks). */
    void send(String text) {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.sendText(text, Callback.NOOP);
        }
    }

    /** Closes after what was sent (a close frame follows the queued frames), with the hub's reason. */
    void closeAfterSending(String reason) {
        close(StatusCode.POLICY_VIOLATION, reason);
    }

    private void refuse(String reason) {
        close(StatusCode.POLICY_VIOLATION, reason);
        room.execute(() -> room.expel(this, reason));
    }

    private void close(int status, String reason) {
        Session s = session;
        if (s != null && closing.compareAndSet(false, true)) {
            s.close(status, shorten(reason), Callback.NOOP);
        }
    }

    /** A close frame's reason has at most 123 UTF-8 bytes. */
    static String shorten(String reason) {
        String r = reason.length() > 120 ? reason.substring(0, 119) + "…" : reason;
        while (r.getBytes(StandardCharsets.UTF_8).length > 123) {
            r = r.substring(0, r.length() - 2) + "…";
        }
        return r;
    }
}
