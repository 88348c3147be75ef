package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Element;
import org.mapwork.model.Value;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The methods' own gestures in the real window: the theory of change's ceiling line dragged and moved by keys, a
 * precondition from the context menu, and a Net-Map link drawn from the connect handle with the current link type.
 */
@ExtendWith(ApplicationExtension.class)
class MethodGesturesTest {

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "theory-of-change", true);
    }

    @Test
    void the_ceiling_of_accountability_follows_a_drag_in_one_undo_step_and_alt_arrows_move_it(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        double ceiling = vm.lineY().orElseThrow();
        double s = vm.camera().scale();
        // a place on the line where no element is
        double mx = Ui.fx(() -> {
            var view = vm.camera().visibleArea();
            for (double x = view.getMinX() + 5; x < view.getMaxX(); x += 5) {
                if (vm.elementAt(x, ceiling).isEmpty()) {
                    return x;
                }
            }
            throw new AssertionError("the line is covered everywhere");
        });
        WritableSnapshot.save(w, "toc-ceiling-before");
        robot.drag(Ui.screen(w, mx, ceiling), MouseButton.PRIMARY).moveBy(0, 20).moveBy(0, 20)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double moved = vm.lineY().orElseThrow();
        assertEquals(ceiling + 40 / s, moved, 0.1 + 1 / s, "the line went down with the pointer");
        assertEquals(1, vm.session().history().undoDepth());
        WritableSnapshot.save(w, "toc-ceiling-dragged");

        robot.clickOn(w.canvas().canvas().localToScreen(3, 3));
        Ui.keys(robot, KeyCode.ALT, KeyCode.UP);
        assertEquals(moved - MapViewModel.GRID, vm.lineY().orElseThrow(), 1e-6);
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.Z);
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertEquals(ceiling, vm.lineY().orElseThrow(), 1e-6);
    }

    @Test
    void add_precondition_from_an_outcomes_context_menu_places_it_below_already_linked(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        Element outcome = vm.document().nodes().filter(n -> n.type().equals("long-term-outcome")).findFirst()
                .orElseThrow();
        Ui.rightClick(robot, Ui.centre(w, outcome), w.canvas().canvas());
        robot.clickOn(Ui.menuItem(robot, "Add precondition below"));
        robot.write("Inspectors visit night shifts").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Element p = Ui.byLabel(vm.document(), "Inspectors visit night shifts");
        assertEquals("precondition", p.type());
        assertTrue(p.geometry().y() > outcome.geometry().y() + outcome.geometry().height());
        assertTrue(vm.document().linksOf(p.id()).stream().anyMatch(l -> l.target().equals(outcome.id())));
        assertEquals(1, vm.session().history().undoDepth());
    }

    @Test
    void a_net_map_link_drawn_from_the_connect_handle_takes_the_current_link_type(FxRobot robot) throws Exception {
        MapWindow first = app.lastWindow();
        robot.clickOn(first.canvas().canvas().localToScreen(3, 3));
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.N);
        robot.clickOn("#new-net-map");
        WaitForAsyncUtils.waitForFxEvents();
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = Ui.fx(() -> {
            List<String> made = vm.edits().quickAdd("Worker center\nStaffing agency");
            vm.selection().select(List.of(made.get(1)));
            vm.edits().nudgeSelection(200, 120);
            vm.selection().clear();
            vm.viewing().zoomToFit();
            return made;
        });
        robot.clickOn("#link-type-funding");
        robot.clickOn(Ui.centre(w, vm.document().element(ids.get(0))));
        Point2D handle = Ui.connectHandle(w, vm.document().element(ids.get(0)));
        robot.drag(handle, MouseButton.PRIMARY).moveTo(Ui.centre(w, vm.document().element(ids.get(1))))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Element link = vm.document().links().findFirst().orElseThrow();
        assertEquals("funding", link.type());
        assertEquals(ids.get(0), link.source());
        assertEquals(ids.get(1), link.target());
        assertEquals(3, vm.session().history().undoDepth(), "the quick add, the spreading, the link");

        // + and − raise and lower the selected actor's tower, one step each
        robot.clickOn(Ui.centre(w, vm.document().element(ids.get(1))));
        robot.type(KeyCode.ADD).type(KeyCode.ADD).type(KeyCode.SUBTRACT);
        assertEquals(new Value.Int(1), vm.document().element(ids.get(1)).attribute("influence"));
        assertEquals(6, vm.session().history().undoDepth());
        robot.type(KeyCode.ESCAPE);
        WritableSnapshot.save(w, "net-map-link-from-handle");
    }

    /** A snapshot of the canvas, kept for people to look at. */
    private static final class WritableSnapshot {
        static void save(MapWindow w, String name) throws Exception {
            Snapshots.save(Snapshots.of(w.canvas().canvas()), name);
        }
    }
}
