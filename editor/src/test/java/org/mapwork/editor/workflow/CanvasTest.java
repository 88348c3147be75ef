package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.canvas.Camera;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The canvas's gestures and keys in the real window, each checked on the model: zoom and its limits, panning four
 * ways, grid snapping, in-place labels, selection, moves/resizes/towers as one undo step each, arranging.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasTest {

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "net-map", false);
    }

    /** Three actors in a row, quick-added, nothing selected, the view fitted to them. */
    private List<String> threeActors(MapViewModel vm) throws Exception {
        return Ui.fx(() -> {
            List<String> ids = vm.edits().quickAdd("Worker center\nStaffing agency\nHealth department");
            vm.selection().clear();
            vm.viewing().zoomToFit();
            return ids;
        });
    }

    private static Label zoomLabel(FxRobot robot) {
        return robot.lookup("#zoom").queryAs(Label.class);
    }

    private static int depth(MapViewModel vm) {
        return vm.session().history().undoDepth();
    }

    @Test
    void ctrl_plus_minus_and_the_wheel_zoom_between_ten_and_eight_hundred_percent(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        threeActors(vm);
        Canvas canvas = w.canvas().canvas();
        robot.clickOn(canvas.localToScreen(10, 10));

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.DIGIT1);
        assertEquals("100 %", zoomLabel(robot).getText());
        // 1.25 a step: ten steps pass 800 %
        for (int i = 0; i < 10; i++) {
            Ui.keys(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        }
        assertEquals(Camera.MAX_SCALE, vm.camera().scale(), 1e-9);
        assertEquals("800 %", zoomLabel(robot).getText());
        // 0.8 a step: from 100 %, eleven steps pass 10 %
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.DIGIT1);
        for (int i = 0; i < 11; i++) {
            Ui.keys(robot, KeyCode.CONTROL, KeyCode.MINUS);
        }
        assertEquals(Camera.MIN_SCALE, vm.camera().scale(), 1e-9);
        assertEquals("10 %", zoomLabel(robot).getText());
        Snapshots.save(Snapshots.of(w.root()), "zoom-10-percent");

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.DIGIT1);
        assertEquals(1.0, vm.camera().scale(), 1e-9);

        // the wheel zooms about the pointer: the map point under it stays put
        // (on a whole screen pixel, where the pointer can be)
        Point2D near = canvas.localToScreen(200, 150);
        Point2D at = new Point2D(Math.round(near.getX()), Math.round(near.getY()));
        Point2D local = canvas.screenToLocal(at);
        double mx = vm.camera().toMapX(local.getX());
        double my = vm.camera().toMapY(local.getY());
        robot.moveTo(at).scroll(40, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        double reached = vm.camera().scale();
        assertTrue(reached == Camera.MAX_SCALE || reached == Camera.MIN_SCALE, "stops at a limit: " + reached);
        assertEquals(mx, vm.camera().toMapX(local.getX()), 1e-6);
        assertEquals(my, vm.camera().toMapY(local.getY()), 1e-6);
        robot.scroll(80, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        double other = reached == Camera.MAX_SCALE ? Camera.MIN_SCALE : Camera.MAX_SCALE;
        assertEquals(other, vm.camera().scale(), 1e-9, "the other way stops at the other limit");
        assertEquals(mx, vm.camera().toMapX(local.getX()), 1e-6);
    }

    @Test
    void zoom_to_fit_and_zoom_to_selection_show_what_they_say(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = threeActors(vm);
        Canvas canvas = w.canvas().canvas();
        robot.clickOn(canvas.localToScreen(10, 10));
        for (int i = 0; i < 10; i++) {
            Ui.keys(robot, KeyCode.CONTROL, KeyCode.MINUS);
        }
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
        var visible = vm.camera().visibleArea();
        for (String id : ids) {
            Geometry g = vm.document().element(id).geometry();
            assertTrue(visible.contains(g.x(), g.y(), g.width(), g.height()), "fit shows every actor");
        }
        assertTrue(vm.camera().scale() > 0.5, "and fills the view: " + vm.camera().scale());

        robot.clickOn(Ui.centre(w, vm.document().element(ids.get(2))));
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.DIGIT2);
        Geometry health = vm.document().element(ids.get(2)).geometry();
        assertEquals(health.centerX(), vm.camera().visibleArea().getCenterX(), 1e-6, "the selection in the middle");
        assertEquals(1.0, vm.camera().scale(), 1e-9, "zoom to selection stops at 100 %");
    }

    @Test
    void the_view_pans_with_arrows_space_drag_middle_drag_and_the_scroll_bars(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        threeActors(vm);
        Canvas canvas = w.canvas().canvas();
        robot.clickOn(canvas.localToScreen(10, 10));
        Camera cam = vm.camera();
        double s = cam.scale();

        double x0 = cam.originX();
        robot.type(KeyCode.RIGHT);
        assertEquals(x0 + 60 / s, cam.originX(), 1e-6, "the right arrow shows what lies to the right");
        double y0 = cam.originY();
        robot.type(KeyCode.DOWN);
        assertEquals(y0 + 60 / s, cam.originY(), 1e-6);

        // space held, drag on empty canvas: the map follows the hand
        x0 = cam.originX();
        y0 = cam.originY();
        robot.press(KeyCode.SPACE);
        robot.drag(canvas.localToScreen(60, 500), MouseButton.PRIMARY).moveTo(canvas.localToScreen(160, 450))
                .release(MouseButton.PRIMARY);
        robot.release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(x0 - 100 / s, cam.originX(), 1e-6);
        assertEquals(y0 + 50 / s, cam.originY(), 1e-6);
        assertEquals(1, depth(vm), "panning changes nothing in the map (the quick add is the one step)");

        // the middle button drags the map too, even from on top of a node
        x0 = cam.originX();
        robot.drag(canvas.localToScreen(300, 300), MouseButton.MIDDLE).moveTo(canvas.localToScreen(240, 300))
                .release(MouseButton.MIDDLE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(x0 + 60 / s, cam.originX(), 1e-6);

        // the scroll bar's thumb, dragged to the right, shows what lies to the right (zoomed in: the map is wider
        // than the view, so there is somewhere to scroll to)
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        ScrollBar bar = robot.lookup(".scroll-bar").queryAllAs(ScrollBar.class).stream()
                .filter(b -> b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.getParent() == w.canvas())
                .findFirst().orElseThrow();
        x0 = cam.originX();
        javafx.scene.Node thumb = robot.from(bar).lookup(".thumb").query();
        double share = thumb.getBoundsInParent().getWidth() / bar.getWidth();
        double viewShare = cam.visibleArea().getWidth() / (bar.getMax() - bar.getMin() + cam.visibleArea().getWidth());
        assertEquals(viewShare, share, 0.1, "the thumb is as long as the view's share of the map");
        Snapshots.save(Snapshots.of(w.canvas()), "scroll-bars-zoomed-in");
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(25, 0).moveBy(25, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(cam.originX() > x0 + 10, "the view moved right: " + x0 + " → " + cam.originX());
        assertEquals(bar.getValue(), cam.originX(), 1e-6);
        assertFalse(vm.selection().iterator().hasNext());
    }

    @Test
    void g_shows_the_grid_and_a_dragged_node_lands_on_it(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = threeActors(vm);
        Canvas canvas = w.canvas().canvas();
        robot.clickOn(canvas.localToScreen(10, 10));
        WritableImage plain = Snapshots.of(canvas);
        robot.type(KeyCode.G);
        assertTrue(vm.viewing().gridShown() && vm.viewing().snapping());
        WritableImage grid = Snapshots.of(canvas);
        Snapshots.save(grid, "grid-shown");
        assertTrue(Snapshots.differing(plain, grid, 0, 0, 60, 60, 8) > 20, "grid lines show on empty canvas");

        Element agency = vm.document().element(ids.get(1));
        Point2D from = Ui.centre(w, agency);
        robot.drag(from, MouseButton.PRIMARY).moveBy(37, 23).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Geometry g = vm.document().element(agency.id()).geometry();
        assertEquals(0, g.x() % MapViewModel.GRID, 1e-9, "x on the grid: " + g.x());
        assertEquals(0, g.y() % MapViewModel.GRID, 1e-9, "y on the grid: " + g.y());
        assertNotEquals(agency.geometry(), g);
    }

    @Test
    void labels_are_edited_in_place_escape_cancels_and_enter_commits(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = threeActors(vm);
        int start = depth(vm);

        // double-click: the editor opens with the label; Escape keeps it as it was
        robot.doubleClickOn(Ui.centre(w, vm.document().element(ids.get(0))));
        assertTrue(w.labelField().isVisible());
        assertEquals("Worker center", w.labelField().getText());
        robot.write("Something else").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(w.labelField().isVisible());
        assertEquals("Worker center", vm.document().element(ids.get(0)).label());
        assertEquals(start, depth(vm));

        // F2 on the selected node, type, Enter: renamed in one step
        robot.type(KeyCode.F2);
        assertTrue(w.labelField().isVisible());
        robot.write("Eastside Worker Center").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Eastside Worker Center", vm.document().element(ids.get(0)).label());
        assertEquals(start + 1, depth(vm));

        // Enter on a selected node opens the editor too
        robot.clickOn(Ui.centre(w, vm.document().element(ids.get(1))));
        robot.type(KeyCode.ENTER);
        assertTrue(w.labelField().isVisible());
        Snapshots.save(Snapshots.of(w.canvas()), "label-edited-in-place");
        robot.write("Staffing agencies").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Staffing agencies", vm.document().element(ids.get(1)).label());
        assertEquals(start + 2, depth(vm));
    }

    @Test
    void click_shift_click_rubber_band_and_ctrl_a_select(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = threeActors(vm);
        MapDocument doc = vm.document();
        robot.clickOn(Ui.centre(w, doc.element(ids.get(0))));
        assertEquals(Set.of(ids.get(0)), vm.selection().ids());
        robot.press(KeyCode.SHIFT).clickOn(Ui.centre(w, doc.element(ids.get(2)))).release(KeyCode.SHIFT);
        assertEquals(Set.of(ids.get(0), ids.get(2)), vm.selection().ids());
        robot.press(KeyCode.SHIFT).clickOn(Ui.centre(w, doc.element(ids.get(0)))).release(KeyCode.SHIFT);
        assertEquals(Set.of(ids.get(2)), vm.selection().ids(), "shift-click takes one out again");

        // a rubber band around the first two (quick add put them side by side, the third below, 20 apart)
        Geometry a = doc.element(ids.get(0)).geometry();
        Geometry b = doc.element(ids.get(1)).geometry();
        assertEquals(a.y(), b.y(), 1e-9);
        robot.drag(Ui.screen(w, a.x() - 10, a.y() - 15), MouseButton.PRIMARY)
                .moveTo(Ui.screen(w, b.x() + b.width() + 4, b.y() + b.height() + 4)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of(ids.get(0), ids.get(1)), vm.selection().ids());

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.A);
        assertEquals(Set.copyOf(ids), vm.selection().ids());
        robot.type(KeyCode.ESCAPE);
        assertEquals(Set.of(), vm.selection().ids());
    }

    @Test
    void moving_two_nodes_resizing_and_raising_a_tower_by_drag_are_one_undo_step_each(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = threeActors(vm);
        MapDocument before = vm.document();
        double s = vm.camera().scale();
        int start = depth(vm);

        // two selected, dragged by one of them
        robot.clickOn(Ui.centre(w, before.element(ids.get(0))));
        robot.press(KeyCode.SHIFT).clickOn(Ui.centre(w, before.element(ids.get(1)))).release(KeyCode.SHIFT);
        robot.drag(Ui.centre(w, before.element(ids.get(1))), MouseButton.PRIMARY).moveBy(30, 30).moveBy(30, 30)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : ids.subList(0, 2)) {
            Geometry was = before.element(id).geometry();
            Geometry now = vm.document().element(id).geometry();
            assertEquals(was.x() + 60 / s, now.x(), 1e-6);
            assertEquals(was.y() + 60 / s, now.y(), 1e-6);
        }
        assertEquals(start + 1, depth(vm), "one drag, one step");

        // the resize handle at the bottom-right corner of a single selection
        robot.clickOn(Ui.centre(w, vm.document().element(ids.get(2))));
        Geometry g = vm.document().element(ids.get(2)).geometry();
        robot.drag(Ui.screen(w, g.x() + g.width(), g.y() + g.height()), MouseButton.PRIMARY)
                .moveBy(20, 10).moveBy(20, 10).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Geometry resized = vm.document().element(ids.get(2)).geometry();
        assertEquals(g.width() + 40 / s, resized.width(), 1e-6);
        assertEquals(g.height() + 20 / s, resized.height(), 1e-6);
        assertEquals(g.x(), resized.x(), 1e-9);
        assertEquals(start + 2, depth(vm));

        // the tower handle above the actor: three levels up in one drag
        Point2D top = Ui.screen(w, resized.centerX(), resized.y()).add(0, -12);
        robot.drag(top, MouseButton.PRIMARY).moveBy(0, -18).moveBy(0, -18).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Value.Int(3), vm.document().element(ids.get(2)).attribute("influence"));
        assertEquals(start + 3, depth(vm));
        robot.type(KeyCode.ESCAPE);
        Snapshots.save(Snapshots.of(w.canvas().canvas()), "moved-resized-raised");

        for (int i = 0; i < 3; i++) {
            Ui.keys(robot, KeyCode.CONTROL, KeyCode.Z);
        }
        assertEquals(List.copyOf(before.elements()), List.copyOf(vm.document().elements()), "three undos, all back");
    }

    @Test
    void pressing_a_node_again_right_after_a_click_and_dragging_moves_it_rather_than_editing_its_label(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = threeActors(vm);
        Geometry before = vm.document().element(ids.get(0)).geometry();
        double s = vm.camera().scale();
        // the second press comes within the double-click time when the machine keeps up (then its click count is
        // 2): either way it drags
        robot.moveTo(Ui.centre(w, vm.document().element(ids.get(0))));
        robot.press(MouseButton.PRIMARY).release(MouseButton.PRIMARY).press(MouseButton.PRIMARY)
                .moveBy(20, 20).moveBy(20, 20).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(vm.labels().current(), "no label editor");
        Geometry after = vm.document().element(ids.get(0)).geometry();
        assertEquals(before.x() + 40 / s, after.x(), 1e-6, "moved");
        assertEquals(2, depth(vm));
    }

    @Test
    void align_distribute_order_and_auto_layout_are_one_undo_step_each(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = threeActors(vm);
        Ui.fx(() -> {
            // scatter them
            vm.selection().select(List.of(ids.get(1)));
            vm.edits().nudgeSelection(40, 120);
            vm.selection().select(List.of(ids.get(2)));
            vm.edits().nudgeSelection(300, 40);
            vm.selection().clear();
            return null;
        });
        robot.clickOn(w.canvas().canvas().localToScreen(5, 5));
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.A);
        int start = depth(vm);

        Ui.keys(robot, KeyCode.ALT, KeyCode.T);
        double top = vm.document().element(ids.get(0)).geometry().y();
        for (String id : ids) {
            assertEquals(top, vm.document().element(id).geometry().y(), 1e-9, "aligned to the top");
        }
        assertEquals(start + 1, depth(vm));

        Ui.keys(robot, KeyCode.ALT, KeyCode.H);
        List<Geometry> row = ids.stream().map(id -> vm.document().element(id).geometry())
                .sorted(java.util.Comparator.comparingDouble(Geometry::x)).toList();
        double gap1 = row.get(1).x() - (row.get(0).x() + row.get(0).width());
        double gap2 = row.get(2).x() - (row.get(1).x() + row.get(1).width());
        assertEquals(gap1, gap2, 1e-6, "distributed evenly");
        assertEquals(start + 2, depth(vm));

        robot.clickOn(Ui.centre(w, vm.document().element(ids.get(0))));
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.CLOSE_BRACKET);
        String front = vm.document().element(ids.get(0)).order();
        for (String id : ids.subList(1, 3)) {
            assertTrue(front.compareTo(vm.document().element(id).order()) > 0, "brought to the front");
        }
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.OPEN_BRACKET);
        String back = vm.document().element(ids.get(0)).order();
        for (String id : ids.subList(1, 3)) {
            assertTrue(back.compareTo(vm.document().element(id).order()) < 0, "sent to the back");
        }
        assertEquals(start + 4, depth(vm));

        robot.type(KeyCode.ESCAPE);
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        // the layout is worked out in the background and lands a moment later
        Ui.waitFor(() -> !vm.edits().layingOut());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(start + 5, depth(vm), "auto-layout of the whole map is one step");
        Snapshots.save(Snapshots.of(w.canvas().canvas()), "auto-layout");
    }

    @Test
    void f1_and_the_question_mark_show_the_shortcut_sheet_listing_every_menu_entry(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        robot.clickOn(w.canvas().canvas().localToScreen(10, 10));
        robot.type(KeyCode.F1);
        Ui.waitFor(() -> robot.lookup("#shortcut-sheet").tryQuery().isPresent());
        javafx.scene.layout.GridPane sheet = robot.lookup("#shortcut-sheet").query();
        List<String> lines = sheet.getChildren().stream().filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText()).toList();
        var menus = ((javafx.scene.control.MenuBar) w.root().getTop()).getMenus();
        for (var menu : menus) {
            for (var item : menu.getItems()) {
                if (item.getText() == null || item instanceof javafx.scene.control.SeparatorMenuItem) {
                    continue;
                }
                // every menu entry names a key, and that key is on the sheet
                String key = item.getText().contains("   ") ? item.getText().split(" {3}")[1]
                        : item.getText().replaceAll(".*\\((.*)\\)$", "$1");
                assertNotEquals(item.getText(), key, menu.getText() + " › " + item.getText() + " names no key");
                String first = key.split(" / ")[0];
                assertTrue(lines.stream().anyMatch(l -> l.contains(first)),
                        menu.getText() + " › " + item.getText() + ": " + first + " is not on the sheet");
            }
        }
        Snapshots.save(Snapshots.of(sheet), "shortcut-sheet");
        robot.type(KeyCode.ESCAPE);
        Ui.waitFor(() -> robot.lookup("#shortcut-sheet").tryQuery().isEmpty());

        robot.clickOn(w.canvas().canvas().localToScreen(10, 10));
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        Ui.waitFor(() -> robot.lookup("#shortcut-sheet").tryQuery().isPresent());
        assertNotNull(robot.lookup("#shortcut-sheet").query());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void quick_add_on_a_full_map_places_every_new_actor_clear_of_the_others(FxRobot robot) throws Exception {
        MapWindow first = app.lastWindow();
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.N);
        robot.clickOn("#example-net-map");
        WaitForAsyncUtils.waitForFxEvents();
        MapWindow w = app.lastWindow();
        assertNotEquals(first, w);
        MapViewModel vm = w.viewModel();
        MapDocument before = vm.document();

        robot.clickOn(w.canvas().canvas().localToScreen(5, 5));
        robot.type(KeyCode.Q);
        robot.clickOn("#quick-add-names").write("Street vendors\nTemp agency workers\nSchool nurses\nBus drivers union");
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.ENTER);
        List<Element> added = vm.document().nodes().filter(n -> !before.contains(n.id())).toList();
        assertEquals(4, added.size());
        List<Element> all = vm.document().nodes().toList();
        for (Element n : added) {
            for (Element other : all) {
                if (other != n) {
                    Geometry o = other.geometry();
                    assertFalse(n.geometry().intersects(o.x(), o.y(), o.width(), o.height()),
                            n.label() + " overlaps " + other.label());
                }
            }
        }
        assertEquals(1, depth(vm));
        assertEquals(Set.copyOf(added.stream().map(Element::id).toList()), vm.selection().ids(), "the new actors are selected");
        Snapshots.save(Snapshots.of(w.canvas().canvas()), "quick-add-on-example");
    }
}
