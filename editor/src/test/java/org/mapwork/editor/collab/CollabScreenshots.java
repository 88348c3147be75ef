package org.mapwork.editor.collab;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;

import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.JoinAddress;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Change;
import org.mapwork.model.Element;

/**
 * Takes the pictures in docs/screenshots/collab (run by docs/screenshots/collab.sh under Xvfb): the Share dialog with
 * its QR code, the Join dialog naming a wrong key, and two windows side by side editing one map through the hub.
 * Not a test: a program with a main, on the test class path.
 */
public final class CollabScreenshots {

    private CollabScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots/collab");
        Path library = Files.createTempDirectory("mapwork-shots");
        Files.createDirectories(out);
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.startup(() -> up.complete(null));
        up.get(30, TimeUnit.SECONDS);
        EditorApp app = fx(() -> {
            EditorApp a = new EditorApp();
            a.start(new Stage(), List.of(), Map.of("library", library.resolve("lib").toString(),
                    "settings", library.resolve("settings.properties").toString(), "example", "net-map", "size", "956x900"));
            return a;
        });
        waitFor("the host's window", () -> app.lastWindow() != null);
        MapWindow host = app.lastWindow();
        fx(() -> {
            app.settings().setPersonName("Ana");
            host.stage().setX(0);
            host.stage().setY(0);
            app.share(host);
            return null;
        });
        pause(800);
        fx(() -> {
            ((Button) find("#share-start")).fire();
            return null;
        });
        waitFor("host online", () -> fxGet(() -> text(host, "#hub-state").startsWith("Online")));
        pause(1500);
        Stage share = fx(() -> (Stage) find("#share-dialog").getScene().getWindow());
        save(fx(() -> snap(share.getScene())), out.resolve("share-dialog.png"));
        String address = fx(() -> ((TextField) find("#join-address")).getText());
        fx(() -> {
            share.hide();
            return null;
        });

        // Ben joins from "another device" (an id of his own; this program's windows are in one editor)
        app.setJoiner((JoinAddress a, String actor, String name, Executor thread) ->
                Joiner.hubClient().join(a, actor + "-ben", name, thread));
        JoinDialog dialog = fx(() -> {
            JoinDialog d = app.joinDialog(JoinAddress.parse(address).map() + "#" + "0".repeat(32));
            d.show();
            return d;
        });
        fx(() -> {
            ((TextField) find("#join-name")).setText("Ben");
            dialog.joinNow();
            return null;
        });
        waitFor("the wrong key named", () -> fxGet(() -> !((javafx.scene.control.Label) find("#join-problem")).getText().isEmpty()));
        pause(500);
        save(fx(() -> snap(dialog.stage().getScene())), out.resolve("join-dialog-wrong-key.png"));
        fx(() -> {
            dialog.setAddress(address);
            dialog.joinNow();
            return null;
        });
        waitFor("Ben's window", () -> app.lastWindow() != host);
        MapWindow ben = app.lastWindow();
        fx(() -> {
            ben.stage().setX(962);
            ben.stage().setY(0);
            return null;
        });
        waitFor("both online", () -> fxGet(() -> text(host, "#hub-state").contains("2")
                && text(ben, "#hub-state").startsWith("Online")));
        Element node = fx(() -> host.viewModel().document().elements().stream().filter(e -> !e.isLink()).findFirst().orElseThrow());
        fx(() -> ben.viewModel().apply("Rename", List.of(Change.setLabel(node.id(), "Renamed by Ben"),
                Change.setGeometry(node.id(), node.geometry().movedBy(40, 30)))));
        waitFor("the host sees Ben's change", () -> fxGet(() -> host.viewModel().document().element(node.id()).label().equals("Renamed by Ben")));
        fx(() -> {
            host.viewModel().selection().select(List.of(node.id()));
            return null;
        });
        fx(() -> {
            host.viewModel().viewing().zoomToFit();
            ben.viewModel().viewing().zoomToFit();
            return null;
        });
        pause(800);
        // each person's pointer over their own canvas: the other window shows it with their name
        fx(() -> {
            move(host, 0.35, 0.45);
            move(ben, 0.62, 0.30);
            Element other = ben.viewModel().document().elements().stream().filter(e -> !e.isLink() && !e.id().equals(node.id()))
                    .reduce((a, b) -> b).orElseThrow();
            ben.viewModel().selection().select(List.of(other.id()));
            return null;
        });
        pause(1500);
        BufferedImage left = fx(() -> {
            host.canvas().paintNow();
            return snap(host.stage().getScene());
        });
        BufferedImage right = fx(() -> {
            ben.canvas().paintNow();
            return snap(ben.stage().getScene());
        });
        BufferedImage both = new BufferedImage(left.getWidth() + right.getWidth() + 8,
                Math.max(left.getHeight(), right.getHeight()), BufferedImage.TYPE_INT_RGB);
        var g = both.createGraphics();
        g.setColor(java.awt.Color.DARK_GRAY);
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, left.getWidth() + 8, 0, null);
        g.dispose();
        save(both, out.resolve("two-windows-one-hub.png"));
        fx(() -> {
            List.copyOf(Window.getWindows()).forEach(Window::hide);
            return null;
        });
        app.stop();
        Platform.exit();
        System.exit(0);
    }

    private static String text(MapWindow w, String id) {
        return ((javafx.scene.control.Label) w.root().lookup(id)).getText();
    }

    private static Node find(String id) {
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null && w.getScene().lookup(id) != null) {
                return w.getScene().lookup(id);
            }
        }
        throw new IllegalStateException("nothing showing has " + id);
    }

    private static BufferedImage snap(Scene scene) {
        return SwingFXUtils.fromFXImage(scene.snapshot(null), null);
    }

    private static void save(BufferedImage image, Path file) throws Exception {
        ImageIO.write(image, "png", file.toFile());
        System.out.println("wrote " + file + " (" + image.getWidth() + "x" + image.getHeight() + ")");
    }

    private static void pause(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static boolean fxGet(java.util.concurrent.Callable<Boolean> c) {
        try {
            return fx(c);
        } catch (Exception e) {
            return false;
        }
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    /** A pointer move over a window's canvas at a fraction of its size, as the mouse would make it. */
    private static void move(MapWindow w, double fx, double fy) {
        javafx.scene.Node canvas = w.canvas().canvas();
        javafx.scene.Node area = canvas.getParent() != null ? canvas.getParent() : canvas;
        double x = area.getLayoutBounds().getWidth() * fx, y = area.getLayoutBounds().getHeight() * fy;
        javafx.geometry.Point2D screen = area.localToScreen(x, y);
        javafx.event.Event.fireEvent(area, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_MOVED,
                x, y, screen.getX(), screen.getY(), javafx.scene.input.MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, null));
    }
}
