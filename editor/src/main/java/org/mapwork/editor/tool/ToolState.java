package org.mapwork.editor.tool;

/** The states a canvas tool can be in; the status bar shows it and tests assert on it. */
public enum ToolState {
    IDLE,
    /** A button is down but has not moved far enough to be a drag. */
    POINTING,
    /** Moving the selection (a preview until release). */
    DRAGGING,
    RUBBER_BAND,
    /** Dragging a new link from a node towards another. */
    CONNECTING,
    PANNING,
    RESIZING,
    /** Dragging an influence tower up or down. */
    RAISING_TOWER,
    /** Drawing a freehand stroke or an arrow. */
    DRAWING,
    /** A label is being edited in place. */
    EDITING_TEXT
}
