package org.mapwork.collab.net;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

import org.mapwork.collab.Message;
import org.mapwork.collab.MessageWire;
import org.mapwork.collab.WireException;

/**
 * One device's WebSocket to one shared map (public only because Jetty calls it through method handles). Runs on Jetty's threads: it only checks the connection's limits and hands
 * each text frame to the map's thread ({@link MapRoom}); a connection over a limit is closed with a reason. What the
 * map sends the device goes through its {@link DeliveryQueue}, written on the hub's sender threads.
 */
public final class HubEndpoint implements Session.Listener.AutoDemanding {

    private static final AtomicLong IDS = new AtomicLong();
    /**
     * Longest presence message, in characters (one of 100 selected ids of 128 characters is under 14 KiB): a longer
     * one does not take the presence path, and the map's thread refuses it ({@link MapRoom#received}).
     */
    static final int PRESENCE_TEXT = 64 * 1024;
    /**
     * How long a device closed for being too slow has to take the close frame before the socket is dropped: it may
     * be reading still, only slowly; one that stopped reading would otherwise hold the socket until the idle timeout.
     */
    static final Duration TOO_SLOW_GRACE = Duration.ofSeconds(5);

    private final String id = "c" + IDS.incrementAndGet();
    private final MapRoom room;
    private final HubLimits limits;
    private final RateLimit rate;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final RateLimit presenceRate;
    /** The latest presence not yet handed to the map's thread: newer ones replace it (latest wins). */
    private final AtomicReference<Message.Presence> latestPresence = new AtomicReference<>();
    private final AtomicLong presenceDropped = new AtomicLong();
    private final String address;
    private final DeliveryQueue delivery;
    private final Scheduler scheduler;
    private volatile Session session;
    private volatile CoreSession frames;
    private volatile String tooSlow;

    /**
     * @param senders   threads that write to the sockets (never the map's own)
     * @param scheduler for dropping a too-slow device's socket after {@link #TOO_SLOW_GRACE}
     */
    HubEndpoint(MapRoom room, HubLimits limits, String address, Executor senders, Scheduler scheduler) {
        this.address = address;
        this.scheduler = scheduler;
        this.delivery = new DeliveryQueue(new Wire(), senders, limits.maxUnsentMessages(), limits.maxUnsentBytes());
        this.room = room;
        this.limits = limits;
        this.rate = new RateLimit(limits.messagesPerSecond(), limits.burst(), System.nanoTime());
        this.presenceRate = new RateLimit(limits.presencePerSecond(), limits.presenceBurst(), System.nanoTime());
    }

    /** Presence messages of this connection dropped for its presence rate. */
    long presenceDropped() {
        return presenceDropped.get();
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
        // Jetty's own session: its core takes a frame whose UTF-8 payload is shared by every recipient (sendText
        // would encode the text again for each)
        this.frames = ((WebSocketSession) session).getCoreSession();
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
        // read here, on Jetty's threads, not on the map's one (a layout of 500 takes milliseconds to read); a text
        // that cannot be read goes as it is, and the map's thread answers with the reader's error
        Message message = readable(text);
        if (message instanceof Message.Presence p && text.length() <= PRESENCE_TEXT) {
            presence(p);
            return;
        }
        if (queued.incrementAndGet() > limits.maxQueued()) {
            refuse("too many messages waiting: at most " + limits.maxQueued());
            return;
        }
        if (!room.execute(() -> {
            queued.decrementAndGet();
            room.received(this, text, message);
        })) {
            refuse("the hub is stopping");
        }
    }

    private static Message readable(String text) {
        try {
            return MessageWire.read(text);
        } catch (WireException e) {
            return null;
        }
    }

    /**
     * Presence has a lower rate of its own (over it, it is dropped, not a disconnect) and is coalesced: at most one
     * task per connection waits for the map's thread, relaying the latest presence when it runs, so a flood of
     * cursor moves never stands between change sets and the map's thread.
     */
    private void presence(Message.Presence p) {
        boolean allowed;
        synchronized (presenceRate) {
            allowed = presenceRate.take(System.nanoTime());
        }
        if (!allowed) {
            presenceDropped.incrementAndGet();
            return;
        }
        if (latestPresence.getAndSet(p) == null) {
            room.execute(() -> {
                Message.Presence latest = latestPresence.getAndSet(null);
                if (latest != null) {
                    room.presence(this, latest);
                }
            });
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
        delivery.stop();
        room.execute(() -> room.closed(this));
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closing.set(true);
        delivery.stop();
        room.execute(() -> room.closed(this));
    }

    /**
     * On the map's thread: queues one message, its JSON text in UTF-8 (shared by its recipients, not changed). Never
     * blocks and never writes: the hub's sender threads do.
     *
     * @return false when the device is too slow to take it: the connection is then closed with status 1008 and
     * {@link #tooSlow()}, and what waited for it is dropped (the caller tells the map the connection is gone)
     */
    boolean send(ByteBuffer utf8) {
        String problem = delivery.offer(utf8);
        if (problem == null) {
            return true;
        }
        tooSlow = problem;
        close(StatusCode.POLICY_VIOLATION, problem);
        Session s = session;
        if (s != null) {
            scheduler.schedule(s::disconnect, TOO_SLOW_GRACE);
        }
        return false;
    }

    /**
     * From the drawn view's thread (not the map's): queues one text as {@link #send} does; a device too slow for it is
     * closed the same way, and the map forgets it on its own thread.
     */
    void sendDrawn(ByteBuffer utf8) {
        if (!send(utf8)) {
            String why = tooSlow;
            room.execute(() -> room.expel(this, why));
        }
    }

    /** Why the device was closed for being too slow, or {@code null}. */
    String tooSlow() {
        return tooSlow;
    }

    /** The hub is stopping: the device hears it at once (status 1001) rather than after its silence timeout. */
    void goingAway() {
        close(StatusCode.SHUTDOWN, "the hub stopped");
    }

    /** Closes after what was queued (the close frame follows the messages before it), with the hub's reason. */
    void closeAfterSending(String reason) {
        delivery.closeAfterSent(StatusCode.POLICY_VIOLATION, reason);
    }

    private void refuse(String reason) {
        close(StatusCode.POLICY_VIOLATION, reason);
        room.execute(() -> room.expel(this, reason));
    }

    private void close(int status, String reason) {
        delivery.stop();
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

    /** The queue's way to the socket: frames to Jetty's core session, the last of a batch flushing the batch. */
    private final class Wire implements DeliveryQueue.Wire {
        @Override
        public void write(List<ByteBuffer> texts, Consumer<Throwable> done) {
            CoreSession core = frames;
            if (core == null) {
                done.accept(new IllegalStateException("the connection is not open"));
                return;
            }
            for (int i = 0; i < texts.size(); i++) {
                boolean last = i == texts.size() - 1;
                // all but the last may wait in Jetty's batch buffer; the last one writes them all in one go
                core.sendFrame(new Frame(OpCode.TEXT, true, texts.get(i)), last
                        ? org.eclipse.jetty.util.Callback.from(Invocable.InvocationType.NON_BLOCKING, () -> done.accept(null), done)
                        : org.eclipse.jetty.util.Callback.NOOP, !last);
            }
        }

        @Override
        public void close(int status, String reason) {
            HubEndpoint.this.close(status, reason);
        }
    }
}
