package org.mapwork.export.paint;

import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A grid index over a scene's items by their bounds, so that a frame only visits what it shows: each cell of
 * {@value #CELL} map units lists the items meeting it; items spanning more than {@value #MAX_CELLS} cells (long links
 * across the map) are kept in a short list checked on every visit instead. It holds the items themselves, not their
 * places in the drawing order, so that an item put in or taken out moves no other item's entries.
 */
final class GridIndex {

    private static final double CELL = 256;
    /** Items spanning more grid cells than this are kept in the wide list. */
    private static final int MAX_CELLS = 64;

    /** The items meeting one cell, {@code items[0..size)}, in no particular order. */
    private static final class Cell {
        SceneItem[] items = new SceneItem[4];
        int size;

        void add(SceneItem item) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = item;
        }

        void remove(SceneItem item) {
            for (int k = 0; k < size; k++) {
                if (items[k] == item) {
                    items[k] = items[--size];
                    items[size] = null;
                    return;
                }
            }
        }
    }

    private final Map<Long, Cell> grid = new HashMap<>();
    /** Items too large for the grid, checked on every visit. */
    private final Cell wide = new Cell();
    // per-frame scratch, reused so that drawing a frame allocates nothing that grows with the map
    private int[] visible = new int[256];
    /** Per place in the drawing order: the visit that last found the item there. */
    private int[] seen;
    private int stamp;

    /** An empty index for a scene of about {@code size} items. */
    GridIndex(int size) {
        seen = new int[Math.max(16, size)];
    }

    /** Indexes {@code item} by its bounds. */
    void add(SceneItem item) {
        Rectangle2D b = item.bounds;
        int x0 = cell(b.getMinX()), x1 = cell(b.getMaxX()), y0 = cell(b.getMinY()), y1 = cell(b.getMaxY());
        if ((long) (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS) {
            wide.add(item);
            return;
        }
        for (int cx = x0; cx <= x1; cx++) {
            for (int cy = y0; cy <= y1; cy++) {
                grid.computeIfAbsent(key(cx, cy), k -> new Cell()).add(item);
            }
        }
    }

    /** Takes {@code item}, indexed by the same bounds, out. */
    void remove(SceneItem item) {
        Rectangle2D b = item.bounds;
        int x0 = cell(b.getMinX()), x1 = cell(b.getMaxX()), y0 = cell(b.getMinY()), y1 = cell(b.getMaxY());
        if ((long) (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS) {
            wide.remove(item);
            return;
        }
        for (int cx = x0; cx <= x1; cx++) {
            for (int cy = y0; cy <= y1; cy++) {
                Cell c = grid.get(key(cx, cy));
                if (c != null) {
                    c.remove(item);
                }
            }
        }
    }

    private static int cell(double v) {
        return (int) Math.floor(v / CELL);
    }

    /**
     * A cell's key. The two coordinates side by side, multiplied by an odd constant (so still one key per cell): as
     * they are, {@code Long.hashCode} would be {@code cx ^ cy}, and the cells of a map would share a few dozen hashes.
     */
    private static long key(int cx, int cy) {
        return (((long) cx << 32) ^ (cy & 0xffffffffL)) * 0x9E3779B97F4A7C15L;
    }

    /** Visits, in drawing order, every one of {@code items} whose bounds meet the area. */
    void forEachIn(SceneItem[] items, double x, double y, double w, double h, MapScene.ItemVisitor visitor) {
        if (seen.length < items.length) {
            seen = Arrays.copyOf(seen, Math.max(items.length, seen.length * 2));
        }
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        int n = 0;
        int x0 = cell(x), x1 = cell(x + w), y0 = cell(y), y1 = cell(y + h);
        long cells = (long) (x1 - x0 + 1) * (y1 - y0 + 1);
        if (cells > grid.size()) {
            // zoomed far out: walking the occupied cells is cheaper than walking the empty ones
            for (Cell c : grid.values()) {
                n = collect(c, x, y, w, h, n);
            }
        } else {
            for (int cx = x0; cx <= x1; cx++) {
                for (int cy = y0; cy <= y1; cy++) {
                    Cell c = grid.get(key(cx, cy));
                    if (c != null) {
                        n = collect(c, x, y, w, h, n);
                    }
                }
            }
        }
        n = collect(wide, x, y, w, h, n);
        Arrays.sort(visible, 0, n);
        for (int k = 0; k < n; k++) {
            visitor.visit(items[visible[k]]);
        }
    }

    private int collect(Cell c, double x, double y, double w, double h, int n) {
        for (int k = 0; k < c.size; k++) {
            SceneItem item = c.items[k];
            int i = item.index;
            if (seen[i] == stamp) {
                continue;
            }
            seen[i] = stamp;
            Rectangle2D b = item.bounds;
            if (b.getMaxX() < x || b.getMinX() > x + w || b.getMaxY() < y || b.getMinY() > y + h) {
                continue;
            }
            // a long link's box covers much more than the link: skip it where only the box meets the area
            if (item instanceof LinkItem l && !l.meets(x, y, w, h)) {
                continue;
            }
            if (n == visible.length) {
                visible = Arrays.copyOf(visible, n * 2);
            }
            visible[n++] = i;
        }
        return n;
    }
}
