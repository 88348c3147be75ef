package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.ExportDialog;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Files through the real window, over a library in a temporary folder: Open of a broken file shows the reader's
 * message and loses nothing; Save As then Open brings the map back; Import… of a Mapwork SVG makes a new map.
 */
@ExtendWith(ApplicationExtension.class)
class FilesTest {

    private static final Path BROKEN = Path.of(System.getProperty("user.dir")).getParent().resolve("examples/broken");

    private EditorApp app;
    private Path dir;
    private final Ui.Files files = new Ui.Files();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("mapwork-files-test");
        Ui.closeOtherWindows(stage);
        app = new EditorApp();
        app.start(stage, List.of(), Map.of("library", dir.resolve("library").toString(), "new", "net-map",
                "size", "1180x740"));
        app.lastWindow().setFilePicker(files);
    }

    @AfterEach
    void stop() throws Exception {
        // the windows first: closing one finishes its writes to the library, which closes after them
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                w.hide();
            }
            app.stop();
        }).get(30, TimeUnit.SECONDS);
    }

    private static void quickAdd(FxRobot robot, MapWindow w, String names) {
        robot.clickOn(w.canvas().canvas().localToScreen(10, 10));
        robot.type(KeyCode.Q);
        robot.clickOn("#quick-add-names").write(names);
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.ENTER);
    }

    private static String errorShown(FxRobot robot) throws Exception {
        Ui.waitFor(() -> robot.lookup("#error-message").tryQuery().isPresent());
        return robot.lookup("#error-message").queryAs(Label.class).getText();
    }

    private static void closeError(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".dialog-pane .button").queryButton());
        Ui.waitFor(() -> robot.lookup("#error-message").tryQuery().isEmpty());
    }

    private static long mapWindows() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot().getId() != null && w.getScene().getRoot().getId().equals("map-window")).count();
    }

    @Test
    void a_file_that_fails_to_open_shows_the_readers_message_and_the_open_map_keeps_everything(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        quickAdd(robot, w, "Worker center\nStaffing agency");
        MapDocument before = vm.document();
        int depth = vm.session().history().undoDepth();

        for (String[] broken : List.of(
                new String[] {"influence-not-a-number.mapwork.json", "$.elements[2].attributes.influence"},
                new String[] {"link-to-missing-actor.mapwork.json", "$.elements[21].target"},
                new String[] {"truncated.mapwork.json", "line 261, column 16"})) {
            files.answer(BROKEN.resolve(broken[0]));
            Ui.keys(robot, KeyCode.CONTROL, KeyCode.O);
            String message = errorShown(robot);
            assertTrue(message.contains(broken[0]) && message.contains(broken[1]),
                    "the reader's message names the file and the place: " + message);
            javafx.scene.layout.Region pane = robot.lookup(".dialog-pane").query();
            Snapshots.save(Snapshots.of(pane), "open-broken-" + broken[0]);
            Label shown = robot.lookup("#error-message").queryAs(Label.class);
            assertTrue(pane.getWidth() < 700, "a long message wraps in a dialog of reading width, not " + pane.getWidth());
            assertTrue(shown.getHeight() >= shown.prefHeight(shown.getWidth()) - 0.5, "all of the message shows");
            closeError(robot);

            assertSame(w, app.lastWindow(), "no window was opened");
            assertEquals(1, mapWindows());
            assertSame(before, vm.document(), "the open map is as it was");
            assertEquals(depth, vm.session().history().undoDepth(), "and so is its history");
        }
        // the work goes on: undo still undoes the quick add
        robot.clickOn(w.canvas().canvas().localToScreen(10, 10));
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertEquals(0, vm.document().size());
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.Y);

        // and the library holds this map alone: nothing half-read was kept
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.N);
        ListView<?> recent = robot.lookup("#recent-maps").queryAs(ListView.class);
        Ui.waitFor(() -> recent.getItems().size() == 1);
        assertEquals(1, recent.getItems().size());
    }

    @Test
    void save_as_then_open_brings_the_map_back_in_a_window_of_its_own(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        quickAdd(robot, w, "Worker center\nStaffing agency\nHealth department");
        Path chosen = dir.resolve("power map");
        Path written = dir.resolve("power map.mapwork.json");
        files.answer(chosen).answer(written);

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S);
        assertTrue(Files.exists(written), "the Mapwork extension is added to a name typed without it");
        assertEquals(List.copyOf(vm.document().elements()), List.copyOf(org.mapwork.editor.start.Maps.read(written).elements()));
        assertTrue(((Stage) w.root().getScene().getWindow()).getTitle().contains("power map.mapwork.json"),
                "the title bar names the file");

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.O);
        MapWindow reopened = app.lastWindow();
        assertNotSame(w, reopened);
        assertEquals(2, mapWindows());
        assertEquals(List.copyOf(vm.document().elements()), List.copyOf(reopened.viewModel().document().elements()));
        assertEquals("save: Save a copy as a Mapwork file [" + vm.document().title() + ".mapwork.json]",
                files.asked.get(0), "the file dialog offers the map's title");
    }

    @Test
    void import_of_a_mapwork_svg_makes_a_new_map_and_a_file_that_is_not_one_says_why(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        quickAdd(robot, w, "Worker center\nStaffing agency");
        Path svg = dir.resolve("power.svg");
        ExportDialog.write(ExportDialog.formats().get(0), vm.document(), RenderOptions.file(), svg);
        files.answer(svg);
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.I);
        MapWindow imported = app.lastWindow();
        assertNotSame(w, imported);
        assertEquals(List.copyOf(vm.document().elements()), List.copyOf(imported.viewModel().document().elements()));
        assertTrue(!imported.viewModel().document().id().equals(vm.document().id()), "a new map, not the same one twice");

        Path plain = dir.resolve("drawing.svg");
        Files.writeString(plain, "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"10\" height=\"10\"/></svg>");
        imported.setFilePicker(files.answer(plain));
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.I);
        String message = errorShown(robot);
        assertTrue(message.contains("drawing.svg"), message);
        closeError(robot);
        assertSame(imported, app.lastWindow());
    }
}
