package org.mapwork.editor.canvas;

import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;

/**
 * Hit testing on the elements' boxes and straight centre-to-centre links, without any drawing. The tools' unit
 * tests use it; the window uses the painter's hit test, which knows the drawn shapes.
 */
public final class BoxHitTester implements HitTester {

    private static final double LINK_TOLERANCE = 5;

    @Override
    public List<String> elementsAt(MapDocument doc, double x, double y) {
        List<String> out = new ArrayList<>();
        for (Element e : doc.inDrawOrder()) {
            if (e.isLink()) {
                Element s = doc.element(e.source());
                Element t = doc.element(e.target());
                if (s != null && t != null && Line2D.ptSegDist(s.geometry().centerX(), s.geometry().centerY(),
                        t.geometry().centerX(), t.geometry().centerY(), x, y) <= LINK_TOLERANCE) {
                    out.add(0, e.id());
                }
            } else if (e.geometry().intersects(x, y, 0, 0)) {
                out.add(0, e.id());
            }
        }
        // nodes and annotations win over links beneath them
        out.sort((a, b) -> Boolean.compare(doc.element(a).isLink(), doc.element(b).isLink()));
        return out;
    }

    @Override
    public List<String> elementsIn(MapDocument doc, Rectangle2D area) {
        List<String> out = new ArrayList<>();
        for (Element e : doc.inDrawOrder()) {
            if (!e.isLink() && e.geometry().intersects(area.getX(), area.getY(), area.getWidth(), area.getHeight())) {
                out.add(e.id());
            }
        }
        return out;
    }
}
