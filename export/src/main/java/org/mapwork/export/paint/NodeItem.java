package org.mapwork.export.paint;

import java.awt.Color;
import java.awt.Shape;
import java.util.List;

import org.mapwork.model.Element;
import org.mapwork.templates.Badge;
import org.mapwork.templates.NodeLook;

/** A node as drawn: its outline, colours, wrapped label and type label, pictogram, influence tower and badges. */
final class NodeItem extends SceneItem {
    final NodeLook look;
    final String shapeName;
    final Shape shape;
    final Color fill;
    final Color stroke;
    final Color textColour;
    final WrappedText label;
    final double labelTop;
    final WrappedText typeLabel;
    final double typeLabelTop;
    final Color typeLabelColour;
    final Shape pictogram;
    final long tower;
    final Tower towerShape;
    final List<Badge> badges;

    NodeItem(Element e, NodeLook look, String shapeName, Shape shape, Color fill, Color stroke, Color textColour,
             WrappedText label, double labelTop, WrappedText typeLabel, Shape pictogram, long tower, List<Badge> badges,
             double typeLabelTop, Tower towerShape) {
        super(e);
        this.look = look;
        this.shapeName = shapeName;
        this.shape = shape;
        this.fill = fill;
        this.stroke = stroke;
        this.textColour = textColour;
        this.label = label;
        this.labelTop = labelTop;
        this.typeLabel = typeLabel;
        this.pictogram = pictogram;
        this.tower = tower;
        this.badges = badges;
        this.typeLabelTop = typeLabelTop;
        this.towerShape = towerShape;
        this.typeLabelColour = Colours.withAlpha(textColour, 190);
    }

    double cx() {
        return element.geometry().centerX();
    }

    double cy() {
        return element.geometry().centerY();
    }
}
