package org.mapwork.export.paint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

import org.mapwork.templates.Backdrop;

/**
 * Draws what a method puts behind the elements: lanes, the quadrants of a grid with its axes, the ceiling of
 * accountability, connector lines.
 */
final class BackdropDrawing {

    private static final Color GRID_LINE = new Color(0xc0c6cc);
    private static final Color LANE_FILL = new Color(0xf5f6f8);
    private static final Color CEILING = new Color(0xb2182b);
    private static final Color[] QUADRANT_FILLS = {new Color(0xf3f5f8), new Color(0xeaeef3), new Color(0xeaeef3), new Color(0xf3f5f8)};
    private static final Stroke CEILING_STROKE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {12, 6}, 0);

    private final TextWrapper text;

    BackdropDrawing(TextWrapper text) {
        this.text = text;
    }

    /** Draws one backdrop behind content {@code c}; {@code noText} leaves its labels out (too small to read). */
    void draw(Graphics2D g, Rectangle2D c, Backdrop b, boolean noText) {
        if (b instanceof Backdrop.Lanes lanes) {
            for (Backdrop.Lane lane : lanes.lanes()) {
                Rectangle2D r = new Rectangle2D.Double(lane.x(), lane.y(), lane.width(), lane.height());
                g.setColor(Colours.parse(lane.fill(), LANE_FILL));
                g.fill(r);
                g.setColor(Ink.RULE);
                g.setStroke(Ink.THIN);
                g.draw(r);
                if (!noText && lane.label() != null) {
                    Ink.text(g, text.wrap(lane.label(), true, 13f, Math.max(20, lane.width() - 16), 2),
                            lane.x() + 8, lane.y() + 6, Ink.MUTED_INK, false);
                }
            }
        } else if (b instanceof Backdrop.Quadrants q) {
            drawQuadrants(g, q, noText);
        } else if (b instanceof Backdrop.HorizontalLine h) {
            Color colour = Colours.parse(h.colour(), CEILING);
            g.setColor(colour);
            g.setStroke(CEILING_STROKE);
            g.draw(SceneShapes.line(c.getMinX(), h.y(), c.getMaxX(), h.y()));
            if (!noText && h.label() != null && !h.label().isBlank()) {
                WrappedText t = text.line(h.label(), true, 12f);
                Ink.text(g, t, c.getMinX(), h.y() - 4 - t.height(), colour, false);
            }
        } else if (b instanceof Backdrop.Line l) {
            Color colour = Colours.parse(l.colour(), Ink.GREY);
            float w = (float) (l.width() > 0 ? l.width() : 2);
            g.setColor(colour);
            g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double ux = l.x2() - l.x1(), uy = l.y2() - l.y1(), len = Math.hypot(ux, uy);
            if (l.arrow() && len > 0) {
                ux /= len;
                uy /= len;
                double al = 10 + 2 * w, aw = 5 + w;
                g.draw(SceneShapes.line(l.x1(), l.y1(), l.x2() - ux * al * 0.8, l.y2() - uy * al * 0.8));
                Path2D head = new Path2D.Double();
                head.moveTo(l.x2(), l.y2());
                head.lineTo(l.x2() - ux * al - uy * aw, l.y2() - uy * al + ux * aw);
                head.lineTo(l.x2() - ux * al + uy * aw, l.y2() - uy * al - ux * aw);
                head.closePath();
                g.fill(head);
            } else {
                g.draw(SceneShapes.line(l.x1(), l.y1(), l.x2(), l.y2()));
            }
        }
    }

    private void drawQuadrants(Graphics2D g, Backdrop.Quadrants q, boolean noText) {
        double hw = q.width() / 2, hh = q.height() / 2;
        Color[] fills = QUADRANT_FILLS;
        String[] labels = {q.topLeft(), q.topRight(), q.bottomLeft(), q.bottomRight()};
        Color ink = Ink.MUTED_INK;
        for (int i = 0; i < 4; i++) {
            double x = q.x() + (i % 2) * hw, y = q.y() + (i / 2) * hh;
            Rectangle2D r = new Rectangle2D.Double(x, y, hw, hh);
            g.setColor(fills[i]);
            g.fill(r);
            g.setColor(GRID_LINE);
            g.setStroke(Ink.THIN);
            g.draw(r);
            if (!noText && labels[i] != null && !labels[i].isBlank()) {
                WrappedText t = text.wrap(labels[i], true, 13f, Math.max(20, hw - 20), 2);
                boolean right = i % 2 == 1, bottom = i / 2 == 1;
                double tx = right ? x + hw - 10 : x + 10;
                double ty = bottom ? y + hh - 10 - t.height() : y + 10;
                Ink.text(g, t, tx, ty, ink, right ? 1.0 : 0.0);
            }
        }
        g.setColor(ink);
        g.setStroke(new BasicStroke(1.5f));
        double axisY = q.y() + q.height() + 12;
        g.draw(SceneShapes.line(q.x(), axisY, q.x() + q.width() - 8, axisY));
        g.fill(SceneShapes.triangle(q.x() + q.width(), axisY, 1, 0));
        double axisX = q.x() - 12;
        g.draw(SceneShapes.line(axisX, q.y() + q.height(), axisX, q.y() + 8));
        g.fill(SceneShapes.triangle(axisX, q.y(), 0, -1));
        if (!noText) {
            if (q.xAxis() != null && !q.xAxis().isBlank()) {
                WrappedText t = text.line(q.xAxis(), false, 12f);
                Ink.text(g, t, q.x() + q.width() / 2, axisY + 3, ink, true);
            }
            if (q.yAxis() != null && !q.yAxis().isBlank()) {
                WrappedText t = text.line(q.yAxis(), false, 12f);
                AffineTransform saved = g.getTransform();
                g.translate(axisX - 3 - t.height(), q.y() + q.height() / 2);
                g.rotate(-Math.PI / 2);
                Ink.text(g, t, 0, 0, ink, true);
                g.setTransform(saved);
            }
        }
    }
}
