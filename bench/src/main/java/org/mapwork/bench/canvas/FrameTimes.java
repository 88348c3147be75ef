package org.mapwork.bench.canvas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/** Per-frame times of one measured pass (nanoseconds), with nearest-rank percentiles. */
public final class FrameTimes {

    private final String name;
    private final long[] nanos;

    public FrameTimes(String name, long[] nanos) {
        this.name = name;
        this.nanos = nanos.clone();
    }

    public String name() {
        return name;
    }

    public int count() {
        return nanos.length;
    }

    public long nanos(int frame) {
        return nanos[frame];
    }

    /** The frames the predicate keeps (by index), under a new name. */
    public FrameTimes only(String newName, IntPredicate frames) {
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < nanos.length; i++) {
            if (frames.test(i)) {
                kept.add(nanos[i]);
            }
        }
        return new FrameTimes(newName, kept.stream().mapToLong(Long::longValue).toArray());
    }

    /** Nearest-rank percentile in milliseconds ({@code p} in 0..100; 100 is the maximum). */
    public double percentileMs(double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    public double meanMs() {
        return Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
    }

    /** Header of {@link #row()}. */
    public static String header() {
        return String.format(Locale.ROOT, "%-58s %6s %8s %8s %8s %8s %9s %9s",
                "what (one row per measured pass)", "frames", "p50 ms", "p95 ms", "p99 ms", "max ms", "fps@p50", "fps@p95");
    }

    public String row() {
        double p50 = percentileMs(50), p95 = percentileMs(95);
        return String.format(Locale.ROOT, "%-58s %6d %8.2f %8.2f %8.2f %8.2f %9.1f %9.1f", name, nanos.length, p50, p95,
                percentileMs(99), percentileMs(100), 1000 / p50, 1000 / p95);
    }

    /** Sums several per-frame series frame by frame (e.g. model + scene + paint). */
    public static FrameTimes sum(String name, FrameTimes... parts) {
        long[] out = new long[parts[0].count()];
        for (FrameTimes p : parts) {
            for (int i = 0; i < out.length; i++) {
                out[i] += p.nanos[i];
            }
        }
        return new FrameTimes(name, out);
    }

    /** Splits by the views' zoom band and kind (pan/zoom), keeping the order first seen. */
    public Map<String, FrameTimes> byBand(List<ViewScript.View> views) {
        Map<String, FrameTimes> out = new LinkedHashMap<>();
        for (String band : List.of("far", "mid", "close")) {
            for (String kind : List.of("pan", "zoom")) {
                FrameTimes t = only(name + " " + band + " " + kind,
                        i -> views.get(i).band().equals(band) && views.get(i).kind().equals(kind));
                if (t.count() > 0) {
                    out.put(band + " " + kind, t);
                }
            }
        }
        return out;
    }
}
