package org.mapwork.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.model.Value;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.mapwork.templates.netmap.Actors;

/**
 * A large Net-Map for benchmarks: actors on a grid (towers, actor types) and links mostly between neighbours with
 * some long ones, of the starter's link types. Seeded, so every run draws the same map.
 */
final class BigPowerMap {

    static final double CELL_W = 200;
    static final double CELL_H = 120;
    static final double NODE_W = 140;
    static final double NODE_H = 60;

    private BigPowerMap() {
    }

    static MethodTemplate method() {
        return Methods.byId("net-map").orElseThrow();
    }

    /** {@code nodes} actors in a square-ish grid and {@code links} links. */
    static MapDocument build(int nodes, int links, long seed) {
        MethodTemplate m = method();
        MapDocument start = m.starter(false, Locale.ENGLISH);
        List<String> linkTypes = m.schema().typeNames(org.mapwork.model.ElementKind.LINK, start.mapAttributes());
        Random r = new Random(seed);
        int cols = (int) Math.ceil(Math.sqrt(nodes * 1.6));
        List<Change> changes = new ArrayList<>(nodes + links);
        String order = start.nextOrderKey();
        List<Element> placed = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            int c = i % cols;
            int row = i / cols;
            Element e = Element.node("n" + i, Actors.TYPE, "Actor " + i,
                    Geometry.box(c * CELL_W, row * CELL_H, NODE_W, NODE_H), order)
                    .withAttribute(Actors.ACTOR_TYPE, new Value.Text(Actors.ACTOR_TYPES.get(r.nextInt(Actors.ACTOR_TYPES.size()))))
                    .withAttribute(Actors.INFLUENCE, new Value.Int(r.nextInt(9)));
            placed.add(e);
            changes.add(Change.add(e));
            order = OrderKey.after(order);
        }
        Set<String> pairs = new HashSet<>();
        int made = 0;
        while (made < links) {
            int a = r.nextInt(nodes);
            int b;
            if (r.nextInt(10) == 0) {
                b = r.nextInt(nodes); // a long link across the map
            } else {
                int[][] near = {{1, 0}, {0, 1}, {1, 1}, {-1, 1}};
                int[] d = near[r.nextInt(near.length)];
                b = a + d[0] + d[1] * cols;
            }
            if (b < 0 || b >= nodes || a == b) {
                continue;
            }
            String type = linkTypes.get(r.nextInt(linkTypes.size()));
            if (!pairs.add(a + ">" + b + ":" + type)) {
                continue;
            }
            changes.add(Change.add(Element.link("l" + made, type, "n" + a, "n" + b, order)));
            order = OrderKey.after(order);
            made++;
        }
        return ChangeEngine.apply(start, m.schema(), ChangeSet.of("big map", changes)).after();
    }
}
