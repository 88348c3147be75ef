package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * The simulated workshop (like tldraw's syncFuzz) over many seeds: every device ends equal to the hub, no link
 * points at a missing node, order keys are unique, every acknowledged change set is in the hub's log.
 * {@code -Dcollab.fuzz.seeds=N -Dcollab.fuzz.steps=M} for a longer run, {@code -Dcollab.fuzz.seed=S} for one seed.
 */
class CollabFuzzTest {

    private static final String RERUN = "mvn -B -o -q -pl model,store,collab -am test -Dtest=CollabFuzzTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dcollab.fuzz.seed=";

    @Test
    void every_device_converges_on_the_hubs_map_whatever_the_network_does() {
        int steps = Integer.getInteger("collab.fuzz.steps", 200);
        String one = System.getProperty("collab.fuzz.seed");
        long first = one == null ? 1 : Long.parseLong(one);
        int seeds = one == null ? Integer.getInteger("collab.fuzz.seeds", 200) : 1;
        SimulatedWorkshop.Summary sum = SimulatedWorkshop.Summary.none();
        for (long seed = first; seed < first + seeds; seed++) {
            try {
                sum = sum.plus(new SimulatedWorkshop(seed, steps).run());
            } catch (AssertionError | RuntimeException e) {
                e.printStackTrace();
                fail("seed " + seed + " (" + steps + " steps) failed: " + e + "\nrerun: " + RERUN + seed
                        + " -Dcollab.fuzz.steps=" + steps, e);
                return;
            }
        }
        System.out.printf("collab fuzz: %d seeds x %d steps, divergences: 0; %s%n", seeds, steps, sum.describe());
        assertTrue(sum.everyKindMade() || seeds < 20, "every kind of gesture was made: " + sum.describe());
        assertTrue(sum.entries() > 0, "the hub ordered something");
        assertTrue(sum.faults() > 0 || seeds < 20, "hubs crashed and were taken over in some runs");
    }
}
