package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.ExportDialog;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.export.imports.EmbeddedMapImport;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.Methods;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A whole Net-Map session through the real window, headless: a new map from the template, quick-add three actors,
 * link them with two link types (keyboard and drag), raise a tower, undo and redo, export SVG — asserting on the
 * model, on the canvas's pixels, and on the library's acknowledgement.
 */
@ExtendWith(ApplicationExtension.class)
class NetMapWorkflowTest {

    private EditorApp app;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("mapwork-editor-test");
        app = new EditorApp();
        app.start(stage, List.of(), Map.of("library", dir.resolve("library").toString(), "new", "net-map",
                "size", "1180x740"));
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.stop()).get(30, TimeUnit.SECONDS);
    }

    private static Point2D screen(MapWindow w, double mapX, double mapY) {
        var cam = w.viewModel().camera();
        return w.canvas().canvas().localToScreen(cam.toScreenX(mapX), cam.toScreenY(mapY));
    }

    private static Element byLabel(MapDocument doc, String label) {
        return doc.nodes().filter(n -> n.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void a_group_maps_three_actors_links_them_twice_raises_a_tower_undoes_redoes_and_exports(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        Canvas canvas = w.canvas().canvas();
        assertEquals("net-map", vm.document().methodId());

        // quick add: Q, one name per line, Ctrl+Enter
        robot.clickOn(canvas);
        robot.type(KeyCode.Q);
        robot.clickOn("#quick-add-names").write("Worker center\nStaffing agency\nHealth department");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        MapDocument doc = vm.document();
        assertEquals(Set.of("Worker center", "Staffing agency", "Health department"),
                doc.nodes().map(Element::label).collect(Collectors.toSet()));
        assertEquals(1, vm.session().history().undoDepth(), "quick add is one undo step");
        Element center = byLabel(doc, "Worker center");
        Element agency = byLabel(doc, "Staffing agency");
        Element health = byLabel(doc, "Health department");

        // first link by keyboard: click one, shift-click the other, L
        robot.clickOn(screen(w, center.geometry().centerX(), center.geometry().centerY()));
        robot.press(KeyCode.SHIFT).clickOn(screen(w, agency.geometry().centerX(), agency.geometry().centerY()))
                .release(KeyCode.SHIFT);
        assertEquals(Set.of(center.id(), agency.id()), vm.selection().ids());
        String firstType = vm.linkType();
        robot.type(KeyCode.L);
        // second link by dragging from the worker center's right edge, with the next link type (K)
        robot.type(KeyCode.K);
        String secondType = vm.linkType();
        assertTrue(!firstType.equals(secondType));
        Point2D edge = screen(w, center.geometry().x() + center.geometry().width(), center.geometry().centerY())
                .add(-2, 0);
        robot.drag(edge, MouseButton.PRIMARY).moveTo(screen(w, agency.geometry().centerX(), agency.geometry().centerY() + 5))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        doc = vm.document();
        List<Element> links = doc.links().toList();
        assertEquals(2, links.size(), "two links between one pair");
        assertEquals(Set.of(firstType, secondType), links.stream().map(Element::type).collect(Collectors.toSet()));
        for (Element l : links) {
            assertEquals(center.id(), l.source());
            assertEquals(agency.id(), l.target());
        }

        // a tower: select the health department, + three times
        robot.type(KeyCode.ESCAPE); // nothing selected, so the pictures differ only by the tower
        WritableImage flat = Snapshots.of(canvas);
        robot.clickOn(screen(w, health.geometry().centerX(), health.geometry().centerY()));
        robot.type(KeyCode.ADD, 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Value.Int(3), vm.document().element(health.id()).attribute("influence"));
        robot.type(KeyCode.ESCAPE); // clear the selection so that its highlight does not count as the tower
        WritableImage raised = Snapshots.of(canvas);
        Snapshots.save(raised, "netmap-tower-raised");
        var cam = vm.camera();
        int nx = (int) cam.toScreenX(health.geometry().x());
        int ny = (int) cam.toScreenY(health.geometry().y());
        int nw = (int) (health.geometry().width() * cam.scale());
        int nh = (int) (health.geometry().height() * cam.scale());
        // the tower shows on and around the node
        int towerPixels = Snapshots.differing(flat, raised, nx - 20, ny - 120, nw + 40, nh + 140, 40);
        assertTrue(towerPixels > 30, "the raised tower should change the picture around the node, changed " + towerPixels);

        // undo (Ctrl+Z) puts the picture back; redo (Ctrl+Shift+Z) raises it again
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, vm.document().element(health.id()).attribute("influence"));
        WritableImage undone = Snapshots.of(canvas);
        Snapshots.save(flat, "netmap-before-tower");
        Snapshots.save(undone, "netmap-tower-undone");
        assertEquals(0, Snapshots.differing(flat, undone, nx - 20, ny - 120, nw + 40, nh + 140, 40),
                "after undoing the three raises the node looks as before");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Value.Int(3), vm.document().element(health.id()).attribute("influence"));
        WritableImage redone = Snapshots.of(canvas);
        assertEquals(0, Snapshots.differing(raised, redone, nx - 20, ny - 120, nw + 40, nh + 140, 40));

        // the library acknowledges: the status bar says Saved only then
        Label saved = robot.lookup("#saved-state").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Saved".equals(saved.getText()));

        // export SVG with the export module's writer, and read the map back out of it
        Path svg = dir.resolve("power-map.svg");
        ExportDialog.write(ExportDialog.formats().get(0), vm.document(), RenderOptions.file(), svg);
        String text = Files.readString(svg);
        assertTrue(text.contains("Worker center") && text.contains("Health department"), "labels are SVG text");
        try (InputStream in = Files.newInputStream(svg)) {
            MapDocument back = new EmbeddedMapImport(Methods.schemas()).readSvg(svg.toString(), in);
            assertEquals(List.copyOf(vm.document().elements()), List.copyOf(back.elements()));
        }

        // quit, start again on the same library: the map is among the recent ones and opens with all the work
        MapDocument before = vm.document();
        Stage first = (Stage) canvas.getScene().getWindow();
        WaitForAsyncUtils.asyncFx(() -> {
            first.hide();
            app.stop();
        }).get(30, TimeUnit.SECONDS);
        EditorApp again = new EditorApp();
        app = again;
        WaitForAsyncUtils.asyncFx(() -> again.start(new Stage(), List.of(),
                Map.of("library", dir.resolve("library").toString(), "size", "1180x740"))).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<?> recent = robot.lookup("#recent-maps").queryAs(javafx.scene.control.ListView.class);
        // the library opens in the background; the list fills in when it is ready
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> recent.getItems().size() == 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#recent-maps .list-cell").queryAll().stream()
                        .anyMatch(c -> c instanceof javafx.scene.control.ListCell<?> cell && !cell.isEmpty()));
        robot.doubleClickOn(robot.lookup("#recent-maps .list-cell").queryAll().stream()
                .filter(c -> c instanceof javafx.scene.control.ListCell<?> cell && !cell.isEmpty()).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        MapDocument reopened = again.lastWindow().viewModel().document();
        assertEquals(before.id(), reopened.id());
        assertEquals(List.copyOf(before.elements()), List.copyOf(reopened.elements()));
    }
}
