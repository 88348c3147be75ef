package org.mapwork.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.Viewport;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.templates.Methods;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the editor asks of the painter on every frame, on a 10,000-actor / 15,000-link map: a 1920 × 1080 canvas at
 * 100 % zoom (culling leaves a few dozen nodes), the same canvas zoomed out to 10 % (every element visible, text
 * skipped as unreadable), and a frame right after a node moved (a new snapshot: the derived data is rebuilt, with
 * unchanged elements carried over). Drawn onto a BufferedImage, as the editor draws its tiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Djava.awt.headless=true"})
public class PainterFrameBenchmark {

    MapDocument doc;
    MapDocument[] moved = new MapDocument[2];
    int frame;
    MapPainter painter;
    BufferedImage canvas;
    Graphics2D g;
    RenderOptions screen = RenderOptions.screen(Set.of("a5050")).withBackground(Color.WHITE);

    @Setup
    public void setUp() {
        // 100 columns × 100 rows, 190 × 110 apart: 19,000 × 11,000 map units
        doc = PowerMaps.netMap(10_000, 15_000, 100, 190, 110);
        var schema = Methods.byId("net-map").orElseThrow().schema();
        var node = doc.element("a5050");
        for (int i = 0; i < 2; i++) {
            Geometry g0 = node.geometry().movedBy(10 * (i + 1), 5);
            moved[i] = ChangeEngine.apply(doc, schema, ChangeSet.of("drag", Change.setGeometry("a5050", g0))).after();
        }
        painter = new MapPainter();
        canvas = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
        g = canvas.createGraphics();
        painter.paint(g, doc, Viewport.ofCanvas(0, 0, 1920, 1080, 1), screen);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        g.dispose();
    }

    @Benchmark
    public BufferedImage frameAt100Percent() {
        painter.paint(g, doc, Viewport.ofCanvas(9000, 5000, 1920, 1080, 1.0), screen);
        return canvas;
    }

    @Benchmark
    public BufferedImage frameAt10PercentWholeMap() {
        painter.paint(g, doc, Viewport.ofCanvas(0, 0, 1920, 1080, 0.1), screen);
        return canvas;
    }

    /** A drag: each frame shows a new snapshot in which one node moved. */
    @Benchmark
    public BufferedImage frameAfterAMoveAt100Percent() {
        MapDocument d = moved[frame++ & 1];
        painter.paint(g, d, Viewport.ofCanvas(9000, 5000, 1920, 1080, 1.0), screen);
        return canvas;
    }
}
