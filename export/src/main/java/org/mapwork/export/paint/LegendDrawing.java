package org.mapwork.export.paint;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.Optional;

import org.mapwork.templates.LegendEntry;

/** Draws a file's legend: a box right of the map with a swatch and a label for each type, link type or pictogram used. */
final class LegendDrawing {

    static final float LEGEND_SIZE = 11f;
    /** Lines a legend label may take before it is cut (a safeguard against a pasted essay, not a layout rule). */
    static final int MAX_LINES = 12;
    private static final Color SWATCH = new Color(0x888888);
    private static final Color DARK = new Color(0x333333);

    private final TextWrapper text;

    LegendDrawing(TextWrapper text) {
        this.text = text;
    }

    /** A legend row: one swatch high, taller when its label takes more lines. */
    static double rowHeight(WrappedText label) {
        return Math.max(26, label.height() + 10);
    }

    /** Draws the legend laid out in {@code f}. */
    void draw(Graphics2D g, PageFrame f) {
        Rectangle2D box = f.legendBox;
        g.setColor(Color.WHITE);
        g.fill(box);
        g.setColor(Ink.RULE);
        g.setStroke(Ink.THIN);
        g.draw(box);
        Ink.text(g, text.line("Legend", true, 12f), box.getX() + 10, box.getY() + 8, Ink.INK, false);
        double y = box.getY() + 32;
        for (int i = 0; i < f.legend.size(); i++) {
            LegendEntry e = f.legend.get(i);
            double sx = box.getX() + 10, sy = y + 3;
            Color colour = Colours.parse(e.colour(), SWATCH);
            switch (e.kind()) {
                case NODE -> {
                    Shape sh = SceneShapes.shape(e.shape(), sx, sy, 34, 18);
                    g.setColor(colour);
                    g.fill(sh);
                    g.setColor(colour.darker());
                    g.setStroke(Ink.THIN);
                    g.draw(sh);
                }
                case LINK -> {
                    g.setColor(colour);
                    g.setStroke(SceneShapes.stroke(e.dash(), 2));
                    double ly = sy + 9;
                    g.draw(SceneShapes.line(sx, ly, sx + (e.directed() ? 26 : 34), ly));
                    if (e.directed()) {
                        g.fill(SceneShapes.triangle(sx + 34, ly, 1, 0));
                    }
                }
                case PICTOGRAM -> {
                    Optional<Shape> icon = PictogramShapes.shape(e.pictogram());
                    g.setColor(Colours.parse(e.colour(), DARK));
                    if (icon.isPresent()) {
                        AffineTransform at = AffineTransform.getTranslateInstance(sx + 8, sy - 1);
                        at.scale(20 / 24.0, 20 / 24.0);
                        g.fill(at.createTransformedShape(icon.get()));
                    }
                }
                default -> {
                }
            }
            WrappedText label = f.legendLabels.get(i);
            Ink.text(g, label, sx + 44, y + 12 - Math.min(label.height(), 18) / 2, Ink.INK, false);
            y += rowHeight(label);
        }
    }
}
