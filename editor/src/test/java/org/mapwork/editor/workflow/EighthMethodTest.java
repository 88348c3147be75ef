package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.map.Shortcuts;
import org.mapwork.editor.start.OpenedMap;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.editor.workflow.eighth.StakeholderCircleTemplate;
import org.mapwork.model.Element;
import org.mapwork.model.MapSession;
import org.mapwork.model.Value;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An eighth method needs no editor code: a template that exists only in these tests (a stakeholder circle) opens in
 * the real window, its action shows in the context menu of a stakeholder and on the shortcut sheet, runs from the
 * menu and from its key, and its edit goes through the map's session as one undo step in the method's words.
 */
@ExtendWith(ApplicationExtension.class)
class EighthMethodTest {

    private final StakeholderCircleTemplate method = new StakeholderCircleTemplate();
    private MapWindow window;

    @Start
    void start(Stage stage) {
        Ui.closeOtherWindows(stage);
        MapSession session = new MapSession(method.starter(false, Locale.ENGLISH), method.schema(), "tester", 0);
        window = new MapWindow(stage, new OpenedMap(session, method, null, OpenedMap.inMemory()), new MapWindow.Shell() {
            @Override
            public void showStart() {
            }

            @Override
            public void openFile(Path file) {
            }

            @Override
            public void importFile(Path file) {
            }
        });
        window.show(1180, 740);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static long ring(MapViewModel vm, String id) {
        return ((Value.Int) vm.document().element(id).attribute(StakeholderCircleTemplate.RING)).value();
    }

    @Test
    void its_action_is_in_the_context_menu_of_a_stakeholder_and_applies_in_one_undo_step(FxRobot robot)
            throws Exception {
        MapViewModel vm = window.viewModel();
        Element union = vm.document().element("union");
        Ui.rightClick(robot, Ui.centre(window, union), window.canvas().canvas());
        assertTrue(Ui.menuItems().contains("Move closer to the centre   Alt+I"), Ui.menuItems().toString());
        robot.clickOn(Ui.menuItem(robot, "Move closer to the centre"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, ring(vm, "union"));
        assertEquals(1, vm.session().history().undoDepth(), "one undo step");
        assertEquals("Move Tenants' union closer to the centre", vm.session().history().undoSummary().orElseThrow());
        assertEquals(2, ring(vm, "pastor"), "the other stakeholder stays on its ring");

        robot.type(KeyCode.ESCAPE);
        Ui.rightClick(robot, window.canvas().canvas().localToScreen(40, 40), window.canvas().canvas());
        assertFalse(Ui.menuItems().stream().anyMatch(i -> i.startsWith("Move closer")),
                "not offered on the empty canvas: " + Ui.menuItems());
        robot.type(KeyCode.ESCAPE);

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertEquals(3, ring(vm, "union"), "undo puts it back on its ring");
    }

    @Test
    void its_key_runs_it_on_the_selection_and_the_shortcut_sheet_lists_it(FxRobot robot) throws Exception {
        MapViewModel vm = window.viewModel();
        robot.clickOn(Ui.centre(window, vm.document().element("pastor")));
        assertEquals(List.of("pastor"), vm.selectionInOrder());
        Ui.keys(robot, KeyCode.ALT, KeyCode.I);
        assertEquals(1, ring(vm, "pastor"));
        Ui.keys(robot, KeyCode.ALT, KeyCode.I);
        assertEquals(1, ring(vm, "pastor"), "the core is as close as it gets");
        assertEquals("Select a stakeholder who is not at the centre yet", vm.status());
        assertTrue(new Shortcuts(vm, window).sheet().stream()
                .anyMatch(s -> s.keys().equals("Alt+I") && s.what().equals("Move closer to the centre")
                        && s.group().equals("Method")));
    }
}
