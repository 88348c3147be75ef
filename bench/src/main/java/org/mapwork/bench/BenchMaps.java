package org.mapwork.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;

/** Big synthetic maps for benchmarks, reproducible from a seed. */
public final class BenchMaps {

    /** A power-map-like schema with a few attributes, so validation does real work. */
    public static final Schema SCHEMA = Schema.builder("bench-map")
            .node(NodeType.of("actor", AttributeDef.integer("influence", 0L, null), AttributeDef.text("notes"),
                    AttributeDef.choice("actorType", List.of("union", "employer", "government", "other"))))
            .link(LinkType.any("funding", true))
            .link(LinkType.any("information", true))
            .link(LinkType.any("conflict", false))
            .build();

    private BenchMaps() {
    }

    /** {@code nodes} actors on a grid and {@code links} random links between distinct actors. */
    public static MapDocument generate(int nodes, int links, long seed) {
        Random r = new Random(seed);
        List<Change> changes = new ArrayList<>(nodes + links);
        String order = OrderKey.first();
        int columns = (int) Math.ceil(Math.sqrt(nodes));
        for (int i = 0; i < nodes; i++) {
            Element e = Element.node("n" + i, "actor", "Actor number " + i,
                            Geometry.box(i % columns * 180.0, i / columns * 110.0, 140, 60), order)
                    .withAttribute("influence", Value.integer(r.nextInt(10)))
                    .withAttribute("actorType", Value.text(List.of("union", "employer", "government", "other").get(r.nextInt(4))));
            changes.add(Change.add(e));
            order = OrderKey.after(order);
        }
        String[] types = {"funding", "information", "conflict"};
        for (int i = 0; i < links; i++) {
            int a = r.nextInt(nodes);
            int b = (a + 1 + r.nextInt(nodes - 1)) % nodes;
            changes.add(Change.add(Element.link("l" + i, types[i % 3], "n" + a, "n" + b, order)));
            order = OrderKey.after(order);
        }
        MapDocument empty = MapDocument.empty("bench", "Benchmark map", SCHEMA.methodId(), Instant.parse("2026-01-01T00:00:00Z"));
        return ChangeEngine.apply(empty, SCHEMA, ChangeSet.of("generate", changes)).after();
    }
}
