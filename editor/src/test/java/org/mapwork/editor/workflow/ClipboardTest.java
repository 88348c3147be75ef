package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Copy, cut and paste through the system clipboard, between two map windows of one session. */
@ExtendWith(ApplicationExtension.class)
class ClipboardTest {

    private static final String CENTER = "Eastside Worker Center";
    private static final String UNION = "Service Workers Union Local";

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "net-map", true);
    }

    /** A second window on an empty Net-Map, opened from the start screen (Ctrl+N). */
    private MapWindow secondWindow(FxRobot robot, MapWindow first, String button) {
        robot.clickOn(first.canvas().canvas().localToScreen(5, 5));
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.N);
        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
        MapWindow second = app.lastWindow();
        assertNotSame(first, second);
        return second;
    }

    /** Brings a window to the front and gives it the keyboard, as a click on its title bar does. */
    private static void switchTo(MapWindow w) throws Exception {
        Ui.fx(() -> {
            Stage s = (Stage) w.root().getScene().getWindow();
            s.toFront();
            s.requestFocus();
            return null;
        });
    }

    @Test
    void actors_copied_in_one_map_paste_into_another_with_the_links_between_them_in_one_undo_step(FxRobot robot)
            throws Exception {
        MapWindow a = app.lastWindow();
        MapViewModel from = a.viewModel();
        MapDocument source = from.document();
        Element center = Ui.byLabel(source, CENTER);
        Element union = Ui.byLabel(source, UNION);
        List<Element> between = source.links().filter(l -> Set.of(l.source(), l.target())
                .equals(Set.of(center.id(), union.id()))).toList();
        assertTrue(!between.isEmpty(), "the example links the two");

        MapWindow b = secondWindow(robot, a, "#new-net-map");
        switchTo(a);
        robot.clickOn(Ui.centre(a, center));
        robot.press(KeyCode.SHIFT).clickOn(Ui.centre(a, union)).release(KeyCode.SHIFT);
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.C);

        switchTo(b);
        MapViewModel to = b.viewModel();
        robot.clickOn(b.canvas().canvas().localToScreen(5, 5));
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.V);
        MapDocument pasted = to.document();
        assertEquals(Set.of(CENTER, UNION), pasted.nodes().map(Element::label).collect(Collectors.toSet()));
        assertEquals(between.size(), pasted.links().count(), "the links between the two come along");
        assertEquals(between.stream().map(Element::type).collect(Collectors.toSet()),
                pasted.links().map(Element::type).collect(Collectors.toSet()));
        Element pastedCenter = Ui.byLabel(pasted, CENTER);
        assertEquals(center.attributes(), pastedCenter.attributes(), "with their towers and goals");
        assertEquals(1, to.session().history().undoDepth());
        assertEquals(pasted.nodes().map(Element::id).collect(Collectors.toSet()),
                to.selection().ids().stream().filter(id -> pasted.element(id).isNode()).collect(Collectors.toSet()),
                "the pasted actors are selected");
        // copied from far away in another map, they land in the middle of the view, where one looks
        var view = to.camera().visibleArea();
        java.awt.geom.Rectangle2D group = null;
        for (Element n : pasted.nodes().toList()) {
            var g = new java.awt.geom.Rectangle2D.Double(n.geometry().x(), n.geometry().y(), n.geometry().width(),
                    n.geometry().height());
            assertTrue(view.intersects(g), n.label() + " shows");
            group = group == null ? g : group.createUnion(g);
        }
        assertEquals(view.getCenterX(), group.getCenterX(), 0.5);
        assertEquals(view.getCenterY(), group.getCenterY(), 0.5);
        Snapshots.save(Snapshots.of(b.canvas().canvas()), "pasted-into-second-map");
        assertEquals(source, from.document(), "copying leaves the first map alone");

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertEquals(0, to.document().size());
    }

    @Test
    void cut_removes_in_one_step_and_the_cut_actor_pastes_into_the_other_map(FxRobot robot) throws Exception {
        MapWindow a = app.lastWindow();
        MapViewModel from = a.viewModel();
        Element union = Ui.byLabel(from.document(), UNION);
        long links = from.document().linksOf(union.id()).size();
        MapWindow b = secondWindow(robot, a, "#new-net-map");

        switchTo(a);
        robot.clickOn(Ui.centre(a, union));
        int depth = from.session().history().undoDepth();
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.X);
        assertTrue(from.document().element(union.id()) == null);
        assertTrue(links > 0 && from.document().linksOf(union.id()).isEmpty());
        assertEquals(depth + 1, from.session().history().undoDepth(), "cut is one step");

        switchTo(b);
        robot.clickOn(b.canvas().canvas().localToScreen(5, 5));
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.V);
        assertEquals(List.of(UNION), b.viewModel().document().nodes().map(Element::label).toList());
    }

    @Test
    void names_pasted_from_another_program_become_one_actor_each(FxRobot robot) throws Exception {
        MapWindow a = app.lastWindow();
        MapWindow b = secondWindow(robot, a, "#new-net-map");
        Ui.fx(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString("Street vendors\n\nSchool nurses\n  Bus drivers union  \n");
            return Clipboard.getSystemClipboard().setContent(c);
        });
        robot.clickOn(b.canvas().canvas().localToScreen(5, 5));
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.V);
        assertEquals(List.of("Street vendors", "School nurses", "Bus drivers union"),
                b.viewModel().document().inDrawOrder().stream().map(Element::label).toList());
        assertEquals(1, b.viewModel().session().history().undoDepth());
    }

    @Test
    void actors_pasted_into_a_problem_tree_are_left_out_with_a_word_why(FxRobot robot) throws Exception {
        MapWindow a = app.lastWindow();
        MapWindow tree = secondWindow(robot, a, "#new-problem-tree");
        MapDocument before = tree.viewModel().document();
        switchTo(a);
        robot.clickOn(Ui.centre(a, Ui.byLabel(a.viewModel().document(), CENTER)));
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.C);
        switchTo(tree);
        robot.clickOn(tree.canvas().canvas().localToScreen(5, 5));
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.V);
        assertEquals(before, tree.viewModel().document(), "an actor has no place in a problem tree");
        assertEquals("Nothing on the clipboard fits a problem-tree map", tree.viewModel().status());
        String shown = robot.from(tree.root()).lookup("#status").queryAs(javafx.scene.control.Label.class).getText();
        assertEquals(tree.viewModel().status(), shown, "the status bar says so");
    }
}
