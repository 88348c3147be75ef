package org.mapwork.templates.netmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mxgraph.layout.mxFastOrganicLayout;

import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.common.LayoutSupport;
import org.mapwork.templates.common.LayoutSupport.Box;

/**
 * Net-Map's organic layout (JGraphX's fast organic, force-directed): tied actors draw together, others spread out.
 * An actor's box grows with its influence tower, so the powerful take more room. Starts from a circle in a fixed
 * order, so the same map always gets the same layout; of several starting orders, the one with the fewest edge
 * crossings is kept.
 */
public final class NetMapLayout {

    /** Where a whole-map layout starts, below the framing question. */
    static final double LEFT = 40, TOP = 100;

    private NetMapLayout() {
    }

    /** The box size for an influence tower height (unset counts as 0); grows up to a tower of 20. */
    public static double[] size(long influence) {
        long h = Math.max(0, Math.min(20, influence));
        return new double[]{120 + 8 * h, 50 + 3 * h};
    }

    /** How many starting orders are tried; the layout with the fewest edge crossings wins. */
    static final int STARTS = 8;

    static ChangeSet layout(MapDocument doc, Set<String> selection) {
        Map<String, Box> old = LayoutSupport.boxes(doc);
        Set<String> moving = new LinkedHashSet<>();
        for (String id : old.keySet()) {
            if (selection.isEmpty() || selection.contains(id)) {
                moving.add(id);
            }
        }
        List<String[]> allArcs = doc.links().map(l -> new String[]{l.source(), l.target()}).toList();
        Map<String, Box> best = null;
        int bestCrossings = Integer.MAX_VALUE;
        for (int start = 0; start < STARTS && bestCrossings > 0; start++) {
            Map<String, Box> candidate = attempt(doc, selection, old, moving, start);
            int crossings = LayoutSupport.crossings(candidate, allArcs);
            if (crossings < bestCrossings) {
                best = candidate;
                bestCrossings = crossings;
            }
        }
        return LayoutSupport.changeSet(doc, best, "organic layout", List.of());
    }

    /** One run of the force-directed layout from a circle in one order (a fixed shuffle per start, so it repeats). */
    private static Map<String, Box> attempt(MapDocument doc, Set<String> selection, Map<String, Box> old, Set<String> moving, int start) {
        Map<String, Box> initial = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(moving);
        if (start > 0) {
            java.util.Collections.shuffle(order, new java.util.Random(start));
        }
        double radius = 60 + 40 * order.size();
        for (int i = 0; i < order.size(); i++) {
            Element n = doc.element(order.get(i));
            double[] s = size(Actors.influence(n));
            // JGraphX pushes apart two cells on the same x or y with Math.random(); a circle has such twins
            // (cos a = cos −a), so radius and angle are nudged by an irrational step to keep the layout repeatable
            double a = 2 * Math.PI * i / order.size() + 0.1;
            double r = radius * (0.85 + 0.3 * ((i * 0.6180339887) % 1));
            initial.put(n.id(), new Box(radius + r * Math.cos(a), radius + r * Math.sin(a), s[0], s[1]));
        }
        List<String[]> arcs = doc.links().filter(l -> moving.contains(l.source()) && moving.contains(l.target()))
                .map(l -> new String[]{l.source(), l.target()}).toList();
        Map<String, Box> placed = initial.isEmpty() ? initial : LayoutSupport.runJGraphX(initial, arcs, g -> {
            mxFastOrganicLayout layout = new mxFastOrganicLayout(g);
            layout.setForceConstant(190);
            layout.setMaxIterations(400);
            layout.setUseInputOrigin(false);
            return layout;
        }, null);
        Map<String, Box> all = new LinkedHashMap<>(old);
        all.putAll(placed);
        if (selection.isEmpty()) {
            double minX = placed.values().stream().mapToDouble(Box::x).min().orElse(LEFT);
            double minY = placed.values().stream().mapToDouble(Box::y).min().orElse(TOP);
            all.replaceAll((id, b) -> b.at(b.x() - minX + LEFT, b.y() - minY + TOP));
        } else {
            LayoutSupport.keepInPlace(all, old, moving);
        }
        LayoutSupport.clearLinks(all, doc.links().map(l -> new String[]{l.source(), l.target()}).toList(), moving, 30);
        return all;
    }
}
