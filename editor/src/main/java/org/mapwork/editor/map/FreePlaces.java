package org.mapwork.editor.map;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;

/**
 * Finds places for new nodes that overlap nothing already on the map (nor each other), scanning a grid of cells
 * row by row from a starting point, as a group would lay cards on a table. What is taken is what is drawn (a
 * Net-Map actor's influence tower stands beside its card), and a new node keeps room for what will be drawn
 * beside it.
 */
public final class FreePlaces {

    private static final double GAP = 20;

    /**
     * What the search counts as taken and keeps free.
     *
     * @param drawn what an existing element covers when drawn (its box, or more: a tower, a label below)
     * @param right room kept free right of each new node (for its tower), in map units
     * @param top   room kept free above each new node
     */
    public record Room(Function<Element, Rectangle2D> drawn, double right, double top) {
        /** Elements cover their boxes; new nodes need no more than theirs. */
        public static final Room BOXES = new Room(e -> box(e.geometry()), 0, 0);
    }

    private FreePlaces() {
    }

    /**
     * {@code count} boxes of {@code width × height}, left to right then down from {@code (startX, startY)}, at most
     * {@code perRow} per row, skipping cells that would touch an existing element's box.
     */
    public static List<Geometry> find(MapDocument doc, int count, double startX, double startY, double width,
                                      double height, int perRow) {
        return find(doc, count, startX, startY, width, height, perRow, Room.BOXES);
    }

    /** As {@link #find(MapDocument, int, double, double, double, double, int)}, with what {@code room} says is taken and kept. */
    public static List<Geometry> find(MapDocument doc, int count, double startX, double startY, double width,
                                      double height, int perRow, Room room) {
        List<Rectangle2D> taken = new ArrayList<>();
        doc.elements().forEach(e -> {
            if (!e.isLink()) {
                taken.add(room.drawn().apply(e));
            }
        });
        List<Geometry> out = new ArrayList<>(count);
        int cell = 0;
        while (out.size() < count && cell < 100_000) {
            double x = startX + (cell % perRow) * (width + room.right() + GAP);
            double y = startY + (cell / perRow) * (height + room.top() + GAP);
            cell++;
            Geometry candidate = Geometry.box(x, y, width, height);
            Rectangle2D withRoom = new Rectangle2D.Double(x, y - room.top(), width + room.right(), height + room.top());
            if (free(withRoom, taken)) {
                out.add(candidate);
                taken.add(withRoom);
            }
        }
        return out;
    }

    private static Rectangle2D box(Geometry g) {
        return new Rectangle2D.Double(g.x(), g.y(), g.width(), g.height());
    }

    private static boolean free(Rectangle2D c, List<Rectangle2D> taken) {
        // a margin of half the gap keeps new cards from touching old ones
        Rectangle2D margin = new Rectangle2D.Double(c.getX() - GAP / 2, c.getY() - GAP / 2, c.getWidth() + GAP,
                c.getHeight() + GAP);
        for (Rectangle2D g : taken) {
            if (g.intersects(margin)) {
                return false;
            }
        }
        return true;
    }
}
