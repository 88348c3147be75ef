package org.mapwork.editor.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.mapwork.editor.canvas.PainterHitTester;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.Value;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * New nodes (quick add, N) are placed where nothing is drawn, by what the painter draws: a Net-Map actor's tower
 * stands right of its card, so cards laid side by side leave it room, and a new card never lands on a tower.
 */
class FreePlacesTest {

    private final MethodTemplate netMap = Methods.byId("net-map").orElseThrow();
    private final MapPainter painter = new MapPainter();

    private MapViewModel viewModel() {
        MapDocument empty = netMap.starter(false, Locale.ENGLISH);
        MapSession session = new MapSession(empty, netMap.schema(), "tester", 0);
        MapViewModel vm = new MapViewModel(session, netMap, Methods.schemas(), new PainterHitTester(painter),
                ClipboardPort.inMemory());
        vm.camera().setViewSize(1000, 700);
        return vm;
    }

    private static void tallTowers(MapViewModel vm, List<String> ids) {
        for (String id : ids) {
            vm.edits().setAttribute(id, "influence", new Value.Int(10));
        }
    }

    private void noDrawnOverlap(MapDocument doc) {
        List<Element> nodes = doc.nodes().toList();
        List<Rectangle2D> drawn = new ArrayList<>();
        for (Element n : nodes) {
            drawn.add(painter.drawnBounds(doc, List.of(n.id())).get(0));
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                assertFalse(drawn.get(i).intersects(drawn.get(j)), nodes.get(i).label() + " (tower and all, "
                        + drawn.get(i) + ") overlaps " + nodes.get(j).label() + " (" + drawn.get(j) + ")");
            }
        }
    }

    @Test
    void quick_added_actors_leave_room_for_their_towers() {
        MapViewModel vm = viewModel();
        List<String> ids = vm.edits().quickAdd("Worker center\nStaffing agency\nHealth department\nCity council\n"
                + "Bus drivers union\nSchool nurses\nTemp agency\nMayor");
        assertEquals(8, ids.size());
        tallTowers(vm, ids);
        noDrawnOverlap(vm.document());
    }

    @Test
    void a_node_made_with_n_lands_where_nothing_is_drawn_towers_included() {
        MapViewModel vm = viewModel();
        List<String> ids = new ArrayList<>(vm.edits().quickAdd("Worker center\nStaffing agency"));
        tallTowers(vm, ids);
        for (String name : List.of("Union", "Mayor", "Clinic")) {
            vm.selection().clear();
            assertTrue(vm.labels().beginNewNodeInView());
            assertTrue(vm.labels().commitLabel(name));
            vm.edits().setAttribute(vm.selection().inOrder().get(0), "influence", new Value.Int(10));
        }
        assertEquals(5, vm.document().nodes().count());
        noDrawnOverlap(vm.document());
    }
}
