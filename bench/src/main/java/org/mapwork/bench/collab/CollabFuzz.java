package org.mapwork.bench.collab;

import java.util.ArrayList;
import java.util.List;

import org.mapwork.collab.SimulatedWorkshop;

/**
 * The collab module's simulated workshop (the harness {@code CollabFuzzTest} runs over 200 seeds) over many more seeds
 * and steps: a hub and 2–8 devices on a simulated network that reorders, duplicates and drops, every device checked
 * equal to the hub at the end. Prints the seeds run, the steps, the time and {@code divergences: N} with each failing
 * seed and what failed. Not a test: nothing fails the build; the figure is the count.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.mapwork.bench.collab.CollabFuzz --seeds=1000 --steps=10000</pre>
 *
 * Options: {@code --seeds=N} (default 1000), {@code --steps=M} (default 10000), {@code --first=S} (first seed, default 1),
 * {@code --max-minutes=T} (stop starting new seeds after T minutes, default 60; the seeds run are printed).
 */
public final class CollabFuzz {

    private CollabFuzz() {
    }

    public static void main(String[] args) {
        int seeds = 1000;
        int steps = 10_000;
        long first = 1;
        double maxMinutes = 60;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("argument " + a + ": expected --name=value");
            }
            try {
                switch (kv[0]) {
                    case "--seeds" -> seeds = Integer.parseInt(kv[1]);
                    case "--steps" -> steps = Integer.parseInt(kv[1]);
                    case "--first" -> first = Long.parseLong(kv[1]);
                    case "--max-minutes" -> maxMinutes = Double.parseDouble(kv[1]);
                    default -> throw new IllegalArgumentException("unknown argument " + kv[0]
                            + " (known: --seeds, --steps, --first, --max-minutes)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("argument " + a + ": not a number", e);
            }
        }
        if (seeds < 1 || steps < 1) {
            throw new IllegalArgumentException("--seeds and --steps must be at least 1");
        }
        SimulatedWorkshop.Summary sum = SimulatedWorkshop.Summary.none();
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (maxMinutes * 60e9);
        long slowest = 0;
        long slowestSeed = first;
        int run = 0;
        for (long seed = first; seed < first + seeds; seed++) {
            if (System.nanoTime() > deadline) {
                System.out.printf("stopped after %.1f minutes (--max-minutes): %d of %d seeds run%n", maxMinutes, run, seeds);
                break;
            }
            long s0 = System.nanoTime();
            try {
                sum = sum.plus(new SimulatedWorkshop(seed, steps).run());
            } catch (AssertionError | RuntimeException e) {
                failures.add("seed " + seed + ": " + e);
                System.out.println("DIVERGED seed " + seed + ": " + e);
            }
            long took = System.nanoTime() - s0;
            if (took > slowest) {
                slowest = took;
                slowestSeed = seed;
            }
            run++;
            if (run % 50 == 0) {
                System.out.printf("  %d seeds, %.1f s%n", run, (System.nanoTime() - t0) / 1e9);
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("collab fuzz: seeds run %d (from %d), steps %d each, time %.1f s (%.0f ms a seed on average, "
                        + "slowest %.0f ms: seed %d)%n", run, first, steps, secs, run == 0 ? 0 : secs * 1000 / run,
                slowest / 1e6, slowestSeed);
        System.out.println("  " + sum.describe());
        System.out.println("divergences: " + failures.size());
        failures.forEach(f -> System.out.println("  " + f));
        if (!failures.isEmpty()) {
            System.out.println("  rerun one: mvn -B -o -q -pl collab -am test -Dtest=CollabFuzzTest "
                    + "-Dsurefire.failIfNoSpecifiedTests=false -Dcollab.fuzz.seed=SEED -Dcollab.fuzz.steps=" + steps);
        }
    }
}
