package org.mapwork.editor.map;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.mapwork.editor.canvas.Camera;
import org.mapwork.editor.map.MapViewModel.Aspect;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;

/**
 * How a map window looks at its map: the camera (zoom and pan), zoom to fit or to the selection, and the grid new
 * and moved elements snap to. Every change tells the listeners {@link Aspect#VIEW}.
 */
public final class Viewing {

    /** The grid step in map units. */
    public static final double GRID = 20;

    private final Camera camera = new Camera();
    private final Supplier<MapDocument> document;
    private final Selection selection;
    private final Consumer<Aspect> changed;
    private Function<MapDocument, Rectangle2D> extent;
    private boolean grid;
    private boolean snap;

    Viewing(Supplier<MapDocument> document, Selection selection, Consumer<Aspect> changed) {
        this.document = document;
        this.selection = selection;
        this.changed = changed;
    }

    public Camera camera() {
        return camera;
    }

    /**
     * How far the map reaches, for zoom to fit; the window sets the painter's extent (which counts headings, lanes
     * and quadrants), tests keep the elements' bounds.
     */
    public void setExtent(Function<MapDocument, Rectangle2D> extent) {
        this.extent = extent;
    }

    public void zoomToFit() {
        MapDocument doc = document.get();
        Rectangle2D bounds = extent != null ? extent.apply(doc) : boundsOf(doc.elements());
        if (bounds != null && bounds.isEmpty()) {
            bounds = boundsOf(doc.elements());
        }
        // never closer than 100 %: a new map with one or two elements opens at its natural size, not at whatever
        // zoom its few elements happen to fill the window at (the starters opened at 195 %, 206 %, 261 %...)
        camera.fit(bounds, 40, true);
        changed.accept(Aspect.VIEW);
    }

    public void zoomToSelection() {
        MapDocument doc = document.get();
        List<Element> chosen = new ArrayList<>();
        for (String id : selection) {
            if (doc.contains(id)) {
                chosen.add(doc.element(id));
            }
        }
        if (chosen.isEmpty()) {
            zoomToFit();
            return;
        }
        camera.fit(boundsOf(chosen), 60, true);
        changed.accept(Aspect.VIEW);
    }

    public void zoomBy(double factor) {
        camera.zoomBy(factor);
        changed.accept(Aspect.VIEW);
    }

    public void zoomAt(double sx, double sy, double factor) {
        camera.zoomAt(sx, sy, camera.scale() * factor);
        changed.accept(Aspect.VIEW);
    }

    public void panByScreen(double dx, double dy) {
        camera.panByScreen(dx, dy);
        changed.accept(Aspect.VIEW);
    }

    /** Tells the listeners that the camera changed (the window resized it). */
    public void viewChanged() {
        changed.accept(Aspect.VIEW);
    }

    public boolean gridShown() {
        return grid;
    }

    public boolean snapping() {
        return snap;
    }

    /** Shows the grid and snaps to it, or neither. */
    public void setGrid(boolean on) {
        grid = on;
        snap = on;
        changed.accept(Aspect.VIEW);
    }

    /** A map coordinate on the grid when snapping, else as it is. */
    public double snap(double v) {
        return snap ? Math.round(v / GRID) * GRID : v;
    }

    /** The bounds of the nodes and annotations among {@code elements}, or null when there are none. */
    static Rectangle2D boundsOf(Collection<Element> elements) {
        Rectangle2D r = null;
        for (Element e : elements) {
            if (e.isLink()) {
                continue;
            }
            Geometry g = e.geometry();
            Rectangle2D b = new Rectangle2D.Double(g.x(), g.y(), g.width(), g.height());
            if (r == null) {
                r = b;
            } else {
                r.add(b);
            }
        }
        return r;
    }
}
