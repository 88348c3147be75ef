package org.mapwork.export.imports;

/**
 * Where an import puts the nodes its file gives no place: a grid filled row by row, at least a few columns wide (a
 * small sheet reads like a list) and, for many nodes, as many columns as rows. A fixed width let the rows run off:
 * 8 columns put row 666,674 of a 1,000,000-row CSV at y = 10,000,080, past the model's largest coordinate, and the
 * import refused its own placing (issue 15). A square grid keeps any count the element limit allows far inside it.
 */
final class StandInGrid {

    private final int columns;
    private final double stepX, stepY;

    /**
     * @param count      how many nodes may be placed
     * @param minColumns the width of a small grid
     */
    StandInGrid(int count, int minColumns, double stepX, double stepY) {
        this.columns = Math.max(minColumns, (int) Math.ceil(Math.sqrt(count)));
        this.stepX = stepX;
        this.stepY = stepY;
    }

    double x(int index) {
        return (index % columns) * stepX;
    }

    double y(int index) {
        return (double) (index / columns) * stepY;
    }
}
