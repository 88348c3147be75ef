package org.mapwork.editor.tool;

import org.mapwork.editor.i18n.Ui;

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
    EDITING_TEXT;

    /** How the status bar names the state, in the user's language. */
    public String text() {
        return switch (this) {
            case IDLE -> Ui.text("tool.state.idle");
            case POINTING -> Ui.text("tool.state.pointing");
            case DRAGGING -> Ui.text("tool.state.dragging");
            case RUBBER_BAND -> Ui.text("tool.state.rubber-band");
            case CONNECTING -> Ui.text("tool.state.connecting");
            case PANNING -> Ui.text("tool.state.panning");
            case RESIZING -> Ui.text("tool.state.resizing");
            case RAISING_TOWER -> Ui.text("tool.state.raising-tower");
            case DRAWING -> Ui.text("tool.state.drawing");
            case EDITING_TEXT -> Ui.text("tool.state.editing-text");
        };
    }
}
