package org.mapwork.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Applying one change to a big map must not copy the map. Measured in bytes allocated by this thread (not time),
 * so the check is stable on any machine: a copy of 10,000 entries would allocate several hundred kilobytes.
 */
class StructuralSharingTest {

    @Test
    void one_change_to_a_10000_element_map_allocates_far_less_than_a_copy() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes");
        threads.setThreadAllocatedMemoryEnabled(true);

        List<Change> adds = new ArrayList<>();
        String order = OrderKey.first();
        for (int i = 0; i < 10_000; i++) {
            adds.add(Change.add(Fixtures.actor("n" + i, i % 100 * 150, i / 100 * 80, order)));
            order = OrderKey.after(order);
        }
        MapDocument big = ChangeEngine.apply(Fixtures.empty(), Fixtures.SCHEMA, ChangeSet.of("bulk", adds)).after();
        assertEquals(10_000, big.size());

        MapDocument doc = big;
        for (int i = 0; i < 2_000; i++) { // warm up: class loading and JIT allocate too
            doc = ChangeEngine.apply(doc, Fixtures.SCHEMA, ChangeSet.of("w", Change.setLabel("n" + (i % 10_000), "w" + i))).after();
        }
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 20; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            doc = ChangeEngine.apply(doc, Fixtures.SCHEMA, ChangeSet.of("one", Change.setLabel("n5000", "r" + round))).after();
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertEquals("r19", doc.element("n5000").label());
        assertTrue(least < 32 * 1024, "one change allocated " + least + " bytes");
    }
}
