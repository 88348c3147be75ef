package org.mapwork.model.schema;

import java.util.List;
import java.util.Objects;

/** A kind of annotation: free text, a heading, a freehand stroke, or a frame around an area. */
public record AnnotationType(String name, Form form, List<AttributeDef> attributes) implements ElementType {

    /** How an annotation of this type is drawn and what geometry it needs. */
    public enum Form {
        /** Free text in a box. */
        TEXT,
        /** A freehand stroke or arrow: needs at least two points. */
        STROKE,
        /** A labelled rectangle around an area. */
        FRAME,
        /**
         * A heading (a picture's title): large bold text that takes up only the room its words do, so that it
         * neither hides nor takes the clicks of what lies beside it.
         */
        HEADING
    }

    public AnnotationType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(form, "form");
        attributes = List.copyOf(attributes);
    }

    /** The standard annotations every method offers: {@code text}, {@code stroke}, {@code frame}. */
    public static List<AnnotationType> standard() {
        return List.of(new AnnotationType("text", Form.TEXT, List.of()),
                new AnnotationType("stroke", Form.STROKE, List.of(AttributeDef.bool("arrow"))),
                new AnnotationType("frame", Form.FRAME, List.of()));
    }
}
