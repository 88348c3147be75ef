package org.mapwork.editor.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;

/** Align and distribute: pure functions from the selected boxes to geometry changes. */
public final class Arrangement {

    /** Which edge or centre line the boxes share after aligning. */
    public enum Align { LEFT, CENTER, RIGHT, TOP, MIDDLE, BOTTOM }

    private Arrangement() {
    }

    public static List<Change> align(List<Element> boxes, Align how) {
        List<Change> out = new ArrayList<>();
        if (boxes.size() < 2) {
            return out;
        }
        double minX = boxes.stream().mapToDouble(e -> e.geometry().x()).min().orElse(0);
        double maxR = boxes.stream().mapToDouble(e -> e.geometry().x() + e.geometry().width()).max().orElse(0);
        double minY = boxes.stream().mapToDouble(e -> e.geometry().y()).min().orElse(0);
        double maxB = boxes.stream().mapToDouble(e -> e.geometry().y() + e.geometry().height()).max().orElse(0);
        for (Element e : boxes) {
            Geometry g = e.geometry();
            Geometry moved = switch (how) {
                case LEFT -> g.movedTo(minX, g.y());
                case RIGHT -> g.movedTo(maxR - g.width(), g.y());
                case CENTER -> g.movedTo((minX + maxR) / 2 - g.width() / 2, g.y());
                case TOP -> g.movedTo(g.x(), minY);
                case BOTTOM -> g.movedTo(g.x(), maxB - g.height());
                case MIDDLE -> g.movedTo(g.x(), (minY + maxB) / 2 - g.height() / 2);
            };
            if (!moved.equals(g)) {
                out.add(Change.setGeometry(e.id(), moved));
            }
        }
        return out;
    }

    /** Spaces the boxes evenly between the outermost two, horizontally or vertically (equal gaps). */
    public static List<Change> distribute(List<Element> boxes, boolean horizontally) {
        List<Change> out = new ArrayList<>();
        if (boxes.size() < 3) {
            return out;
        }
        List<Element> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(e -> horizontally ? e.geometry().x() : e.geometry().y()));
        Geometry first = sorted.get(0).geometry();
        Geometry last = sorted.get(sorted.size() - 1).geometry();
        double start = horizontally ? first.x() : first.y();
        double end = horizontally ? last.x() + last.width() : last.y() + last.height();
        double total = sorted.stream().mapToDouble(e -> horizontally ? e.geometry().width() : e.geometry().height()).sum();
        double gap = (end - start - total) / (sorted.size() - 1);
        double at = start;
        for (Element e : sorted) {
            Geometry g = e.geometry();
            Geometry moved = horizontally ? g.movedTo(at, g.y()) : g.movedTo(g.x(), at);
            at += (horizontally ? g.width() : g.height()) + gap;
            if (Math.abs(moved.x() - g.x()) > 1e-9 || Math.abs(moved.y() - g.y()) > 1e-9) {
                out.add(Change.setGeometry(e.id(), moved));
            }
        }
        return out;
    }
}
