package org.mapwork.collab.net;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Per remote address, the hellos that failed (wrong token, unknown map, any error before the welcome): an address
 * with {@link Limits#failures()} of them within {@link Limits#within()} is refused, at the upgrade with HTTP 429, for
 * {@link Limits#refuseFor()} after its last one (docs/protocol.md section 1). So a 128-bit token cannot be guessed at
 * any useful rate, and a broken client cannot hammer the hub. Thread safe; time from an injected clock (nanoseconds).
 * Holds at most {@link #MAX_ADDRESSES} addresses: past that, those whose failures have all expired go first, then
 * the ones heard from longest ago.
 */
public final class FailedHellos {

    /**
     * @param failures  failed hellos from one address that start a refusal
     * @param within    the window those failures must fall in
     * @param refuseFor how long the address is refused after its last failure
     */
    public record Limits(int failures, Duration within, Duration refuseFor) {
        public Limits {
            if (failures < 1 || within.isNegative() || within.isZero() || refuseFor.isNegative()) {
                throw new IllegalArgumentException("failed-hello limits must be positive: " + failures + ", " + within + ", " + refuseFor);
            }
        }

        /** 10 failed hellos within a minute: refused for a minute after the last. */
        public static Limits defaults() {
            return new Limits(10, Duration.ofMinutes(1), Duration.ofMinutes(1));
        }
    }

    static final int MAX_ADDRESSES = 10_000;

    private final Limits limits;
    private final LongSupplier nanos;
    /** Failure times per address, oldest first, at most {@code limits.failures()} of them; insertion ordered by last failure. */
    private final Map<String, ArrayDeque<Long>> failures = new java.util.LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Long> refusedUntil = new HashMap<>();

    public FailedHellos(Limits limits, LongSupplier nanos) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.nanos = Objects.requireNonNull(nanos, "nanos");
    }

    public Limits limits() {
        return limits;
    }

    /**
     * One more failed hello from {@code address}. Returns true when this failure starts (or extends) a refusal of it.
     */
    public synchronized boolean failed(String address) {
        long now = nanos.getAsLong();
        ArrayDeque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        times.addLast(now);
        while (times.size() > limits.failures()) {
            times.removeFirst();
        }
        while (!times.isEmpty() && now - times.peekFirst() > limits.within().toNanos()) {
            times.removeFirst();
        }
        boolean refuse = times.size() >= limits.failures();
        if (refuse) {
            refusedUntil.put(address, now + limits.refuseFor().toNanos());
        }
        if (failures.size() > MAX_ADDRESSES) {
            forgetSome(now);
        }
        return refuse;
    }

    /** How long {@code address} is still refused, or {@link Duration#ZERO} when it may connect. */
    public synchronized Duration refused(String address) {
        Long until = refusedUntil.get(address);
        if (until == null) {
            return Duration.ZERO;
        }
        long left = until - nanos.getAsLong();
        if (left <= 0) {
            refusedUntil.remove(address);
            return Duration.ZERO;
        }
        return Duration.ofNanos(left);
    }

    /** How many addresses are remembered now (for tests of the bound). */
    synchronized int remembered() {
        return failures.size();
    }

    private void forgetSome(long now) {
        for (Iterator<Map.Entry<String, ArrayDeque<Long>>> it = failures.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, ArrayDeque<Long>> e = it.next();
            Long until = refusedUntil.get(e.getKey());
            boolean expired = e.getValue().isEmpty() || now - e.getValue().peekLast() > limits.within().toNanos();
            if (expired && (until == null || until <= now)) {
                it.remove();
                refusedUntil.remove(e.getKey());
            }
        }
        Iterator<String> oldest = failures.keySet().iterator();
        while (failures.size() > MAX_ADDRESSES && oldest.hasNext()) {
            String a = oldest.next();
            oldest.remove();
            refusedUntil.remove(a);
        }
    }
}
