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
 * order, so the same map always gets the same layout.
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

    static ChangeSet layout(MapDocument doc, Set<String> selection) {
        Map<String, Box> old = LayoutSupport.boxes(doc);
        Set<String> moving = new LinkedHashSet<>();
        for (String id : old.keySet()) {
            if (selection.isEmpty() || selection.contains(id)) {
                moving.add(id);
            }
        }
        Map<String, Box> start = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(moving);
        double radius = 60 + 40 * order.size();
        for (int i = 0; i < order.size(); i++) {
            Element n = doc.element(order.get(i));
            double[] s = size(Actors.influence(n));
            double a = 2 * Math.PI * i / order.size();
            start.put(n.id(), new Box(radius + radius * Math.cos(a), radius + radius * Math.sin(a), s[0], s[1]));
        }
        List<String[]> arcs = doc.links().filter(l -> moving.contains(l.source()) && moving.contains(l.target()))
                .map(l -> new String[]{l.source(), l.target()}).toList();
        Map<String, Box> placed = start.isEmpty() ? start : LayoutSupport.runJGraphX(start, arcs, g -> {
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
        LayoutSupport.separate(all, moving, 30);
        return LayoutSupport.changeSet(doc, all, "organic layout", List.of());
    }
}
