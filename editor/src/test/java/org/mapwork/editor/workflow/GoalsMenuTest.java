package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Element;
import org.mapwork.model.Value;
import org.mapwork.templates.netmap.Actors;
import org.mapwork.templates.netmap.NetMapEdits;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Net-Map goals-and-stance quick menu in the real window: opened with Alt+G or from the context menu, it lists
 * the map's goals with their stance, ticks the ones the actor holds, and gives or takes a goal in one undo step.
 */
@ExtendWith(ApplicationExtension.class)
class GoalsMenuTest {

    private static final String LEE = "Council Member Lee (swing vote)";
    private static final String GARCIA = "Council Member Garcia (sponsor)";

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "net-map", true);
    }

    private static ContextMenu shownMenu() {
        return Ui.shownMenu();
    }

    private static List<String> items(ContextMenu menu) {
        return menu.getItems().stream().map(MenuItem::getText).toList();
    }

    private static List<String> goalsOf(MapViewModel vm, String label) {
        Value v = Ui.byLabel(vm.document(), label).attribute(Actors.GOALS);
        return v instanceof Value.TextList l ? l.values() : List.of();
    }

    @Test
    void alt_g_lists_the_maps_goals_with_their_stance_and_a_click_gives_the_actor_a_goal_in_one_undo_step(
            FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        robot.clickOn(Ui.centre(w, Ui.byLabel(vm.document(), LEE)));
        assertEquals(List.of(), goalsOf(vm, LEE));

        Ui.keys(robot, KeyCode.ALT, KeyCode.G);
        ContextMenu menu = shownMenu();
        List<String> items = items(menu);
        assertTrue(items.contains("Block or delay the ordinance — against"), items.toString());
        assertTrue(items.contains("Keep city enforcement costs down — neutral"), items.toString());
        assertTrue(items.stream().anyMatch(s -> s.startsWith("Pass a paid sick leave ordinance") && s.endsWith("— for")),
                items.toString());
        Snapshots.save(Snapshots.of(menu.getScene().getRoot()), "goals-menu");

        int depth = vm.session().history().undoDepth();
        robot.clickOn(Ui.menuItem(robot, "Block or delay the ordinance"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("block"), goalsOf(vm, LEE));
        assertEquals(depth + 1, vm.session().history().undoDepth(), "giving a goal is one undo step");

        // opened again, the menu ticks the goal the actor now holds; a second click takes it away
        Ui.keys(robot, KeyCode.ALT, KeyCode.G);
        var block = shownMenu().getItems().stream().filter(i -> i.getText().startsWith("Block")).findFirst().orElseThrow();
        assertTrue(((javafx.scene.control.CheckMenuItem) block).isSelected());
        Snapshots.save(Snapshots.of(shownMenu().getScene().getRoot()), "goals-menu-ticked");
        robot.clickOn(Ui.menuItem(robot, "Block or delay the ordinance"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), goalsOf(vm, LEE));

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertEquals(List.of("block"), goalsOf(vm, LEE), "undo gives the goal back");
    }

    @Test
    void the_goals_menu_works_from_the_keyboard_alone(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        robot.clickOn(Ui.centre(w, Ui.byLabel(vm.document(), LEE)));
        // the menu opens with its first item, the map's first goal, highlighted: Enter gives it
        Ui.keys(robot, KeyCode.ALT, KeyCode.G);
        shownMenu();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("pass"), goalsOf(vm, LEE));
        // the arrows walk down the list: the third goal
        Ui.keys(robot, KeyCode.ALT, KeyCode.G);
        robot.type(KeyCode.DOWN, 2);
        Snapshots.save(Snapshots.of(shownMenu().getScene().getRoot()), "goals-menu-keyboard");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("pass", "block"), goalsOf(vm, LEE));
        assertTrue(!Ui.menuShowing(), "the menu closes after the choice");
    }

    @Test
    void a_new_goal_against_is_defined_on_the_map_and_given_to_the_actor_in_one_undo_step(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        robot.clickOn(Ui.centre(w, Ui.byLabel(vm.document(), GARCIA)));
        int goalsBefore = NetMapEdits.goals(vm.document()).size();
        int depth = vm.session().history().undoDepth();

        Ui.keys(robot, KeyCode.ALT, KeyCode.G);
        robot.clickOn(Ui.menuItem(robot, "New goal (against)"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(".dialog-pane .text-field").write("Cap fines for small restaurants").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        List<NetMapEdits.Goal> goals = NetMapEdits.goals(vm.document());
        assertEquals(goalsBefore + 1, goals.size());
        NetMapEdits.Goal added = goals.get(goals.size() - 1);
        assertEquals("Cap fines for small restaurants", added.label());
        assertEquals("against", added.stance());
        assertEquals(List.of("pass", "enforce", added.id()), goalsOf(vm, GARCIA));
        assertEquals(depth + 1, vm.session().history().undoDepth(), "the goal and the actor's holding it: one step");

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertEquals(goalsBefore, NetMapEdits.goals(vm.document()).size());
        assertEquals(List.of("pass", "enforce"), goalsOf(vm, GARCIA));
    }

    @Test
    void the_context_menu_of_an_actor_opens_the_goals_menu(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        Element lee = Ui.byLabel(vm.document(), LEE);
        Ui.rightClick(robot, Ui.centre(w, lee), w.canvas().canvas());
        assertEquals(java.util.Set.of(lee.id()), vm.selection(), "a right-click selects what it is on");
        assertTrue(items(shownMenu()).contains("Goals and stance…   Alt+G"), items(shownMenu()).toString());
        robot.clickOn(Ui.menuItem(robot, "Goals and stance…"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(Ui.menuItem(robot, "Keep city enforcement costs down"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("budget"), goalsOf(vm, LEE));
        assertTrue(!Ui.menuShowing(), "the menu closes after the choice");
        Node canvas = w.canvas().canvas();
        robot.type(KeyCode.ESCAPE);
        Snapshots.save(Snapshots.of(canvas), "goals-after-context-menu");
    }
}
