package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Element;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The start screen: a new map from a method, empty or the example, in English or Spanish, by mouse or keyboard. */
@ExtendWith(ApplicationExtension.class)
class StartScreenTest {

    private EditorApp app;

    @Start
    void start(Stage stage) {
        Ui.closeOtherWindows(stage);
        app = new EditorApp();
        app.start(stage, List.of(), Map.of("no-library", "true", "size", "1180x740"));
    }

    @AfterEach
    void theEditorSpeaksEnglishAgain() {
        // the language chosen on the start screen is the editor's (a global): the next test starts from English
        org.mapwork.editor.i18n.Ui.setLocale(java.util.Locale.ENGLISH);
    }

    @Test
    void the_spanish_net_map_example_speaks_spanish_in_the_palette_the_context_menu_and_the_properties(FxRobot robot)
            throws Exception {
        robot.clickOn("#language");
        robot.clickOn(Ui.menuItem(robot, "español"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup((Label l) -> "Mapa de poder (Net-Map)".equals(l.getText())).tryQuery().isPresent(),
                "the methods are listed in Spanish");
        Snapshots.save(Snapshots.of(robot.lookup("#start").query()), "start-screen-spanish");
        robot.clickOn("#example-net-map");
        WaitForAsyncUtils.waitForFxEvents();

        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        assertEquals("Conflicto", robot.lookup("#link-type-conflict").queryAs(ToggleButton.class).getText());

        // a conflict link, selected (as a findings click would); its context menu opens with Shift+F10
        Element link = vm.document().links().filter(l -> l.type().equals("conflict")).findFirst().orElseThrow();
        robot.clickOn(w.canvas().canvas().localToScreen(2, 2));
        Ui.fx(() -> {
            vm.select(List.of(link.id()));
            return null;
        });
        assertEquals("Conflicto", ((Label) robot.lookup("#properties .label").queryAll().stream()
                .filter(n -> n instanceof Label l && l.getStyle().contains("font-weight: bold")).findFirst()
                .orElseThrow()).getText(), "the properties heading names the link's type as the map does");
        Ui.keys(robot, KeyCode.SHIFT, KeyCode.F10);
        // the link's one submenu is its type (found by its place, so that the test holds in either language)
        String linkTypeText = Ui.shownMenu().getItems().stream().filter(i -> i instanceof javafx.scene.control.Menu)
                .findFirst().orElseThrow().getText();
        Node linkType = Ui.menuItem(robot, linkTypeText);
        robot.clickOn(linkType);
        Node alliance = Ui.menuItem(robot, "Alianza");
        Snapshots.save(Snapshots.of(alliance.getScene().getRoot()), "context-menu-link-types-spanish");
        assertTrue(Ui.menuItem(robot, "Conflicto") != null);
        robot.type(KeyCode.ESCAPE).type(KeyCode.ESCAPE);
    }

    @Test
    void the_keyboard_alone_starts_an_empty_problem_tree(FxRobot robot) {
        Node target = robot.lookup("#new-problem-tree").query();
        boolean reached = false;
        for (int i = 0; i < 40 && !reached; i++) {
            robot.type(KeyCode.TAB);
            reached = target.isFocused();
        }
        assertTrue(reached, "Tab reaches the button");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        MapWindow w = app.lastWindow();
        assertEquals("problem-tree", w.viewModel().document().methodId());
        assertTrue(robot.lookup((Button b) -> "Open file…".equals(b.getText())).tryQuery().isEmpty(),
                "the start screen gave its window to the map");
        assertTrue(robot.lookup("#language").tryQuery().isEmpty());
    }
}
