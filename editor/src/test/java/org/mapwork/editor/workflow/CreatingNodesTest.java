package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Making nodes in the real window: dragged from the palette, by double-click, and by a key then typing. */
@ExtendWith(ApplicationExtension.class)
class CreatingNodesTest {

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "net-map", false);
    }

    /** The pointer lands on whole screen pixels (a point may be cut down by one): a pixel and a half, in map units. */
    private static double onePixel(MapViewModel vm) {
        return 1.5 / vm.camera().scale();
    }

    private static void dragFromPalette(FxRobot robot, String type, Point2D drop) throws Exception {
        Ui.forgetFinishedDrag();
        Node button = robot.lookup("#node-type-" + type).query();
        robot.drag(button, MouseButton.PRIMARY).moveTo(drop).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void dragging_an_actor_type_from_the_palette_onto_the_canvas_makes_an_actor_where_it_was_dropped(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        var canvas = w.canvas().canvas();
        dragFromPalette(robot, "actor", canvas.localToScreen(400, 300));
        assertTrue(w.labelField().isVisible(), "the dropped actor is named in place");
        assertEquals(0, vm.document().size(), "nothing is added before it has a name");
        robot.write("Street vendors").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        Element made = Ui.byLabel(vm.document(), "Street vendors");
        assertEquals("actor", made.type());
        assertEquals(vm.camera().toMapX(400), made.geometry().centerX(), onePixel(vm), "centred where it was dropped");
        assertEquals(vm.camera().toMapY(300), made.geometry().centerY(), onePixel(vm));
        assertEquals(1, vm.session().history().undoDepth(), "drop and name: one undo step");
        WaitForAsyncUtils.waitForFxEvents();
        var shot = Snapshots.of(canvas);
        Snapshots.save(shot, "palette-drop-actor");
        // the new actor is drawn around the drop point
        assertTrue(Snapshots.inked(shot, 340, 280, 120, 40, shot.getPixelReader().getArgb(5, 5)) > 50,
                "the actor shows where it was dropped");
    }

    @Test
    void a_dragged_type_other_than_the_current_one_makes_a_node_of_the_dragged_type(FxRobot robot) throws Exception {
        // a method with several node types: Ctrl+N, the start screen, an empty problem tree
        MapWindow first = app.lastWindow();
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.N);
        robot.clickOn("#new-problem-tree");
        WaitForAsyncUtils.waitForFxEvents();
        MapWindow w = app.lastWindow();
        assertNotSame(first, w);
        MapViewModel vm = w.viewModel();
        assertEquals("problem", vm.nodeType(), "the first type is the current one");
        var canvas = w.canvas().canvas();
        Point2D drop = canvas.localToScreen(200, 420);
        dragFromPalette(robot, "effect", drop);
        robot.write("Lost wages").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        Element made = Ui.byLabel(vm.document(), "Lost wages");
        assertEquals("effect", made.type());
        assertEquals(vm.camera().toMapX(200), made.geometry().centerX(), onePixel(vm));
        assertTrue(robot.lookup("#node-type-effect").queryAs(ToggleButton.class).isSelected(),
                "the palette shows the dragged type as the current one");
    }

    @Test
    void escape_after_a_drop_adds_nothing(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        dragFromPalette(robot, "actor", w.canvas().canvas().localToScreen(300, 300));
        robot.write("Never mind").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, vm.document().size());
        assertNull(vm.labels().current());
        assertEquals(0, vm.session().history().undoDepth());
    }

    @Test
    void double_clicking_empty_canvas_makes_a_node_there_and_n_makes_one_in_free_space(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        var canvas = w.canvas().canvas();
        robot.doubleClickOn(canvas.localToScreen(250, 200));
        robot.write("Clinic").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Element clinic = Ui.byLabel(vm.document(), "Clinic");
        assertEquals(vm.camera().toMapX(250), clinic.geometry().centerX(), onePixel(vm));
        assertEquals(vm.camera().toMapY(200), clinic.geometry().centerY(), onePixel(vm));

        // N in the middle of the view, twice: the second lands beside the first, not on it
        robot.clickOn(canvas.localToScreen(20, 20));
        robot.type(KeyCode.N).write("Union").type(KeyCode.ENTER);
        robot.clickOn(canvas.localToScreen(20, 20));
        robot.type(KeyCode.N).write("Mayor").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Geometry union = Ui.byLabel(vm.document(), "Union").geometry();
        Geometry mayor = Ui.byLabel(vm.document(), "Mayor").geometry();
        assertTrue(!union.intersects(mayor.x(), mayor.y(), mayor.width(), mayor.height()), "no overlap");
        assertEquals(3, vm.session().history().undoDepth(), "one undo step per node");
        Snapshots.save(Snapshots.of(canvas), "nodes-by-double-click-and-n");
    }
}
