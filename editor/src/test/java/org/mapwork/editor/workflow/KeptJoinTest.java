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
 * its outbox and survives closing the window and the editor quitting; the start screen lists the map under "Shared
 * with me", opening it from there shows the change offline, and once the hub is back the change reaches it exactly
 * once. On loopback; every wait is bounded and ends on a document or a visible text.
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
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        Ui.closeOtherWindows(stage);
        this.stage = stage;
        server = HubServer.start(InetAddress.getLoopbackAddress(), 0, HubLimits.defaults(), List.of(hub));
        startEditor(stage, Map.of("library", dir.resolve("library-" + token).toString()));
    }

    /** An editor on {@code stage} with these parameters (each test its own library and settings). */
    private void startEditor(Stage stage, Map<String, String> named) {
        if (app != null) {
            app.stop();
        }
        app = new EditorApp();
        app.shares().setBackoff(FAST);
        Map<String, String> all = new java.util.HashMap<>(named);
        all.put("settings", dir.resolve("settings-" + token + ".properties").toString());
        all.put("size", "630x700");
        app.start(stage, List.of(), all);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Join… with the hub's address and the name Cai; waits for the joined map's window to be online. */
    private MapWindow joinThroughTheDialog(FxRobot robot) throws Exception {
        MapWindow shownBefore = app.lastWindow();
        String address = server.joinUrl(start.id(), token).toString();
        Ui.fx(() -> {
            app.joinDialog(address).show();
            robot.lookup("#join-name").queryAs(TextField.class).setText("Cai");
            return null;
        });
        robot.clickOn("#join-button");
        await("the joined map's window is online", () -> app.lastWindow() != shownBefore
                        && hubState(robot, app.lastWindow()).startsWith("Online"),
                () -> app.lastWindow() == shownBefore ? robot.lookup("#join-problem").queryAs(Label.class).getText()
                        : hubState(robot, app.lastWindow()));
        return app.lastWindow();
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
        MapWindow cai = joinThroughTheDialog(robot);
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

        // the window closes; the map waits in the library with its outbox
        Ui.fx(() -> {
            cai.stage().hide();
            return null;
        });
        app.shares().closing(start.id()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(1, app.library().shared().outbox(start.id()).size(), "the rename is in the kept outbox");

        // the editor quits and starts again on the same library: its start screen lists the map under "Shared with
        // me", and opening it shows the change, offline
        Ui.fx(() -> {
            startEditor(stage, Map.of("library", dir.resolve("library-" + token).toString()));
            return null;
        });
        await("the start screen lists the shared map", () -> sharedCell(robot) != null, () -> "no shared map listed");
        ListCell<?> cell = sharedCell(robot);
        assertTrue(cell.getText().contains("hub 127.0.0.1:" + port), cell.getText());
        robot.doubleClickOn(cell);
        await("the reopened window says the change is kept", () -> app.lastWindow() != null
                && hubState(robot, app.lastWindow()).equals("Offline — your changes are kept (one waiting)"),
                () -> app.lastWindow() == null ? "not reopened" : hubState(robot, app.lastWindow()));
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

    @Test
    void joining_a_map_the_library_already_holds_reopens_it_and_sends_nothing_again(FxRobot robot) throws Exception {
        MapWindow cai = joinThroughTheDialog(robot);
        Element node = start.elements().stream().filter(e -> !e.isLink()).findFirst().orElseThrow();
        Ui.fx(() -> cai.viewModel().apply("Rename", List.of(Change.setLabel(node.id(), "Renamed online by Cai"))));
        await("the hub holds the rename", () -> hubDocument().element(node.id()).label().equals("Renamed online by Cai"),
                () -> hubState(robot, cai));
        Ui.fx(() -> {
            cai.stage().hide();
            return null;
        });
        app.shares().closing(start.id()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Ui.fx(() -> {
            app.showStart();
            return null;
        });
        await("the start screen lists the shared map", () -> sharedCell(robot) != null, () -> "no shared map listed");
        ListView<?> recent = robot.lookup("#recent-maps").queryAs(ListView.class);
        assertEquals(0, recent.getItems().size(), "a shared map is not among the recent maps: " + recent.getItems());

        // Join… again with the same address: the library's copy is reopened, not joined a second time
        MapWindow again = joinThroughTheDialog(robot);
        assertEquals("Renamed online by Cai", Ui.fx(() -> again.viewModel().document().element(node.id()).label()));
        await("the window shows the hub's map", () -> again.viewModel().document().equals(hubDocument()), () -> hubState(robot, again));
        assertEquals(1, app.shares().list().size(), "one shared map in the library");
        assertEquals(1, hub.serverSeq(), "the rename reached the hub once");
    }

    @Test
    void joining_with_the_address_of_a_hub_that_took_the_map_over_continues_the_kept_copy(FxRobot robot) throws Exception {
        MapWindow cai = joinThroughTheDialog(robot);
        Element node = start.elements().stream().filter(e -> !e.isLink()).findFirst().orElseThrow();
        server.close();
        await("offline", () -> hubState(robot, cai).startsWith("Offline"), () -> hubState(robot, cai));
        Ui.fx(() -> cai.viewModel().apply("Rename", List.of(Change.setLabel(node.id(), "Renamed while nobody hosts"))));
        await("kept", () -> hubState(robot, cai).equals("Offline — your changes are kept (one waiting)"), () -> hubState(robot, cai));
        Ui.fx(() -> {
            cai.stage().hide();
            return null;
        });
        app.shares().closing(start.id()).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        // another laptop hosts the map from its copy, under the map's token, at another address; Cai types it
        HubCore takeover = HubCore.takeOver(hub.document(), method.schema(), token, hub.hubId(), hub.serverSeq(), hub.handled());
        HubServer other = HubServer.start(InetAddress.getLoopbackAddress(), 0, HubLimits.defaults(), List.of(takeover));
        try {
            MapWindow shownBefore = app.lastWindow();
            Ui.fx(() -> {
                app.joinDialog(other.joinUrl(start.id(), token).toString()).show();
                robot.lookup("#join-name").queryAs(TextField.class).setText("Cai");
                return null;
            });
            robot.clickOn("#join-button");
            await("the kept copy online at the new hub", () -> app.lastWindow() != shownBefore
                    && hubState(robot, app.lastWindow()).startsWith("Online") && app.lastWindow().viewModel().session()
                    .document().element(node.id()).label().equals("Renamed while nobody hosts")
                    && app.lastWindow().viewModel().document().equals(takeover.document()),
                    () -> app.lastWindow() == shownBefore ? "no window" : hubState(robot, app.lastWindow()));
            assertEquals(1, app.shares().list().size(), "the kept copy carried on: no second shared map");
            assertEquals(1, takeover.serverSeq(), "the kept change set reached the new hub once: " + takeover.log());
            await("the library keeps the new address", () -> app.shares().list().get(0).address()
                    .equals(other.mapUri(start.id()).toString()), () -> app.shares().list().get(0).address());
        } finally {
            other.close();
        }
    }

    @Test
    void without_a_library_the_join_is_in_memory_and_the_window_does_not_say_the_changes_are_kept(FxRobot robot)
            throws Exception {
        Ui.fx(() -> {
            startEditor(stage, Map.of("no-library", "true"));
            return null;
        });
        MapWindow cai = joinThroughTheDialog(robot);
        assertEquals(List.of(), app.shares().list(), "no library: nothing kept on the device");
        server.close();
        await("the window says it is offline", () -> hubState(robot, cai).startsWith("Offline"), () -> hubState(robot, cai));
        Element node = start.elements().stream().filter(e -> !e.isLink()).findFirst().orElseThrow();
        Ui.fx(() -> cai.viewModel().apply("Rename", List.of(Change.setLabel(node.id(), "Renamed in memory"))));
        await("the window says the change waits, not kept",
                () -> hubState(robot, cai).equals("Offline — one change waiting, not yet kept on this device"),
                () -> hubState(robot, cai));
    }
}
