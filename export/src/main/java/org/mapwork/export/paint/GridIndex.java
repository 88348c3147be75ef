package org.mapwork.export.paint;

import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A grid index over a scene's items by their bounds, so that a frame only visits what it shows: each cell of
 * {@value #CELL} map units lists the numbers (places in the drawing order) of the items meeting it; items spanning more
 * than {@value #MAX_CELLS} cells (long links across the map) are kept in a short list checked on every visit instead.
 */
final class GridIndex {

    private static final double CELL = 256;
    /** Items spanning more grid cells than this are kept in the wide list. */
    private static final int MAX_CELLS = 64;

    private final Map<Long, int[]> grid = new HashMap<>();
    /** Items too large for the grid, checked on every visit: {@code wide[0..wideCount)}. */
    private int[] wide = new int[16];
    private int wideCount;
    // per-frame scratch, reused so that drawing a frame allocates nothing that grows with the map
    private int[] visible = new int[256];
    private int[] seen;
    private int stamp;

    /** An empty index for {@code size} items. */
    GridIndex(int size) {
        seen = new int[size];
    }

    /** Indexes item {@code i} (its place in the drawing order) by its bounds {@code b}. */
    void add(int i, Rectangle2D b) {
        if (!index(i, b)) {
            if (wideCount == wide.length) {
                wide = Arrays.copyOf(wide, wideCount * 2);
            }
            wide[wideCount++] = i;
        }
    }

    /** Takes item {@code i}, indexed with bounds {@code b}, out. */
    void remove(int i, Rectangle2D b) {
        if (!unindex(i, b)) {
            for (int k = 0; k < wideCount; k++) {
                if (wide[k] == i) {
                    wide[k] = wide[--wideCount];
                    break;
                }
            }
        }
    }

    /**
     * After the drawing order changed: item {@code k} is now item {@code moved[k]} of {@code size} (an item taken out
     * must have been {@link #remove removed} first).
     */
    void renumber(int[] moved, int size) {
        for (int[] list : grid.values()) {
            for (int k = 1; k <= list[0]; k++) {
                list[k] = moved[list[k]];
            }
        }
        for (int k = 0; k < wideCount; k++) {
            wide[k] = moved[wide[k]];
        }
        seen = new int[size];
        stamp = 0;
    }

    private boolean index(int i, Rectangle2D b) {
        int x0 = cell(b.getMinX()), x1 = cell(b.getMaxX()), y0 = cell(b.getMinY()), y1 = cell(b.getMaxY());
        if ((long) (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS) {
            return false;
        }
        for (int cx = x0; cx <= x1; cx++) {
            for (int cy = y0; cy <= y1; cy++) {
                long key = key(cx, cy);
                int[] list = grid.get(key);
                if (list == null) {
                    list = new int[] {0, 0, 0, 0, 0};
                    grid.put(key, list);
                } else if (list[0] + 1 == list.length) {
                    list = Arrays.copyOf(list, list.length * 2);
                    grid.put(key, list);
                }
                list[++list[0]] = i;
            }
        }
        return true;
    }

    /** Removes item {@code i} from the grid cells of {@code b}; false when it was kept in the wide list instead. */
    private boolean unindex(int i, Rectangle2D b) {
        int x0 = cell(b.getMinX()), x1 = cell(b.getMaxX()), y0 = cell(b.getMinY()), y1 = cell(b.getMaxY());
        if ((long) (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS) {
            return false;
        }
        for (int cx = x0; cx <= x1; cx++) {
            for (int cy = y0; cy <= y1; cy++) {
                int[] list = grid.get(key(cx, cy));
                if (list == null) {
                    continue;
                }
                for (int k = 1; k <= list[0]; k++) {
                    if (list[k] == i) {
                        list[k] = list[list[0]];
                        list[0]--;
                        break;
                    }
                }
            }
        }
        return true;
    }

    private static int cell(double v) {
        return (int) Math.floor(v / CELL);
    }

    private static long key(int cx, int cy) {
        return ((long) cx << 32) ^ (cy & 0xffffffffL);
    }

    /** Visits, in drawing order, every one of {@code items} whose bounds meet the area. */
    void forEachIn(SceneItem[] items, double x, double y, double w, double h, MapScene.ItemVisitor visitor) {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        int n = 0;
        int x0 = cell(x), x1 = cell(x + w), y0 = cell(y), y1 = cell(y + h);
        long cells = (long) (x1 - x0 + 1) * (y1 - y0 + 1);
        if (cells > grid.size()) {
            // zoomed far out: walking the occupied cells is cheaper than walking the empty ones
            for (int[] list : grid.values()) {
                n = collect(items, list, x, y, w, h, n);
            }
        } else {
            for (int cx = x0; cx <= x1; cx++) {
                for (int cy = y0; cy <= y1; cy++) {
                    int[] list = grid.get(key(cx, cy));
                    if (list != null) {
                        n = collect(items, list, x, y, w, h, n);
                    }
                }
            }
        }
        for (int k = 0; k < wideCount; k++) {
            n = add(items, wide[k], x, y, w, h, n);
        }
        Arrays.sort(visible, 0, n);
        for (int k = 0; k < n; k++) {
            visitor.visit(items[visible[k]]);
        }
    }

    private int collect(SceneItem[] items, int[] list, double x, double y, double w, double h, int n) {
        for (int k = 1; k <= list[0]; k++) {
            n = add(items, list[k], x, y, w, h, n);
        }
        return n;
    }

    private int add(SceneItem[] items, int i, double x, double y, double w, double h, int n) {
        if (seen[i] == stamp) {
            return n;
        }
        seen[i] = stamp;
        Rectangle2D b = items[i].bounds;
        if (b.getMaxX() < x || b.getMinX() > x + w || b.getMaxY() < y || b.getMinY() > y + h) {
            return n;
        }
        // a long link's box covers much more than the link: skip it where only the box meets the area
        if (items[i] instanceof LinkItem l && !l.meets(x, y, w, h)) {
            return n;
        }
        if (n == visible.length) {
            visible = Arrays.copyOf(visible, n * 2);
        }
        visible[n] = i;
        return n + 1;
    }
}
