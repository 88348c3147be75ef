package org.mapwork.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/** Large maps for benchmarks (merged from the export and store work): Net-Map power maps with the worked example's link types, goals and actor kinds. */
public final class BenchMaps {

    /** A power-map-like schema with a few attributes, so validation does real work. */
    public static final Schema SCHEMA = Schema.builder("bench-map")
            .node(NodeType.of("actor", AttributeDef.integer("influence", 0L, null), AttributeDef.text("notes"),
                    AttributeDef.choice("actorType", List.of("union", "employer", "government", "other"))))
            .link(LinkType.any("funding", true))
            .link(LinkType.any("information", true))
            .link(LinkType.any("conflict", false))
            .build();


    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private BenchMaps() {
    }

    /**
     * The n-th of evenly spread ordering keys (four base-62 digits and a final V). Appending with
     * {@code OrderKey.after} would add a character every few elements and pass the 1,000-character limit
     * after a few thousand elements.
     */
    static String order(int n) {
        char[] c = new char[5];
        for (int i = 3; i >= 0; i--) {
            c[i] = DIGITS.charAt(n % 62);
            n /= 62;
        }
        c[4] = 'V';
        String key = new String(c);
        if (!OrderKey.isValid(key)) {
            throw new IllegalStateException("not an order key: " + key);
        }
        return key;
    }

    /**
     * A Net-Map with {@code nodes} actors on a grid of {@code cols} columns ({@code dx} × {@code dy} apart, boxes
     * 150 × 60) and {@code links} links between near neighbours, of the example's six link types. Seeded: the same
     * arguments give the same map.
     */
    public static MapDocument netMap(int nodes, int links, int cols, double dx, double dy) {
        MethodTemplate netMap = Methods.byId("net-map").orElseThrow();
        MapDocument example = netMap.starter(true, Locale.ENGLISH);
        List<Element> actors = example.nodes().toList();
        List<String> linkTypes = example.links().map(Element::type).distinct().toList();
        List<Change> changes = new ArrayList<>();
        example.mapAttributes().forEach((k, v) -> changes.add(Change.setMapAttribute(k, v)));
        int n = 0;
        for (int i = 0; i < nodes; i++) {
            Element model = actors.get(i % actors.size());
            Element e = Element.node("a" + i, "actor", model.label() + " " + i,
                    Geometry.box((i % cols) * dx, (i / cols) * dy, 150, 60), order(n++))
                    .withAttributes(model.attributes());
            if (model.attribute("ourOrganisation") != null && i >= actors.size()) {
                e = e.withAttribute("ourOrganisation", null);
            }
            changes.add(Change.add(e));
        }
        Random random = new Random(42);
        for (int i = 0; i < links; i++) {
            int s = i % nodes;
            int[] steps = {1, cols, cols + 1, cols - 1, 2};
            int t = (s + steps[random.nextInt(steps.length)]) % nodes;
            if (t == s) {
                t = (s + 1) % nodes;
            }
            changes.add(Change.add(Element.link("l" + i, linkTypes.get(i % linkTypes.size()), "a" + s, "a" + t, order(n++))));
        }
        MapDocument empty = MapDocument.empty("bench-" + nodes, "Benchmark power map, " + nodes + " actors", "net-map", example.created());
        return ChangeEngine.apply(empty, netMap.schema(), new ChangeSet(changes, "bench", example.created())).after();
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
