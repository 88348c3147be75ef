package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.event.EventDispatchChain;
import javafx.event.EventDispatcher;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.view.MapWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Windows that a key closes (Quick add's Ctrl+Enter and Escape, the shortcut sheet's Escape, Export…'s Escape, Ctrl+Q)
 * close after the key event has been handled, never while it is being dispatched: GTK's glass sends the key's
 * TYPED event right after its PRESSED one, and a window closed in between is used after it is freed (JDK-8301219, a
 * SIGSEGV in {@code process_key}). Monocle does not crash, so the test watches the order of events instead: every
 * window records whether it was hidden while a key event was still on its way through it. (Export… waits in a nested
 * event loop inside the Ctrl+E that opened it: that key event is the map window's, not the dialog's.)
 */
@ExtendWith(ApplicationExtension.class)
class KeyClosesTest {

    private static final int ROUNDS = Integer.getInteger("mapwork.keycloses.rounds", 10);
    /**
     * Which of the five closes each round makes (all by default). Run by hand under Xvfb on GTK's glass, Export…
     * did not open from the robot's Ctrl+E there: {@code -Dmapwork.keycloses=quick-add,escape,sheet,quit} leaves it out.
     */
    private static final Set<String> KINDS = Set.of(System.getProperty("mapwork.keycloses",
            "quick-add,escape,sheet,export,quit").split(","));

    private EditorApp app;
    private final AtomicInteger exits = new AtomicInteger();
    /** Key events being dispatched right now through each window (the window closed meanwhile is the bug). */
    private final java.util.Map<Window, Integer> keyDepth = new java.util.WeakHashMap<>();
    private final List<String> closedDuringKey = new ArrayList<>();
    private int closes;
    private final Set<Window> watched = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private final ListChangeListener<Window> watchNew = c -> {
        while (c.next()) {
            c.getAddedSubList().forEach(this::watch);
        }
    };

    @Start
    void start(Stage stage) {
        Window.getWindows().addListener(watchNew);
        app = startOn(stage);
    }

    @AfterEach
    void stopWatching() throws Exception {
        Ui.fx(() -> {
            Window.getWindows().removeListener(watchNew);
            return null;
        });
    }

    private EditorApp startOn(Stage stage) {
        EditorApp a = Ui.start(stage, "net-map", false);
        a.setExit(exits::incrementAndGet); // Ctrl+Q must not stop the toolkit the other tests run on
        Window.getWindows().forEach(this::watch);
        return a;
    }

    private void watch(Window w) {
        if (!watched.add(w)) {
            return;
        }
        EventDispatcher original = w.getEventDispatcher();
        w.setEventDispatcher(new EventDispatcher() {
            @Override
            public Event dispatchEvent(Event event, EventDispatchChain tail) {
                boolean key = event instanceof KeyEvent;
                if (key) {
                    keyDepth.merge(w, 1, Integer::sum);
                }
                try {
                    return original.dispatchEvent(event, tail);
                } finally {
                    if (key) {
                        keyDepth.merge(w, -1, Integer::sum);
                    }
                }
            }
        });
        w.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            closes++;
            if (keyDepth.getOrDefault(w, 0) > 0) {
                closedDuringKey.add(w.getClass().getSimpleName() + " " + title(w));
            }
        });
    }

    private static String title(Window w) {
        return w instanceof Stage s ? "\"" + s.getTitle() + "\"" : "";
    }

    private static long dialogsShowing() throws Exception {
        return Ui.fx(() -> Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
                .count());
    }

    private void waitForDialog() throws Exception {
        Ui.waitFor(() -> Window.getWindows().stream().anyMatch(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane));
    }

    private void waitForNoDialog() throws Exception {
        Ui.waitFor(() -> Window.getWindows().stream().noneMatch(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane));
    }

    private void quickAddWithCtrlEnter(FxRobot robot, MapWindow w, int round) throws Exception {
        int nodes = Ui.fx(() -> w.viewModel().document().nodes().toList().size());
        robot.clickOn(w.canvas().canvas().localToScreen(8, 8));
        robot.type(KeyCode.Q);
        waitForDialog();
        robot.clickOn("#quick-add-names").write("Street vendors " + round + "\nSchool nurses " + round);
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.ENTER);
        waitForNoDialog();
        assertEquals(nodes + 2, Ui.fx(() -> w.viewModel().document().nodes().toList().size()),
                "Ctrl+Enter added both names (round " + round + ")");
    }

    private void quickAddLeftWithEscape(FxRobot robot, MapWindow w) throws Exception {
        int nodes = Ui.fx(() -> w.viewModel().document().nodes().toList().size());
        robot.clickOn(w.canvas().canvas().localToScreen(8, 8));
        robot.type(KeyCode.Q);
        waitForDialog();
        robot.clickOn("#quick-add-names").write("Not added");
        robot.type(KeyCode.ESCAPE);
        waitForNoDialog();
        assertEquals(nodes, Ui.fx(() -> w.viewModel().document().nodes().toList().size()), "Escape adds nothing");
    }

    private void dialogLeftWithEscape(FxRobot robot, MapWindow w, KeyCode... opening) throws Exception {
        robot.clickOn(w.canvas().canvas().localToScreen(8, 8));
        Ui.keys(robot, opening);
        waitForDialog();
        robot.type(KeyCode.ESCAPE);
        waitForNoDialog();
    }

    /** Ctrl+Q closes every window; the editor is then started again for the next round. */
    private void quit(FxRobot robot, MapWindow w, int round) throws Exception {
        int exitsBefore = exits.get();
        robot.clickOn(w.canvas().canvas().localToScreen(8, 8));
        // on GTK without a window manager a window just started may not have the keyboard yet (Ctrl+Q then went
        // nowhere in one of 13 rounds): ask for it
        Ui.fx(() -> {
            w.canvas().canvas().getScene().getWindow().requestFocus();
            w.canvas().canvas().requestFocus();
            return null;
        });
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.Q);
        try {
            Ui.waitFor(() -> Window.getWindows().stream().noneMatch(Window::isShowing));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("round " + round + ": still showing after Ctrl+Q: " + Ui.fx(() -> Window.getWindows()
                    .stream().filter(Window::isShowing).map(x -> x.getClass().getSimpleName() + " " + title(x)).toList())
                    + ", exits " + (exits.get() - exitsBefore), e);
        }
        assertEquals(exitsBefore + 1, exits.get(), "Ctrl+Q quits once (round " + round + ")");
        app = Ui.fx(() -> startOn(new Stage()));
    }

    @Test
    void fifty_windows_closed_by_keys_close_after_the_key_event_not_during_it(FxRobot robot) throws Exception {
        int keyCloses = 0;
        for (int round = 0; round < ROUNDS; round++) {
            MapWindow w = app.lastWindow();
            if (KINDS.contains("quick-add")) {
                quickAddWithCtrlEnter(robot, w, round);
                keyCloses++;
            }
            if (KINDS.contains("escape")) {
                quickAddLeftWithEscape(robot, w);
                keyCloses++;
            }
            if (KINDS.contains("sheet")) {
                dialogLeftWithEscape(robot, w, KeyCode.F1);
                keyCloses++;
            }
            if (KINDS.contains("export")) {
                dialogLeftWithEscape(robot, w, KeyCode.CONTROL, KeyCode.E);
                keyCloses++;
            }
            if (KINDS.contains("quit")) {
                quit(robot, w, round);
                keyCloses++;
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(KINDS.size() * ROUNDS, keyCloses);
        assertEquals(0, dialogsShowing());
        assertTrue(closes >= keyCloses, "every key-close hid a window: " + closes);
        assertEquals(List.of(), closedDuringKey, "windows closed while their key event was still being dispatched");
    }
}
