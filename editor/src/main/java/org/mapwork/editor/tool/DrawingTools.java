package org.mapwork.editor.tool;

import java.util.ArrayList;
import java.util.List;

import org.mapwork.model.Point;

/** Smoothing for freehand strokes: drop jitter, then round the corners (Chaikin's corner cutting). */
public final class DrawingTools {

    private DrawingTools() {
    }

    /**
     * A smoothed copy of a pointer trail: points closer than {@code minGap} to the previous kept point are dropped,
     * then two rounds of corner cutting soften the line while keeping its ends where they were.
     */
    public static List<Point> smooth(List<Point> raw, double minGap) {
        List<Point> kept = new ArrayList<>();
        for (Point p : raw) {
            if (kept.isEmpty() || Math.hypot(p.x() - kept.get(kept.size() - 1).x(),
                    p.y() - kept.get(kept.size() - 1).y()) >= minGap) {
                kept.add(p);
            }
        }
        if (!raw.isEmpty() && kept.size() > 0 && !kept.get(kept.size() - 1).equals(raw.get(raw.size() - 1))) {
            kept.add(raw.get(raw.size() - 1));
        }
        List<Point> out = kept;
        for (int round = 0; round < 2 && out.size() > 2; round++) {
            List<Point> next = new ArrayList<>(out.size() * 2);
            next.add(out.get(0));
            for (int i = 0; i < out.size() - 1; i++) {
                Point a = out.get(i);
                Point b = out.get(i + 1);
                next.add(new Point(0.75 * a.x() + 0.25 * b.x(), 0.75 * a.y() + 0.25 * b.y()));
                next.add(new Point(0.25 * a.x() + 0.75 * b.x(), 0.25 * a.y() + 0.75 * b.y()));
            }
            next.add(out.get(out.size() - 1));
            out = next;
        }
        return out;
    }
}
