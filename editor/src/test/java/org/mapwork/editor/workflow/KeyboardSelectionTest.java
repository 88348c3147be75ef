package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Element;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The keyboard reaches the map's elements: Tab and Shift+Tab on the canvas select the next and previous element in
 * reading order; past the last one Tab moves the focus on, out of the canvas.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardSelectionTest {

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "net-map", false);
    }

    @Test
    void tab_and_shift_tab_walk_the_selection_through_the_elements_and_tab_leaves_after_the_last(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = Ui.fx(() -> {
            List<String> made = vm.edits().quickAdd("Worker center\nStaffing agency\nHealth department");
            vm.selection().clear();
            vm.viewing().zoomToFit();
            return made;
        });
        // quick add lays them left to right: reading order is the order they were added
        robot.clickOn(w.canvas().canvas().localToScreen(6, w.canvas().canvas().getHeight() - 6));
        assertTrue(vm.selection().isEmpty());
        robot.type(KeyCode.TAB);
        assertEquals(List.of(ids.get(0)), vm.selection().inOrder());
        robot.type(KeyCode.TAB);
        assertEquals(List.of(ids.get(1)), vm.selection().inOrder());
        Ui.keys(robot, KeyCode.SHIFT, KeyCode.TAB);
        assertEquals(List.of(ids.get(0)), vm.selection().inOrder());
        robot.type(KeyCode.TAB).type(KeyCode.TAB);
        assertEquals(List.of(ids.get(2)), vm.selection().inOrder());
        assertSame(w.canvas().canvas(), w.root().getScene().getFocusOwner(), "the canvas keeps the focus meanwhile");

        // a key acts on the element Tab reached: F2 renames it
        robot.type(KeyCode.F2);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(w.labelField().isVisible());
        robot.push(KeyCode.CONTROL, KeyCode.A).write("Health dept.").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Element renamed = vm.document().element(ids.get(2));
        assertEquals("Health dept.", renamed.label());

        // past the last element Tab moves the focus out of the canvas
        robot.clickOn(Ui.centre(w, renamed));
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotSame(w.canvas().canvas(), w.root().getScene().getFocusOwner());
    }
}
