package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mapwork.collab.HubCore;
import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.store.SharedMaps;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A map joined through Join… with a library is kept on this device: a change made while the hub is down is kept with
 * its outbox, survives closing the window, the start screen lists the map under "Shared with me", opening it from
 * there shows the change offline, and once the hub is back the change reaches it exactly once. On loopback; every
 * wait is bounded and ends on a document or a visible text.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KeptJoinTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HubClient.Backoff FAST = new HubClient.Backoff(Duration.ofMillis(20), Duration.ofMillis(200));

    @TempDir
    static Path dir;

    private final String token = HubCore.newToken();
    private final MethodTemplate method = Methods.byId("net-map").orElseThrow();
    private final MapDocument start = method.starter(true, Locale.ENGLISH);
    private final HubCore hub = new HubCore(start, method.schema(), token);
    private HubServer server;
    private EditorApp app;

    @Start
    void start(Stage stage) throws Exception {
        Ui.closeOtherWindows(stage);
        server = HubServer.start(InetAddress.getLoopbackAddress(), 0, HubLimits.defaults(), List.of(hub));
        app = new EditorApp();
        app.shares().setBackoff(FAST);
        app.start(stage, List.of(), Map.of("library", dir.resolve("library").toString(),
                "settings", dir.resolve("settings.properties").toString(), "size", "630x700"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        Ui.fx(() -> {
            Ui.closeOtherWindows(null);
            app.stop();
            return null;
        });
        server.close();
    }

    private static void await(String what, Callable<Boolean> condition, Callable<String> detail) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!WaitForAsyncUtils.asyncFx(condition).get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + WAIT.toSeconds() + " s waiting for " + what + ": "
                        + WaitForAsyncUtils.asyncFx(detail).get());
            }
            Thread.sleep(10);
        }
    }

    private static String hubState(FxRobot robot, MapWindow w) {
        return robot.from(w.root()).lookup("#hub-state").queryAs(Label.class).getText();
    }

    private MapDocument hubDocument() {
        CompletableFuture<MapDocument> doc = new CompletableFuture<>();
        assertTrue(server.onMapThread(start.id(), () -> doc.complete(hub.document())));
        return doc.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** The cell of the start screen's "Shared with me" list that shows a map, or null. */
    private static ListCell<?> sharedCell(FxRobot robot) {
        ListView<?> shared = robot.lookup("#shared-maps").queryAs(ListView.class);
        return robot.from(shared).lookup(".list-cell").queryAll().stream()
                .map(n -> (ListCell<?>) n).filter(c -> c.getText() != null && !c.getText().isBlank())
                .findFirst().orElse(null);
    }

    @Test
    void a_change_made_offline_survives_closing_the_window_and_reaches_the_hub_once(FxRobot robot) throws Exception {
        // Join… with the hub's address and a name
        String address = server.joinUrl(start.id(), token).toString();
        Ui.fx(() -> {
            app.joinDialog(address).show();
            return null;
        });
        Ui.fx(() -> {
            robot.lookup("#join-name").queryAs(TextField.class).setText("Cai");
            return null;
        });
        robot.clickOn("#join-button");
        await("the joined map's window is online", () -> app.lastWindow() != null && hubState(robot, app.lastWindow()).startsWith("Online"),
                () -> app.lastWindow() == null ? robot.lookup("#join-problem").queryAs(Label.class).getText()
                        : hubState(robot, app.lastWindow()));
        MapWindow cai = app.lastWindow();
        assertEquals(start, Ui.fx(() -> cai.viewModel().document()), "the hub's map");
        List<SharedMaps.Share> held = app.shares().list();
        assertEquals(List.of(start.id()), held.stream().map(SharedMaps.Share::mapId).toList(), "the library keeps it");
        String actor = Ui.fx(() -> cai.viewModel().session().actor());

        // the hub goes away; Cai renames a node, and the library keeps the change with the outbox
        int port = server.port();
        server.close();
        await("the window says it is offline", () -> hubState(robot, cai).startsWith("Offline"), () -> hubState(robot, cai));
        Element node = start.elements().stream().filter(e -> !e.isLink()).findFirst().orElseThrow();
        Ui.fx(() -> cai.viewModel().apply("Rename", List.of(Change.setLabel(node.id(), "Renamed offline by Cai"))));
        await("the window says the change is kept", () -> hubState(robot, cai).equals("Offline — your changes are kept (one waiting)"),
                () -> hubState(robot, cai));
        long before = hub.serverSeq();

        // the window closes (as when the editor quits); the map waits in the library with its outbox
        Ui.fx(() -> {
            cai.stage().hide();
            return null;
        });
        app.shares().closing(start.id()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(1, app.library().shared().outbox(start.id()).size(), "the rename is in the kept outbox");

        // the start screen lists it under "Shared with me"; opening it shows the change, offline
        Ui.fx(() -> {
            app.showStart();
            return null;
        });
        await("the start screen lists the shared map", () -> sharedCell(robot) != null, () -> "no shared map listed");
        ListCell<?> cell = sharedCell(robot);
        assertTrue(cell.getText().contains("hub 127.0.0.1:" + port), cell.getText());
        robot.doubleClickOn(cell);
        await("the reopened window says the change is kept", () -> app.lastWindow() != cai
                && hubState(robot, app.lastWindow()).equals("Offline — your changes are kept (one waiting)"),
                () -> app.lastWindow() == cai ? "not reopened" : hubState(robot, app.lastWindow()));
        MapWindow again = app.lastWindow();
        assertEquals("Renamed offline by Cai", Ui.fx(() -> again.viewModel().document().element(node.id()).label()));
        assertEquals(before, hub.serverSeq(), "nothing reached the hub while it was away");

        // the hub is back: the change lands, once
        server = HubServer.start(InetAddress.getLoopbackAddress(), port, HubLimits.defaults(), List.of(hub));
        await("online with nothing waiting", () -> hubState(robot, again).startsWith("Online")
                && again.viewModel().document().equals(hubDocument()), () -> hubState(robot, again));
        assertEquals("Renamed offline by Cai", hubDocument().element(node.id()).label());
        assertEquals(before + 1, hub.serverSeq(), "the kept change set reached the hub exactly once");
        assertEquals(1, hub.log().stream().filter(e -> e.actor().equals(actor)).count(), "one entry by Cai");
        await("the library's outbox is empty", () -> app.library().shared().outbox(start.id()).isEmpty(), () -> "");
        assertNotNull(app.library().shared().find(start.id()).orElse(null));
    }
}
