package org.mapwork.collab.net;

/** A token bucket: {@code burst} messages at once, refilled at {@code perSecond}. Not thread safe. */
final class RateLimit {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    RateLimit(double perSecond, int burst, long now) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = now;
    }

    /** Takes one message's token at time {@code now} (nanoseconds); false when the bucket is empty. */
    boolean take(long now) {
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
