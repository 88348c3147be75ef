package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.collab.Message;
import org.mapwork.collab.Peers;
import org.mapwork.collab.PresenceColours;
import org.mapwork.collab.PresenceState;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.collab.PeerOverlay;
import org.mapwork.editor.collab.PresenceLink;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Geometry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Peers' presence in a map window, fed by a hub's messages (a {@link Peers} as the hub client keeps it): where their
 * pointer, selection outline and "is editing" marker are on the screen for the camera, after a pan too, who is in,
 * and what this window sends of its own pointer and selection.
 */
@ExtendWith(ApplicationExtension.class)
class PresenceOverlayTest {

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "net-map", false);
    }

    private static Node find(FxRobot robot, String id) {
        return robot.lookup("#" + id).tryQuery().orElse(null);
    }

    /** Screen bounds of a node, after the FX thread has laid everything out. */
    private static Bounds onScreen(Node n) throws Exception {
        return Ui.fx(() -> n.localToScreen(n.getBoundsInLocal()));
    }

    @Test
    void a_peers_pointer_selection_and_label_edit_sit_where_the_camera_shows_them_and_follow_a_pan(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = Ui.fx(() -> {
            List<String> added = vm.edits().quickAdd("Worker center\nStaffing agency\nHealth department");
            vm.selection().clear();
            vm.viewing().zoomToFit();
            return added;
        });
        Peers peers = new Peers("me");
        List<PresenceState> sent = new CopyOnWriteArrayList<>();
        PresenceLink link = Ui.fx(() -> PresenceLink.connect(w, peers, sent::add));
        Geometry worker = vm.document().element(ids.get(0)).geometry();
        Geometry agency = vm.document().element(ids.get(1)).geometry();
        double mx = agency.centerX() + 7.5;
        double my = agency.centerY() + 3.25;
        Ui.fx(() -> {
            peers.hear(new Message.Roster(List.of(new Message.Person("ana", "Ana"))));
            peers.hear(new Message.Presence("ana", "Ana", new PresenceState(new PresenceState.Cursor(mx, my),
                    List.of(ids.get(0)), ids.get(1))));
            w.canvas().paintNow();
            return null;
        });

        Node cursor = find(robot, "peer-cursor-ana");
        assertTrue(cursor != null, "ana's pointer is shown");
        Point2D tip = Ui.fx(() -> cursor.localToScreen(0, 0));
        Point2D expected = Ui.fx(() -> Ui.screen(w, mx, my));
        assertEquals(expected.getX(), tip.getX(), 0.5, "the pointer's tip is at ana's map point");
        assertEquals(expected.getY(), tip.getY(), 0.5);
        Label name = (Label) find(robot, "peer-name-ana");
        assertEquals("Ana", name.getText());
        assertTrue(name.getStyle().contains(PresenceColours.of("ana")), "her name is in a pill of her colour: " + name.getStyle());

        Bounds outline = onScreen(find(robot, "peer-selection-ana-" + ids.get(0)));
        Point2D topLeft = Ui.fx(() -> Ui.screen(w, worker.x(), worker.y()));
        Point2D bottomRight = Ui.fx(() -> Ui.screen(w, worker.x() + worker.width(), worker.y() + worker.height()));
        double slack = PeerOverlay.OUTLINE_GAP + 4;
        assertTrue(outline.getMinX() <= topLeft.getX() && outline.getMinX() >= topLeft.getX() - slack, outline + " vs " + topLeft);
        assertTrue(outline.getMinY() <= topLeft.getY() && outline.getMinY() >= topLeft.getY() - slack, outline + " vs " + topLeft);
        assertTrue(outline.getMaxX() >= bottomRight.getX() && outline.getMaxX() <= bottomRight.getX() + slack, outline + " vs " + bottomRight);
        assertTrue(outline.getMaxY() >= bottomRight.getY() && outline.getMaxY() <= bottomRight.getY() + slack, outline + " vs " + bottomRight);

        Label editing = (Label) find(robot, "peer-editing-ana");
        assertEquals("Ana is editing", editing.getText());
        Bounds marker = onScreen(editing);
        Point2D agencyTop = Ui.fx(() -> Ui.screen(w, agency.x(), agency.y()));
        assertTrue(marker.getMaxY() <= agencyTop.getY() && marker.getMaxY() >= agencyTop.getY() - 30, "over the label's element: " + marker);
        assertEquals("Ana", ((Label) find(robot, "person-ana")).getText(), "she is in the list of who is in");

        // a pan moves the map and everything of ana's with it
        Ui.fx(() -> {
            vm.viewing().panByScreen(80, -35);
            w.canvas().paintNow();
            return null;
        });
        Point2D panned = Ui.fx(() -> find(robot, "peer-cursor-ana").localToScreen(0, 0));
        assertEquals(expected.getX() + 80, panned.getX(), 0.5, "the pointer follows the pan");
        assertEquals(expected.getY() - 35, panned.getY(), 0.5);
        Bounds movedOutline = onScreen(find(robot, "peer-selection-ana-" + ids.get(0)));
        assertEquals(outline.getMinX() + 80, movedOutline.getMinX(), 0.5);
        assertEquals(outline.getMinY() - 35, movedOutline.getMinY(), 0.5);

        // a zoom too: the tip stays on ana's map point
        Ui.fx(() -> {
            vm.camera().zoomBy(1.6);
            vm.viewing().viewChanged();
            w.canvas().paintNow();
            return null;
        });
        Point2D zoomedTip = Ui.fx(() -> find(robot, "peer-cursor-ana").localToScreen(0, 0));
        Point2D zoomedExpected = Ui.fx(() -> Ui.screen(w, mx, my));
        assertEquals(zoomedExpected.getX(), zoomedTip.getX(), 0.5);
        assertEquals(zoomedExpected.getY(), zoomedTip.getY(), 0.5);

        // ana leaves: her pointer, outline, marker and name go
        Ui.fx(() -> peers.hear(new Message.Left("ana")));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(find(robot, "peer-cursor-ana"));
        assertNull(find(robot, "peer-selection-ana-" + ids.get(0)));
        assertNull(find(robot, "peer-editing-ana"));
        assertNull(find(robot, "person-ana"));
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream().anyMatch(l -> "Only you here".equals(l.getText())));

        Ui.fx(() -> {
            link.close();
            return null;
        });
        assertNull(find(robot, "peer-overlay"), "closing the link takes the overlay away");
        assertEquals(PresenceState.NONE, sent.get(sent.size() - 1), "and tells the others");
    }

    @Test
    void this_window_sends_its_pointer_in_map_units_its_selection_and_the_label_it_edits(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = Ui.fx(() -> {
            List<String> added = vm.edits().quickAdd("Worker center\nStaffing agency");
            vm.selection().clear();
            vm.viewing().zoomToFit();
            vm.camera().zoomBy(0.8);
            vm.viewing().viewChanged();
            return added;
        });
        List<PresenceState> sent = new CopyOnWriteArrayList<>();
        PresenceLink link = Ui.fx(() -> PresenceLink.connect(w, new Peers("me"), sent::add));

        Point2D at = Ui.fx(() -> w.canvas().canvas().localToScreen(210, 170));
        robot.moveTo(new Point2D(Math.round(at.getX()), Math.round(at.getY())));
        WaitForAsyncUtils.waitForFxEvents();
        PresenceState.Cursor c = link.mine().cursor();
        assertTrue(c != null, "the pointer on the canvas is sent");
        Point2D local = Ui.fx(() -> w.canvas().canvas().screenToLocal(Math.round(at.getX()), Math.round(at.getY())));
        assertEquals(vm.camera().toMapX(local.getX()), c.x(), 1e-6, "in map units, through the camera");
        assertEquals(vm.camera().toMapY(local.getY()), c.y(), 1e-6);
        assertEquals(link.mine(), sent.get(sent.size() - 1));

        Ui.fx(() -> {
            vm.selection().select(List.of(ids.get(1), ids.get(0)));
            return null;
        });
        assertEquals(List.of(ids.get(1), ids.get(0)), sent.get(sent.size() - 1).selection(), "the selection, in its order");
        Ui.fx(() -> vm.labels().beginLabelEdit(ids.get(0)));
        assertEquals(ids.get(0), sent.get(sent.size() - 1).editing(), "the label being edited");
        Ui.fx(() -> {
            vm.labels().cancelLabelEdit();
            return null;
        });
        assertNull(sent.get(sent.size() - 1).editing());

        // off the canvas (onto the palette): no pointer
        Point2D away = Ui.fx(() -> w.root().getLeft().localToScreen(20, 200));
        robot.moveTo(away);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(sent.get(sent.size() - 1).cursor(), "the pointer left the map");
        Ui.fx(() -> {
            link.close();
            return null;
        });
    }

    @Test
    void the_overlay_and_the_list_speak_spanish(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = Ui.fx(() -> vm.edits().quickAdd("Centro de trabajadores"));
        org.mapwork.editor.i18n.Ui.setLocale(java.util.Locale.forLanguageTag("es"));
        try {
            Peers peers = new Peers("me");
            PresenceLink link = Ui.fx(() -> PresenceLink.connect(w, peers, s -> { }));
            assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream().anyMatch(l -> "Solo tú aquí".equals(l.getText())));
            Ui.fx(() -> {
                peers.hear(new Message.Joined(new Message.Person("ana", "Ana")));
                peers.hear(new Message.Presence("ana", "Ana", new PresenceState(null, List.of(), ids.get(0))));
                return null;
            });
            assertEquals("Ana está editando", ((Label) find(robot, "peer-editing-ana")).getText());
            assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream().anyMatch(l -> "Contigo:".equals(l.getText())));
            assertNull(find(robot, "peer-cursor-ana"), "no pointer while hers is off the canvas");
            Ui.fx(() -> {
                link.close();
                return null;
            });
        } finally {
            org.mapwork.editor.i18n.Ui.setLocale(java.util.Locale.ENGLISH);
        }
    }
}
