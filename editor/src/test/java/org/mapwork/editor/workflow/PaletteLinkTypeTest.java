package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

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

/**
 * The palette's link types choose the type of the next link: the link just drawn (still selected) keeps its type;
 * K changes the selected link's type.
 */
@ExtendWith(ApplicationExtension.class)
class PaletteLinkTypeTest {

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "net-map", false);
    }

    @Test
    void a_link_type_clicked_in_the_palette_is_for_the_next_link_and_k_retypes_the_selected_one(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = Ui.fx(() -> {
            List<String> made = vm.edits().quickAdd("Worker center\nStaffing agency\nHealth department");
            vm.selection().select(List.of(made.get(1)));
            vm.edits().nudgeSelection(220, 120);
            vm.selection().select(List.of(made.get(2)));
            vm.edits().nudgeSelection(0, 260);
            vm.selection().clear();
            vm.viewing().zoomToFit();
            return made;
        });
        robot.clickOn("#link-type-funding");
        robot.clickOn(Ui.centre(w, vm.document().element(ids.get(0))));
        Point2D handle = Ui.connectHandle(w, vm.document().element(ids.get(0)));
        robot.drag(handle, MouseButton.PRIMARY).moveTo(Ui.centre(w, vm.document().element(ids.get(1))))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Element link = vm.document().links().findFirst().orElseThrow();
        assertEquals("funding", link.type());
        assertEquals(List.of(link.id()), vm.selection().inOrder(), "the link just drawn is selected");
        int depth = vm.session().history().undoDepth();

        // the next link is to be a conflict: the one just drawn stays funding
        robot.clickOn("#link-type-conflict");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("funding", vm.document().element(link.id()).type(), "the palette did not retype the link");
        assertEquals(depth, vm.session().history().undoDepth());
        assertEquals("conflict", vm.linkType());
        robot.clickOn(Ui.centre(w, vm.document().element(ids.get(1))));
        handle = Ui.connectHandle(w, vm.document().element(ids.get(1)));
        robot.drag(handle, MouseButton.PRIMARY).moveTo(Ui.centre(w, vm.document().element(ids.get(2))))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Element second = vm.document().links().filter(l -> !l.id().equals(link.id())).findFirst().orElseThrow();
        assertEquals("conflict", second.type());

        // K is the way to change the selected link's type
        String before = vm.document().element(second.id()).type();
        robot.type(KeyCode.K);
        WaitForAsyncUtils.waitForFxEvents();
        String after = vm.document().element(second.id()).type();
        assertEquals(vm.linkType(), after);
        org.junit.jupiter.api.Assertions.assertNotEquals(before, after, "K retyped the selected link");
        assertEquals("funding", vm.document().element(link.id()).type());
    }
}
