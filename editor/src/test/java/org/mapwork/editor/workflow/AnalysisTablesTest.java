package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.templates.AnalysisReport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Analyse shows the method's analysis as real tables (columns, every row) below the findings, not over them. */
@ExtendWith(ApplicationExtension.class)
class AnalysisTablesTest {

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "theory-of-change", true);
    }

    @Test
    void analyse_shows_one_table_per_report_table_with_its_columns_and_all_rows_below_the_findings(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        AnalysisReport report = Ui.fx(() -> w.viewModel().template().orElseThrow().analyze(w.viewModel().document()));
        robot.clickOn("Findings");
        robot.clickOn("Analyse");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        List<TableView<List<String>>> tables = robot.lookup(".analysis-table").queryAll().stream()
                .map(n -> (TableView<List<String>>) n).toList();
        assertEquals(report.tables().size(), tables.size());
        for (int i = 0; i < tables.size(); i++) {
            AnalysisReport.Table t = report.tables().get(i);
            assertEquals(t.columns(), tables.get(i).getColumns().stream().map(c -> c.getText()).toList());
            assertEquals(t.rows(), tables.get(i).getItems(), "every row, whole: " + t.title());
        }
        Node list = robot.lookup("#findings-list").query();
        Node area = robot.lookup("#analysis-scroll").query();
        Bounds l = list.localToScene(list.getBoundsInLocal());
        Bounds a = area.localToScene(area.getBoundsInLocal());
        assertTrue(a.getMinY() >= l.getMaxY(), "the tables are below the findings list: " + a + " / " + l);
        assertFalse(tables.get(0).getItems().isEmpty());
        Snapshots.save(Snapshots.of(w.root()), "analysis-tables");
    }
}
