package org.mapwork.export.paint;

import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * An influence tower (Net-Map) as a stack of discs (at most ten drawn), in three shapes so that any target draws it in
 * a few operations: the body (the discs' union), the rims between discs, and the top disc; its number goes on top.
 */
record Tower(Shape body, Shape rims, Shape top, double numberX, double numberBottom) {

    static final int MAX_DISCS = 10;
    static final double DISC_W = 20, DISC_H = 7, DISC_STEP = 5;

    /** The tower of a node whose bottom-right corner is at ({@code right}, {@code bottom}). */
    static Tower of(double right, double bottom, long height) {
        Rectangle2D b = bounds(right, bottom, height);
        long discs = Math.max(1, Math.min(height, MAX_DISCS));
        double x = b.getX() + 4;
        double topY = bottom - DISC_H - (discs - 1) * DISC_STEP;
        Path2D body = new Path2D.Double();
        // the side walls from the top disc's middle down to the bottom disc's middle, closed by the bottom half-ellipse
        body.moveTo(x, topY + DISC_H / 2);
        body.lineTo(x, bottom - DISC_H / 2);
        body.append(new Arc2D.Double(x, bottom - DISC_H, DISC_W, DISC_H, 180, 180, Arc2D.OPEN), true);
        body.lineTo(x + DISC_W, topY + DISC_H / 2);
        body.closePath();
        Path2D rims = new Path2D.Double();
        for (int i = 0; i < discs - 1; i++) {
            double y = bottom - DISC_H - i * DISC_STEP;
            rims.append(new Arc2D.Double(x, y, DISC_W, DISC_H, 180, 180, Arc2D.OPEN), false);
        }
        rims.moveTo(x, topY + DISC_H / 2);
        rims.lineTo(x, bottom - DISC_H / 2);
        rims.moveTo(x + DISC_W, topY + DISC_H / 2);
        rims.lineTo(x + DISC_W, bottom - DISC_H / 2);
        Shape top = new Ellipse2D.Double(x, topY, DISC_W, DISC_H);
        return new Tower(body, rims, top, x + DISC_W / 2, topY - 1);
    }

    /** The tower stands right of the node's bottom-right corner: up to ten discs, its number on top. */
    static Rectangle2D bounds(double right, double bottom, long height) {
        long discs = Math.min(height, MAX_DISCS);
        double h = DISC_H + Math.max(0, discs - 1) * DISC_STEP + 18;
        return new Rectangle2D.Double(right + 4, bottom - h, DISC_W + 8, h + 2);
    }
}
