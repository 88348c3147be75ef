package org.mapwork.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The browser's map (issue #12): the whole map as SVG fragments ({@link SvgScene#scene}) beside the full SVG export
 * of the same map, both from a fresh painter as a new device or an export meets it; and the update after one actor is
 * moved ({@link SvgScene#update}, the hub's cost per drag step), to set beside the full export it saves.
 * Maps: the Net-Map example (about 60 elements) and a Net-Map of 400 actors and 600 links (1,000 elements).
 * Run: {@code java -jar bench/target/benchmarks.jar SvgSceneBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Djava.awt.headless=true"})
public class SvgSceneBenchmark {

    @Param({"example", "1000"})
    public String map;

    MapDocument doc;
    /** {@link #doc} with its most linked actor moved by 40 map units. */
    MapDocument moved;
    RenderOptions opts;
    /** A scene that has drawn {@link #doc} or {@link #moved} last, and which of the two. */
    SvgScene updating;
    boolean atMoved;
    /** A scene whose painter has drawn {@link #doc}. */
    SvgScene warm;

    @Setup
    public void setUp() {
        MethodTemplate netMap = Methods.byId("net-map").orElseThrow();
        doc = map.equals("example") ? netMap.starter(true, Locale.ENGLISH) : PowerMaps.netMap(400, 600, 20, 170, 100);
        Element actor = doc.nodes().max((a, b) -> Integer.compare(doc.linksOf(a.id()).size(), doc.linksOf(b.id()).size()))
                .orElseThrow();
        moved = ChangeEngine.apply(doc, netMap.schema(), ChangeSet.of("move",
                Change.setGeometry(actor.id(), actor.geometry().movedBy(40, 25)))).after();
        opts = RenderOptions.file();
        updating = new SvgScene(new MapPainter());
        updating.scene(doc);
        warm = new SvgScene(new MapPainter());
        warm.scene(doc);
        SvgScene.Scene scene = new SvgScene(new MapPainter()).scene(doc);
        SvgScene.Update update = new SvgScene(new MapPainter()).update(doc, moved);
        System.out.printf("%s: %d elements, %d fragments, %,d characters; moving %s (%d links) replaces %d fragments"
                        + " (%,d characters); the SVG export is %,d bytes%n", map, doc.size(), scene.fragments().size(),
                scene.fragments().stream().mapToInt(f -> f.svg().length()).sum(), actor.id(), doc.linksOf(actor.id()).size(),
                update.replaced().size(), update.replaced().stream().mapToInt(f -> f.svg().length()).sum(), svgExport().length);
    }

    @Benchmark
    public SvgScene.Scene scene() {
        return new SvgScene(new MapPainter()).scene(doc);
    }

    /**
     * The whole map again from a painter that has drawn it already (the hub keeps one per map): a device joining,
     * or reloading, while the map is open.
     */
    @Benchmark
    public SvgScene.Scene sceneWarmPainter() {
        return warm.scene(doc);
    }

    @Benchmark
    public byte[] svgExport() {
        return export(doc);
    }

    /** One drag step: from the map drawn last to the other, and back on the next call. */
    @Benchmark
    public SvgScene.Update updateOneMove() {
        SvgScene.Update u = atMoved ? updating.update(moved, doc) : updating.update(doc, moved);
        atMoved = !atMoved;
        return u;
    }

    private byte[] export(MapDocument d) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            SvgExport.write(d, new MapPainter(), opts, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
