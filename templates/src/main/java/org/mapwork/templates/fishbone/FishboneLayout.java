package org.mapwork.templates.fishbone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.Backdrop;
import org.mapwork.templates.common.Digraph;
import org.mapwork.templates.common.LayoutSupport;
import org.mapwork.templates.common.LayoutSupport.Box;

/**
 * The fishbone's own geometry: a horizontal spine ending in the head on the right, categories alternately above
 * and below, each on a slanted bone down to the spine, causes along the bone (left of it), sub-causes further
 * left in the same row. The backdrop draws the spine and the bones from where the nodes are, with the same slant,
 * so they still meet when someone moves a category by hand.
 */
final class FishboneLayout {

    static final double SPINE_Y = 420, LEFT = 60, SLANT = 0.45;
    static final double CAT_W = 170, CAT_H = 50, CAUSE_W = 190, CAUSE_H = 46, SUB_W = 170, SUB_H = 42;
    static final double HEAD_W = 210, HEAD_H = 90, ROW = CAUSE_H + 18, BONE_START = 30;

    private FishboneLayout() {
    }

    static ChangeSet layout(MapDocument doc, Set<String> selection) {
        Digraph g = FishboneTemplate.bones(doc);
        List<Element> cats = FishboneTemplate.categories(doc);
        Map<String, Box> placed = new LinkedHashMap<>();
        Set<String> done = new LinkedHashSet<>();
        // what hangs on what: each cause or sub-cause under the first node it is "on"
        Map<String, List<String>> children = new LinkedHashMap<>();
        doc.nodes().forEach(n -> children.put(n.id(), new ArrayList<>()));
        doc.links().filter(l -> l.type().equals(FishboneTemplate.ON)).sorted(java.util.Comparator.comparing(Element::order))
                .forEach(l -> {
                    if (!done.contains(l.source())) {
                        done.add(l.source());
                        children.get(l.target()).add(l.source());
                    }
                });
        Set<String> seen = new LinkedHashSet<>();
        double x = LEFT, boneEnd = LEFT;
        for (int p = 0; p * 2 < cats.size(); p++) {
            List<Element> pair = cats.subList(p * 2, Math.min(cats.size(), p * 2 + 2));
            int depth = 0;
            for (Element c : pair) {
                // levels below the category: 1 = causes only, 2 = causes with sub-causes, ...
                depth = Math.max(depth, depth(children, c.id(), 0, new LinkedHashSet<>()));
            }
            double cx = x + CAUSE_W + 10 + Math.max(0, depth - 1) * (SUB_W + 10) + 30;
            double maxReach = cx + CAT_W / 2;
            for (int k = 0; k < pair.size(); k++) {
                Element cat = pair.get(k);
                boolean top = k == 0;
                int rows = 0;
                for (String cause : children.get(cat.id())) {
                    rows += rows(children, cause, new LinkedHashSet<>());
                }
                double len = BONE_START + Math.max(1, rows) * ROW + 30;
                double catY = top ? SPINE_Y - len - CAT_H : SPINE_Y + len;
                placed.put(cat.id(), new Box(cx - CAT_W / 2, catY, CAT_W, CAT_H));
                seen.add(cat.id());
                int[] row = {0};
                for (String cause : children.get(cat.id())) {
                    place(children, cause, 0, row, cx, top, len, placed, seen);
                }
                maxReach = Math.max(maxReach, cx + SLANT * len);
            }
            boneEnd = Math.max(boneEnd, maxReach);
            x = maxReach + 40;
        }
        doc.nodes().filter(n -> n.type().equals(FishboneTemplate.HEAD)).forEach(h -> {
            double hx = (placed.isEmpty() ? LEFT + 300 : placed.values().stream().mapToDouble(b -> b.x() + b.w()).max().orElse(LEFT)) + 60;
            placed.put(h.id(), new Box(hx, SPINE_Y - HEAD_H / 2 + 60 * seenHeads(placed, doc), HEAD_W, HEAD_H));
            seen.add(h.id());
        });
        // whatever is on no bone waits in a row under the fish
        double bottom = placed.values().stream().mapToDouble(b -> b.y() + b.h()).max().orElse(SPINE_Y) + 80;
        double lx = LEFT;
        for (Element n : doc.nodes().toList()) {
            if (!seen.contains(n.id())) {
                Box b = LayoutSupport.box(n);
                placed.put(n.id(), new Box(lx, bottom, n.type().equals(FishboneTemplate.SUBCAUSE) ? SUB_W : CAUSE_W,
                        n.type().equals(FishboneTemplate.SUBCAUSE) ? SUB_H : CAUSE_H));
                lx += placed.get(n.id()).w() + 20;
            }
        }
        // sub-causes may reach left of the first bone: shift everything right of the margin
        double minX = placed.values().stream().mapToDouble(Box::x).min().orElse(LEFT);
        if (minX < LEFT) {
            placed.replaceAll((id, b) -> b.at(b.x() + LEFT - minX, b.y()));
        }
        Map<String, Box> all = LayoutSupport.boxes(doc);
        Set<String> moving = new LinkedHashSet<>();
        placed.forEach((id, b) -> {
            if (selection.isEmpty() || selection.contains(id)) {
                all.put(id, b);
                moving.add(id);
            }
        });
        LayoutSupport.separate(all, moving, 12);
        return LayoutSupport.changeSet(doc, all, "fishbone layout", List.of());
    }

    private static int seenHeads(Map<String, Box> placed, MapDocument doc) {
        return (int) placed.keySet().stream().filter(id -> doc.element(id).type().equals(FishboneTemplate.HEAD)).count();
    }

    /** Rows a cause takes: one, or as many as the leaves of its sub-causes. */
    private static int rows(Map<String, List<String>> children, String id, Set<String> path) {
        if (!path.add(id) || children.get(id).isEmpty()) {
            return 1;
        }
        int r = 0;
        for (String c : children.get(id)) {
            r += rows(children, c, path);
        }
        return Math.max(1, r);
    }

    private static int depth(Map<String, List<String>> children, String id, int d, Set<String> path) {
        if (!path.add(id)) {
            return d;
        }
        int max = d;
        for (String c : children.get(id)) {
            max = Math.max(max, depth(children, c, d + 1, path));
        }
        return max;
    }

    private static void place(Map<String, List<String>> children, String id, int depth, int[] row, double cx, boolean top,
                              double len, Map<String, Box> placed, Set<String> seen) {
        if (!seen.add(id)) {
            return;
        }
        double d = BONE_START + (row[0] + 0.5) * ROW;
        double py = top ? SPINE_Y - len + d : SPINE_Y + len - d;
        double px = cx + SLANT * d;
        double w = depth == 0 ? CAUSE_W : SUB_W, h = depth == 0 ? CAUSE_H : SUB_H;
        double bx = depth == 0 ? px - 10 - CAUSE_W : px - 10 - CAUSE_W - 10 - SUB_W - (depth - 1) * (SUB_W + 10);
        placed.put(id, new Box(bx, py - h / 2, w, h));
        if (children.get(id).isEmpty()) {
            row[0]++;
            return;
        }
        for (String c : children.get(id)) {
            place(children, c, depth + 1, row, cx, top, len, placed, seen);
        }
    }

    /** The spine (to the head) and one bone per category, from where the nodes are now. */
    static List<Backdrop> backdrops(MapDocument doc) {
        List<Element> heads = doc.nodes().filter(n -> n.type().equals(FishboneTemplate.HEAD)).toList();
        if (heads.isEmpty()) {
            return List.of();
        }
        Element head = heads.get(0);
        double spineY = head.geometry().centerY();
        List<Backdrop> out = new ArrayList<>();
        double start = head.geometry().x() - 300;
        for (Element c : FishboneTemplate.categories(doc)) {
            double cx = c.geometry().centerX();
            start = Math.min(start, cx - 30);
            boolean above = c.geometry().centerY() < spineY;
            double edge = above ? c.geometry().y() + c.geometry().height() : c.geometry().y();
            out.add(new Backdrop.Line(cx, edge, cx + SLANT * Math.abs(spineY - edge), spineY, "#333333", 2, false));
        }
        out.add(0, new Backdrop.Line(start, spineY, head.geometry().x(), spineY, "#1A1A1A", 3.5, true));
        return out;
    }
}
