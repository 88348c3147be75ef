package org.mapwork.editor.workflow;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.mapwork.editor.EditorApp;
import org.mapwork.editor.view.FilePicker;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests share: starting the editor without a library, finding places on the canvas, keys. */
final class Ui {

    private Ui() {
    }

    /** Starts the editor on a new map of a method (the example when asked), in memory only. */
    static EditorApp start(Stage stage, String methodId, boolean example) {
        closeOtherWindows(stage);
        EditorApp app = new EditorApp();
        app.start(stage, List.of(), Map.of("no-library", "true", example ? "example" : "new", methodId,
                "size", "1180x740"));
        WaitForAsyncUtils.waitForFxEvents();
        return app;
    }

    /** Runs something on the FX thread and waits for its result (setting up a map, reading the window's state). */
    static <T> T fx(java.util.concurrent.Callable<T> what) throws Exception {
        T result = WaitForAsyncUtils.asyncFx(what).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }

    /**
     * Hides the windows an earlier test left open (a second map, a start screen): on top of this test's window they
     * would take its clicks. Runs on the FX thread (in {@code @Start}).
     */
    static void closeOtherWindows(Stage keep) {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w != keep) {
                w.hide();
            }
        }
    }

    /**
     * Monocle (the headless glass) can keep a finished drag-and-drop as if it were still going, with the view of the
     * window it ended in; the next drag-and-drop then tells that old view the pointer left it, and glass fails
     * (NullPointerException in View.notifyDragLeave). Platforms with a real window system end the gesture
     * themselves. Before a test drags something from the palette, this forgets such a leftover.
     */
    static void forgetFinishedDrag() throws Exception {
        fx(() -> {
            Class<?> input;
            try {
                input = Class.forName("com.sun.glass.ui.monocle.MouseInput");
            } catch (ClassNotFoundException notMonocle) {
                return null;
            }
            var instance = input.getDeclaredField("instance");
            instance.setAccessible(true);
            Object mouse = instance.get(null);
            if (mouse != null) {
                for (String field : List.of("dragInProgress", "dragView", "dragActions")) {
                    var f = input.getDeclaredField(field);
                    f.setAccessible(true);
                    switch (field) {
                        case "dragInProgress" -> f.setBoolean(mouse, false);
                        case "dragView" -> f.set(mouse, null);
                        default -> ((java.util.BitSet) f.get(mouse)).clear();
                    }
                }
            }
            return null;
        });
    }

    /** Where a map point is on the screen. */
    static Point2D screen(MapWindow w, double mapX, double mapY) {
        var cam = w.viewModel().camera();
        return w.canvas().canvas().localToScreen(cam.toScreenX(mapX), cam.toScreenY(mapY));
    }

    static Point2D centre(MapWindow w, Element e) {
        Element now = w.viewModel().document().element(e.id());
        return screen(w, now.geometry().centerX(), now.geometry().centerY());
    }

    /** Where a selected node's connect handle is: a dot 12 px right of the middle of its box's right edge. */
    static Point2D connectHandle(MapWindow w, Element e) {
        var g = w.viewModel().document().element(e.id()).geometry();
        return screen(w, g.x() + g.width(), g.centerY()).add(12, 0);
    }

    static Element byLabel(MapDocument doc, String label) {
        return doc.elements().stream().filter(n -> n.label().equals(label)).findFirst().orElseThrow(
                () -> new AssertionError("no element labelled " + label));
    }

    /** Presses a key combination and lets go of it (modifiers first), as a person does. */
    static void keys(FxRobot robot, KeyCode... combo) {
        robot.press(combo);
        KeyCode[] reversed = new KeyCode[combo.length];
        for (int i = 0; i < combo.length; i++) {
            reversed[i] = combo[combo.length - 1 - i];
        }
        robot.release(reversed);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A right-click as a person makes it. Monocle, the headless glass, never raises the platform's context-menu
     * request that GTK, Windows and macOS raise on a right-click, so after the press and release this raises it the
     * way they do.
     */
    static void rightClick(FxRobot robot, Point2D at, Node target) throws Exception {
        robot.moveTo(at).press(javafx.scene.input.MouseButton.SECONDARY).release(javafx.scene.input.MouseButton.SECONDARY);
        // the event is made with scene coordinates; delivery turns them into the target's own
        Point2D inScene = target.localToScene(target.screenToLocal(at));
        WaitForAsyncUtils.asyncFx(() -> javafx.event.Event.fireEvent(target, new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, inScene.getX(), inScene.getY(), at.getX(),
                at.getY(), false, new javafx.scene.input.PickResult(target, inScene.getX(), inScene.getY())))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The popup menu showing now (a context menu or the goals menu). */
    static javafx.scene.control.ContextMenu shownMenu() {
        WaitForAsyncUtils.waitForFxEvents();
        return (javafx.scene.control.ContextMenu) Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing()).findFirst()
                .orElseThrow(() -> new AssertionError("no menu is showing"));
    }

    static boolean menuShowing() {
        WaitForAsyncUtils.waitForFxEvents();
        return Window.getWindows().stream().anyMatch(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing());
    }

    /** An item of the menus showing now (menus and submenus are windows of their own), by the start of its text. */
    static Node menuItem(FxRobot robot, String start) {
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> roots = Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing() && w.getScene() != null)
                .map(w -> (Node) w.getScene().getRoot()).toList();
        java.util.function.Predicate<Node> matches = n -> n instanceof Labeled l && l.getText() != null
                && l.getText().startsWith(start) && n.isVisible();
        return robot.from(roots).lookup(matches).query();
    }

    static List<String> menuItems() {
        return shownMenu().getItems().stream().map(javafx.scene.control.MenuItem::getText).toList();
    }

    /** The first visible labelled control in any window whose text starts with the given text. */
    static Node textStartingWith(FxRobot robot, String start) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(n -> n instanceof Labeled l && l.getText() != null && l.getText().startsWith(start)
                && n.isVisible()).query();
    }

    /** Waits until a condition holds on the FX thread (a popup or dialog opening, a file being written). */
    static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** The windows showing now, other than the given ones. */
    static List<Window> otherWindows(Window... known) {
        List<Window> out = new ArrayList<>(Window.getWindows());
        out.removeAll(List.of(known));
        return out;
    }

    /** Stands in for the system's file dialog: answers with the paths it was given, and remembers what it was asked. */
    static final class Files implements FilePicker {
        private final Deque<Path> answers = new ArrayDeque<>();
        final List<String> asked = new ArrayList<>();

        /** The next question is answered with this path ({@code null}: the person cancels). */
        Files answer(Path path) {
            answers.add(path == null ? Path.of("") : path);
            return this;
        }

        private Path next(String question) {
            asked.add(question);
            if (answers.isEmpty()) {
                throw new AssertionError("the file dialog was not expected: " + question);
            }
            Path p = answers.poll();
            return p.toString().isEmpty() ? null : p;
        }

        @Override
        public Path saveFile(Window owner, String title, String initialName, List<FileChooser.ExtensionFilter> filters) {
            return next("save: " + title + " [" + initialName + "]");
        }

        @Override
        public Path openFile(Window owner, String title, List<FileChooser.ExtensionFilter> filters) {
            return next("open: " + title);
        }
    }
}
