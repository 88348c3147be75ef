package org.mapwork.editor.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The shelf that opens in the background: only once begun, or when something needs it. */
class PendingShelfTest {

    @Test
    void nothing_opens_before_it_is_begun_and_waiting_for_it_then_does_not_block() {
        AtomicInteger opened = new AtomicInteger();
        PendingShelf shelf = new PendingShelf(() -> {
            opened.incrementAndGet();
            return Shelf.none();
        });
        shelf.awaitReady();
        assertEquals(0, opened.get());
        assertEquals(0, shelf.begunAt());
        assertTrue(shelf.recent().isEmpty());
        assertEquals("Opening the library…", shelf.describe());
    }

    @Test
    void beginning_twice_opens_once() {
        AtomicInteger opened = new AtomicInteger();
        PendingShelf shelf = new PendingShelf(() -> {
            opened.incrementAndGet();
            return Shelf.none();
        });
        shelf.begin();
        shelf.begin();
        shelf.awaitReady();
        assertTrue(shelf.isReady());
        assertTrue(shelf.begunAt() > 0);
        assertEquals(1, opened.get());
    }

    @Test
    void a_failure_to_open_still_settles_it() throws InterruptedException {
        PendingShelf shelf = new PendingShelf(() -> {
            throw new AssertionError("the database is broken");
        });
        java.util.concurrent.CountDownLatch settled = new java.util.concurrent.CountDownLatch(1);
        shelf.whenSettled(settled::countDown);
        shelf.begin();
        assertTrue(settled.await(10, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(shelf.isReady());
    }

    @Test
    void making_a_map_before_it_was_begun_opens_it_and_waits() {
        PendingShelf shelf = new PendingShelf(Shelf::none);
        assertFalse(shelf.isReady());
        assertThrowsNoLibrary(shelf);
        assertTrue(shelf.isReady(), "needing the shelf began opening it");
    }

    private static void assertThrowsNoLibrary(Shelf shelf) {
        // Shelf.none() opens nothing by id: reaching its message shows the call went through to the opened shelf
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> shelf.open("m1"));
        assertEquals("no library is open", e.getMessage());
    }
}
