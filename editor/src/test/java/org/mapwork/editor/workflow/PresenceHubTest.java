package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.collab.ClientCore;
import org.mapwork.collab.HubCore;
import org.mapwork.collab.PresenceState;
import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.collab.PresenceLink;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A map window and a second device on one hub over real sockets on 127.0.0.1: the device's pointer and selection
 * show in the window, the window's reach the device, and the device going takes it off the window.
 */
@ExtendWith(ApplicationExtension.class)
class PresenceHubTest {

    private static final String TOKEN = HubCore.newToken();
    private static final HubClient.Backoff FAST = new HubClient.Backoff(Duration.ofMillis(20), Duration.ofMillis(200));

    private EditorApp app;

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "net-map", false);
    }

    @Test
    void a_real_peer_on_a_hub_is_shown_and_sees_this_window(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        List<String> ids = Ui.fx(() -> {
            List<String> added = vm.edits().quickAdd("Worker center\nStaffing agency");
            vm.selection().clear();
            vm.viewing().zoomToFit();
            return added;
        });
        MapDocument doc = vm.document();
        HubServer server = HubServer.start(InetAddress.getByName("127.0.0.1"), 0, HubLimits.defaults(),
                List.of(new HubCore(doc, vm.schema(), TOKEN)));
        ExecutorService benThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "session-ben"));
        HubClient mine = Ui.fx(() -> new HubClient(new ClientCore(vm.session(), TOKEN, "Me", 0),
                server.mapUri(doc.id()), Platform::runLater, FAST));
        HubClient ben = benThread.submit(() -> new HubClient(new ClientCore(new MapSession(doc, vm.schema(), "dev-ben", 0),
                TOKEN, "Ben", 0), server.mapUri(doc.id()), benThread, FAST)).get(20, TimeUnit.SECONDS);
        try {
            PresenceLink link = Ui.fx(() -> PresenceLink.connect(w, mine));
            mine.start();
            ben.start();
            Ui.waitFor(() -> mine.state() == HubClient.State.ONLINE && ben.state() == HubClient.State.ONLINE);

            var agency = doc.element(ids.get(1)).geometry();
            ben.setPresence(new PresenceState(new PresenceState.Cursor(agency.centerX(), agency.centerY()), List.of(ids.get(1)), null));
            Ui.waitFor(() -> robot.lookup("#peer-cursor-dev-ben").tryQuery().isPresent());
            Point2D tip = Ui.fx(() -> robot.lookup("#peer-cursor-dev-ben").query().localToScreen(0, 0));
            Point2D expected = Ui.fx(() -> Ui.screen(w, agency.centerX(), agency.centerY()));
            assertEquals(expected.getX(), tip.getX(), 0.5);
            assertEquals(expected.getY(), tip.getY(), 0.5);
            assertTrue(robot.lookup("#peer-selection-dev-ben-" + ids.get(1)).tryQuery().isPresent(), "ben's selection");
            assertTrue(robot.lookup("#person-dev-ben").tryQuery().isPresent(), "ben is in the window's list");

            // this window's selection reaches ben
            Ui.fx(() -> {
                vm.selection().select(List.of(ids.get(0)));
                return null;
            });
            String me = vm.session().actor();
            Ui.waitFor(() -> benThread.submit(() -> ben.peers().get(me)
                    .map(p -> p.state().selection().equals(List.of(ids.get(0)))).orElse(false)).get(20, TimeUnit.SECONDS));

            ben.close();
            Ui.waitFor(() -> robot.lookup("#peer-cursor-dev-ben").tryQuery().isEmpty()
                    && robot.lookup("#person-dev-ben").tryQuery().isEmpty());
            Node cursor = Ui.fx(() -> robot.lookup("#peer-cursor-dev-ben").tryQuery().orElse(null));
            assertNull(cursor, "ben went: his pointer went with him");
            Ui.fx(() -> {
                link.close();
                return null;
            });
        } finally {
            ben.close();
            mine.close();
            benThread.shutdown();
            benThread.awaitTermination(20, TimeUnit.SECONDS);
            server.close();
        }
    }
}
