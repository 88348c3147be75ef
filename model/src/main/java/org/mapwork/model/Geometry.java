package org.mapwork.model;

import java.util.List;

/**
 * Where an element sits: its bounding box, and for freehand strokes the points of the stroke
 * (relative to nothing: points are absolute map coordinates, the box is their bounds).
 */
public record Geometry(double x, double y, double width, double height, List<Point> points) {

    public static final Geometry NONE = new Geometry(0, 0, 0, 0, List.of());

    public Geometry {
        points = List.copyOf(points);
    }

    public static Geometry box(double x, double y, double width, double height) {
        return new Geometry(x, y, width, height, List.of());
    }

    /** A stroke's geometry: the points, with their bounding box. */
    public static Geometry stroke(List<Point> points) {
        if (points.isEmpty()) {
            return NONE;
        }
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        return new Geometry(minX, minY, maxX - minX, maxY - minY, points);
    }

    public Geometry movedTo(double newX, double newY) {
        double dx = newX - x, dy = newY - y;
        return movedBy(dx, dy);
    }

    public Geometry movedBy(double dx, double dy) {
        List<Point> moved = points.stream().map(p -> new Point(p.x() + dx, p.y() + dy)).toList();
        return new Geometry(x + dx, y + dy, width, height, moved);
    }

    public Geometry resized(double newWidth, double newHeight) {
        return new Geometry(x, y, newWidth, newHeight, points);
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    /** Whether the box of this geometry overlaps the given rectangle (touching edges count). */
    public boolean intersects(double rx, double ry, double rw, double rh) {
        return x <= rx + rw && rx <= x + width && y <= ry + rh && ry <= y + height;
    }
}
