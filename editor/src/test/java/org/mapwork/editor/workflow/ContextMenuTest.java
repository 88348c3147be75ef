package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.map.Shortcuts;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The canvas's context menu in the real window: on empty canvas, on a link (change its type) and on a node, opened by
 * a right-click or, for the selection, by Shift+F10.
 */
@ExtendWith(ApplicationExtension.class)
class ContextMenuTest {

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "net-map", false);
    }

    /** Two actors linked twice (information and conflict), as a group would have them after a few minutes. */
    private List<String> twoActorsLinkedTwice(MapViewModel vm) throws Exception {
        return Ui.fx(() -> {
            List<String> ids = vm.edits().quickAdd("Worker center\nStaffing agency");
            // apart, so that both links show along their length
            vm.selection().select(List.of(ids.get(1)));
            vm.edits().nudgeSelection(260, 140);
            vm.selection().clear();
            vm.setLinkType("information");
            String a = vm.edits().connect(ids.get(0), ids.get(1)).orElseThrow();
            vm.setLinkType("conflict");
            String b = vm.edits().connect(ids.get(0), ids.get(1)).orElseThrow();
            vm.setLinkType("information");
            vm.viewing().zoomToFit();
            return List.of(ids.get(0), ids.get(1), a, b);
        });
    }

    /** A screen point on a link where nothing else is hit (parallel links are drawn apart, so search across it). */
    private static Point2D onLink(MapWindow w, String linkId) throws Exception {
        MapViewModel vm = w.viewModel();
        return Ui.fx(() -> {
            MapDocument doc = vm.document();
            Element link = doc.element(linkId);
            var s = doc.element(link.source()).geometry();
            var t = doc.element(link.target()).geometry();
            double mx = (s.centerX() + t.centerX()) / 2;
            double my = (s.centerY() + t.centerY()) / 2;
            double len = Math.hypot(t.centerX() - s.centerX(), t.centerY() - s.centerY());
            double nx = -(t.centerY() - s.centerY()) / len;
            double ny = (t.centerX() - s.centerX()) / len;
            for (double off = 0; off < 30; off += 0.5) {
                for (double sign : new double[] {1, -1}) {
                    double x = mx + sign * off * nx;
                    double y = my + sign * off * ny;
                    if (vm.elementAt(x, y).filter(linkId::equals).isPresent()) {
                        return Ui.screen(w, x, y);
                    }
                }
            }
            throw new AssertionError("no point hits link " + linkId);
        });
    }

    @Test
    void right_clicking_empty_canvas_and_choosing_new_node_here_makes_a_node_where_the_menu_was_opened(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        Point2D at = w.canvas().canvas().localToScreen(300, 200);
        Ui.rightClick(robot, at, w.canvas().canvas());
        assertEquals(List.of("New node here   (double-click)", "Quick add…   Q", "Paste   Ctrl+V",
                "Auto-layout   Ctrl+Shift+L"), Ui.menuItems());
        Snapshots.save(Snapshots.of(Ui.shownMenu().getScene().getRoot()), "context-menu-empty-canvas");
        robot.clickOn(Ui.menuItem(robot, "New node here"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(w.labelField().isVisible(), "the new node is named in place");
        robot.write("Temp workers").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        Element made = Ui.byLabel(vm.document(), "Temp workers");
        assertEquals("actor", made.type());
        double mx = vm.camera().toMapX(300);
        double my = vm.camera().toMapY(200);
        assertEquals(mx, made.geometry().centerX(), 1e-6, "centred where the menu was opened");
        assertEquals(my, made.geometry().centerY(), 1e-6);
        assertEquals(1, vm.session().history().undoDepth());
    }

    @Test
    void the_context_menu_of_a_link_changes_its_type_and_leaves_the_other_link_of_the_pair_alone(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = twoActorsLinkedTwice(vm);
        String information = ids.get(2);
        String conflict = ids.get(3);
        Snapshots.save(Snapshots.of(w.canvas().canvas()), "two-link-types-between-one-pair");
        int depth = vm.session().history().undoDepth();

        Ui.rightClick(robot, onLink(w, information), w.canvas().canvas());
        assertEquals(Set.of(information), vm.selection().ids(), "a right-click on a link selects it");
        assertTrue(Ui.menuItems().contains("Link type   K"), Ui.menuItems().toString());
        Node linkType = Ui.menuItem(robot, "Link type");
        robot.clickOn(linkType);
        // the submenu names the types as the map does, and ticks the link's own
        Node advice = Ui.menuItem(robot, "Advice / support");
        Snapshots.save(Snapshots.of(advice.getScene().getRoot()), "context-menu-link-types");
        // into the submenu sideways first, as a hand does, so that the pointer does not cross the other items
        double y = linkType.localToScreen(linkType.getBoundsInLocal()).getCenterY();
        robot.moveTo(new Point2D(advice.localToScreen(advice.getBoundsInLocal()).getMinX() + 20, y));
        robot.clickOn(advice);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("advice", vm.document().element(information).type());
        assertEquals("conflict", vm.document().element(conflict).type(), "the other link of the pair keeps its type");
        assertEquals(2, vm.document().links().count());
        assertEquals(depth + 1, vm.session().history().undoDepth(), "changing the type is one undo step");
        robot.type(KeyCode.ESCAPE);
        Snapshots.save(Snapshots.of(w.canvas().canvas()), "link-type-changed");

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertEquals("information", vm.document().element(information).type());
    }

    @Test
    void deleting_an_actor_from_its_context_menu_takes_its_links_along_in_one_undo_step(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = twoActorsLinkedTwice(vm);
        MapDocument before = vm.document();

        Ui.rightClick(robot, Ui.centre(w, before.element(ids.get(1))), w.canvas().canvas());
        robot.clickOn(Ui.menuItem(robot, "Delete"));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(vm.document().element(ids.get(1)));
        assertEquals(0, vm.document().links().count());

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertEquals(List.copyOf(before.elements()), List.copyOf(vm.document().elements()),
                "one undo brings the actor and both links back");
    }

    @Test
    void duplicate_from_the_context_menu_places_a_copy_beside_the_actor(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = twoActorsLinkedTwice(vm);
        Element original = vm.document().element(ids.get(0));

        Ui.rightClick(robot, Ui.centre(w, original), w.canvas().canvas());
        robot.clickOn(Ui.menuItem(robot, "Duplicate"));
        WaitForAsyncUtils.waitForFxEvents();
        List<Element> copies = vm.document().nodes().filter(n -> n.label().equals("Worker center")).toList();
        assertEquals(2, copies.size());
        Element copy = copies.stream().filter(n -> !n.id().equals(original.id())).findFirst().orElseThrow();
        assertEquals(original.geometry().x() + 24, copy.geometry().x(), 1e-9);
        assertEquals(Set.of(copy.id()), vm.selection().ids(), "the copy is selected");
    }

    @Test
    void shift_f10_opens_the_context_menu_of_the_selection_and_the_keyboard_picks_from_it(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = twoActorsLinkedTwice(vm);
        robot.clickOn(Ui.centre(w, vm.document().element(ids.get(0))));

        Ui.keys(robot, KeyCode.SHIFT, KeyCode.F10);
        assertEquals("Rename   F2", Ui.menuItems().get(0));
        // the first item is highlighted: Enter renames in place
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(vm.labels().current());
        robot.write("Eastside Worker Center").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Eastside Worker Center", vm.document().element(ids.get(0)).label());

        // with nothing selected, the menu is the empty canvas's, for the middle of the view
        robot.type(KeyCode.ESCAPE);
        Ui.keys(robot, KeyCode.SHIFT, KeyCode.F10);
        assertEquals("New node here   (double-click)", Ui.menuItems().get(0));
        robot.type(KeyCode.ESCAPE);
        assertFalse(Ui.menuShowing());
    }

    @Test
    void every_context_menu_item_names_a_key_on_the_shortcut_sheet(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = twoActorsLinkedTwice(vm);
        Set<String> sheet = new Shortcuts(vm, w).sheet().stream().map(Shortcuts.Shortcut::keys)
                .collect(Collectors.toSet());
        for (Point2D at : List.of(w.canvas().canvas().localToScreen(20, 20),
                Ui.centre(w, vm.document().element(ids.get(0))), onLink(w, ids.get(2)))) {
            Ui.rightClick(robot, at, w.canvas().canvas());
            for (String item : Ui.menuItems()) {
                String[] parts = item.split(" {3}");
                assertEquals(2, parts.length, "names its key: " + item);
                String key = parts[1];
                assertTrue(key.equals("(double-click)") || sheet.stream().anyMatch(s -> s.contains(key)),
                        item + ": " + key + " is not on the sheet " + sheet);
            }
            robot.type(KeyCode.ESCAPE);
        }
    }
}
