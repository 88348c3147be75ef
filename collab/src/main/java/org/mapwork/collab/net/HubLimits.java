package org.mapwork.collab.net;

import java.time.Duration;

import org.mapwork.collab.MessageWire;

/**
 * What one connection to the hub may do before it is disconnected with a reason: the largest message, a sustained
 * rate of messages with a burst above it (a token bucket), how many of its messages may wait for the map's thread,
 * and how much the hub may hold for it to send when it reads slower than the map changes.
 *
 * @param maxMessageBytes   largest text message accepted (Jetty closes the connection with 1009 above it)
 * @param messagesPerSecond sustained rate a connection may send at
 * @param burst             messages a connection may send at once above that rate (a layout, a paste, a catch-up)
 * @param maxQueued         messages of one connection waiting for the map's thread at most
 * @param idleTimeout       a connection that sends nothing (not even a ping) for this long is closed
 * @param presencePerSecond presence messages a connection may send a second (within the messages above); more are
 *                          dropped, without closing the connection
 * @param presenceBurst     presence messages at once above that rate
 * @param maxUnsentMessages messages waiting to be sent to the connection at most (written and not yet taken by the
 *                          socket count too); one more and it is closed as too slow ({@link DeliveryQueue})
 * @param maxUnsentBytes    bytes waiting to be sent to it at most, once more than one message waits (a single
 *                          message, a large welcome, never trips it alone)
 */
public record HubLimits(int maxMessageBytes, double messagesPerSecond, int burst, int maxQueued, Duration idleTimeout,
                        double presencePerSecond, int presenceBurst, int maxUnsentMessages, long maxUnsentBytes) {

    /** Default of {@link #maxUnsentMessages()}. */
    public static final int UNSENT_MESSAGES = 4096;
    /** Default of {@link #maxUnsentBytes()}: four of the largest messages. */
    public static final long UNSENT_BYTES = 32L * 1024 * 1024;

    public HubLimits {
        if (maxMessageBytes < 1024 || messagesPerSecond <= 0 || burst < 1 || maxQueued < 1 || idleTimeout.isNegative()
                || presencePerSecond <= 0 || presenceBurst < 1 || maxUnsentMessages < 1 || maxUnsentBytes < 1) {
            throw new IllegalArgumentException("limits must be positive (a message of at least 1 KiB): " + this);
        }
    }

    /** Limits with the default limits on what waits to be sent. */
    public HubLimits(int maxMessageBytes, double messagesPerSecond, int burst, int maxQueued, Duration idleTimeout,
            double presencePerSecond, int presenceBurst) {
        this(maxMessageBytes, messagesPerSecond, burst, maxQueued, idleTimeout, presencePerSecond, presenceBurst,
                UNSENT_MESSAGES, UNSENT_BYTES);
    }

    /** Limits with the default presence rate (30 a second, 30 at once). */
    public HubLimits(int maxMessageBytes, double messagesPerSecond, int burst, int maxQueued, Duration idleTimeout) {
        this(maxMessageBytes, messagesPerSecond, burst, maxQueued, idleTimeout, 30, 30);
    }

    /**
     * For a workshop table: 8 MiB messages, 200 messages a second with a burst of 1,000 (a device back from offline
     * sends its queue at {@code HubClient}'s pace, half of this), 1,024 waiting, 10 minutes idle; presence 30 a second with 30 at once;
     * 4,096 messages or 32 MiB waiting to be sent to a device (at 400 devices editing every 2 s, a device receives 200
     * messages a second: one that stalls for 20 s is closed, and catches up when it is back).
     */
    public static HubLimits defaults() {
        return new HubLimits(MessageWire.MAX_MESSAGE_BYTES, 200, 1000, 1024, Duration.ofMinutes(10));
    }

    public HubLimits withRate(double perSecond, int burst) {
        return new HubLimits(maxMessageBytes, perSecond, burst, maxQueued, idleTimeout, presencePerSecond, presenceBurst,
                maxUnsentMessages, maxUnsentBytes);
    }

    public HubLimits withPresenceRate(double perSecond, int atOnce) {
        return new HubLimits(maxMessageBytes, messagesPerSecond, burst, maxQueued, idleTimeout, perSecond, atOnce,
                maxUnsentMessages, maxUnsentBytes);
    }

    public HubLimits withUnsent(int messages, long bytes) {
        return new HubLimits(maxMessageBytes, messagesPerSecond, burst, maxQueued, idleTimeout, presencePerSecond,
                presenceBurst, messages, bytes);
    }
}
