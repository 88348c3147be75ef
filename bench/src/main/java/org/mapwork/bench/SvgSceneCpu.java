package org.mapwork.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.mapwork.export.format.SvgExport;
import org.mapwork.export.format.SvgScene;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * The figures of {@link SvgSceneBenchmark} as CPU time of the calling thread (median of interleaved rounds), which a
 * shared, loaded machine disturbs far less than wall-clock time: the whole map as fragments from a fresh and from a
 * warm painter, one actor's move as an update, and the full SVG export, for the Net-Map example and 1,000 elements.
 * Run: {@code java -cp bench/target/benchmarks.jar org.mapwork.bench.SvgSceneCpu [ROUNDS]} (default 15).
 */
public final class SvgSceneCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SvgSceneCpu() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        MethodTemplate netMap = Methods.byId("net-map").orElseThrow();
        measure("example", netMap.starter(true, Locale.ENGLISH), netMap, rounds, 100);
        measure("1000", PowerMaps.netMap(400, 600, 20, 170, 100), netMap, rounds, 5);
    }

    private static void measure(String name, MapDocument doc, MethodTemplate method, int rounds, int calls) {
        Element actor = doc.nodes().max((a, b) -> Integer.compare(doc.linksOf(a.id()).size(), doc.linksOf(b.id()).size()))
                .orElseThrow();
        MapDocument moved = ChangeEngine.apply(doc, method.schema(), ChangeSet.of("move",
                Change.setGeometry(actor.id(), actor.geometry().movedBy(40, 25)))).after();
        RenderOptions opts = RenderOptions.file();
        SvgScene warm = new SvgScene(new MapPainter());
        warm.scene(doc);
        SvgScene updating = new SvgScene(new MapPainter());
        updating.scene(doc);
        boolean[] atMoved = {false};
        List<Supplier<Object>> work = List.of(
                () -> new SvgScene(new MapPainter()).scene(doc),
                () -> warm.scene(doc),
                () -> {
                    SvgScene.Update u = atMoved[0] ? updating.update(moved, doc) : updating.update(doc, moved);
                    atMoved[0] = !atMoved[0];
                    return u;
                },
                () -> export(doc, opts));
        String[] names = {"scene", "sceneWarmPainter", "updateOneMove", "svgExport"};
        List<List<Double>> times = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            times.add(new ArrayList<>());
        }
        // the first rounds warm the JIT and are not counted; the kinds take turns so that a busy spell hits all alike
        for (int round = 0; round < rounds + 5; round++) {
            for (int i = 0; i < work.size(); i++) {
                long start = THREADS.getCurrentThreadCpuTime();
                for (int c = 0; c < calls; c++) {
                    work.get(i).get();
                }
                double micros = (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / calls;
                if (round >= 5) {
                    times.get(i).add(micros);
                }
            }
        }
        double export = median(times.get(3));
        for (int i = 0; i < work.size(); i++) {
            double m = median(times.get(i));
            System.out.printf(Locale.ROOT, "%-8s %-17s %10.0f us CPU (median of %d rounds)  %.3f × svgExport%n", name, names[i],
                    m, rounds, m / export);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static byte[] export(MapDocument doc, RenderOptions opts) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            SvgExport.write(doc, new MapPainter(), opts, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
