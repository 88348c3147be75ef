package org.mapwork.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.model.schema.SchemaRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The foundation's figures: applying single-property changes to a 10,000-element map (structural sharing keeps
 * each in microseconds), and loading/saving a 10,000-node / 15,000-link map as native JSON.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ModelBenchmark}
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ModelBenchmark {

    private MapDocument tenThousand;
    private MapDocument bigMap;
    private byte[] bigJson;
    private MapJsonReader reader;
    private Change[] changes;

    @Setup
    public void setUp() throws Exception {
        tenThousand = BenchMaps.generate(10_000, 0, 1);
        bigMap = BenchMaps.generate(10_000, 15_000, 2);
        bigJson = MapJson.toBytes(bigMap);
        reader = new MapJsonReader(SchemaRegistry.of(BenchMaps.SCHEMA));
        changes = new Change[100_000];
        for (int i = 0; i < changes.length; i++) {
            changes[i] = i % 2 == 0
                    ? Change.setAttribute("n" + (i * 7919 % 10_000), "influence", Value.integer(i % 50))
                    : Change.setLabel("n" + (i * 104729 % 10_000), "Label " + i);
        }
    }

    /** 100,000 single-property change sets applied one after another; the score is per change. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(100_000)
    public MapDocument apply100kSingleChanges() {
        MapDocument doc = tenThousand;
        for (Change c : changes) {
            doc = ChangeEngine.apply(doc, BenchMaps.SCHEMA, ChangeSet.of("", c)).after();
        }
        return doc;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public MapDocument loadJson10kNodes15kLinks() throws Exception {
        return reader.read("bench.mapwork.json", new String(bigJson, StandardCharsets.UTF_8));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] saveJson10kNodes15kLinks() {
        return MapJson.toBytes(bigMap);
    }
}
