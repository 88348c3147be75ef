package org.mapwork.editor.workflow;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.mapwork.collab.ClientCore;
import org.mapwork.collab.HubCore;
import org.mapwork.collab.PresenceState;
import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.collab.PresenceLink;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;

/**
 * A hand-run picture (docs/screenshots/collab/presence.png, under Xvfb): the Net-Map example in a window on a hub on
 * 127.0.0.1, with two other devices on the same hub, Ana pointing at and selecting one actor and Ben editing the
 * label of another. Keeps the window open for {@code args[0]} seconds (default 40) so that the screen can be taken.
 */
public final class PresenceScreen {

    private PresenceScreen() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 40;
        CompletableFuture<MapWindow> shown = new CompletableFuture<>();
        Platform.startup(() -> {
            EditorApp app = new EditorApp();
            app.start(new Stage(), List.of(), Map.of("no-library", "true", "example", "net-map", "size", "1440x860"));
            shown.complete(app.lastWindow());
        });
        MapWindow w = shown.get(60, TimeUnit.SECONDS);
        Thread.sleep(1500);
        CompletableFuture<MapDocument> docF = new CompletableFuture<>();
        Platform.runLater(() -> docF.complete(w.viewModel().document()));
        MapDocument doc = docF.get(20, TimeUnit.SECONDS);
        String token = HubCore.newToken();
        HubServer server = HubServer.start(InetAddress.getByName("127.0.0.1"), 0, HubLimits.defaults(),
                List.of(new HubCore(doc, w.viewModel().schema(), token)));
        HubClient.Backoff backoff = new HubClient.Backoff(Duration.ofMillis(50), Duration.ofSeconds(1));
        CompletableFuture<HubClient> mineF = new CompletableFuture<>();
        Platform.runLater(() -> {
            HubClient mine = new HubClient(new ClientCore(w.viewModel().session(), token, "Me", 0), server.mapUri(doc.id()),
                    Platform::runLater, backoff);
            PresenceLink.connect(w, mine);
            mine.start();
            mineF.complete(mine);
        });
        mineF.get(20, TimeUnit.SECONDS);

        List<Element> actors = doc.elements().stream().filter(Element::isNode)
                .sorted(Comparator.comparingDouble((Element e) -> e.geometry().y()).thenComparingDouble(e -> e.geometry().x())).toList();
        Element anas = actors.get(Math.min(1, actors.size() - 1));
        Element bens = actors.get(Math.min(actors.size() / 2 + 1, actors.size() - 1));
        device(doc, w, server, token, "dev-ana", "Ana", new PresenceState(
                new PresenceState.Cursor(anas.geometry().x() + anas.geometry().width() * 0.8, anas.geometry().y() + anas.geometry().height() + 18),
                List.of(anas.id()), null));
        device(doc, w, server, token, "dev-ben-2", "Ben", new PresenceState(
                new PresenceState.Cursor(bens.geometry().centerX() + 30, bens.geometry().centerY() + 8), List.of(), bens.id()));
        Thread.sleep(seconds * 1000);
        server.close();
        Platform.exit();
        System.exit(0);
    }

    private static void device(MapDocument doc, MapWindow w, HubServer server, String token, String actor, String name,
                               PresenceState state) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "session-" + actor);
            t.setDaemon(true);
            return t;
        });
        HubClient client = thread.submit(() -> new HubClient(new ClientCore(new MapSession(doc, w.viewModel().schema(), actor, 0),
                token, name, 0), server.mapUri(doc.id()), thread, new HubClient.Backoff(Duration.ofMillis(50), Duration.ofSeconds(1))))
                .get(20, TimeUnit.SECONDS);
        client.start();
        client.setPresence(state);
    }
}
