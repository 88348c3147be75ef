package org.mapwork.bench.canvas;

import java.util.ArrayList;
import java.util.List;

/**
 * The scripted camera of the pan/zoom benchmark: a few hundred views of a map, each one frame, as a person would
 * move about: drags (pans of some pixels per frame) at far, mid and close zoom, and wheel zooms in 10 % steps
 * (× 1.1 or ÷ 1.1 per frame, about the canvas centre) between 10 % and 800 %.
 */
public final class ViewScript {

    /** The editor's zoom limits. */
    public static final double MIN_SCALE = 0.10, MAX_SCALE = 8.0;
    /** One wheel step. */
    public static final double ZOOM_STEP = 1.1;

    /** Where the camera looks in one frame: the map point at the canvas' top-left corner, and the scale. */
    public record View(int index, String kind, double originX, double originY, double scale) {
        /** far (&lt; 25 %), mid (25–100 %) or close (&gt; 100 %). */
        public String band() {
            return scale < 0.25 ? "far" : scale <= 1.0001 ? "mid" : "close";
        }
    }

    private final double width, height, mapWidth, mapHeight;
    private final List<View> views = new ArrayList<>();
    private double cx, cy, scale;

    private ViewScript(double width, double height, double mapWidth, double mapHeight, double scale) {
        this.width = width;
        this.height = height;
        this.mapWidth = mapWidth;
        this.mapHeight = mapHeight;
        this.cx = mapWidth / 2;
        this.cy = mapHeight / 2;
        this.scale = scale;
    }

    /**
     * The benchmark's script for a canvas of {@code width × height} pixels over a map whose content spans
     * {@code mapWidth × mapHeight} from the origin: about 400 frames, starting at 10 % on the map's centre.
     */
    public static List<View> standard(double width, double height, double mapWidth, double mapHeight) {
        ViewScript s = new ViewScript(width, height, mapWidth, mapHeight, MIN_SCALE);
        s.pan(50, 12, 6);         // far: the most of the map a 10 % view holds
        s.zoomTo(MAX_SCALE);      // all the way in
        s.pan(50, -20, 10);       // close
        s.zoomTo(1.0);
        s.pan(60, 25, -12);       // mid, 100 %
        s.zoomTo(MIN_SCALE);
        s.pan(40, -12, -8);       // far again
        s.zoomTo(0.35);
        s.pan(40, 20, 20);        // mid, 35 %
        s.zoomTo(2.5);
        s.pan(40, -25, 5);        // close, 250 %
        return List.copyOf(s.views);
    }

    /** A drag: the view's centre moves by the given pixels per frame and turns back at the map's edges. */
    private void pan(int frames, double dxPixels, double dyPixels) {
        double dx = dxPixels, dy = dyPixels;
        for (int i = 0; i < frames; i++) {
            if (cx + dx / scale < 0 || cx + dx / scale > mapWidth) {
                dx = -dx;
            }
            if (cy + dy / scale < 0 || cy + dy / scale > mapHeight) {
                dy = -dy;
            }
            cx += dx / scale;
            cy += dy / scale;
            add("pan");
        }
    }

    private void zoomTo(double target) {
        boolean in = target > scale;
        while (in ? scale * ZOOM_STEP <= target * 1.0001 : scale / ZOOM_STEP >= target / 1.0001) {
            scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, in ? scale * ZOOM_STEP : scale / ZOOM_STEP));
            add("zoom");
        }
        if (Math.abs(scale - target) > 1e-9) {
            scale = target;
            add("zoom");
        }
    }

    private void add(String kind) {
        views.add(new View(views.size(), kind, cx - width / 2 / scale, cy - height / 2 / scale, scale));
    }
}
