package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

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
        int[] kinds = new int[RandomGestures.KINDS.length];
        long gestures = 0, entries = 0, refusals = 0, disconnects = 0, duplicates = 0, rebases = 0, acks = 0, faults = 0;
        for (long seed = first; seed < first + seeds; seed++) {
            SimulatedWorkshop.Summary s;
            try {
                s = new SimulatedWorkshop(seed, steps).run();
            } catch (AssertionError | RuntimeException e) {
                e.printStackTrace();
                fail("seed " + seed + " (" + steps + " steps) failed: " + e + "\nrerun: " + RERUN + seed
                        + " -Dcollab.fuzz.steps=" + steps, e);
                return;
            }
            gestures += s.gestures();
            entries += s.entries();
            refusals += s.refusals();
            disconnects += s.disconnects();
            duplicates += s.duplicates();
            rebases += s.rebases();
            acks += s.acknowledged();
            faults += s.faults();
            for (int k = 0; k < kinds.length; k++) {
                kinds[k] += s.kinds()[k];
            }
        }
        StringBuilder made = new StringBuilder();
        for (int k = 0; k < kinds.length; k++) {
            made.append(RandomGestures.KINDS[k]).append('=').append(kinds[k]).append(' ');
        }
        System.out.printf("collab fuzz: %d seeds x %d steps, divergences: 0; %d gestures, %d hub entries, %d acknowledged, "
                        + "%d refused, %d disconnects, %d duplicates, %d rebases, %d hub crashes and takeovers%n  gestures made: %s%n",
                seeds, steps, gestures, entries, acks, refusals, disconnects, duplicates, rebases, faults, made);
        assertTrue(Arrays.stream(kinds).allMatch(k -> k > 0) || seeds < 20, "every kind of gesture was made: " + made);
        assertTrue(entries > 0, "the hub ordered something");
        assertTrue(faults > 0 || seeds < 20, "hubs crashed and were taken over in some runs");
    }
}
