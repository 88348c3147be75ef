package org.mapwork.model;

/** The three kinds of map element. */
public enum ElementKind {
    /** A thing on the map: an actor, a cause, an outcome, an action, a pictogram. */
    NODE,
    /** A connection between exactly two nodes. */
    LINK,
    /** Free text, a freehand stroke or a frame/area; not part of the graph. */
    ANNOTATION;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ElementKind fromJson(String s) {
        for (ElementKind k : values()) {
            if (k.jsonName().equals(s)) {
                return k;
            }
        }
        return null;
    }
}
