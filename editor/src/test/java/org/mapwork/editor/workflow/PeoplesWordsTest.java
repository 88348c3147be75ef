package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Value;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window shows people's words, never the schema's: no "Id" fields for goals and link types, no typed position
 * for the ceiling of accountability, attribute names in the status line, decimals as the language writes them,
 * and the Add button of a rows attribute in one language.
 */
@ExtendWith(ApplicationExtension.class)
class PeoplesWordsTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void english() throws Exception {
        Ui.fx(() -> {
            org.mapwork.editor.i18n.Ui.setLocale(Locale.ENGLISH);
            return null;
        });
    }

    private MapWindow open(String method, String language) throws Exception {
        return Ui.fx(() -> {
            Ui.closeOtherWindows(stage);
            EditorApp app = new EditorApp();
            app.start(stage, List.of(), Map.of("no-library", "true", "new", method, "language", language,
                    "size", "1180x740"));
            return app.lastWindow();
        });
    }

    private static List<String> panelTexts(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#properties").queryAll().stream()
                .flatMap(p -> robot.from(p).lookup((javafx.scene.Node n) -> n instanceof Labeled).queryAll().stream())
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null).toList();
    }

    @Test
    void net_map_goals_and_link_types_show_no_id_and_the_status_line_names_attributes_in_words(FxRobot robot)
            throws Exception {
        MapWindow w = open("net-map", "en");
        MapViewModel vm = w.viewModel();
        robot.clickOn("#add-row-goals");
        List<String> texts = panelTexts(robot);
        assertTrue(texts.contains("Add goal"), texts.toString());
        assertFalse(texts.contains("Id"), "no Id field: " + texts);
        Value.Rows goals = (Value.Rows) vm.document().mapAttribute("goals");
        assertTrue(goals.rows().get(0).get("id") instanceof Value.Text id && !id.value().isBlank(), "the id is made");

        String actor = Ui.fx(() -> vm.edits().quickAdd("Worker center").get(0));
        Ui.fx(() -> vm.edits().setAttribute(actor, "ourOrganisation", new Value.Bool(true)));
        assertFalse(vm.status().contains("ourOrganisation"), vm.status());
    }

    @Test
    void the_ceiling_is_dragged_not_typed_and_spanish_speaks_spanish(FxRobot robot) throws Exception {
        MapWindow w = open("theory-of-change", "es");
        MapViewModel vm = w.viewModel();
        List<String> texts = panelTexts(robot);
        assertTrue(texts.stream().noneMatch(t -> t.startsWith("Techo")), "no field for the ceiling's position: " + texts);
        assertTrue(texts.stream().noneMatch(t -> t.matches(".*\\d+\\.\\d.*")), texts.toString());

        String outcome = vm.document().nodes().filter(n -> n.type().equals("long-term-outcome")).findFirst()
                .orElseThrow().id();
        robot.clickOn(Ui.centre(w, vm.document().element(outcome)));
        Button add = robot.lookup("#add-row-indicators").queryButton();
        assertEquals("Agregar indicador", add.getText());
        Ui.fx(() -> vm.edits().setAttribute(outcome, "notes", new Value.Text("Ver con el sindicato")));
        assertFalse(vm.status().contains("notes"), vm.status());
        assertTrue(vm.status().contains("Notas") || vm.status().contains("notas"), vm.status());
    }
}
