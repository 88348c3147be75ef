package org.mapwork.editor.view;

import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;

import org.mapwork.editor.map.Shortcuts;
import org.mapwork.editor.tool.CanvasInput;

/**
 * The map window's keys: a press goes to the canvas's tool first, then to the {@link Shortcuts} table; typing in a
 * field keeps its keys to itself.
 */
final class WindowKeys {

    private final MapCanvasView canvas;
    private final Shortcuts shortcuts;
    private boolean swallowTyped;

    private WindowKeys(MapCanvasView canvas, Shortcuts shortcuts) {
        this.canvas = canvas;
        this.shortcuts = shortcuts;
    }

    /** Sends the key presses and releases that reach {@code root} to the canvas and the shortcuts. */
    static void wire(Region root, MapCanvasView canvas, Shortcuts shortcuts) {
        new WindowKeys(canvas, shortcuts).wire(root);
    }

    private void wire(Region root) {
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (takesTyping(e.getTarget())) {
                return; // typing in a field: its keys are its own
            }
            if (canvas.keyPressed(e)) {
                e.consume();
                return;
            }
            // Tab and Shift+Tab walk the selection through the map's elements while the canvas has the focus; past
            // the last (or first) one the key moves the focus on as usual, so the keyboard can leave the canvas
            if (e.getCode() == javafx.scene.input.KeyCode.TAB && e.getTarget() == canvas.canvas()
                    && !e.isShortcutDown() && !e.isAltDown() && canvas.stepSelection(!e.isShiftDown())) {
                e.consume();
                return;
            }
            CanvasInput.KeyDown k = new CanvasInput.KeyDown(e.getCode().name(), e.getText(),
                    new CanvasInput.Modifiers(e.isShiftDown(), e.isShortcutDown(), e.isAltDown()));
            if (shortcuts.dispatch(k)) {
                e.consume();
                // the key's character must not land in a label editor the shortcut just opened ("N" then typing)
                swallowTyped = true;
            }
        });
        root.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                swallowTyped = false;
                e.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_RELEASED, e -> swallowTyped = false);
        root.addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (!takesTyping(e.getTarget()) && canvas.keyReleased(e)) {
                e.consume();
            }
        });
    }

    /**
     * Whether key presses aimed at this are typing: a text field, or a date picker or stepper one can type into
     * (those keep the focus themselves and hand the keys to their editor, so the target is not the text field).
     */
    private static boolean takesTyping(Object target) {
        return target instanceof TextInputControl
                || target instanceof ComboBoxBase<?> box && box.isEditable()
                || target instanceof Spinner<?> spinner && spinner.isEditable();
    }
}
