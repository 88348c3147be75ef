package org.mapwork.export.paint;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Which elements a point or an area of the map meets, by what their items draw (the editor's clicks and rubber band). */
final class HitTest {

    /** How near a link's line a point counts as on it, in map units. */
    private static final double LINK_REACH = 6;

    private HitTest() {
    }

    /** The ids of the elements whose drawing contains the point, front-most first. */
    static List<String> elementsAt(MapScene s, double x, double y) {
        List<String> out = new ArrayList<>();
        s.forEachIn(x, y, 0, 0, item -> {
            boolean hit;
            if (item instanceof NodeItem n) {
                hit = n.shape.contains(x, y) || n.element.geometry().intersects(x, y, 0, 0);
            } else if (item instanceof LinkItem l) {
                hit = l.segment != null ? l.segment.ptSegDist(x, y) <= LINK_REACH : l.bounds.contains(x, y);
            } else {
                hit = item.bounds.contains(x, y);
            }
            if (hit) {
                out.add(0, item.element.id());
            }
        });
        return out;
    }

    /** The ids of the elements whose drawn bounds meet the area, in drawing order. */
    static List<String> elementsIn(MapScene s, Rectangle2D area) {
        List<String> out = new ArrayList<>();
        s.forEachIn(area.getX(), area.getY(), area.getWidth(), area.getHeight(), item -> out.add(item.element.id()));
        return out;
    }

    /** The drawn bounds of those of the given elements that are drawn. */
    static List<Rectangle2D> drawnBounds(MapScene s, Collection<String> ids) {
        List<Rectangle2D> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            SceneItem item = s.item(id);
            if (item != null) {
                out.add((Rectangle2D) item.bounds.clone());
            }
        }
        return out;
    }
}
