package org.mapwork.templates.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.mxgraph.model.mxGeometry;
import com.mxgraph.view.mxGraph;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;

/**
 * What every auto-layout shares: node boxes, running a JGraphX layout on a plain (headless) {@link mxGraph},
 * keeping a selection where it was, pushing nodes apart until none overlap, and turning the result into one
 * undoable change set. Also counts edge crossings (links drawn as straight segments between node centres).
 */
public final class LayoutSupport {

    /** A node's box during layout. */
    public record Box(double x, double y, double w, double h) {
        public double cx() {
            return x + w / 2;
        }

        public double cy() {
            return y + h / 2;
        }

        public Box at(double nx, double ny) {
            return new Box(nx, ny, w, h);
        }

        /** Whether the interiors of two boxes, each grown by {@code gap}/2, overlap. */
        public boolean overlaps(Box o, double gap) {
            return x < o.x + o.w + gap && o.x < x + w + gap && y < o.y + o.h + gap && o.y < y + h + gap;
        }
    }

    private LayoutSupport() {
    }

    /** The boxes of the map's nodes (at least 1 × 1, so empty boxes still take room). */
    public static Map<String, Box> boxes(MapDocument doc) {
        Map<String, Box> out = new LinkedHashMap<>();
        doc.nodes().forEach(n -> out.put(n.id(), box(n)));
        return out;
    }

    public static Box box(Element n) {
        Geometry g = n.geometry();
        return new Box(g.x(), g.y(), Math.max(1, g.width()), Math.max(1, g.height()));
    }

    /**
     * Runs a JGraphX layout over the given nodes and arcs and returns the new boxes. The graph is a plain
     * {@link mxGraph} model: no Swing component is made.
     */
    public static Map<String, Box> runJGraphX(Map<String, Box> nodes, List<String[]> arcs,
                                              java.util.function.Function<mxGraph, com.mxgraph.layout.mxIGraphLayout> layout,
                                              Consumer<mxGraph> prepare) {
        mxGraph graph = new mxGraph();
        Object parent = graph.getDefaultParent();
        Map<String, Object> cells = new LinkedHashMap<>();
        graph.getModel().beginUpdate();
        try {
            nodes.forEach((id, b) -> cells.put(id, graph.insertVertex(parent, id, null, b.x(), b.y(), b.w(), b.h())));
            for (String[] arc : arcs) {
                Object s = cells.get(arc[0]);
                Object t = cells.get(arc[1]);
                if (s != null && t != null && s != t) {
                    graph.insertEdge(parent, null, null, s, t);
                }
            }
            if (prepare != null) {
                prepare.accept(graph);
            }
        } finally {
            graph.getModel().endUpdate();
        }
        graph.getModel().beginUpdate();
        try {
            layout.apply(graph).execute(parent);
        } finally {
            graph.getModel().endUpdate();
        }
        Map<String, Box> out = new LinkedHashMap<>();
        cells.forEach((id, cell) -> {
            mxGeometry g = graph.getModel().getGeometry(cell);
            out.put(id, new Box(g.getX(), g.getY(), g.getWidth(), g.getHeight()));
        });
        return out;
    }

    /**
     * Moves {@code movable} boxes until no two boxes are closer than {@code gap}. First pushes overlapping pairs
     * apart along their shorter overlap (keeps the layout's shape); then a final sweep moves any box still touching
     * another to the right of it, which always ends and guarantees the result.
     */
    public static void separate(Map<String, Box> boxes, Set<String> movable, double gap) {
        List<String> ids = new ArrayList<>(boxes.keySet());
        for (int round = 0; round < 100; round++) {
            boolean moved = false;
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    String a = ids.get(i), b = ids.get(j);
                    boolean ma = movable.contains(a), mb = movable.contains(b);
                    if (!ma && !mb) {
                        continue;
                    }
                    Box ba = boxes.get(a), bb = boxes.get(b);
                    if (!ba.overlaps(bb, gap)) {
                        continue;
                    }
                    double dx = ba.cx() <= bb.cx() ? (ba.x() + ba.w() + gap) - bb.x() : -((bb.x() + bb.w() + gap) - ba.x());
                    double dy = ba.cy() <= bb.cy() ? (ba.y() + ba.h() + gap) - bb.y() : -((bb.y() + bb.h() + gap) - ba.y());
                    double px = Math.abs(dx) <= Math.abs(dy) ? dx : 0;
                    double py = Math.abs(dx) <= Math.abs(dy) ? 0 : dy;
                    double shareA = ma && mb ? 0.5 : ma ? 1 : 0;
                    double shareB = ma && mb ? 0.5 : mb ? 1 : 0;
                    // +0.01 so that rounding never leaves two boxes exactly touching
                    double sx = Math.signum(px) * 0.01, sy = Math.signum(py) * 0.01;
                    boxes.put(a, ba.at(ba.x() - (px + sx) * shareA, ba.y() - (py + sy) * shareA));
                    boxes.put(b, bb.at(bb.x() + (px + sx) * shareB, bb.y() + (py + sy) * shareB));
                    moved = true;
                }
            }
            if (!moved) {
                return;
            }
        }
        List<String> placed = new ArrayList<>();
        boxes.keySet().stream().filter(id -> !movable.contains(id)).forEach(placed::add);
        List<String> order = new ArrayList<>(movable);
        order.retainAll(boxes.keySet());
        order.sort(Comparator.comparingDouble((String id) -> boxes.get(id).x()).thenComparing(id -> id));
        for (String id : order) {
            boolean clash = true;
            while (clash) {
                clash = false;
                Box b = boxes.get(id);
                for (String p : placed) {
                    Box o = boxes.get(p);
                    if (b.overlaps(o, gap)) {
                        boxes.put(id, b.at(o.x() + o.w() + gap + 0.01, b.y()));
                        clash = true;
                        break;
                    }
                }
            }
            placed.add(id);
        }
    }

    /**
     * Moves movable boxes sideways off links that pass through them (a layered layout routes long links around
     * nodes with bends; drawn straight, they may cut through a box). Each box moves left or right, whichever is
     * shorter; a few rounds, then {@link #separate} keeps the no-overlap promise.
     */
    public static void clearLinks(Map<String, Box> boxes, List<String[]> arcs, Set<String> movable, double gap) {
        for (int round = 0; round < 20; round++) {
            boolean moved = false;
            for (String id : movable) {
                Box b = boxes.get(id);
                if (b == null) {
                    continue;
                }
                for (String[] arc : arcs) {
                    if (arc[0].equals(id) || arc[1].equals(id) || !boxes.containsKey(arc[0]) || !boxes.containsKey(arc[1])) {
                        continue;
                    }
                    Box s = boxes.get(arc[0]), t = boxes.get(arc[1]);
                    double[] span = xSpan(s.cx(), s.cy(), t.cx(), t.cy(), b.y() - gap / 2, b.y() + b.h() + gap / 2);
                    if (span == null || span[1] < b.x() - gap / 2 || span[0] > b.x() + b.w() + gap / 2) {
                        continue;
                    }
                    double right = span[1] + gap - b.x(), left = span[0] - gap - (b.x() + b.w());
                    b = b.at(b.x() + (Math.abs(left) < Math.abs(right) ? left : right), b.y());
                    boxes.put(id, b);
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        separate(boxes, movable, gap);
    }

    /** The x range a segment covers between heights y1 and y2, or {@code null} when it does not reach that band. */
    private static double[] xSpan(double x1, double y1, double x2, double y2, double top, double bottom) {
        double lo = Math.max(Math.min(y1, y2), top), hi = Math.min(Math.max(y1, y2), bottom);
        if (lo > hi) {
            return null;
        }
        if (y1 == y2) {
            return new double[]{Math.min(x1, x2), Math.max(x1, x2)};
        }
        double xa = x1 + (x2 - x1) * (lo - y1) / (y2 - y1), xb = x1 + (x2 - x1) * (hi - y1) / (y2 - y1);
        return new double[]{Math.min(xa, xb), Math.max(xa, xb)};
    }

    /** Links that pass through a box they do not end at (drawn straight between centres). */
    public static int linksThroughNodes(MapDocument doc) {
        return linksThroughNodes(boxes(doc), doc.links().map(l -> new String[]{l.source(), l.target()}).toList());
    }

    /** Pairs of an arc (source and target ids) and a box it passes through, drawn straight between box centres. */
    public static int linksThroughNodes(Map<String, Box> boxes, List<String[]> arcs) {
        int count = 0;
        for (String[] l : arcs) {
            Box s = boxes.get(l[0]), t = boxes.get(l[1]);
            if (s == null || t == null) {
                continue;
            }
            for (Map.Entry<String, Box> e : boxes.entrySet()) {
                if (e.getKey().equals(l[0]) || e.getKey().equals(l[1])) {
                    continue;
                }
                Box b = e.getValue();
                double[] span = xSpan(s.cx(), s.cy(), t.cx(), t.cy(), b.y(), b.y() + b.h());
                if (span != null && span[1] > b.x() && span[0] < b.x() + b.w()) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * For a selection-only layout: moves the new boxes of the selection so that their bounding box starts where the
     * selection's old bounding box started, so laying out a part does not throw it across the map.
     */
    public static void keepInPlace(Map<String, Box> newBoxes, Map<String, Box> oldBoxes, Set<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        double ox = Double.MAX_VALUE, oy = Double.MAX_VALUE, nx = Double.MAX_VALUE, ny = Double.MAX_VALUE;
        for (String id : ids) {
            ox = Math.min(ox, oldBoxes.get(id).x());
            oy = Math.min(oy, oldBoxes.get(id).y());
            nx = Math.min(nx, newBoxes.get(id).x());
            ny = Math.min(ny, newBoxes.get(id).y());
        }
        double dx = ox - nx, dy = oy - ny;
        for (String id : ids) {
            Box b = newBoxes.get(id);
            newBoxes.put(id, b.at(b.x() + dx, b.y() + dy));
        }
    }

    /** Geometry changes for every node whose box moved or was resized, plus any extra changes, as one change set. */
    public static ChangeSet changeSet(MapDocument doc, Map<String, Box> boxes, String summary, List<Change> extra) {
        List<Change> changes = new ArrayList<>();
        boxes.forEach((id, b) -> {
            Element e = doc.element(id);
            if (e == null) {
                return;
            }
            Geometry g = e.geometry();
            double x = round(b.x()), y = round(b.y()), w = round(b.w()), h = round(b.h());
            if (g.x() != x || g.y() != y || g.width() != w || g.height() != h) {
                changes.add(Change.setGeometry(id, new Geometry(x, y, w, h, g.points())));
            }
        });
        changes.addAll(extra);
        return ChangeSet.of(summary, changes);
    }

    /** Coordinates to a tenth of a unit, so files stay readable; boxes were separated by more than that. */
    public static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Whether any two of the map's nodes overlap (interiors intersect). */
    public static List<String[]> overlaps(MapDocument doc) {
        List<Element> nodes = doc.nodes().toList();
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                if (box(nodes.get(i)).overlaps(box(nodes.get(j)), 0)) {
                    out.add(new String[]{nodes.get(i).id(), nodes.get(j).id()});
                }
            }
        }
        return out;
    }

    /**
     * Edge crossings: pairs of links, drawn as straight segments between node centres, that cross each other. Pairs
     * sharing an end node do not count (they meet, they do not cross).
     */
    public static int crossings(MapDocument doc) {
        return crossings(boxes(doc), doc.links().map(l -> new String[]{l.source(), l.target()}).toList());
    }

    /** Crossings of the given arcs (source and target ids) drawn straight between the boxes' centres. */
    public static int crossings(Map<String, Box> boxes, List<String[]> arcs) {
        int count = 0;
        for (int i = 0; i < arcs.size(); i++) {
            for (int j = i + 1; j < arcs.size(); j++) {
                String[] a = arcs.get(i), b = arcs.get(j);
                if (a[0].equals(b[0]) || a[0].equals(b[1]) || a[1].equals(b[0]) || a[1].equals(b[1])) {
                    continue;
                }
                Box a1 = boxes.get(a[0]), a2 = boxes.get(a[1]), b1 = boxes.get(b[0]), b2 = boxes.get(b[1]);
                if (a1 == null || a2 == null || b1 == null || b2 == null) {
                    continue;
                }
                if (segmentsCross(a1.cx(), a1.cy(), a2.cx(), a2.cy(), b1.cx(), b1.cy(), b2.cx(), b2.cy())) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Whether two segments cross at a point inside both (touching at an end or overlapping collinearly does not). */
    public static boolean segmentsCross(double x1, double y1, double x2, double y2, double x3, double y3, double x4, double y4) {
        double d1 = orient(x3, y3, x4, y4, x1, y1);
        double d2 = orient(x3, y3, x4, y4, x2, y2);
        double d3 = orient(x1, y1, x2, y2, x3, y3);
        double d4 = orient(x1, y1, x2, y2, x4, y4);
        return d1 * d2 < 0 && d3 * d4 < 0;
    }

    private static double orient(double ax, double ay, double bx, double by, double cx, double cy) {
        return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    }
}
