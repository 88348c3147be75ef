package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.Badge;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A theory of change built from the empty map as a facilitator does it in the first hour: an indicator row filled in
 * field by field (Tab and Enter), kept whole when the outcome is selected again; a row left without a measure is no
 * indicator; an intervention tied to a precondition by dragging its connect handle, and to an arrow with the "Acts
 * on" picker, which names what it offers.
 */
@ExtendWith(ApplicationExtension.class)
class TheoryOfChangeFromEmptyTest {

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "theory-of-change", false);
    }

    private static Element longTerm(MapDocument doc) {
        return doc.nodes().filter(n -> n.type().equals("long-term-outcome")).findFirst().orElseThrow();
    }

    private static List<Map<String, Value>> rows(MapViewModel vm, String id) {
        return vm.document().element(id).attribute("indicators") instanceof Value.Rows r ? r.rows() : List.of();
    }

    private static Badge indicatorBadge(MapViewModel vm, String id) {
        return vm.template().orElseThrow().presentation().badges(vm.document(), vm.document().element(id)).stream()
                .filter(b -> b.text().startsWith("I")).findFirst().orElseThrow();
    }

    /** Scrolls the properties panel so that a node of it shows (the rows make it taller than its view). */
    private static void showInPanel(FxRobot robot, String id) throws Exception {
        javafx.scene.control.ScrollPane panel = robot.lookup("#properties").queryAs(javafx.scene.control.ScrollPane.class);
        javafx.scene.Node node = robot.lookup(id).query();
        Ui.fx(() -> {
            double contentHeight = panel.getContent().getBoundsInLocal().getHeight();
            double viewHeight = panel.getViewportBounds().getHeight();
            double y = panel.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            if (contentHeight > viewHeight) {
                panel.setVvalue(Math.max(0, Math.min(1, (y - viewHeight / 2) / (contentHeight - viewHeight))));
            }
            return null;
        });
    }

    private static void typeInto(FxRobot robot, String id, String text) throws Exception {
        showInPanel(robot, id);
        robot.clickOn(id).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(text);
    }

    @Test
    void every_field_of_an_indicator_row_is_kept_and_an_empty_measure_is_no_indicator(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        String outcome = longTerm(vm.document()).id();
        robot.clickOn(Ui.centre(w, vm.document().element(outcome)));
        showInPanel(robot, "#add-row-indicators");
        robot.clickOn("#add-row-indicators");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, rows(vm, outcome).size());
        assertEquals("I?", indicatorBadge(vm, outcome).text(), "a row without a measure is no indicator yet");

        // each field committed its own way: Tab, Enter, Tab, Enter, then the date with Enter
        typeInto(robot, "#row-indicators-0-measure", "Riders who can name two rights");
        robot.type(KeyCode.TAB);
        typeInto(robot, "#row-indicators-0-population", "Delivery riders in the city");
        robot.type(KeyCode.ENTER);
        typeInto(robot, "#row-indicators-0-target", "60 %");
        robot.type(KeyCode.TAB);
        typeInto(robot, "#row-indicators-0-threshold", "40 %");
        robot.type(KeyCode.ENTER);
        javafx.scene.control.DatePicker when = robot.lookup("#row-indicators-0-byWhen").queryAs(javafx.scene.control.DatePicker.class);
        showInPanel(robot, "#row-indicators-0-byWhen");
        robot.clickOn(when.getEditor()).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("6/30/27").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        // select something else, then the outcome again: the panel is built anew from the map
        robot.clickOn(w.canvas().canvas().localToScreen(20, w.canvas().canvas().getHeight() - 20));
        robot.clickOn(Ui.centre(w, vm.document().element(outcome)));
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, Value> row = rows(vm, outcome).get(0);
        assertEquals(new Value.Text("Riders who can name two rights"), row.get("measure"));
        assertEquals(new Value.Text("Delivery riders in the city"), row.get("population"));
        assertEquals(new Value.Text("60 %"), row.get("target"));
        assertEquals(new Value.Text("40 %"), row.get("threshold"));
        assertEquals(new Value.Date(java.time.LocalDate.of(2027, 6, 30)), row.get("byWhen"));
        assertEquals("Delivery riders in the city",
                robot.lookup("#row-indicators-0-population").queryAs(TextField.class).getText());
        assertEquals("I1", indicatorBadge(vm, outcome).text());
        Snapshots.save(Snapshots.of(w.root()), "toc-indicator-row-kept");

        // a second row left empty does not count
        showInPanel(robot, "#add-row-indicators");
        robot.clickOn("#add-row-indicators");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, rows(vm, outcome).size());
        assertEquals(new Value.Text(""), rows(vm, outcome).get(1).get("measure"), "no placeholder is stored as data");
        assertEquals("I1", indicatorBadge(vm, outcome).text(), "the empty second row is not counted");
    }

    @Test
    void an_intervention_is_tied_by_dragging_its_connect_handle_and_by_the_acts_on_picker(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        Element outcome = longTerm(vm.document());

        // a precondition below the outcome (Alt+P), then an intervention made from the palette's type and N
        robot.clickOn(Ui.centre(w, outcome));
        robot.press(KeyCode.ALT, KeyCode.P).release(KeyCode.P, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("Riders know their rights").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Element precondition = Ui.byLabel(vm.document(), "Riders know their rights");
        Ui.fx(() -> {
            vm.setNodeType("intervention");
            var g = precondition.geometry();
            vm.edits().createNode("intervention", "Know-your-rights sessions", g.centerX() + 300, g.centerY());
            vm.viewing().zoomToFit();
            return null;
        });
        Element intervention = Ui.byLabel(vm.document(), "Know-your-rights sessions");
        int depth = vm.session().history().undoDepth();

        // its connect handle is right of its box; dragged onto the precondition
        robot.clickOn(Ui.centre(w, intervention));
        Point2D handle = Ui.connectHandle(w, intervention);
        Point2D onto = Ui.centre(w, precondition);
        robot.drag(handle, MouseButton.PRIMARY).moveTo(onto.add(-20, 0)).moveTo(onto).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Value.Text(precondition.id()), vm.document().element(intervention.id()).attribute("attachedTo"),
                "status: " + vm.status());
        assertEquals(depth + 1, vm.session().history().undoDepth(), "one undo step");
        assertTrue(vm.document().links().noneMatch(l -> l.source().equals(intervention.id())), "no link is drawn");
        Snapshots.save(Snapshots.of(w.root()), "toc-intervention-dragged-onto-precondition");

        // the properties panel names what it acts on and offers outcomes and arrows by their names
        robot.clickOn(Ui.centre(w, vm.document().element(intervention.id())));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> actsOn = robot.lookup("#pick-attachedTo").queryAs(ComboBox.class);
        assertEquals("Riders know their rights", actsOn.getConverter().toString(actsOn.getValue()));
        List<String> offered = actsOn.getItems().stream().map(actsOn.getConverter()::toString).toList();
        assertTrue(offered.contains(outcome.label()), offered.toString());
        String arrow = "arrow Riders know their rights \u2192 " + outcome.label();
        assertTrue(offered.contains(arrow), offered.toString());
        assertTrue(offered.stream().noneMatch(o -> o.startsWith("n-") || o.startsWith("l-")), "no ids: " + offered);

        robot.clickOn(actsOn);
        robot.clickOn(arrow);
        WaitForAsyncUtils.waitForFxEvents();
        Element causal = vm.document().links().filter(l -> l.source().equals(precondition.id())).findFirst().orElseThrow();
        assertEquals(new Value.Text(causal.id()), vm.document().element(intervention.id()).attribute("attachedTo"));
        assertTrue(!vm.status().contains("attachedTo") && vm.status().contains("Acts on"), "the status line: " + vm.status());
        Snapshots.save(Snapshots.of(w.root()), "toc-intervention-tied");

        // "—" unties it
        robot.clickOn(robot.lookup("#pick-attachedTo").queryAs(ComboBox.class));
        robot.clickOn("—");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(vm.document().element(intervention.id()).attribute("attachedTo"));
    }
}
