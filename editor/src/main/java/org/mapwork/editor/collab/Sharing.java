package org.mapwork.editor.collab;

import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

import javafx.application.Platform;
import javafx.stage.WindowEvent;

import org.mapwork.collab.ClientCore;
import org.mapwork.collab.net.HubClient;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.start.LibraryShelf;
import org.mapwork.editor.start.OpenedMap;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.MapSession;

/**
 * A map window's map shared on this network: a hub inside this Mapwork ({@link ShareHost}) records the map in the
 * library, and the host's own window edits through it like everyone else's (a client on the hub's own address), so
 * its changes take their place in the one order. Stopping (or closing the window) closes the hub: nothing listens
 * when nobody shares; the window then records the map in the library itself again.
 */
public final class Sharing {

    private static final Map<MapWindow, Sharing> ACTIVE = new WeakHashMap<>();

    private final MapWindow window;
    private final LibraryShelf shelf;
    private final ShareHost host;
    private final HubLink link;
    private boolean stopped;

    /**
     * Hosts the window's kept shared map here, its hub being unreachable ({@link ShareHost#takeOver}), and moves the
     * window's own client to it: its outbox goes in as a device's, and the map's address in the library is the new
     * hub's, so reopening it from "Shared with me" finds it. The window keeps its own keeping (its copy is the kept
     * map); stopping closes the hub only, and the window is then offline like everyone else. On the JavaFX thread.
     *
     * @throws IllegalStateException when the hub is reachable (nothing to take over), the map is not kept here, or
     *                               the address cannot be bound
     */
    public static Sharing takeOver(MapWindow window, LibraryShelf shelf, HubLink joined, InetAddress bind) {
        Objects.requireNonNull(shelf, "shelf");
        if (of(window) != null) {
            return of(window);
        }
        if (!joined.keptOnDevice()) {
            throw new IllegalStateException(Ui.text("collab.host-here.not-kept"));
        }
        HubClient client = joined.client();
        if (client.state() == HubClient.State.ONLINE) {
            throw new IllegalStateException(Ui.text("collab.host-here.online", hostAndPort(client.address())));
        }
        ShareHost host;
        try {
            host = ShareHost.takeOver(shelf.library(), client.core(), bind);
        } catch (RuntimeException e) {
            throw new IllegalStateException(Ui.text("collab.share.cannot-start", bind.getHostAddress(), e.getMessage()), e);
        }
        String mapId = host.mapId();
        shelf.library().shared().moved(mapId, host.joinAddress().map().toString(), host.token())
                .whenComplete((v, e) -> {
                    if (e != null) {
                        Platform.runLater(() -> window.viewModel().setStatus(Ui.text("collab.host-here.not-kept-address", e.getMessage())));
                    }
                });
        joined.setPeopleIn(host::peopleIn);
        Sharing sharing = new Sharing(window, shelf, host, joined);
        ACTIVE.put(window, sharing);
        window.stage().addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> sharing.stop());
        client.tryMoving(host.joinAddress().map()).whenComplete((moved, e) -> Platform.runLater(() -> {
            // false when the window's listener for a moved hub heard this one first and moved already
            if (!host.joinAddress().map().equals(client.address()) && !sharing.stopped) {
                window.viewModel().setStatus(Ui.text("collab.host-here.not-moved"));
            }
        }));
        window.viewModel().setStatus(Ui.text("collab.host-here.hosting"));
        return sharing;
    }

    private static String hostAndPort(java.net.URI u) {
        return u.getHost() + ":" + u.getPort();
    }

    private Sharing(MapWindow window, LibraryShelf shelf, ShareHost host, HubLink link) {
        this.window = window;
        this.shelf = shelf;
        this.host = host;
        this.link = link;
    }

    /** The window's sharing while it lasts, or null. */
    public static Sharing of(MapWindow window) {
        Sharing s = ACTIVE.get(window);
        return s == null || s.stopped ? null : s;
    }

    /**
     * Shares the window's map (it must be in {@code shelf}'s library) on {@code bind}. On the JavaFX thread; it waits
     * only for the window's own recorder to finish writing, so that the hub starts from exactly the window's map.
     *
     * @throws IllegalStateException when the map is not in the library or the address cannot be bound (the window
     *                               then records as before)
     */
    public static Sharing start(MapWindow window, LibraryShelf shelf, InetAddress bind, String name) {
        Objects.requireNonNull(shelf, "shelf");
        if (of(window) != null) {
            return of(window);
        }
        MapSession session = window.viewModel().session();
        String mapId = session.document().id();
        if (!shelf.holds(mapId)) {
            throw new IllegalStateException(Ui.text("collab.share.not-in-library"));
        }
        // the hub records the map from now on: the window's recorder finishes first (it waits for what it queued)
        window.opened().keeping().close();
        ShareHost host;
        try {
            host = ShareHost.start(shelf.library(), mapId, bind);
        } catch (RuntimeException e) {
            window.setKeeping(shelf.recordAgain(session));
            throw new IllegalStateException(Ui.text("collab.share.cannot-start", bind.getHostAddress(), e.getMessage()), e);
        }
        ClientCore core = new ClientCore(session, host.token(), name, 0);
        HubClient client = new HubClient(core, host.joinAddress().map(), Platform::runLater, HubClient.Backoff.defaults());
        HubLink link = HubLink.attach(window, client);
        link.setPeopleIn(host::peopleIn);
        OpenedMap.Keeping hubKeeping = LibraryShelf.keeping(host.recording().recorder());
        window.setKeeping(new OpenedMap.Keeping() {
            @Override
            public String state() {
                return Ui.text("collab.keeping.host", hubKeeping.state());
            }

            @Override
            public boolean saved() {
                return hubKeeping.saved();
            }

            @Override
            public void onChange(java.util.function.Consumer<String> listener) {
                hubKeeping.onChange(listener);
            }

            @Override
            public void close() {
                // the hub's recording closes with the hub (Sharing.stop)
            }
        });
        Sharing sharing = new Sharing(window, shelf, host, link);
        ACTIVE.put(window, sharing);
        window.stage().addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> sharing.stop());
        client.start();
        return sharing;
    }

    public ShareHost host() {
        return host;
    }

    public HubLink link() {
        return link;
    }

    public MapWindow window() {
        return window;
    }

    public boolean stopped() {
        return stopped;
    }

    /**
     * Stops sharing and forgets the map's address: the next share has a new token (and maybe port), so nobody who had
     * the old address or code (someone removed, a photo of the QR code) gets in again; everyone needs the new one.
     */
    public void stopAndForget() {
        stop();
        try {
            new org.mapwork.collab.net.HubShares(shelf.library().directory()).forget(host.mapId());
        } catch (java.io.IOException e) {
            window.viewModel().setStatus(Ui.text("collab.share.cannot-forget", e.getMessage()));
        }
    }

    /** Stops sharing: the window's connection and the hub close; the window records the map itself again. */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        ACTIVE.remove(window);
        if (host.tookOver()) {
            // the window edits its kept copy on, offline: its changes wait for whoever hosts next
            link.setPeopleIn(null);
            host.close();
            if (window.stage().isShowing()) {
                window.viewModel().setStatus(Ui.text("collab.share.stopped"));
            }
            return;
        }
        link.close();
        host.close();
        if (window.stage().isShowing()) {
            window.setKeeping(shelf.recordAgain(window.viewModel().session()));
            window.viewModel().setStatus(Ui.text("collab.share.stopped"));
        }
    }
}
