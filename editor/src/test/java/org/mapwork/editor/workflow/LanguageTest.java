package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.start.EditorSettings;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Value;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The editor's language, chosen on the start screen: the screen speaks it at once, windows opened afterwards speak
 * it (the map itself is made in it too), and the next run starts in it. The settings go to a folder of the test's own.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageTest {

    @TempDir
    static Path dir;

    private Stage stage;
    private EditorApp app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Ui.closeOtherWindows(stage);
        app = new EditorApp();
        app.start(stage, List.of(), Map.of("no-library", "true", "settings", settingsFile().toString(),
                "size", "1180x740"));
    }

    private static Path settingsFile() {
        return dir.resolve("editor-settings.properties");
    }

    @AfterEach
    void theEditorSpeaksEnglishAgain() {
        // the editor's language is a global, and the settings file is shared by this class's tests
        org.mapwork.editor.i18n.Ui.setLocale(Locale.ENGLISH);
        EditorSettings.at(settingsFile()).setLanguage(Locale.ENGLISH);
    }

    private String heading(FxRobot robot) {
        return robot.lookup("#start-heading").queryAs(Label.class).getText();
    }

    @Test
    void choosing_spanish_changes_the_start_screen_at_once_and_the_next_run_starts_in_spanish(FxRobot robot)
            throws Exception {
        assertEquals("Mapwork — start a map", heading(robot));
        assertEquals("Open file…", robot.lookup("#open-file").queryAs(Button.class).getText());
        assertEquals("Empty", robot.lookup("#new-net-map").queryAs(Button.class).getText());

        robot.clickOn("#language");
        robot.clickOn(Ui.menuItem(robot, "español"));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Mapwork — empezar un mapa", heading(robot));
        assertEquals("Abrir archivo…", robot.lookup("#open-file").queryAs(Button.class).getText());
        assertEquals("Vacío", robot.lookup("#new-net-map").queryAs(Button.class).getText());
        assertEquals("Ejemplo", robot.lookup("#example-net-map").queryAs(Button.class).getText());
        assertTrue(robot.lookup((Label l) -> "Mapa de poder (Net-Map)".equals(l.getText())).tryQuery().isPresent(),
                "the methods are listed in Spanish");
        assertTrue(robot.lookup((Label l) -> "Idioma".equals(l.getText())).tryQuery().isPresent());
        assertTrue(Files.readString(settingsFile()).contains("language=es"), "the choice is kept in the settings file");

        // the next run (a new application over the same settings) starts in Spanish, with Spanish chosen
        Ui.fx(() -> {
            app = new EditorApp();
            app.start(stage, List.of(), Map.of("no-library", "true", "settings", settingsFile().toString(),
                    "size", "1180x740"));
            return null;
        });
        assertEquals("Mapwork — empezar un mapa", heading(robot));
        assertEquals(Locale.forLanguageTag("es"), robot.lookup("#language").queryAs(ChoiceBox.class).getValue());
        assertEquals(Locale.forLanguageTag("es"), EditorSettings.at(settingsFile()).language());

        // a map window opened now speaks Spanish, and the new map is made in Spanish
        robot.clickOn("#example-net-map");
        WaitForAsyncUtils.waitForFxEvents();
        MapWindow w = app.lastWindow();
        assertEquals("es", ((Value.Text) w.viewModel().document().mapAttribute("language")).value());
        assertTrue(robot.lookup((Label l) -> "Herramientas".equals(l.getText())).tryQuery().isPresent(),
                "the palette speaks Spanish");
        Snapshots.save(Snapshots.of(w.root()), "map-window-spanish");

        // back to English on a fresh start screen: it speaks English at once, and that is kept
        Ui.fx(() -> {
            app.showStart();
            return null;
        });
        robot.clickOn("#language");
        robot.clickOn(Ui.menuItem(robot, "English"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Mapwork — start a map", heading(robot));
        assertEquals(Locale.ENGLISH, EditorSettings.at(settingsFile()).language());
    }

    @Test
    void a_map_made_in_english_keeps_its_own_words_in_a_spanish_editor(FxRobot robot) throws Exception {
        // the map's content language is the map's: an English map opened while the editor speaks Spanish
        Ui.fx(() -> {
            org.mapwork.editor.i18n.Ui.setLocale(Locale.ENGLISH);
            app.newMap("net-map", true);
            return null;
        });
        MapWindow english = app.lastWindow();
        assertEquals("en", ((Value.Text) english.viewModel().document().mapAttribute("language")).value());
        Ui.fx(() -> {
            app.showStart();
            return null;
        });
        robot.clickOn("#language");
        robot.clickOn(Ui.menuItem(robot, "español"));
        WaitForAsyncUtils.waitForFxEvents();
        Ui.fx(() -> {
            app.opened(english.opened());
            return null;
        });
        // the palette's own words are the editor's; the map's types stay in the map's language
        assertTrue(robot.lookup((Label l) -> "Herramientas".equals(l.getText())).tryQuery().isPresent());
        assertEquals("Conflict", robot.lookup("#link-type-conflict").queryAs(javafx.scene.control.ToggleButton.class)
                .getText());
    }
}
