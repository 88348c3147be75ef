package org.mapwork.templates.common;

import java.util.List;
import java.util.Map;

import javax.swing.SwingConstants;

import com.mxgraph.layout.hierarchical.mxHierarchicalLayout;

import org.mapwork.templates.common.LayoutSupport.Box;

/** A layered layout (JGraphX's hierarchical layout, Sugiyama style) with arcs pointing up the page. */
public final class Hierarchy {

    private Hierarchy() {
    }

    /**
     * Lays out the boxes in ranks, sources at the bottom and arcs pointing upward (causes below what they cause). In
     * JGraphX, orientation NORTH puts the roots at the top; SOUTH mirrors it, roots at the bottom.
     */
    public static Map<String, Box> bottomUp(Map<String, Box> nodes, List<String[]> arcs, double spacing, double rankSpacing) {
        if (nodes.isEmpty()) {
            return nodes;
        }
        return LayoutSupport.runJGraphX(nodes, arcs, g -> {
            mxHierarchicalLayout layout = new mxHierarchicalLayout(g, SwingConstants.SOUTH);
            layout.setIntraCellSpacing(spacing);
            layout.setInterRankCellSpacing(rankSpacing);
            layout.setFineTuning(true);
            return layout;
        }, null);
    }
}
