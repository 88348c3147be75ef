package org.mapwork.editor.canvas;

import java.awt.geom.Rectangle2D;

/**
 * Which part of the map the canvas shows: the map point at the canvas's top-left corner and the zoom (screen pixels
 * per map unit, 10 % to 800 %). Pure arithmetic, so tools and tests use it without a window.
 */
public final class Camera {

    public static final double MIN_SCALE = 0.1;
    public static final double MAX_SCALE = 8.0;

    private double originX;
    private double originY;
    private double scale = 1.0;
    private double viewWidth = 800;
    private double viewHeight = 600;

    public double originX() {
        return originX;
    }

    public double originY() {
        return originY;
    }

    public double scale() {
        return scale;
    }

    public double viewWidth() {
        return viewWidth;
    }

    public double viewHeight() {
        return viewHeight;
    }

    /** The canvas size in screen pixels (set by the view when it is resized). */
    public void setViewSize(double width, double height) {
        this.viewWidth = Math.max(1, width);
        this.viewHeight = Math.max(1, height);
    }

    public double toMapX(double screenX) {
        return originX + screenX / scale;
    }

    public double toMapY(double screenY) {
        return originY + screenY / scale;
    }

    public double toScreenX(double mapX) {
        return (mapX - originX) * scale;
    }

    public double toScreenY(double mapY) {
        return (mapY - originY) * scale;
    }

    /** The visible part of the map, in map units. */
    public Rectangle2D visibleArea() {
        return new Rectangle2D.Double(originX, originY, viewWidth / scale, viewHeight / scale);
    }

    /** Moves the view by a distance in screen pixels (dragging the map to the right shows what lies left). */
    public void panByScreen(double dx, double dy) {
        originX -= dx / scale;
        originY -= dy / scale;
    }

    /** Puts the view at an origin and zoom (clamped), e.g. to restore a saved view. */
    public void set(double x, double y, double newScale) {
        originX = x;
        originY = y;
        scale = clamp(newScale);
    }

    public void setOrigin(double x, double y) {
        originX = x;
        originY = y;
    }

    /** Zooms to {@code newScale} (clamped) keeping the map point under the screen point where it is. */
    public void zoomAt(double screenX, double screenY, double newScale) {
        double mx = toMapX(screenX);
        double my = toMapY(screenY);
        scale = clamp(newScale);
        originX = mx - screenX / scale;
        originY = my - screenY / scale;
    }

    /** Zooms by a factor around the centre of the view. */
    public void zoomBy(double factor) {
        zoomAt(viewWidth / 2, viewHeight / 2, scale * factor);
    }

    /** Shows the whole rectangle (map units), centred, with a margin in screen pixels; never above 100 % zoom when {@code capAtOne}. */
    public void fit(Rectangle2D area, double marginPx, boolean capAtOne) {
        if (area == null || area.isEmpty() && area.getWidth() <= 0 && area.getHeight() <= 0) {
            scale = 1;
            originX = (area == null ? 0 : area.getCenterX()) - viewWidth / 2;
            originY = (area == null ? 0 : area.getCenterY()) - viewHeight / 2;
            return;
        }
        double sx = (viewWidth - 2 * marginPx) / Math.max(1, area.getWidth());
        double sy = (viewHeight - 2 * marginPx) / Math.max(1, area.getHeight());
        double s = Math.min(sx, sy);
        if (capAtOne) {
            s = Math.min(s, 1.0);
        }
        scale = clamp(s);
        originX = area.getCenterX() - viewWidth / 2 / scale;
        originY = area.getCenterY() - viewHeight / 2 / scale;
    }

    private static double clamp(double s) {
        if (!(s > 0)) {
            return MIN_SCALE;
        }
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }

    /** The zoom as a whole percentage, e.g. 125. */
    public int percent() {
        return (int) Math.round(scale * 100);
    }
}
