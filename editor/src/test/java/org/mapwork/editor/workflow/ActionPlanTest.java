package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
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

/** The properties panel's date and choice editors, on the action plan example. */
@ExtendWith(ApplicationExtension.class)
class ActionPlanTest {

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "action-plan", true);
    }

    @Test
    void a_due_date_typed_into_its_picker_and_a_status_chosen_are_one_undo_step_each(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        Element survey = Ui.byLabel(vm.document(), "Baseline survey of wage theft among temps");
        robot.clickOn(Ui.centre(w, survey));
        int start = vm.session().history().undoDepth();

        DatePicker due = robot.lookup(".date-picker").queryAllAs(DatePicker.class).stream()
                .filter(d -> LocalDate.of(2026, 4, 30).equals(d.getValue())).findFirst().orElseThrow();
        LocalDate later = LocalDate.of(2026, 5, 15);
        robot.clickOn(due.getEditor()).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write(due.getConverter().toString(later)).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Value.Date(later), vm.document().element(survey.id()).attribute("due"));
        assertEquals(start + 1, vm.session().history().undoDepth());
        assertEquals(null, vm.labels().current(), "Enter in the date field is the field's, not the canvas's rename key");
        assertEquals(survey.label(), vm.document().element(survey.id()).label());

        @SuppressWarnings("unchecked")
        ComboBox<String> status = robot.lookup(".combo-box").queryAllAs(ComboBox.class).stream()
                .filter(c -> "done".equals(c.getValue())).findFirst().orElseThrow();
        // further down the panel: scroll to it as a person would
        javafx.scene.control.ScrollPane panel = robot.lookup("#properties").queryAs(javafx.scene.control.ScrollPane.class);
        var viewport = panel.localToScreen(panel.getBoundsInLocal());
        robot.moveTo(panel);
        for (int i = 0; i < 30 && status.localToScreen(status.getBoundsInLocal()).getMaxY() > viewport.getMaxY() - 5; i++) {
            // (the wheel turned the way that moves a pane's content up; TestFX on Monocle calls that UP)
            robot.scroll(1, javafx.geometry.VerticalDirection.UP);
        }
        robot.clickOn(status);
        robot.clickOn(robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> "Blocked".equalsIgnoreCase(c.getText()) && c.isVisible()).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Value.Text("blocked"), vm.document().element(survey.id()).attribute("status"));
        assertEquals(start + 2, vm.session().history().undoDepth());
        Snapshots.save(Snapshots.of(robot.lookup("#properties").query()), "properties-of-an-action");
    }
}
