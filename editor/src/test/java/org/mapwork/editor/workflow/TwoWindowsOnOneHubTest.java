package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.collab.ClientCore;
import org.mapwork.collab.HubCore;
import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.editor.collab.HubLink;
import org.mapwork.editor.start.OpenedMap;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two real map windows, as two devices, editing one map through a hub on loopback: a drag in one appears in the
 * other; undo in one undoes only that person's change; a hub that goes away shows "offline" and the changes made
 * meanwhile arrive once it is back. Every wait is bounded and ends on a document or a visible text.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TwoWindowsOnOneHubTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HubClient.Backoff FAST = new HubClient.Backoff(Duration.ofMillis(20), Duration.ofMillis(200));

    final String token = HubCore.newToken();
    MethodTemplate method;
    MapDocument start;
    HubCore hub;
    final List<HubLink> links = new ArrayList<>();
    HubServer server;
    MapWindow ana;
    MapWindow ben;

    /** The method whose example the two windows edit (TheoryOfChangeTwoWindowsTest runs the same on another). */
    String methodId() {
        return "net-map";
    }

    @Start
    void start(Stage stage) throws Exception {
        method = Methods.byId(methodId()).orElseThrow();
        start = method.starter(true, Locale.ENGLISH);
        hub = new HubCore(start, method.schema(), token);
        Ui.closeOtherWindows(stage);
        server = HubServer.start(InetAddress.getLoopbackAddress(), 0, HubLimits.defaults(), List.of(hub));
        ana = window(stage, "dev-ana", "Ana", 0);
        ben = window(new Stage(), "dev-ben", "Ben", 645);
    }

    private MapWindow window(Stage stage, String actor, String name, double x) {
        return window(stage, actor, name, x, token);
    }

    private MapWindow window(Stage stage, String actor, String name, double x, String withToken) {
        MapSession session = new MapSession(start, method.schema(), actor, 0);
        HubClient client = new HubClient(new ClientCore(session, withToken, name, 0), server.mapUri(start.id()),
                Platform::runLater, FAST);
        MapWindow w = new MapWindow(stage, new OpenedMap(session, method, null, OpenedMap.inMemory()), new MapWindow.Shell() {
            @Override
            public void showStart() {
            }

            @Override
            public void openFile(Path file) {
            }

            @Override
            public void importFile(Path file) {
            }

            @Override
            public void exit() {
            }
        });
        w.show(630, 700);
        stage.setX(x);
        stage.setY(0);
        links.add(HubLink.attach(w, client));
        client.start();
        return w;
    }

    @AfterEach
    void close() throws Exception {
        Ui.fx(() -> {
            links.forEach(HubLink::close);
            Ui.closeOtherWindows(ana.stage());
            return null;
        });
        server.close();
    }

    static void await(String what, Callable<Boolean> condition, Callable<String> detail) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!WaitForAsyncUtils.asyncFx(condition).get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + WAIT.toSeconds() + " s waiting for " + what + ": "
                        + WaitForAsyncUtils.asyncFx(detail).get());
            }
            Thread.sleep(10);
        }
    }

    MapDocument hubDocument() {
        java.util.concurrent.CompletableFuture<MapDocument> doc = new java.util.concurrent.CompletableFuture<>();
        assertTrue(server.onMapThread(start.id(), () -> doc.complete(hub.document())));
        return doc.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    private static String hubState(FxRobot robot, MapWindow w) {
        return robot.from(w.root()).lookup("#hub-state").queryAs(Label.class).getText();
    }

    void bothOnline(FxRobot robot) throws Exception {
        await("both windows online", () -> hubState(robot, ana).startsWith("Online") && hubState(robot, ben).startsWith("Online"),
                () -> hubState(robot, ana) + " / " + hubState(robot, ben));
    }

    void converged() throws Exception {
        await("both windows show the same map with nothing waiting",
                () -> links.stream().allMatch(l -> l.client().core().pending() == 0)
                        && ana.viewModel().document().equals(ben.viewModel().document()),
                () -> "pending " + links.get(0).client().core().pending() + "/" + links.get(1).client().core().pending());
    }

    /** A node of the example both windows show, away from the window's edges. */
    private Element someNode() throws Exception {
        return Ui.fx(() -> {
            ana.viewModel().viewing().zoomToFit();
            ben.viewModel().viewing().zoomToFit();
            return start.elements().stream().filter(e -> !e.isLink() && e.geometry().width() > 20)
                    .min(java.util.Comparator.comparingDouble(e -> Math.abs(e.geometry().centerX() - 400)))
                    .orElseThrow();
        });
    }

    private Point2D centre(MapWindow w, Element e) throws Exception {
        return Ui.fx(() -> Ui.centre(w, e));
    }

    private void drag(FxRobot robot, MapWindow w, Element e, double dx, double dy) throws Exception {
        robot.drag(centre(w, e), MouseButton.PRIMARY).moveBy(dx / 2, dy / 2).moveBy(dx / 2, dy / 2).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void a_drag_in_one_window_appears_in_the_other(FxRobot robot) throws Exception {
        bothOnline(robot);
        Element node = someNode();
        drag(robot, ana, node, 60, 40);

        Geometry moved = Ui.fx(() -> ana.viewModel().document().element(node.id()).geometry());
        assertNotEquals(node.geometry(), moved, "the drag moved the node in Ana's window");
        await("Ben's window shows Ana's move", () -> ben.viewModel().document().element(node.id()).geometry().equals(moved),
                () -> String.valueOf(ben.viewModel().document().element(node.id()).geometry()));
        converged();
        assertEquals(moved, hubDocument().element(node.id()).geometry(), "the hub holds the move");
        assertEquals(0, (int) Ui.fx(() -> ben.viewModel().session().history().undoDepth()),
                "Ana's move is not in Ben's undo history");
        assertEquals(1, (int) Ui.fx(() -> ana.viewModel().session().history().undoDepth()));
    }

    @Test
    void undo_in_one_window_does_not_undo_the_other_persons_work(FxRobot robot) throws Exception {
        bothOnline(robot);
        Element node = someNode();
        Element other = Ui.fx(() -> start.elements().stream().filter(e -> !e.isLink() && !e.id().equals(node.id()))
                .findFirst().orElseThrow());
        // Ben renames a node, then Ana drags another: Ben's is the older change
        Ui.fx(() -> ben.viewModel().apply("Rename", List.of(Change.setLabel(other.id(), "Renamed by Ben"))));
        await("Ana sees Ben's name", () -> ana.viewModel().document().element(other.id()).label().equals("Renamed by Ben"),
                () -> ana.viewModel().document().element(other.id()).label());
        drag(robot, ana, node, -50, 30);
        Geometry moved = Ui.fx(() -> ana.viewModel().document().element(node.id()).geometry());
        assertNotEquals(node.geometry(), moved);
        converged();

        // Ben's undo takes back his rename, not Ana's newer move
        robot.clickOn(Ui.fx(() -> ben.canvas().canvas().localToScreen(8, 8)));
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.Z);
        converged();
        for (MapWindow w : List.of(ana, ben)) {
            MapDocument doc = Ui.fx(() -> w.viewModel().document());
            assertEquals(other.label(), doc.element(other.id()).label(), "Ben's rename undone everywhere");
            assertEquals(moved, doc.element(node.id()).geometry(), "Ana's move kept everywhere");
        }
        assertTrue(Ui.fx(() -> ben.viewModel().status()).startsWith("Undone"), Ui.fx(() -> ben.viewModel().status()));
    }

    @Test
    void a_lost_hub_shows_offline_and_the_changes_made_meanwhile_arrive_when_it_is_back(FxRobot robot) throws Exception {
        bothOnline(robot);
        Element node = someNode();
        int port = server.port();
        server.close(); // the Wi-Fi goes

        await("both windows say they are offline", () -> hubState(robot, ana).startsWith("Offline")
                && hubState(robot, ben).startsWith("Offline"), () -> hubState(robot, ana) + " / " + hubState(robot, ben));
        drag(robot, ben, node, 40, -30);
        Geometry moved = Ui.fx(() -> ben.viewModel().document().element(node.id()).geometry());
        assertNotEquals(node.geometry(), moved, "Ben keeps working offline");
        await("Ben's window counts the change waiting", () -> hubState(robot, ben).contains("one change waiting"),
                () -> hubState(robot, ben));
        // these windows join in memory only: the change waits, and the window does not claim it is kept
        assertEquals("Offline — one change waiting, not yet kept on this device", hubState(robot, ben));
        assertEquals(node.geometry(), Ui.fx(() -> ana.viewModel().document().element(node.id()).geometry()),
                "nothing reached Ana while the hub was away");

        server = HubServer.start(InetAddress.getLoopbackAddress(), port, HubLimits.defaults(), List.of(hub));
        bothOnline(robot);
        converged();
        assertEquals(moved, Ui.fx(() -> ana.viewModel().document().element(node.id()).geometry()),
                "Ben's offline move reached Ana after the reconnect");
        assertEquals(moved, hubDocument().element(node.id()).geometry());
    }

    @Test
    void what_the_hub_leaves_out_of_my_changes_is_said_in_my_status_line(FxRobot robot) throws Exception {
        bothOnline(robot);
        Element node = someNode();
        HubLink anasLink = links.get(0);
        // Ana's laptop is off the network (her client stopped); she renames the node meanwhile
        Ui.fx(() -> {
            anasLink.close();
            return null;
        });
        await("Ana's client closed", () -> anasLink.client().state() == HubClient.State.CLOSED, () -> "");
        Ui.fx(() -> ana.viewModel().apply("Rename", List.of(Change.setLabel(node.id(), "Renamed offline by Ana"))));
        assertEquals(1, (int) Ui.fx(() -> anasLink.client().core().pending()), "her rename waits in her outbox");
        // Ben removes that node
        Ui.fx(() -> ben.viewModel().apply("Remove", List.of(Change.remove(node.id()))));
        await("the hub holds Ben's removal", () -> !hubDocument().contains(node.id()), () -> "");

        // Ana is back: her rename no longer fits, and her window says so
        HubClient again = new HubClient(anasLink.client().core(), server.mapUri(start.id()), Platform::runLater, FAST);
        Ui.fx(() -> {
            links.add(HubLink.attach(ana, again));
            again.start();
            return null;
        });
        converged();
        assertTrue(!Ui.fx(() -> ana.viewModel().document().contains(node.id())), "the node is gone for Ana too");
        await("Ana is told what was left out", () -> ana.viewModel().status().startsWith("Hub: "),
                () -> ana.viewModel().status());
        String told = Ui.fx(() -> ana.viewModel().status());
        assertTrue(told.contains("Not kept") || told.contains("Left out"), told);
    }

    @Test
    void a_hub_that_refuses_says_why_and_the_window_stops_trying(FxRobot robot) throws Exception {
        bothOnline(robot);
        MapWindow carl = Ui.fx(() -> window(new Stage(), "dev-carl", "Carl", 300, HubCore.newToken()));
        await("Carl's window says the hub refused", () -> hubState(robot, carl).startsWith("Refused by the hub: "),
                () -> hubState(robot, carl));
        HubClient client = links.get(links.size() - 1).client();
        assertEquals(HubClient.State.REFUSED, client.state());
        String said = hubState(robot, carl);
        assertTrue(said.length() > "Refused by the hub: ".length(), "the hub's reason is shown: " + said);
        // it does not reconnect: an edit stays in Carl's window, waiting, and the others never see it
        Element node = someNode();
        Ui.fx(() -> carl.viewModel().apply("Rename", List.of(Change.setLabel(node.id(), "Carl's"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(HubClient.State.REFUSED, client.state());
        assertEquals(said, hubState(robot, carl));
        assertEquals(node.label(), hubDocument().element(node.id()).label());
    }
}
