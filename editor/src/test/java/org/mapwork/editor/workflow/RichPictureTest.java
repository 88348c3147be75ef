package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
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

/** A rich picture drawn in the real window: a pen stroke, an arrow, a text and a stamped pictogram, one undo step each. */
@ExtendWith(ApplicationExtension.class)
class RichPictureTest {

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "rich-picture", false);
    }

    private static void stroke(FxRobot robot, Canvas canvas, double x0, double y0, double x1, double y1) {
        robot.moveTo(canvas.localToScreen(x0, y0)).press(MouseButton.PRIMARY);
        for (int i = 1; i <= 12; i++) {
            double t = i / 12.0;
            // a wavy line, as a hand draws it
            robot.moveTo(canvas.localToScreen(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t + 12 * Math.sin(t * Math.PI * 2)));
        }
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void pen_arrow_text_and_stamp_each_add_one_element_in_one_undo_step(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        Canvas canvas = w.canvas().canvas();
        int base = vm.document().size();
        robot.clickOn(canvas.localToScreen(10, 10));

        robot.type(KeyCode.P);
        stroke(robot, canvas, 80, 300, 300, 300);
        Element pen = vm.document().annotations().filter(a -> a.type().equals("stroke")).findFirst().orElseThrow();
        assertTrue(pen.geometry().points().size() >= 3, "the stroke keeps its shape: " + pen.geometry().points().size());
        assertEquals(1, vm.session().history().undoDepth());

        robot.type(KeyCode.W);
        stroke(robot, canvas, 80, 420, 300, 380);
        Element arrow = vm.document().annotations().filter(a -> a.attribute("arrow") != null).findFirst().orElseThrow();
        assertEquals(new Value.Bool(true), arrow.attribute("arrow"));
        assertEquals(2, vm.session().history().undoDepth());

        robot.type(KeyCode.T);
        robot.clickOn(canvas.localToScreen(380, 120));
        assertTrue(w.labelField().isVisible(), "the text is typed in place");
        robot.write("Night shifts").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Element text = Ui.byLabel(vm.document(), "Night shifts");
        assertEquals("text", text.type());
        assertEquals(3, vm.session().history().undoDepth(), "a text, placed and typed, is one undo step");

        robot.clickOn("#pictogram-workplace");
        robot.clickOn(canvas.localToScreen(480, 320));
        Element factory = vm.document().nodes().filter(n -> new Value.Text("workplace").equals(n.attribute("symbol"))
                || new Value.Text("workplace").equals(n.attribute("pictogram"))).findFirst().orElseThrow();
        assertEquals(vm.camera().toMapX(480), factory.geometry().centerX(), 2 / vm.camera().scale());
        assertEquals(4, vm.session().history().undoDepth());
        assertEquals(base + 4, vm.document().size());
        robot.type(KeyCode.V).type(KeyCode.ESCAPE);
        Snapshots.save(Snapshots.of(canvas), "rich-picture-drawn");

        // four undos take the four additions back, one each
        for (int i = 0; i < 4; i++) {
            Ui.keys(robot, KeyCode.CONTROL, KeyCode.Z);
        }
        assertEquals(base, vm.document().size());
    }

    @Test
    void the_keyboard_alone_places_a_text_and_stamps_a_chosen_pictogram(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        Canvas canvas = w.canvas().canvas();
        robot.clickOn(canvas.localToScreen(10, 10));
        int base = vm.document().size();
        var view = vm.camera().visibleArea();

        robot.type(KeyCode.T).type(KeyCode.ENTER);
        assertTrue(w.labelField().isVisible());
        robot.write("Overtime").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Element text = Ui.byLabel(vm.document(), "Overtime");
        assertTrue(view.contains(text.geometry().x(), text.geometry().y()), "in the middle of the view");
        assertEquals(1, vm.session().history().undoDepth());

        // Tab to a pictogram in the palette, Space chooses it (and the stamp), Enter stamps it
        javafx.scene.Node focused = null;
        for (int i = 0; i < 80; i++) {
            robot.type(KeyCode.TAB);
            focused = w.root().getScene().getFocusOwner();
            if (focused != null && focused.getId() != null && focused.getId().startsWith("pictogram-")) {
                break;
            }
        }
        assertTrue(focused != null && focused.getId().startsWith("pictogram-"), "Tab reaches the pictograms");
        String pictogram = focused.getId().substring("pictogram-".length());
        robot.type(KeyCode.SPACE);
        assertEquals(pictogram, vm.pictogram());
        assertEquals("Pictogram", w.canvas().tool().name());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Element stamped = vm.document().nodes().filter(n -> new Value.Text(pictogram).equals(n.attribute("symbol")))
                .findFirst().orElseThrow();
        assertEquals(view.getCenterX(), stamped.geometry().centerX(), 1e-6);
        assertEquals(base + 2, vm.document().size());
        assertEquals(2, vm.session().history().undoDepth());
    }

    @Test
    void escape_while_typing_a_text_leaves_nothing_behind(FxRobot robot) {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        Canvas canvas = w.canvas().canvas();
        int base = vm.document().size();
        robot.clickOn(canvas.localToScreen(10, 10));
        robot.type(KeyCode.T);
        Point2D at = canvas.localToScreen(300, 200);
        robot.clickOn(at);
        robot.write("Never mind").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(base, vm.document().size());
        assertEquals(0, vm.session().history().undoDepth());
        assertEquals(List.of(), List.copyOf(vm.selection().ids()));
    }

    @Test
    void the_starter_title_is_a_heading_that_takes_only_the_clicks_on_its_words(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        Canvas canvas = w.canvas().canvas();
        Element title = vm.document().annotations().filter(a -> a.type().equals("title")).findFirst().orElseThrow();
        var box = title.geometry();
        // a pictogram stamped inside the title's box, to the right of its words
        String sticker = Ui.fx(() -> {
            vm.setPictogram("workplace");
            String id = vm.stampPictogram(box.x() + box.width() - 40, box.y() + box.height() - 10).orElseThrow();
            vm.viewing().zoomToFit();
            return id;
        });
        Element stamped = vm.document().element(sticker);
        robot.clickOn(Ui.centre(w, stamped));
        assertEquals(java.util.List.of(sticker), vm.selection().inOrder(), "the click beside the title's words reaches the pictogram");

        // the words themselves still select the title (after a pause: two quick clicks are a double-click)
        robot.sleep(600);
        robot.clickOn(Ui.screen(w, box.x() + 20, box.y() + 14));
        assertEquals(java.util.List.of(title.id()), vm.selection().inOrder());
        robot.type(KeyCode.ESCAPE);

        // drawn as a heading: its letters are taller than a text annotation's (12 px at 100 %)
        javafx.scene.image.WritableImage shot = Snapshots.of(canvas);
        Snapshots.save(shot, "rich-picture-title-heading");
        var top = Ui.screen(w, box.x(), box.y());
        var local = canvas.screenToLocal(top);
        double scale = vm.camera().scale();
        int background = shot.getPixelReader().getArgb((int) canvas.getWidth() - 5, (int) canvas.getHeight() - 5);
        int inkedRows = 0;
        for (int y = (int) local.getY(); y < local.getY() + box.height() * scale && y < shot.getHeight(); y++) {
            if (Snapshots.inked(shot, (int) local.getX(), y, (int) (120 * scale), 1, background) > 0) {
                inkedRows++;
            }
        }
        assertTrue(inkedRows / scale > 14, "the title's letters stand " + inkedRows / scale + " map units tall");
    }

    @Test
    void one_pictogram_button_looks_pressed_the_one_the_stamp_puts(FxRobot robot) {
        robot.clickOn("#pictogram-workplace");
        robot.clickOn("#pictogram-home");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> pressed = robot.lookup(n -> n instanceof javafx.scene.control.ToggleButton b && b.isSelected()
                && b.getId() != null && b.getId().startsWith("pictogram-")).queryAll().stream().map(javafx.scene.Node::getId).toList();
        assertEquals(List.of("pictogram-home"), pressed);
        assertEquals("home", app.lastWindow().viewModel().pictogram());
    }
}
