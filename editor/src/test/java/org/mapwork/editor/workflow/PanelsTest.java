package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
 * The map window's panels on the Net-Map example: the properties panel's editors (influence stepper, actor type,
 * goals with their stance), the facilitation steps and countdown, the findings (F8), the minimap, and F11.
 */
@ExtendWith(ApplicationExtension.class)
class PanelsTest {

    private static final String LEE = "Council Member Lee (swing vote)";

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "net-map", true);
    }

    @Test
    void the_properties_panel_steps_the_tower_chooses_the_actor_type_and_ticks_goals_one_undo_step_each(
            FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        Element lee = Ui.byLabel(vm.document(), LEE);
        robot.clickOn(Ui.centre(w, lee));
        int start = vm.session().history().undoDepth();
        long tower = ((Value.Int) lee.attribute("influence")).value();

        robot.clickOn(robot.lookup("#stepper-influence .increment-arrow-button").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Value.Int(tower + 1), vm.document().element(lee.id()).attribute("influence"));
        assertEquals(start + 1, vm.session().history().undoDepth());

        // the goals are check boxes that name the stance in words, not by colour alone
        CheckBox block = robot.lookup(".check-box").queryAllAs(CheckBox.class).stream()
                .filter(c -> c.getText().startsWith("Block or delay")).findFirst().orElseThrow();
        assertEquals("Block or delay the ordinance (against)", block.getText());
        Node panel = robot.lookup("#properties").query();
        double panelRight = panel.localToScreen(panel.getBoundsInLocal()).getMaxX();
        for (CheckBox goal : robot.lookup(".check-box").queryAllAs(CheckBox.class)) {
            if (goal.getText().contains("(")) {
                assertTrue(goal.localToScreen(goal.getBoundsInLocal()).getMaxX() <= panelRight,
                        "the whole goal shows, stance and all: " + goal.getText());
                assertTrue(goal.getHeight() >= goal.prefHeight(goal.getWidth()) - 0.5, "wrapped, not cut: " + goal.getText());
            }
        }
        robot.clickOn(block);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Value.TextList(List.of("block")), vm.document().element(lee.id()).attribute("goals"));
        assertEquals(start + 2, vm.session().history().undoDepth());

        @SuppressWarnings("unchecked")
        ComboBox<String> type = robot.lookup(".combo-box").queryAllAs(ComboBox.class).stream()
                .filter(c -> c.getItems().contains("labor-union")).findFirst().orElseThrow();
        robot.clickOn(type);
        robot.clickOn(robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> "Labor union".equals(c.getText()) && c.isVisible()).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Value.Text("labor-union"), vm.document().element(lee.id()).attribute("actorType"));
        assertEquals(start + 3, vm.session().history().undoDepth());
        Snapshots.save(Snapshots.of(robot.lookup("#properties").query()), "properties-of-an-actor");

        // the label field commits on Enter, once
        robot.doubleClickOn("#properties-label").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("Council Member Lee").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Council Member Lee", vm.document().element(lee.id()).label());
        robot.clickOn(w.canvas().canvas().localToScreen(5, 5));
        assertEquals(start + 4, vm.session().history().undoDepth(), "leaving the field does not rename again");
    }

    @Test
    void f6_moves_to_the_next_step_and_its_question_and_f7_starts_and_pauses_the_countdown(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        robot.clickOn("Facilitation");
        Label question = robot.lookup("#guiding-question").queryAs(Label.class);
        String first = question.getText();
        robot.clickOn(w.canvas().canvas().localToScreen(5, 5));
        robot.type(KeyCode.F6);
        assertNotEquals(first, question.getText(), "the next step asks its own question");
        Button timer = robot.lookup("#facilitation .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Start") || b.getText().equals("Pause")).findFirst().orElseThrow();
        assertEquals("Start", timer.getText());
        robot.type(KeyCode.F7);
        assertEquals("Pause", timer.getText(), "the countdown runs");
        Snapshots.save(Snapshots.of(robot.lookup("#facilitation").query()), "facilitation-step-two");
        robot.type(KeyCode.F7);
        assertEquals("Start", timer.getText());
        Ui.keys(robot, KeyCode.SHIFT, KeyCode.F6);
        assertEquals(first, question.getText());
    }

    @Test
    void f8_selects_the_elements_of_the_next_finding(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        // an actor with no link and no goal makes findings that name it
        Ui.fx(() -> vm.edits().quickAdd("Street vendors"));
        String vendors = Ui.byLabel(vm.document(), "Street vendors").id();
        robot.clickOn(w.canvas().canvas().localToScreen(5, 5));
        robot.type(KeyCode.ESCAPE);
        boolean reached = false;
        for (int i = 0; i < 10 && !reached; i++) {
            robot.type(KeyCode.F8);
            reached = vm.selection().ids().equals(Set.of(vendors));
        }
        assertTrue(reached, "F8 walks the findings and selects what each is about");
    }

    @Test
    void a_click_in_the_minimap_moves_the_view_there(FxRobot robot) {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        robot.clickOn(w.canvas().canvas().localToScreen(5, 5));
        for (int i = 0; i < 4; i++) {
            Ui.keys(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        }
        var before = vm.camera().visibleArea();
        Node minimap = robot.lookup("#minimap").query();
        var b = minimap.localToScreen(minimap.getBoundsInLocal());
        robot.clickOn(new javafx.geometry.Point2D(b.getMinX() + 20, b.getMaxY() - 20), MouseButton.PRIMARY);
        var after = vm.camera().visibleArea();
        assertTrue(after.getCenterX() < before.getCenterX() && after.getCenterY() > before.getCenterY(),
                "the view went towards the bottom-left: " + before + " → " + after);
    }

    @Test
    void f11_hides_the_panels_for_the_wall_and_shows_them_again(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        double wide = w.canvas().getWidth();
        robot.clickOn(w.canvas().canvas().localToScreen(5, 5));
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(w.root().getLeft());
        assertNull(w.root().getRight());
        assertTrue(w.canvas().getWidth() > wide + 300, "the canvas takes the room: " + w.canvas().getWidth());
        Snapshots.save(Snapshots.of(w.root()), "panels-hidden");
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(robot.lookup("#palette").query(), w.root().getLeft());
        assertFalse(w.root().getRight() == null);
        Snapshots.save(Snapshots.of(w.root()), "net-map-window");
    }
}
