package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mapwork.collab.net.HubAddresses;
import org.mapwork.collab.ClientCore;
import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.JoinAddress;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.collab.ShareHost;
import org.mapwork.editor.collab.Sharing;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.store.Library;
import org.mapwork.store.Revision;
import org.mapwork.templates.Methods;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Share on this network… on a map of the library, on loopback: the dialog shows the join address and a QR
 * code of it; the host's window edits through the hub; a second device joins with Join… and its change reaches the
 * host and the library under its own name; Stop sharing closes the hub (nothing listens any more).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ShareOnThisNetworkTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    private EditorApp app;
    private MapDocument shared;

    @Start
    void start(Stage stage) {
        Ui.closeOtherWindows(stage);
        app = new EditorApp();
        app.start(stage, List.of(), Map.of("library", dir.resolve("library").toString(),
                "settings", dir.resolve("settings.properties").toString(), "example", "net-map", "size", "630x700"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        Ui.fx(() -> {
            Ui.closeOtherWindows(null);
            return null;
        });
        app.stop();
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

    /** The library's shelf, once the library has opened (it opens beside the first window, off the JavaFX thread). */
    private org.mapwork.editor.start.LibraryShelf libraryShelf() throws Exception {
        await("the library open", () -> app.shelf() instanceof org.mapwork.editor.start.LibraryShelf, () -> String.valueOf(app.shelf()));
        return (org.mapwork.editor.start.LibraryShelf) app.shelf();
    }

    private static String text(FxRobot robot, MapWindow w, String id) {
        return robot.from(w.root()).lookup(id).queryAs(Label.class).getText();
    }

    /**
     * The editor's own join (the hub's map from its welcome), as another device: this test's two windows are in one
     * editor, so the second gets an id of its own.
     */
    private static CompletableFuture<HubClient> asAnotherDevice(JoinAddress address, String actor, String name,
                                                                java.util.concurrent.Executor thread) {
        return org.mapwork.editor.collab.Joiner.hubClient().join(address, actor + "-ben", name, thread);
    }

    private static String problem(FxRobot robot) {
        return problem(robot, "#join-problem");
    }

    private static String problem(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void tryToJoin(FxRobot robot, String address) throws Exception {
        Ui.fx(() -> {
            robot.lookup("#join-address-field").queryAs(TextField.class).setText(address);
            return null;
        });
        robot.clickOn("#join-button");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void a_map_shared_on_loopback_is_joined_by_a_second_window_and_stop_sharing_closes_the_hub(FxRobot robot) throws Exception {
        MapWindow host = app.lastWindow();
        libraryShelf(); // Share needs the library, which opens beside the first window
        shared = Ui.fx(() -> host.viewModel().document());
        Ui.fx(() -> {
            app.share(host);
            return null;
        });
        ChoiceBox<HubAddresses.Address> where = robot.lookup("#share-address").queryAs(ChoiceBox.class);
        assertEquals(HubAddresses.all().get(0), where.getValue(), "the LAN address first (else the first other)");
        assertTrue(where.getItems().stream().noneMatch(a -> a.address().isAnyLocalAddress()), "never all interfaces");
        Ui.fx(() -> {
            where.setValue(where.getItems().stream().filter(a -> a.address().isLoopbackAddress()).findFirst().orElseThrow());
            return null;
        });
        robot.clickOn("#share-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Give your name first: the others see it beside your changes.", problem(robot, "#share-problem"),
                "the name is asked for the first time it is needed");
        robot.clickOn("#share-name").write("Ana");
        robot.clickOn("#share-start");
        // the dialog first listens a few seconds for a hub of this map elsewhere on the network (docs/adr/0015)
        await("the map shared", () -> robot.lookup("#join-address").tryQuery().isPresent(),
                () -> problem(robot, "#share-problem"));
        assertEquals("Ana", app.settings().personName());

        String address = robot.lookup("#join-address").queryAs(TextField.class).getText();
        JoinAddress join = JoinAddress.parse(address);
        assertEquals(InetAddress.getLoopbackAddress().getHostAddress(), join.map().getHost());
        assertEquals(shared.id(), join.mapId());
        WritableImage qr = (WritableImage) robot.lookup("#share-qr").queryAs(ImageView.class).getImage();
        assertEquals(address, org.mapwork.editor.collab.QrCodeTest.decode(qr), "the QR code is the join address");
        await("the host's window is online through its hub", () -> text(robot, host, "#hub-state").startsWith("Online"),
                () -> text(robot, host, "#hub-state"));
        await("one person in", () -> robot.lookup("#share-people").queryAs(Label.class).getText().startsWith("One person"),
                () -> robot.lookup("#share-people").queryAs(Label.class).getText());
        // the short code and the hub's address, for a person who cannot scan or paste
        String codeLine = robot.lookup("#join-code").queryAs(Label.class).getText();
        java.util.regex.Matcher cm = java.util.regex.Pattern.compile("(\\w{4}-\\w{4})\\s+\\(hub (\\S+)\\)").matcher(codeLine);
        assertTrue(cm.matches(), codeLine);
        String typedCode = cm.group(2) + " " + cm.group(1).toLowerCase(java.util.Locale.ROOT);
        assertEquals(join.map().getHost() + ":" + join.map().getPort(), cm.group(2));
        robot.clickOn("#share-close"); // sharing goes on without the dialog

        // a second device: Join… with the address and a name
        app.setJoiner(ShareOnThisNetworkTest::asAnotherDevice);
        Ui.fx(() -> {
            app.joinDialog(null).show();
            return null;
        });
        robot.clickOn("#join-address-field").write("ws://nowhere/maps");
        Ui.fx(() -> {
            robot.lookup("#join-name").queryAs(TextField.class).setText("Ben"); // Ana's name is there: another person
            return null;
        });
        robot.clickOn("#join-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(problem(robot).startsWith("This is not a join address"), problem(robot));

        String wrongToken = join.map() + "#" + "0".repeat(join.token().length());
        tryToJoin(robot, wrongToken);
        await("the wrong key is named", () -> problem(robot).contains("the address's key is not this map's"), () -> problem(robot));
        String code = cm.group(1);
        String wrongCode = cm.group(2) + " " + (code.startsWith("0") ? "1111-1111" : "0000-0000");
        tryToJoin(robot, wrongCode);
        await("a wrong code is named", () -> problem(robot).startsWith("No map is shared with that code"), () -> problem(robot));
        tryToJoin(robot, typedCode); // the hub's address and the code, typed (in small letters) instead of the address
        await("the joined map's window", () -> app.lastWindow() != host, () -> problem(robot));
        MapWindow ben = app.lastWindow();
        assertTrue(ben != host, "the joined map has a window of its own");
        assertEquals("Ben", app.settings().personName(), "the name is kept (and changed from Ana's on this one editor)");
        await("both in", () -> text(robot, host, "#hub-state").equals("Online · 2 people"), () -> text(robot, host, "#hub-state"));

        Element node = shared.elements().stream().filter(e -> !e.isLink()).findFirst().orElseThrow();
        Ui.fx(() -> ben.viewModel().apply("Rename", List.of(Change.setLabel(node.id(), "Named by Ben"))));
        await("the host sees Ben's change", () -> host.viewModel().document().element(node.id()).label().equals("Named by Ben"),
                () -> host.viewModel().document().element(node.id()).label());

        Sharing sharing = Ui.fx(() -> Sharing.of(host));
        assertNotNull(sharing);
        int port = sharing.host().server().port();
        Ui.fx(() -> {
            app.share(host); // the menu entry again: the running share, with Stop sharing
            return null;
        });
        robot.clickOn("#share-stop");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Not connected to the hub", text(robot, host, "#hub-state"));
        assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
                "nothing listens once sharing stopped");
        await("Ben's window is offline", () -> text(robot, ben, "#hub-state").startsWith("Offline"), () -> text(robot, ben, "#hub-state"));

        // the library holds Ben's change, by Ben's id, and the host's window records it again
        Ui.fx(() -> host.viewModel().apply("Rename", List.of(Change.setLabel(node.id(), "Back with the host"))));
        Library library = app.library();
        await("the host's own change is recorded again",
                () -> library.load(shared.id()).document().element(node.id()).label().equals("Back with the host"),
                () -> library.load(shared.id()).document().element(node.id()).label());
        List<Revision> revisions = library.revisions(shared.id());
        String benActor = ben.viewModel().session().actor();
        assertTrue(revisions.stream().anyMatch(r -> r.actor().equals(benActor)), "Ben's revision is his: " + revisions);
        assertEquals(host.viewModel().session().actor(), revisions.get(revisions.size() - 1).actor());
        assertTrue(!benActor.equals(host.viewModel().session().actor()));

        // joining a map no longer shared: nothing answers, and the dialog says so and stays open
        Ui.fx(() -> {
            app.joinDialog(address).show();
            return null;
        });
        robot.clickOn("#join-button");
        await("no hub is named", () -> problem(robot).contains("nothing answers at that address"), () -> problem(robot));
        assertTrue(robot.lookup("#join-dialog").tryQuery().isPresent(), "the dialog stays to try again");
        assertEquals(app.settings().actor(), host.viewModel().session().actor(), "the host edits as this device's person");
    }


    @Test
    void closing_the_shared_maps_window_closes_the_hub_and_the_library_keeps_the_map(FxRobot robot) throws Exception {
        MapWindow host = app.lastWindow();
        String mapId = Ui.fx(() -> host.viewModel().document().id());
        org.mapwork.editor.start.LibraryShelf shelf1 = libraryShelf();
        Sharing sharing = Ui.fx(() -> Sharing.start(host, shelf1,
                InetAddress.getLoopbackAddress(), "Ana"));
        await("online", () -> text(robot, host, "#hub-state").startsWith("Online"), () -> text(robot, host, "#hub-state"));
        int port = sharing.host().server().port();
        new Socket(InetAddress.getLoopbackAddress(), port).close(); // listening while shared
        Element node = Ui.fx(() -> host.viewModel().document().elements().stream().filter(e -> !e.isLink()).findFirst().orElseThrow());
        Ui.fx(() -> host.viewModel().apply("Rename", List.of(Change.setLabel(node.id(), "Renamed while shared"))));
        await("the hub confirmed it", () -> sharing.link().client().core().pending() == 0, () -> "");

        Ui.fx(() -> {
            host.stage().hide();
            return null;
        });
        assertTrue(sharing.stopped(), "closing the window stopped sharing");
        assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
                "nothing listens once the window is closed");
        assertEquals("Renamed while shared", app.library().load(mapId).document().element(node.id()).label());
    }

    @Test
    void the_host_shares_again_after_stopping_and_the_others_reconnect_by_themselves_with_their_offline_change(FxRobot robot)
            throws Exception {
        MapWindow host = app.lastWindow();
        org.mapwork.editor.start.LibraryShelf shelf2 = libraryShelf();
        Sharing first = Ui.fx(() -> Sharing.start(host, shelf2,
                InetAddress.getLoopbackAddress(), "Ana"));
        JoinAddress address = first.host().joinAddress();
        java.util.concurrent.ExecutorService benThread = java.util.concurrent.Executors.newSingleThreadExecutor();
        HubClient ben = HubClient.join(address, "dev-ben", "Ben", id -> Methods.schemas().schema(id).orElseThrow(), benThread)
                .get(20, TimeUnit.SECONDS);
        try {
            await("both in", () -> text(robot, host, "#hub-state").equals("Online · 2 people"), () -> text(robot, host, "#hub-state"));
            Element node = Ui.fx(() -> host.viewModel().document().elements().stream().filter(e -> !e.isLink()).findFirst().orElseThrow());

            // the host stops (as when it quits): Ben is offline and goes on drawing
            Ui.fx(() -> {
                first.stop();
                return null;
            });
            await("Ben is offline", () -> ben.state() == HubClient.State.OFFLINE, () -> String.valueOf(ben.state()));
            benThread.submit(() -> ben.core().session().apply("Rename", Change.setLabel(node.id(), "Renamed by Ben offline")))
                    .get(20, TimeUnit.SECONDS);

            // shared again from the library: the same address, so Ben's device finds the hub by itself
            org.mapwork.editor.start.LibraryShelf shelf3 = libraryShelf();
            Sharing again = Ui.fx(() -> Sharing.start(host, shelf3,
                    InetAddress.getLoopbackAddress(), "Ana"));
            assertEquals(address, again.host().joinAddress(), "the same token and port as before");
            await("Ben's offline change reaches the host", () -> Ui.fx(() -> host.viewModel().document().element(node.id()).label())
                    .equals("Renamed by Ben offline"), () -> ben.state() + " " + ben.problem());
            await("nothing waits on Ben's device", () -> benThread.submit(() -> ben.core().pending()).get() == 0, () -> "");
            assertEquals(Ui.fx(() -> host.viewModel().document()), benThread.submit(() -> ben.core().session().document()).get(),
                    "both hold the same map");
            Ui.fx(() -> {
                again.stop();
                return null;
            });
        } finally {
            ben.close();
            benThread.shutdown();
        }
    }

    @Test
    void the_host_removes_someone_from_the_share_dialog_and_a_new_address_keeps_the_old_one_out(FxRobot robot) throws Exception {
        MapWindow host = app.lastWindow();
        org.mapwork.editor.start.LibraryShelf shelf4 = libraryShelf();
        Sharing sharing = Ui.fx(() -> Sharing.start(host, shelf4,
                InetAddress.getLoopbackAddress(), "Ana"));
        JoinAddress address = sharing.host().joinAddress();
        java.util.concurrent.ExecutorService malThread = java.util.concurrent.Executors.newSingleThreadExecutor();
        HubClient mal = HubClient.join(address, "dev-mal", "Mal", id -> Methods.schemas().schema(id).orElseThrow(), malThread)
                .get(20, TimeUnit.SECONDS);
        try {
            Ui.fx(() -> {
                app.share(host); // the running share's dialog
                return null;
            });
            await("Mal is listed with Remove", () -> robot.lookup("#share-remove-dev-mal").tryQuery().isPresent(), () -> "");
            robot.clickOn("#share-remove-dev-mal");
            await("Mal's device is told why", () -> mal.state() == HubClient.State.REFUSED, () -> String.valueOf(mal.state()));
            assertEquals("the host removed you from this map", mal.problem());
            await("Mal is no longer listed", () -> robot.lookup("#share-remove-dev-mal").tryQuery().isEmpty(), () -> "");

            robot.clickOn("#share-stop-forget");
            WaitForAsyncUtils.waitForFxEvents();
            org.mapwork.editor.start.LibraryShelf shelf5 = libraryShelf();
            Sharing again = Ui.fx(() -> Sharing.start(host, shelf5,
                    InetAddress.getLoopbackAddress(), "Ana"));
            assertTrue(!again.host().joinAddress().token().equals(address.token()), "a new key: the old address no longer opens the map");
            CompletableFuture<HubClient> oldAddress = HubClient.join(JoinAddress.of(again.host().joinAddress().map(), address.token()),
                    "dev-mal2", "Mal", id -> Methods.schemas().schema(id).orElseThrow(), malThread);
            java.util.concurrent.ExecutionException refused = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> oldAddress.get(20, TimeUnit.SECONDS));
            assertTrue(String.valueOf(refused.getCause().getMessage()).toLowerCase(java.util.Locale.ROOT).contains("token")
                    || String.valueOf(refused.getCause()).contains("WRONG_TOKEN"), String.valueOf(refused.getCause()));
            Ui.fx(() -> {
                again.stop();
                return null;
            });
        } finally {
            mal.close();
            malThread.shutdown();
        }
    }
}
