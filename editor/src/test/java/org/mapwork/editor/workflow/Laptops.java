package org.mapwork.editor.workflow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.mapwork.collab.net.HubAddresses;
import org.mapwork.collab.net.HubClient;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.collab.ShareHost;
import org.mapwork.editor.start.LibraryShelf;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.MapDocument;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Several people's laptops in one test: each an editor of its own, with its own library and settings (so its own
 * device id), on a stage of its own; the steps a workshop takes with them (share, join, the share dialog's buttons),
 * through the editor's own dialogs. Every wait is bounded.
 */
final class Laptops {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final HubClient.Backoff FAST = new HubClient.Backoff(Duration.ofMillis(20), Duration.ofMillis(200));

    private Laptops() {
    }

    /** One person's editor. */
    record Laptop(String name, EditorApp app, Stage stage) {

        /** The editor's library, once it has opened beside the first window. */
        LibraryShelf shelf() throws Exception {
            await(name + "'s library open", () -> app.shelf() instanceof LibraryShelf, () -> String.valueOf(app.shelf()));
            return (LibraryShelf) app.shelf();
        }
    }

    /** Starts {@code name}'s editor on a new stage, its library and settings under {@code dir}; {@code more}: e.g. example. */
    static Laptop start(Path dir, String name, Map<String, String> more) throws Exception {
        return Ui.fx(() -> {
            Stage stage = new Stage();
            EditorApp app = new EditorApp();
            app.shares().setBackoff(FAST);
            Map<String, String> all = new HashMap<>(more);
            all.put("library", dir.resolve("library-" + name).toString());
            all.put("settings", dir.resolve("settings-" + name + ".properties").toString());
            all.put("size", "900x640");
            app.start(stage, java.util.List.of(), all);
            return new Laptop(name, app, stage);
        });
    }

    static void await(String what, Callable<Boolean> condition, Callable<String> detail) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!WaitForAsyncUtils.asyncFx(condition).get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + WAIT.toSeconds() + " s waiting for " + what + ": "
                        + WaitForAsyncUtils.asyncFx(detail).get());
            }
            Thread.sleep(20);
        }
    }

    static String hubState(FxRobot robot, MapWindow w) {
        return robot.from(w.root()).lookup("#hub-state").queryAs(Label.class).getText();
    }

    /** The hub's map, read on its map thread. */
    static MapDocument hubDocument(ShareHost host) {
        CompletableFuture<MapDocument> doc = new CompletableFuture<>();
        if (!host.server().onMapThread(host.mapId(), () -> doc.complete(host.hub().document()))) {
            throw new AssertionError("the hub does not hold map " + host.mapId());
        }
        return doc.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** The share dialog open now (one at a time in these tests): a node of it by id. */
    static <T> T inShareDialog(FxRobot robot, String id, Class<T> type) {
        return robot.lookup("#share-dialog").queryParent().lookupAll(id).stream().map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("the share dialog has no " + id));
    }

    /** In the share dialog: listen on this computer only (loopback), give the name when asked, and start. */
    static void startInShareDialog(FxRobot robot, String name) throws Exception {
        Ui.fx(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<HubAddresses.Address> where = inShareDialog(robot, "#share-address", ChoiceBox.class);
            where.setValue(where.getItems().stream().filter(a -> a.address().isLoopbackAddress()).findFirst().orElseThrow());
            TextField who = inShareDialog(robot, "#share-name", TextField.class);
            if (who.isVisible() && who.getText().isBlank()) {
                who.setText(name);
            }
            inShareDialog(robot, "#share-start", Button.class).fire();
            return null;
        });
    }

    /** Join… on {@code laptop} with {@code address} under {@code name}; waits for a new window online. */
    static MapWindow join(FxRobot robot, Laptop laptop, String address, String name) throws Exception {
        MapWindow before = Ui.fx(laptop.app()::lastWindow);
        Ui.fx(() -> {
            laptop.app().joinDialog(address).show();
            return null;
        });
        Ui.fx(() -> {
            javafx.scene.Parent dialog = robot.lookup("#join-dialog").queryParent();
            ((TextField) dialog.lookup("#join-name")).setText(name);
            ((Button) dialog.lookup("#join-button")).fire();
            return null;
        });
        await(name + "'s joined window online", () -> laptop.app().lastWindow() != before
                && hubState(robot, laptop.app().lastWindow()).startsWith("Online"),
                () -> laptop.app().lastWindow() == before ? "no window yet" : hubState(robot, laptop.app().lastWindow()));
        return Ui.fx(laptop.app()::lastWindow);
    }
}
