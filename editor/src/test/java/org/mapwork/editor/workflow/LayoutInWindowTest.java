package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.templates.common.LayoutSupport;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lay out in the real window on a theory of change of about 500 elements: the window takes the next edit while the
 * layout is worked out, and the layout then lands as one undo step, leaving that edit as it was and no boxes
 * overlapping.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutInWindowTest {

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "theory-of-change", true);
    }

    /** Preconditions in a tree under the example's long-term outcome, each at the map's origin (all overlapping). */
    private static List<Change> preconditions(MapDocument doc, int count) {
        List<Change> out = new ArrayList<>();
        List<String> made = new ArrayList<>();
        made.add(doc.nodes().filter(n -> n.type().equals("long-term-outcome")).findFirst().orElseThrow().id());
        Random r = new Random(7);
        String key = doc.frontOrderKey();
        for (int i = 0; i < count; i++) {
            String id = "big-" + i;
            key = OrderKey.after(key);
            out.add(Change.add(Element.node(id, "precondition", "Precondition " + i, Geometry.box(0, 0, 200, 70), key)));
            // a cause of one of the last forty made, so that the tree has ranks of tens
            String effect = made.get(Math.max(0, made.size() - 1 - r.nextInt(40)));
            key = OrderKey.after(key);
            out.add(Change.add(Element.link(id + "-link", "causal", id, effect, key)));
            made.add(id);
        }
        return out;
    }

    @Test
    void a_large_map_is_laid_out_while_the_window_goes_on_working_and_lands_as_one_undo_step(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        assertTrue(Ui.fx(() -> vm.apply("many preconditions", preconditions(vm.document(), 480))));
        int elements = Ui.fx(() -> vm.document().elements().size());
        assertTrue(elements >= 500, elements + " elements");
        MapDocument before = Ui.fx(vm::document);

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        // the window answers at once: Ctrl+Shift+L has returned and nothing has moved yet; it takes an edit meanwhile
        String moved = "big-3";
        Geometry dragged = Ui.fx(() -> {
            assertTrue(vm.edits().layingOut(), "the layout is still being worked out: " + vm.status());
            assertEquals(before, vm.document());
            Geometry g = vm.document().element(moved).geometry().movedBy(-400, -300);
            assertTrue(vm.apply("drag", List.of(Change.setGeometry(moved, g))));
            return g;
        });
        int depth = Ui.fx(() -> vm.session().history().undoDepth());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !vm.edits().layingOut()).get());
        WaitForAsyncUtils.waitForFxEvents();

        MapDocument after = Ui.fx(vm::document);
        assertEquals(depth + 1, Ui.fx(() -> vm.session().history().undoDepth()), "one undo step: " + Ui.fx(vm::status));
        assertEquals(dragged, after.element(moved).geometry(), "the drag made meanwhile stays");
        assertNotEquals(before.element("big-100").geometry(), after.element("big-100").geometry());
        List<String[]> overlaps = LayoutSupport.overlaps(after);
        assertTrue(overlaps.stream().allMatch(o -> o[0].equals(moved) || o[1].equals(moved)),
                overlaps.size() + " overlapping pairs, e.g. " + (overlaps.isEmpty() ? "" : String.join(" / ", overlaps.get(0))));

        Ui.fx(() -> {
            vm.viewing().zoomToFit();
            return null;
        });
        Path shot = Path.of("target", "screenshots", "layout-500-elements.png");
        Files.createDirectories(shot.getParent());
        javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(Snapshots.of(w.canvas().canvas().getScene().getRoot()), null), "png",
                shot.toFile());
    }
}
