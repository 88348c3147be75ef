package org.mapwork.templates.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.GreedySwitchType;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import org.mapwork.templates.common.LayoutSupport.Box;

/**
 * A layered layout (Sugiyama style) with arcs pointing up the page: the Eclipse Layout Kernel's layered algorithm,
 * whose crossing minimisation leaves about as many crossings as Graphviz's dot, where JGraphX's hierarchical
 * layout left two to five times as many (docs/adr/0012-elk-for-layered-layouts.md; bench TocCrossings).
 */
public final class Hierarchy {

    /** How hard ELK tries to remove crossings (its default is 7); measured in TocCrossings. */
    static final int THOROUGHNESS = 100;
    /** How many of ELK's layouts (random seeds 1, 2, …) are compared; measured in TocCrossings. */
    static final int CANDIDATES = 3;

    private Hierarchy() {
    }

    /**
     * Lays out the boxes in ranks, sources at the bottom and arcs pointing upward (causes below what they cause),
     * {@code spacing} apart within a rank and {@code rankSpacing} between ranks, with as few links crossing or passing
     * through boxes (drawn straight between box centres) as the best of a few ELK layouts gives. The same input gives the same places
     * (ELK's random seeds are fixed). Arcs whose ends are not among the boxes, and loops, are left out.
     */
    public static Map<String, Box> bottomUp(Map<String, Box> nodes, List<String[]> arcs, double spacing, double rankSpacing) {
        if (nodes.isEmpty()) {
            return nodes;
        }
        // ELK counts the crossings of links bent through its layers; the map draws them straight from box to box, so
        // of a few of its layouts (each with its own random seed) the one whose straight links cross each other and
        // pass through boxes least is kept (a link through a box reads as one more link, so it counts as a crossing)
        Map<String, Box> best = null;
        int fewest = Integer.MAX_VALUE;
        for (int seed = 1; seed <= CANDIDATES; seed++) {
            Map<String, Box> placed = layered(nodes, arcs, spacing, rankSpacing, seed);
            int faults = LayoutSupport.crossings(placed, arcs) + LayoutSupport.linksThroughNodes(placed, arcs);
            if (faults < fewest) {
                fewest = faults;
                best = placed;
            }
        }
        return best;
    }

    /** One run of ELK layered with the given random seed. */
    private static Map<String, Box> layered(Map<String, Box> nodes, List<String[]> arcs, double spacing, double rankSpacing, int seed) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.UP);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, spacing);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, rankSpacing);
        root.setProperty(CoreOptions.RANDOM_SEED, seed);
        root.setProperty(LayeredOptions.THOROUGHNESS, THOROUGHNESS);
        // greedy switching after the sweeps; ELK skips it on graphs of 40 nodes or more unless told otherwise
        root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_GREEDY_SWITCH_TYPE, GreedySwitchType.TWO_SIDED);
        root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_GREEDY_SWITCH_ACTIVATION_THRESHOLD, 0);
        // ELK's bend points are never drawn (links run straight); with polyline routing fewer straight links crossed
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.NETWORK_SIMPLEX);
        Map<String, ElkNode> boxes = new LinkedHashMap<>();
        nodes.forEach((id, b) -> {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setDimensions(Math.max(1, b.w()), Math.max(1, b.h()));
            boxes.put(id, n);
        });
        for (String[] arc : arcs) {
            ElkNode s = boxes.get(arc[0]), t = boxes.get(arc[1]);
            if (s != null && t != null && s != t) {
                ElkGraphUtil.createSimpleEdge(s, t);
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<String, Box> out = new LinkedHashMap<>();
        nodes.forEach((id, b) -> {
            ElkNode n = boxes.get(id);
            out.put(id, new Box(LayoutSupport.round(n.getX()), LayoutSupport.round(n.getY()), b.w(), b.h()));
        });
        return out;
    }

    /**
     * Lays out three boxes once, so that ELK's classes are loaded (about two seconds the first time) before a person
     * presses Layout; the editor calls it on a background thread after its first frame.
     */
    public static void warmUp() {
        Map<String, Box> boxes = new LinkedHashMap<>();
        for (String id : List.of("a", "b", "c")) {
            boxes.put(id, new Box(0, 0, 100, 50));
        }
        bottomUp(boxes, List.of(new String[]{"a", "b"}, new String[]{"a", "c"}), 10, 10);
    }
}
