package org.mapwork.export.paint;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

import org.mapwork.templates.Backdrop;

/**
 * The geometry the painter draws with: node outlines by shape name, where a link leaves a node's outline, dash
 * patterns, straight lines as paths, the bounds of backdrops. Pure functions of their arguments.
 */
final class SceneShapes {

    private SceneShapes() {
    }

    static double textWidthFactor(String shape) {
        if (shape == null) {
            return 1;
        }
        return switch (shape) {
            case "ellipse", "circle", "cloud" -> 0.74;
            case "diamond" -> 0.56;
            case "hexagon" -> 0.8;
            default -> 1;
        };
    }

    static Shape shape(String name, double x, double y, double w, double h) {
        String n = name == null ? "rectangle" : name;
        switch (n) {
            case "rounded":
                return new RoundRectangle2D.Double(x, y, w, h, Math.min(18, w / 2), Math.min(18, h / 2));
            case "ellipse":
                return new Ellipse2D.Double(x, y, w, h);
            case "circle": {
                double d = Math.min(w, h);
                return new Ellipse2D.Double(x + (w - d) / 2, y + (h - d) / 2, d, d);
            }
            case "diamond": {
                Path2D p = new Path2D.Double();
                p.moveTo(x + w / 2, y);
                p.lineTo(x + w, y + h / 2);
                p.lineTo(x + w / 2, y + h);
                p.lineTo(x, y + h / 2);
                p.closePath();
                return p;
            }
            case "hexagon": {
                double d = Math.min(w / 4, h / 2);
                Path2D p = new Path2D.Double();
                p.moveTo(x + d, y);
                p.lineTo(x + w - d, y);
                p.lineTo(x + w, y + h / 2);
                p.lineTo(x + w - d, y + h);
                p.lineTo(x + d, y + h);
                p.lineTo(x, y + h / 2);
                p.closePath();
                return p;
            }
            case "note": {
                double f = Math.min(14, Math.min(w, h) / 3);
                Path2D p = new Path2D.Double();
                p.moveTo(x, y);
                p.lineTo(x + w - f, y);
                p.lineTo(x + w, y + f);
                p.lineTo(x + w, y + h);
                p.lineTo(x, y + h);
                p.closePath();
                return p;
            }
            case "cloud":
                return cloud(x, y, w, h);
            default:
                return new Rectangle2D.Double(x, y, w, h);
        }
    }

    /** A cloud: bumps of quadratic curves around an ellipse. */
    private static Shape cloud(double x, double y, double w, double h) {
        int bumps = 10;
        double cx = x + w / 2, cy = y + h / 2, rx = w / 2 * 0.86, ry = h / 2 * 0.80;
        Path2D p = new Path2D.Double();
        for (int i = 0; i <= bumps; i++) {
            double a = 2 * Math.PI * i / bumps;
            double px = cx + rx * Math.cos(a), py = cy + ry * Math.sin(a);
            if (i == 0) {
                p.moveTo(px, py);
            } else {
                double m = 2 * Math.PI * (i - 0.5) / bumps;
                p.quadTo(cx + rx * 1.3 * Math.cos(m), cy + ry * 1.3 * Math.sin(m), px, py);
            }
        }
        p.closePath();
        return p;
    }

    static Stroke stroke(String dash, double width) {
        float w = (float) width;
        if ("dashed".equals(dash)) {
            return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8 + 2 * w, 5 + w}, 0f);
        }
        if ("dotted".equals(dash)) {
            return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {0.1f, 3 + 2 * w}, 0f);
        }
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
    }

    /** Where a ray from (px, py) inside the node, in direction (dx, dy), leaves the node's outline. */
    static Point2D exit(NodeItem n, double px, double py, double dx, double dy) {
        var g = n.element.geometry();
        double len = Math.hypot(dx, dy);
        if (len == 0 || g.width() <= 0 || g.height() <= 0) {
            return new Point2D.Double(px, py);
        }
        dx /= len;
        dy /= len;
        // the box first: exact for rectangles and the outer limit for every other shape
        double tx = dx > 0 ? (g.x() + g.width() - px) / dx : dx < 0 ? (g.x() - px) / dx : Double.POSITIVE_INFINITY;
        double ty = dy > 0 ? (g.y() + g.height() - py) / dy : dy < 0 ? (g.y() - py) / dy : Double.POSITIVE_INFINITY;
        double tBox = Math.max(0, Math.min(tx, ty));
        String shape = n.shapeName == null ? "rectangle" : n.shapeName;
        switch (shape) {
            case "rectangle", "rounded", "note":
                return new Point2D.Double(px + dx * tBox, py + dy * tBox);
            case "ellipse", "circle": {
                Rectangle2D b = n.shape.getBounds2D();
                double a = b.getWidth() / 2, c = b.getHeight() / 2;
                double ox = px - b.getCenterX(), oy = py - b.getCenterY();
                double qa = dx * dx / (a * a) + dy * dy / (c * c);
                double qb = 2 * (ox * dx / (a * a) + oy * dy / (c * c));
                double qc = ox * ox / (a * a) + oy * oy / (c * c) - 1;
                double disc = qb * qb - 4 * qa * qc;
                if (disc < 0) {
                    return new Point2D.Double(px, py);
                }
                double t = (-qb + Math.sqrt(disc)) / (2 * qa);
                return new Point2D.Double(px + dx * Math.max(0, t), py + dy * Math.max(0, t));
            }
            default: {
                // other outlines: bisect between the inside point and the box edge
                double lo = 0, hi = tBox;
                for (int i = 0; i < 18; i++) {
                    double mid = (lo + hi) / 2;
                    if (n.shape.contains(px + dx * mid, py + dy * mid)) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                return new Point2D.Double(px + dx * hi, py + dy * hi);
            }
        }
    }

    /**
     * A straight line as a path. Java2D draws a {@code Line2D} with a plain stroke through a faster antialiasing path
     * that leaves out part of the line when the line begins well outside the clip (seen on the editor's tiles: a
     * link's line faded in the tile where it ended); a path takes the general stroker, which draws every tile alike.
     */
    static Path2D line(double x1, double y1, double x2, double y2) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x1, y1);
        p.lineTo(x2, y2);
        return p;
    }

    // ----- backdrops -----

    /** The part of a segment inside a rectangle, as parameters {t0, t1} along it (Liang–Barsky), or null if none. */
    static double[] clipped(Line2D s, double minX, double minY, double maxX, double maxY) {
        double dx = s.getX2() - s.getX1(), dy = s.getY2() - s.getY1();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {s.getX1() - minX, maxX - s.getX1(), s.getY1() - minY, maxY - s.getY1()};
        double t0 = 0, t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null;
                }
            } else {
                double r = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
            }
        }
        return t0 > t1 ? null : new double[] {t0, t1};
    }

    /** An arrowhead with its tip at ({@code tipX}, {@code tipY}), pointing along ({@code ux}, {@code uy}). */
    static Shape triangle(double tipX, double tipY, double ux, double uy) {
        Path2D p = new Path2D.Double();
        p.moveTo(tipX, tipY);
        p.lineTo(tipX - ux * 9 - uy * 5, tipY - uy * 9 + ux * 5);
        p.lineTo(tipX - ux * 9 + uy * 5, tipY - uy * 9 - ux * 5);
        p.closePath();
        return p;
    }

    static Rectangle2D backdropBounds(Backdrop b) {
        if (b instanceof Backdrop.Lanes l) {
            Rectangle2D r = null;
            for (Backdrop.Lane lane : l.lanes()) {
                r = union(r, new Rectangle2D.Double(lane.x(), lane.y(), lane.width(), lane.height()));
            }
            return r;
        }
        if (b instanceof Backdrop.Quadrants q) {
            return new Rectangle2D.Double(q.x() - 34, q.y(), q.width() + 34, q.height() + 40);
        }
        if (b instanceof Backdrop.Line l) {
            Rectangle2D r = new Rectangle2D.Double(Math.min(l.x1(), l.x2()), Math.min(l.y1(), l.y2()),
                    Math.abs(l.x2() - l.x1()), Math.abs(l.y2() - l.y1()));
            double m = l.width() + 12;
            return new Rectangle2D.Double(r.getX() - m, r.getY() - m, r.getWidth() + 2 * m, r.getHeight() + 2 * m);
        }
        return null;
    }

    static Rectangle2D union(Rectangle2D a, Rectangle2D b) {
        if (a == null) {
            return b == null ? null : (Rectangle2D) b.clone();
        }
        if (b != null) {
            a.add(b);
        }
        return a;
    }
}
