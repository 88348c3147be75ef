package org.mapwork.editor.tool;

/** A canvas tool: an explicit state machine fed with {@link CanvasInput}s. */
public interface Tool {

    /** A short name for the toolbar and the status bar, e.g. "Select". */
    String name();

    ToolState state();

    /** Handles one input; returns whether the tool used it (unused keys go on to the keyboard commands). */
    boolean handle(CanvasInput input);

    /** Abandons any gesture in progress without changing the map (Escape, switching tools). */
    void cancel();
}
