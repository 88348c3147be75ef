package org.mapwork.collab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The queue alone, over a wire that completes writes when the test says (senders run on the calling thread). */
class DeliveryQueueTest {

    /** Records batches as texts; holds each batch's completion until {@link #complete} unless {@code atOnce}. */
    private static final class FakeWire implements DeliveryQueue.Wire {
        final List<List<String>> batches = new ArrayList<>();
        final List<Consumer<Throwable>> inFlight = new ArrayList<>();
        final List<String> closes = new ArrayList<>();
        boolean atOnce;
        int mostInFlight;

        @Override
        public void write(List<ByteBuffer> texts, Consumer<Throwable> done) {
            batches.add(texts.stream().map(b -> StandardCharsets.UTF_8.decode(b).toString()).toList());
            if (atOnce) {
                done.accept(null);
            } else {
                inFlight.add(done);
                mostInFlight = Math.max(mostInFlight, inFlight.size());
            }
        }

        @Override
        public void close(int status, String reason) {
            closes.add(status + " " + reason);
        }

        void complete(Throwable failure) {
            inFlight.remove(0).accept(failure);
        }

        List<String> written() {
            return batches.stream().flatMap(List::stream).toList();
        }
    }

    private final FakeWire wire = new FakeWire();

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private DeliveryQueue queue(int maxMessages, long maxBytes) {
        return new DeliveryQueue(wire, Runnable::run, maxMessages, maxBytes);
    }

    @Test
    void what_gathers_while_a_batch_is_in_flight_goes_as_the_next_batch_in_order() {
        DeliveryQueue q = queue(1000, 1 << 20);
        assertNull(q.offer(text("m0")));
        for (int i = 1; i <= 100; i++) {
            assertNull(q.offer(text("m" + i)));
        }
        assertEquals(List.of(List.of("m0")), wire.batches, "one batch in flight: the rest waits");
        assertEquals(101, q.unsent());
        while (!wire.inFlight.isEmpty()) {
            wire.complete(null);
        }
        assertEquals(IntStream.rangeClosed(0, 100).mapToObj(i -> "m" + i).toList(), wire.written());
        assertEquals(1, wire.mostInFlight);
        assertEquals(List.of(1, DeliveryQueue.BATCH_MESSAGES, 100 - DeliveryQueue.BATCH_MESSAGES),
                wire.batches.stream().map(List::size).toList(), "batches of at most " + DeliveryQueue.BATCH_MESSAGES);
        assertEquals(0, q.unsent());
    }

    @Test
    void writes_that_complete_at_once_go_one_by_one_as_they_come() {
        wire.atOnce = true;
        DeliveryQueue q = queue(10, 1 << 20);
        for (int i = 0; i < 50; i++) {
            assertNull(q.offer(text("m" + i)));
        }
        assertEquals(50, wire.batches.size());
        assertEquals(IntStream.range(0, 50).mapToObj(i -> "m" + i).toList(), wire.written());
    }

    @Test
    void a_shared_text_is_written_whole_to_each_recipient() {
        wire.atOnce = true;
        ByteBuffer shared = text("the same changes for everyone");
        DeliveryQueue a = queue(10, 1 << 20);
        DeliveryQueue b = queue(10, 1 << 20);
        a.offer(shared);
        b.offer(shared);
        assertEquals(List.of("the same changes for everyone", "the same changes for everyone"), wire.written());
        assertEquals(29, shared.remaining(), "the shared buffer is not consumed");
    }

    @Test
    void one_message_over_the_limit_says_too_slow_and_drops_what_waited() {
        DeliveryQueue q = queue(3, 1 << 20);
        assertNull(q.offer(text("m0")));
        assertNull(q.offer(text("m1")));
        assertNull(q.offer(text("m2")));
        String reason = q.offer(text("m3"));
        assertTrue(reason != null && reason.startsWith("too slow: 4 messages (") && reason.endsWith("waiting to be sent"), reason);
        assertNull(q.offer(text("m4")), "stopped: later messages are dropped quietly");
        wire.complete(null);
        assertEquals(List.of("m0"), wire.written(), "nothing more is written after too slow");
        assertEquals(0, q.unsent());
    }

    @Test
    void the_byte_limit_counts_once_more_than_one_message_waits() {
        DeliveryQueue q = queue(100, 1000);
        assertNull(q.offer(text("w".repeat(5000))), "a single large message (a welcome) never trips it alone");
        String reason = q.offer(text("m1"));
        assertTrue(reason != null && reason.contains("2 messages (5 KiB)"), reason);
    }

    @Test
    void a_close_waits_for_the_messages_before_it_and_nothing_after_it_is_sent() {
        DeliveryQueue q = queue(100, 1 << 20);
        q.offer(text("m0"));
        q.offer(text("m1"));
        q.closeAfterSent(1008, "wrong token");
        q.offer(text("m2"));
        assertEquals(List.of(), wire.closes);
        wire.complete(null);
        assertEquals(List.of(), wire.closes, "m1 is still to be written");
        wire.complete(null);
        assertEquals(List.of("m0", "m1"), wire.written());
        assertEquals(List.of("1008 wrong token"), wire.closes);
    }

    @Test
    void a_failed_write_stops_the_queue() {
        DeliveryQueue q = queue(100, 1 << 20);
        q.offer(text("m0"));
        q.offer(text("m1"));
        wire.complete(new java.io.IOException("broken pipe"));
        q.offer(text("m2"));
        assertEquals(List.of("m0"), wire.written());
        assertEquals(0, q.unsent());
    }
}
