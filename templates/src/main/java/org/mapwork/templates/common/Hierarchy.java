package org.mapwork.templates.common;

import java.util.List;
import java.util.Map;

import com.mxgraph.layout.hierarchical.mxHierarchicalLayout;

import org.mapwork.templates.common.LayoutSupport.Box;

/** A layered layout (JGraphX's hierarchical layout, Sugiyama style) with arcs pointing up the page. */
public final class Hierarchy {

    /** JGraphX takes Swing's compass constants; SOUTH (5) puts the roots at the bottom. Kept here so templates import no Swing. */
    static final int SOUTH = 5;

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
            mxHierarchicalLayout layout = new mxHierarchicalLayout(g, SOUTH);
            layout.setIntraCellSpacing(spacing);
            layout.setInterRankCellSpacing(rankSpacing);
            layout.setFineTuning(true);
            return layout;
        }, null);
    }
}
