package org.mapwork.editor.map;

import java.util.ArrayList;
import java.util.List;

import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;

/**
 * Finds places for new nodes that overlap nothing already on the map (nor each other), scanning a grid of cells
 * row by row from a starting point, as a group would lay cards on a table.
 */
public final class FreePlaces {

    private static final double GAP = 20;

    private FreePlaces() {
    }

    /**
     * {@code count} boxes of {@code width × height}, left to right then down from {@code (startX, startY)}, at most
     * {@code perRow} per row, skipping cells that would touch an existing element.
     */
    public static List<Geometry> find(MapDocument doc, int count, double startX, double startY, double width,
                                      double height, int perRow) {
        List<Geometry> taken = new ArrayList<>();
        doc.elements().forEach(e -> {
            if (!e.isLink()) {
                taken.add(e.geometry());
            }
        });
        List<Geometry> out = new ArrayList<>(count);
        int cell = 0;
        while (out.size() < count && cell < 100_000) {
            double x = startX + (cell % perRow) * (width + GAP);
            double y = startY + (cell / perRow) * (height + GAP);
            cell++;
            Geometry candidate = Geometry.box(x, y, width, height);
            if (free(candidate, taken)) {
                out.add(candidate);
                taken.add(candidate);
            }
        }
        return out;
    }

    private static boolean free(Geometry c, List<Geometry> taken) {
        for (Geometry g : taken) {
            // a margin of half the gap keeps new cards from touching old ones
            if (g.intersects(c.x() - GAP / 2, c.y() - GAP / 2, c.width() + GAP, c.height() + GAP)) {
                return false;
            }
        }
        return true;
    }
}
