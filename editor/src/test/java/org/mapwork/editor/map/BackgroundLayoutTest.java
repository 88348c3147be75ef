package org.mapwork.editor.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import org.mapwork.editor.canvas.BoxHitTester;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * Lay out works in the background and lands as one undo step on what is still as it was. The two threads are
 * stood in for by queues that the test empties when it chooses, so "meanwhile" is exact, not a race.
 */
class BackgroundLayoutTest {

    /** Work handed over and not yet run: the background thread, or the JavaFX thread's queue. */
    private static final class Queue implements Executor {
        final ArrayDeque<Runnable> waiting = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            waiting.add(r);
        }

        void runAll() {
            while (!waiting.isEmpty()) {
                waiting.poll().run();
            }
        }
    }

    private final MethodTemplate toc = Methods.byId("theory-of-change").orElseThrow();
    private final Queue worker = new Queue(), fx = new Queue();

    private MapViewModel open() {
        MapSession s = new MapSession(toc.starter(true, Locale.ENGLISH), toc.schema(), "tester", 0);
        MapViewModel vm = new MapViewModel(s, toc, Methods.schemas(), new BoxHitTester(), ClipboardPort.inMemory());
        vm.edits().runLayoutsOn(worker, fx);
        return vm;
    }

    /** Where the method's layout puts every node of {@code doc}. */
    private Map<String, Geometry> laidOut(MapDocument doc) {
        return TestMaps.geometries(ChangeEngine.apply(doc, toc.schema(), toc.layout(doc, Set.of())).after());
    }

    private static Element node(MapDocument doc, String type, int index) {
        return doc.nodes().filter(n -> n.type().equals(type)).toList().get(index);
    }

    @Test
    void the_layout_is_worked_out_off_the_window_thread_and_applied_on_it_as_one_undo_step() {
        MapViewModel vm = open();
        MapDocument before = vm.document();
        int depth = vm.session().history().undoDepth();

        assertTrue(vm.edits().autoLayout());
        assertEquals(before, vm.document(), "nothing moves before the layout is worked out");
        assertTrue(vm.edits().layingOut());
        assertEquals(Ui.text("map.status.laying-out"), vm.status());
        assertFalse(vm.edits().autoLayout(), "a second Lay out while one runs is refused");
        assertEquals(Ui.text("map.status.layout-running"), vm.status());
        assertEquals(1, worker.waiting.size());

        worker.runAll();
        assertEquals(before, vm.document(), "the result waits for the window thread");
        fx.runAll();

        assertFalse(vm.edits().layingOut());
        assertEquals(laidOut(before), TestMaps.geometries(vm.document()));
        assertNotEquals(TestMaps.geometries(before), TestMaps.geometries(vm.document()));
        assertEquals(depth + 1, vm.session().history().undoDepth());
        assertEquals(Ui.text("map.edit.layout-map"), vm.status());
        assertTrue(vm.edits().undo());
        assertEquals(TestMaps.geometries(before), TestMaps.geometries(vm.document()));
    }

    @Test
    void what_was_removed_or_moved_while_it_ran_keeps_what_it_has_now_and_the_rest_is_laid_out() {
        MapViewModel vm = open();
        MapDocument before = vm.document();
        Map<String, Geometry> planned = laidOut(before);
        Element gone = node(before, "precondition", 0), moved = node(before, "precondition", 1);
        Geometry movedTo = moved.geometry().movedBy(500, 300);

        assertTrue(vm.edits().autoLayout());
        worker.runAll();
        // meanwhile another device removes one precondition and the person drags another
        vm.session().applyRemote(TestMaps.remote(Change.remove(gone.id())));
        assertTrue(vm.apply("drag", List.of(Change.setGeometry(moved.id(), movedTo))));
        int depth = vm.session().history().undoDepth();
        fx.runAll();

        MapDocument after = vm.document();
        assertNull(after.element(gone.id()), "the layout does not bring back what was removed");
        assertEquals(movedTo, after.element(moved.id()).geometry(), "the newer drag stays");
        after.nodes().filter(n -> !n.id().equals(moved.id())).forEach(n ->
                assertEquals(planned.get(n.id()), n.geometry(), n.label() + " is where the layout put it"));
        assertEquals(depth + 1, vm.session().history().undoDepth());
        assertEquals(Ui.text("map.status.layout-partly", Ui.text("map.edit.layout-map"), 2), vm.status());
    }

    @Test
    void a_layout_that_arrives_after_the_window_closed_changes_nothing() {
        MapViewModel vm = open();
        MapDocument before = vm.document();
        assertTrue(vm.edits().autoLayout());
        worker.runAll();
        vm.edits().stopLayouts();
        fx.runAll();
        assertEquals(before, vm.document());
    }
}
