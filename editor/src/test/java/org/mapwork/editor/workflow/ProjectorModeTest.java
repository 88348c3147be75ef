package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Value;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Projector mode (F11): the side panels go, the facilitation step, its question (about the map's own framing
 * question) and the countdown stay in large type above the map, for the whole room; the View menu has one F11 entry.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorModeTest {

    private static final String FRAMING = "Who can influence whether the city passes paid sick leave?";

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "net-map", true);
    }

    private static boolean showing(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).tryQuery().map(n -> n.getScene() != null && n.isVisible()).orElse(false);
    }

    @Test
    void f11_hides_the_panels_but_keeps_the_step_its_question_and_the_timer_in_view(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        Ui.fx(() -> vm.edits().setMapAttribute("framingQuestion", new Value.Text(FRAMING)));
        robot.clickOn(w.canvas().canvas().localToScreen(6, 6));
        assertFalse(showing(robot, "#projector-bar"));
        // the facilitation panel asks its questions about the map's own framing question
        assertEquals(FRAMING, robot.lookup("#framing-question").queryAs(Label.class).getText());

        robot.type(KeyCode.F11);
        assertFalse(showing(robot, "#side-tabs"), "the panels are hidden");
        assertTrue(showing(robot, "#projector-bar"), "the step stays in view");
        String question = robot.lookup("#projector-question").queryAs(Label.class).getText();
        assertTrue(question.startsWith(FRAMING), question);
        assertTrue(question.contains("Who can influence whether this happens"), question);
        assertTrue(robot.lookup("#projector-step").queryAs(Label.class).getText().startsWith("Step 1 of"));
        Label countdown = robot.lookup("#projector-countdown").queryAs(Label.class);
        String before = countdown.getText();
        assertTrue(before.matches("\\d+:\\d\\d"), before);

        // F6 and F7 work from there and show at once
        robot.type(KeyCode.F6);
        assertTrue(robot.lookup("#projector-step").queryAs(Label.class).getText().startsWith("Step 2 of"));
        String stepTwo = countdown.getText();
        robot.type(KeyCode.F7);
        // the countdown ticks once a second: wait (bounded) until the bar shows it running
        Ui.waitFor(() -> !countdown.getText().equals(stepTwo));
        assertNotEquals(stepTwo, countdown.getText(), "the countdown runs");
        Snapshots.save(Snapshots.of(w.root()), "projector-mode");

        // the View menu names F11 once
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<String> view = bar.getMenus().stream().filter(m -> m.getText().equals("View")).findFirst().orElseThrow()
                .getItems().stream().map(MenuItem::getText).filter(t -> t != null && t.contains("F11")).toList();
        assertEquals(1, view.size(), view.toString());

        robot.type(KeyCode.F11);
        assertTrue(showing(robot, "#side-tabs"));
        assertFalse(showing(robot, "#projector-bar"));
        Node top = w.root().getTop();
        assertTrue(top instanceof MenuBar);
    }

    @Test
    void the_method_menu_of_a_net_map_offers_only_net_map_commands(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<String> method = bar.getMenus().stream().filter(m -> m.getText().equals("Method")).findFirst().orElseThrow()
                .getItems().stream().map(MenuItem::getText).filter(t -> t != null).toList();
        assertTrue(method.stream().noneMatch(t -> t.toLowerCase().contains("precondition")
                || t.toLowerCase().contains("ceiling")), method.toString());
        assertTrue(method.stream().anyMatch(t -> t.toLowerCase().contains("tower")), method.toString());
    }
}
