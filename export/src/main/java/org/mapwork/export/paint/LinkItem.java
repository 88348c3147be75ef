package org.mapwork.export.paint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;

import org.mapwork.model.Element;

/** A link as drawn: its path between the two nodes' outlines, arrowhead, stroke, halo and label. */
final class LinkItem extends SceneItem {
    final Shape path;
    /** The straight part between the two nodes (for hit tests), or {@code null} for a loop. */
    final Line2D segment;
    /** How far from its segment a link draws (halo, arrowhead, antialiasing), in map units. */
    private final double reach;
    final Shape arrow;
    final Color colour;
    final Stroke stroke;
    final Stroke halo;
    final WrappedText label;
    final double labelX;
    final double labelY;
    final Color labelColour;
    /** What the path was drawn from: the two end nodes' items and the link's place among parallel links. */
    final NodeItem from, to;
    final int indexInPair, pairSize;

    LinkItem(Element e, NodeItem from, NodeItem to, int indexInPair, int pairSize, Shape path, Line2D segment,
             Shape arrow, Color colour, Stroke stroke, Stroke halo, WrappedText label, double labelX, double labelY) {
        super(e);
        this.segment = segment;
        this.reach = segment == null ? 0 : (((BasicStroke) halo).getLineWidth() / 2 + 14);
        this.from = from;
        this.to = to;
        this.indexInPair = indexInPair;
        this.pairSize = pairSize;
        this.path = path;
        this.arrow = arrow;
        this.colour = colour;
        this.stroke = stroke;
        this.halo = halo;
        this.label = label;
        this.labelX = labelX;
        this.labelY = labelY;
        this.labelColour = colour.darker();
    }

    /** Whether what this link draws can meet the area (its line within reach of it, or its label in it). */
    boolean meets(double x, double y, double w, double h) {
        if (segment == null || segment.intersects(x - reach, y - reach, w + 2 * reach, h + 2 * reach)) {
            return true;
        }
        return label != null && labelX + label.maxWidth() / 2 + 4 >= x && labelX - label.maxWidth() / 2 - 4 <= x + w
                && labelY + label.height() / 2 + 3 >= y && labelY - label.height() / 2 - 3 <= y + h;
    }
}
