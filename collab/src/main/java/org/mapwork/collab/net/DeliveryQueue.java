package org.mapwork.collab.net;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What the hub still has to send to one device, in the order the map's thread gave it. The map's thread only adds
 * (cheap: no framing, no socket); a sender thread writes what has gathered as one batch, with at most one batch in
 * flight per connection, so order is kept and a device's messages never wait behind another device's socket.
 * A device that reads slower than the map changes (a phone on bad Wi-Fi, a stalled tab) is caught here: over
 * {@link HubLimits#maxUnsentMessages()} messages, or over {@link HubLimits#maxUnsentBytes()} bytes with more than
 * one message waiting, {@link #offer} says so and drops what was waiting, so a slow device cannot grow the hub's
 * memory without bound. Each text is one UTF-8 buffer shared by all its recipients (each write gets a duplicate).
 */
final class DeliveryQueue {

    /** The connection's socket, as the queue needs it (Jetty's session in {@link HubEndpoint}; a fake in tests). */
    interface Wire {
        /**
         * Writes {@code texts} as text frames, in order, and calls {@code done} once, when the last is written
         * (with {@code null}) or when writing failed (with the cause).
         */
        void write(List<ByteBuffer> texts, Consumer<Throwable> done);

        /** Closes the connection with a WebSocket status and reason (after what was written). */
        void close(int status, String reason);
    }

    /** Most messages handed to the wire at once: enough to fill a write, few enough not to hold a sender long. */
    static final int BATCH_MESSAGES = 64;
    /** Most bytes handed to the wire at once (a batch always takes at least one message, however large). */
    static final int BATCH_BYTES = 256 * 1024;

    private record Close(int status, String reason) {
    }

    private final Wire wire;
    private final Executor senders;
    private final int maxMessages;
    private final long maxBytes;
    /** Texts (ByteBuffer) and at most one Close, oldest first; guarded by this. */
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    /** Messages and bytes waiting or in flight; guarded by this. */
    private int messages;
    private long bytes;
    /** A sender is draining (or a batch is in flight): only it hands batches to the wire; guarded by this. */
    private boolean draining;
    /** Closed, failed or too slow: nothing more is sent; guarded by this. */
    private boolean stopped;

    DeliveryQueue(Wire wire, Executor senders, int maxMessages, long maxBytes) {
        this.wire = wire;
        this.senders = senders;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /**
     * Queues one text (the buffer is not changed: the queue writes a duplicate of it).
     *
     * @return {@code null} when queued (or when the queue is stopped and drops it); else why the device is too slow,
     * in which case everything waiting is dropped and the queue is stopped: the caller closes the connection
     */
    String offer(ByteBuffer utf8) {
        boolean start;
        synchronized (this) {
            if (stopped || waiting.peekLast() instanceof Close) {
                return null; // closing: what comes after the close is not sent
            }
            waiting.addLast(utf8);
            messages++;
            bytes += utf8.remaining();
            if (messages > maxMessages || (messages > 1 && bytes > maxBytes)) {
                String reason = "too slow: " + messages + " messages (" + (bytes + 1023) / 1024 + " KiB) waiting to be sent";
                stopLocked();
                return reason;
            }
            start = startLocked();
        }
        if (start) {
            senders.execute(this::drain);
        }
        return null;
    }

    /** Closes the connection with {@code status} and {@code reason} once everything queued before is written. */
    void closeAfterSent(int status, String reason) {
        boolean start;
        synchronized (this) {
            if (stopped || waiting.peekLast() instanceof Close) {
                return;
            }
            waiting.addLast(new Close(status, reason));
            start = startLocked();
        }
        if (start) {
            senders.execute(this::drain);
        }
    }

    /** Drops what is waiting and sends nothing more (the connection is closing or gone). */
    synchronized void stop() {
        stopLocked();
    }

    /** Messages waiting or in flight. */
    synchronized int unsent() {
        return messages;
    }

    private void stopLocked() {
        stopped = true;
        for (Object w : waiting) {
            if (w instanceof ByteBuffer text) {
                messages--;
                bytes -= text.remaining();
            }
        }
        waiting.clear();
    }

    private boolean startLocked() {
        if (draining) {
            return false;
        }
        draining = true;
        return true;
    }

    /** On a sender thread: hands batches to the wire until nothing waits or a write is still in flight. */
    private void drain() {
        while (true) {
            List<ByteBuffer> batch = new ArrayList<>();
            long batchBytes = 0;
            Close close = null;
            synchronized (this) {
                while (!stopped && batch.size() < BATCH_MESSAGES) {
                    Object next = waiting.peekFirst();
                    if (next instanceof Close c) {
                        if (batch.isEmpty()) {
                            waiting.removeFirst();
                            close = c;
                            stopLocked();
                        }
                        break; // a close waits for the batch before it
                    }
                    if (next == null || (!batch.isEmpty() && batchBytes + ((ByteBuffer) next).remaining() > BATCH_BYTES)) {
                        break;
                    }
                    waiting.removeFirst();
                    ByteBuffer text = (ByteBuffer) next;
                    batch.add(text.duplicate());
                    batchBytes += text.remaining();
                }
                if (close == null && batch.isEmpty()) {
                    draining = false;
                    return;
                }
            }
            if (close != null) {
                wire.close(close.status(), close.reason());
                synchronized (this) {
                    draining = false;
                }
                return;
            }
            Written written = new Written(batch.size(), batchBytes);
            try {
                wire.write(batch, written);
            } catch (RuntimeException e) {
                written.accept(e); // as a failed write: the queue stops rather than stay draining for ever
            }
            if (!written.arrive()) {
                return; // still in flight: its completion carries on (on a sender thread)
            }
        }
    }

    /**
     * The completion of one batch. Whichever comes second, the write returning or its completion, carries on
     * draining: a write that completed at once loops in {@link #drain}; a later completion hands the next batch to a
     * sender thread rather than writing on whatever thread completed it (Jetty's selector).
     */
    private final class Written implements Consumer<Throwable> {
        private final int count;
        private final long size;
        private final AtomicBoolean other = new AtomicBoolean();

        Written(int count, long size) {
            this.count = count;
            this.size = size;
        }

        @Override
        public void accept(Throwable failure) {
            synchronized (DeliveryQueue.this) {
                messages -= count;
                bytes -= size;
                if (failure != null) {
                    stopLocked(); // the connection is broken: Jetty reports it to the endpoint, which tells the map
                }
            }
            if (arrive()) {
                senders.execute(DeliveryQueue.this::drain);
            }
        }

        /** True for the second of the two arrivals. */
        boolean arrive() {
            return !other.compareAndSet(false, true);
        }
    }
}
