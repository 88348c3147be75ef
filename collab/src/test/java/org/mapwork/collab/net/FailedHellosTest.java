package org.mapwork.collab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The failed-hello limit on its own, on a clock the test moves. */
class FailedHellosTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final FailedHellos guard = new FailedHellos(
            new FailedHellos.Limits(3, Duration.ofSeconds(60), Duration.ofSeconds(30)), now::get);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void the_third_failure_within_the_window_refuses_the_address_until_its_time_is_up() {
        assertFalse(guard.failed("10.0.0.5"));
        advance(Duration.ofSeconds(10));
        assertFalse(guard.failed("10.0.0.5"));
        assertEquals(Duration.ZERO, guard.refused("10.0.0.5"));
        advance(Duration.ofSeconds(10));
        assertTrue(guard.failed("10.0.0.5"), "third failure in 20 s");
        assertEquals(Duration.ofSeconds(30), guard.refused("10.0.0.5"));
        assertEquals(Duration.ZERO, guard.refused("10.0.0.6"), "another address is not refused");
        advance(Duration.ofSeconds(29));
        assertEquals(Duration.ofSeconds(1), guard.refused("10.0.0.5"));
        advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, guard.refused("10.0.0.5"), "refused for 30 s after the last failure, not longer");
    }

    @Test
    void failures_spread_wider_than_the_window_never_refuse() {
        for (int i = 0; i < 20; i++) {
            assertFalse(guard.failed("10.0.0.5"), "failure " + i);
            advance(Duration.ofSeconds(31)); // at most two fall in any 60 s
        }
        assertEquals(Duration.ZERO, guard.refused("10.0.0.5"));
    }

    @Test
    void a_failure_while_refused_extends_the_refusal() {
        guard.failed("a");
        guard.failed("a");
        guard.failed("a");
        advance(Duration.ofSeconds(20));
        assertTrue(guard.failed("a"));
        assertEquals(Duration.ofSeconds(30), guard.refused("a"));
    }

    @Test
    void it_remembers_a_bounded_number_of_addresses() {
        for (int i = 0; i < FailedHellos.MAX_ADDRESSES + 500; i++) {
            guard.failed("addr-" + i);
        }
        assertTrue(guard.remembered() <= FailedHellos.MAX_ADDRESSES, "remembered " + guard.remembered());
        // the newest are kept, so an address that is failing now is still counted
        guard.failed("addr-" + (FailedHellos.MAX_ADDRESSES + 499));
        assertTrue(guard.failed("addr-" + (FailedHellos.MAX_ADDRESSES + 499)));
    }

    @Test
    void limits_must_be_positive() {
        assertThrows(IllegalArgumentException.class, () -> new FailedHellos.Limits(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new FailedHellos.Limits(1, Duration.ZERO, Duration.ofSeconds(1)));
    }
}
