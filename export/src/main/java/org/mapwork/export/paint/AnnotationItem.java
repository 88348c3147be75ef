package org.mapwork.export.paint;

import java.awt.Color;
import java.awt.Shape;

import org.mapwork.model.Element;
import org.mapwork.model.schema.AnnotationType;

/** An annotation as drawn: a text, a freehand stroke (with its arrowhead) or a labelled frame. */
final class AnnotationItem extends SceneItem {
    final AnnotationType.Form form;
    final Shape shape;
    final Shape arrow;
    final Color colour;
    final WrappedText label;

    AnnotationItem(Element e, AnnotationType.Form form, Shape shape, Shape arrow, Color colour, WrappedText label) {
        super(e);
        this.form = form;
        this.shape = shape;
        this.arrow = arrow;
        this.colour = colour;
        this.label = label;
    }
}
