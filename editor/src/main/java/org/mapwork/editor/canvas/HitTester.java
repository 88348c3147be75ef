package org.mapwork.editor.canvas;

import java.awt.geom.Rectangle2D;
import java.util.List;

import org.mapwork.model.MapDocument;

/** Finds the elements under a point or inside a rectangle (map units), front-most first. */
public interface HitTester {

    List<String> elementsAt(MapDocument doc, double x, double y);

    List<String> elementsIn(MapDocument doc, Rectangle2D area);

    /** What an element covers when drawn (map units): its box here; the painter's knows towers and labels. */
    default Rectangle2D drawnBounds(MapDocument doc, org.mapwork.model.Element e) {
        var g = e.geometry();
        return new Rectangle2D.Double(g.x(), g.y(), g.width(), g.height());
    }
}
