package org.mapwork.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;

/** A plain power-map-like method and big maps of it, for the library's benchmarks. */
final class LibraryBenchMaps {

    static final Schema SCHEMA = Schema.builder("bench-power-map")
            .node(NodeType.of("actor", AttributeDef.integer("influence", 0L, 10L), AttributeDef.longText("note")))
            .link(LinkType.any("influences", true))
            .build();
    static final SchemaRegistry SCHEMAS = SchemaRegistry.of(SCHEMA);

    private LibraryBenchMaps() {
    }

    /** A map of {@code nodes} actors on a grid, each linked to the next. */
    static MapDocument map(String id, int nodes) {
        List<Change> changes = new ArrayList<>(nodes * 2);
        String order = OrderKey.first();
        for (int i = 0; i < nodes; i++) {
            changes.add(Change.add(Element.node("n-" + i, "actor", "Actor " + i,
                    Geometry.box((i % 100) * 150.0, (i / 100) * 90.0, 120, 60), order)));
            order = OrderKey.after(order);
        }
        for (int i = 1; i < nodes; i += 2) {
            changes.add(Change.add(Element.link("l-" + i, "influences", "n-" + (i - 1), "n-" + i, order)));
            order = OrderKey.after(order);
        }
        MapDocument empty = MapDocument.empty(id, "Bench map " + nodes, SCHEMA.methodId(), Instant.parse("2026-11-22T09:00:00Z"));
        return ChangeEngine.apply(empty, SCHEMA, ChangeSet.of("build", changes)).after();
    }

    /** The i-th edit of a typical session: renames and moves of nodes. */
    static ChangeSet edit(MapDocument doc, int i, int nodes) {
        String id = "n-" + Math.floorMod(i * 7919, nodes);
        if (i % 2 == 0) {
            return ChangeSet.of("Rename", Change.setLabel(id, "Actor " + id + " v" + i));
        }
        Geometry g = doc.element(id).geometry();
        return ChangeSet.of("Move", Change.setGeometry(id, g.movedBy(1, 1)));
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
