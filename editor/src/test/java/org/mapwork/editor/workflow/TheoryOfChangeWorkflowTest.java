package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.Finding;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A theory of change through the real window: two preconditions added below the long-term outcome (already linked,
 * Alt+P, name, Enter), an indicator on each outcome from the properties panel, and the findings panel clears.
 */
@ExtendWith(ApplicationExtension.class)
class TheoryOfChangeWorkflowTest {

    private EditorApp app;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("mapwork-editor-toc");
        app = new EditorApp();
        app.start(stage, List.of(), Map.of("library", dir.resolve("library").toString(), "new", "theory-of-change",
                "size", "1180x740"));
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.stop()).get(30, TimeUnit.SECONDS);
    }

    private static Point2D centre(MapWindow w, Element e) {
        var cam = w.viewModel().camera();
        return w.canvas().canvas().localToScreen(cam.toScreenX(e.geometry().centerX()), cam.toScreenY(e.geometry().centerY()));
    }

    private static Element outcome(MapDocument doc) {
        return doc.nodes().filter(n -> n.type().equals("long-term-outcome")).findFirst().orElseThrow();
    }

    @Test
    void two_preconditions_and_indicators_clear_the_findings(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        Element longTerm = outcome(vm.document());

        for (String name : List.of("Workers know their rights", "Clinics record job hazards")) {
            robot.clickOn(centre(w, longTerm));
            robot.press(KeyCode.ALT, KeyCode.P).release(KeyCode.P, KeyCode.ALT);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(w.labelField().isVisible(), "the new precondition is named in place");
            robot.write(name).type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
        }
        MapDocument doc = vm.document();
        List<Element> preconditions = doc.nodes().filter(n -> n.type().equals("precondition")).toList();
        assertEquals(2, preconditions.size());
        for (Element p : preconditions) {
            assertTrue(p.geometry().y() > longTerm.geometry().y() + longTerm.geometry().height(), "placed below the outcome");
            assertTrue(doc.linksOf(p.id()).stream().anyMatch(l -> l.source().equals(p.id()) && l.target().equals(longTerm.id())),
                    "already linked to the outcome");
        }
        assertEquals(2, vm.session().history().undoDepth(), "each precondition with its link is one undo step");

        robot.clickOn("Findings");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> !w.findings().checking());
        WaitForAsyncUtils.waitForFxEvents();
        Label summary = robot.lookup("#findings-summary").queryAs(Label.class);
        List<Finding> open = w.findings().list().getItems();
        assertEquals(3, open.stream().filter(f -> f.rule().equals("toc.outcome-without-indicator")).count(), summary.getText());
        WritableImage withFindings = Snapshots.of(w.findings().list());

        // a click on a finding selects its element
        robot.clickOn(robot.lookup("#findings-list .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        assertEquals(open.get(0).elementIds().size(), vm.selection().size());

        robot.clickOn("Properties");
        String[] measures = {"Share of workers who can name two rights", "Hazards recorded per clinic visit",
                "Workers filing complaints"};
        List<Element> outcomes = List.of(preconditions.get(0), preconditions.get(1), longTerm);
        for (int i = 0; i < outcomes.size(); i++) {
            robot.clickOn(centre(w, vm.document().element(outcomes.get(i).id())));
            robot.clickOn("#add-row-indicators");
            WaitForAsyncUtils.waitForFxEvents();
            TextField measure = robot.lookup("#row-indicators-0-measure").queryAs(TextField.class);
            robot.clickOn(measure).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                    .write(measures[i]).type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            Value.Rows rows = (Value.Rows) vm.document().element(outcomes.get(i).id()).attribute("indicators");
            assertEquals(new Value.Text(measures[i]), rows.rows().get(0).get("measure"));
        }

        robot.clickOn("Findings");
        // the checks run in the background after each change
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> !w.findings().checking());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), w.findings().list().getItems());
        assertEquals("All checks are clear.", summary.getText());
        WritableImage cleared = Snapshots.of(w.findings().list());
        Snapshots.save(withFindings, "toc-findings-open");
        Snapshots.save(cleared, "toc-findings-clear");
        int background = cleared.getPixelReader().getArgb(5, (int) cleared.getHeight() - 5);
        // inside the list's border
        int before = Snapshots.inked(withFindings, 3, 3, (int) withFindings.getWidth() - 6, (int) withFindings.getHeight() - 6, background);
        int after = Snapshots.inked(cleared, 3, 3, (int) cleared.getWidth() - 6, (int) cleared.getHeight() - 6, background);
        assertTrue(before > 200, "the open findings show as text, inked " + before);
        assertTrue(after < before / 10, "the cleared list shows no text, inked " + after + " (was " + before + ")");
    }
}
