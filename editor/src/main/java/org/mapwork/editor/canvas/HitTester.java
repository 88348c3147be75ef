package org.mapwork.editor.canvas;

import java.awt.geom.Rectangle2D;
import java.util.List;

import org.mapwork.model.MapDocument;

/** Finds the elements under a point or inside a rectangle (map units), front-most first. */
public interface HitTester {

    List<String> elementsAt(MapDocument doc, double x, double y);

    List<String> elementsIn(MapDocument doc, Rectangle2D area);
}
