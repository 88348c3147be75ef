package org.mapwork.export.paint;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Everything a {@link MapScene} holds, written out line by line: each item in drawing order with every shape, colour,
 * stroke and wrapped text it draws, which item each element id finds, what the grid index finds in a set of areas,
 * and the content, backdrops and legend. Two scenes of one snapshot that describe alike draw alike and find alike,
 * so a patched scene can be held to one built afresh.
 */
final class SceneDescription {

    private SceneDescription() {
    }

    /** The scene's description; {@code ids} are the element ids asked for (also ones no longer in the map). */
    static List<String> of(MapScene s, Collection<String> ids) {
        List<String> out = new ArrayList<>();
        out.add("doc " + System.identityHashCode(s.doc));
        out.add("content " + s.content);
        out.add("backdrops " + s.backdrops);
        out.add("legend " + s.legend());
        for (int i = 0; i < s.items.length; i++) {
            SceneItem it = s.items[i];
            out.add(i + ": " + item(s, it) + (it.index == i ? "" : " (its index says " + it.index + ")"));
        }
        for (String id : new TreeSet<>(ids)) {
            SceneItem it = s.item(id);
            out.add("id " + id + " -> " + (it == null ? "none" : it.index + (it.index >= 0 && it.index < s.items.length
                    && s.items[it.index] == it ? "" : " (not that item)")));
        }
        // what the grid and its list of wide items find
        Rectangle2D c = s.content;
        List<Rectangle2D> areas = new ArrayList<>();
        areas.add(grown(c, 100));
        for (int qx = 0; qx < 3; qx++) {
            for (int qy = 0; qy < 3; qy++) {
                areas.add(new Rectangle2D.Double(c.getX() + qx * c.getWidth() / 3, c.getY() + qy * c.getHeight() / 3,
                        c.getWidth() / 3, c.getHeight() / 3));
            }
        }
        for (SceneItem it : s.items) {
            areas.add(new Rectangle2D.Double(it.bounds.getCenterX(), it.bounds.getCenterY(), 0, 0));
        }
        for (Rectangle2D a : areas) {
            List<String> found = new ArrayList<>();
            s.forEachIn(a.getX(), a.getY(), a.getWidth(), a.getHeight(), it -> found.add(it.element.id()));
            out.add("in " + a + ": " + found);
        }
        return out;
    }

    private static Rectangle2D grown(Rectangle2D r, double by) {
        return new Rectangle2D.Double(r.getX() - by, r.getY() - by, r.getWidth() + 2 * by, r.getHeight() + 2 * by);
    }

    private static String item(MapScene s, SceneItem it) {
        String head = it.getClass().getSimpleName() + " " + it.element.id() + "@" + System.identityHashCode(it.element)
                + " bounds " + it.bounds;
        if (it instanceof NodeItem n) {
            return head + " look " + n.look + " shape " + n.shapeName + " " + path(n.shape) + " fill " + n.fill
                    + " stroke " + n.stroke + " text " + n.textColour + " label " + text(n.label) + " at " + n.labelTop
                    + " type " + text(n.typeLabel) + " at " + n.typeLabelTop + " colour " + n.typeLabelColour
                    + " pictogram " + path(n.pictogram) + " tower " + n.tower + " " + tower(n.towerShape)
                    + " badges " + n.badges;
        }
        if (it instanceof LinkItem l) {
            return head + " from " + end(s, l.from) + " to " + end(s, l.to) + " " + l.indexInPair + "/" + l.pairSize
                    + " path " + path(l.path) + " segment " + segment(l.segment) + " arrow " + path(l.arrow)
                    + " colour " + l.colour + " stroke " + stroke(l.stroke) + " halo " + stroke(l.halo)
                    + " label " + text(l.label) + " at " + l.labelX + "," + l.labelY + " colour " + l.labelColour;
        }
        AnnotationItem a = (AnnotationItem) it;
        return head + " form " + a.form + " shape " + path(a.shape) + " arrow " + path(a.arrow) + " colour " + a.colour
                + " label " + text(a.label);
    }

    /** A link's end: the node's element, and whether the link was drawn from the node item the scene now holds. */
    private static String end(MapScene s, NodeItem n) {
        return n.element.id() + "@" + System.identityHashCode(n.element) + (s.item(n.element.id()) == n ? "" : " (a stale item)");
    }

    private static String tower(Tower t) {
        return t == null ? "-" : path(t.body()) + path(t.rims()) + path(t.top()) + t.numberX() + "," + t.numberBottom();
    }

    private static String segment(Line2D l) {
        return l == null ? "-" : l.getX1() + "," + l.getY1() + "-" + l.getX2() + "," + l.getY2();
    }

    private static String stroke(Stroke st) {
        if (st instanceof BasicStroke b) {
            return b.getLineWidth() + "/" + b.getEndCap() + "/" + b.getLineJoin() + "/" + b.getMiterLimit() + "/"
                    + Arrays.toString(b.getDashArray()) + "/" + b.getDashPhase();
        }
        return String.valueOf(st);
    }

    private static String text(WrappedText t) {
        return t == null ? "-" : t.lines() + Arrays.toString(t.widths()) + t.size() + (t.bold() ? "b" : "") + "/"
                + t.lineHeight() + "/" + t.ascent() + (t.truncated() ? "..." : "");
    }

    /** A shape as its outline's segments, exactly. */
    private static String path(Shape shape) {
        if (shape == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder("[");
        double[] c = new double[6];
        for (PathIterator p = shape.getPathIterator(null); !p.isDone(); p.next()) {
            int type = p.currentSegment(c);
            int n = switch (type) {
                case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 2;
                case PathIterator.SEG_QUADTO -> 4;
                case PathIterator.SEG_CUBICTO -> 6;
                default -> 0;
            };
            b.append(type);
            for (int k = 0; k < n; k++) {
                b.append(k == 0 ? ' ' : ',').append(c[k]);
            }
            b.append(';');
        }
        return b.append(']').toString();
    }
}
