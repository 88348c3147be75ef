package org.mapwork.editor.tool;

/**
 * What a person does on the canvas, in the editor's own small vocabulary: pointer down/move/up with map and screen
 * coordinates, and keys. The view turns JavaFX events into these; tools and tests use only these.
 */
public sealed interface CanvasInput {

    /** Which keys were held. {@code shortcut} is Ctrl (Cmd on a Mac). */
    record Modifiers(boolean shift, boolean shortcut, boolean alt) {
        public static final Modifiers NONE = new Modifiers(false, false, false);
        public static final Modifiers SHIFT = new Modifiers(true, false, false);
        public static final Modifiers SHORTCUT = new Modifiers(false, true, false);
        public static final Modifiers SHORTCUT_SHIFT = new Modifiers(true, true, false);
        public static final Modifiers ALT = new Modifiers(false, false, true);
    }

    enum Button { PRIMARY, MIDDLE, SECONDARY, NONE }

    /** A button went down at map point (x, y), screen point (sx, sy); {@code clicks} is 2 for a double click. */
    record PointerDown(double x, double y, double sx, double sy, Button button, int clicks, Modifiers mods)
            implements CanvasInput {
    }

    record PointerMove(double x, double y, double sx, double sy, Modifiers mods) implements CanvasInput {
    }

    record PointerUp(double x, double y, double sx, double sy, Button button, Modifiers mods) implements CanvasInput {
    }

    /**
     * A key went down. {@code key} is a key name like {@code SPACE}, {@code ESCAPE}, {@code DELETE}, {@code F2},
     * {@code Z}; {@code text} is the character typed, if any (for {@code ?} and {@code +}).
     */
    record KeyDown(String key, String text, Modifiers mods) implements CanvasInput {
    }

    record KeyUp(String key, Modifiers mods) implements CanvasInput {
    }
}
