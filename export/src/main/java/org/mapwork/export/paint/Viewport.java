package org.mapwork.export.paint;

import java.awt.geom.Rectangle2D;

/**
 * What part of a map is drawn and how large: the visible rectangle in map coordinates and the scale in device units
 * (pixels, points) per map unit. The painter maps {@code (x, y)} to the origin of the {@code Graphics2D} it is given.
 *
 * @param x      left edge of the visible area, map units
 * @param y      top edge of the visible area, map units
 * @param width  visible width, map units
 * @param height visible height, map units
 * @param scale  device units per map unit (1 = 100 % zoom on screen; 300/96 for a 300 dpi PNG)
 */
public record Viewport(double x, double y, double width, double height, double scale) {

    public Viewport {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive, got " + scale);
        }
        if (!(width >= 0) || !(height >= 0)) {
            throw new IllegalArgumentException("visible area must not be negative: " + width + " × " + height);
        }
    }

    /** The visible area {@code area} at {@code scale}. */
    public static Viewport of(Rectangle2D area, double scale) {
        return new Viewport(area.getX(), area.getY(), area.getWidth(), area.getHeight(), scale);
    }

    /**
     * For a canvas of {@code deviceWidth × deviceHeight} pixels whose top-left corner shows map point
     * {@code (originX, originY)} at {@code scale}: the editor's usual case.
     */
    public static Viewport ofCanvas(double originX, double originY, double deviceWidth, double deviceHeight, double scale) {
        return new Viewport(originX, originY, deviceWidth / scale, deviceHeight / scale, scale);
    }

    public Rectangle2D area() {
        return new Rectangle2D.Double(x, y, width, height);
    }

    /** Size of the drawing in device units. */
    public double deviceWidth() {
        return width * scale;
    }

    public double deviceHeight() {
        return height * scale;
    }
}
