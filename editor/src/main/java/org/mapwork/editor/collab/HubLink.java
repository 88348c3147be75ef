package org.mapwork.editor.collab;

import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

import org.mapwork.collab.KeptMap;
import org.mapwork.collab.net.HubClient;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.MapSession;

/**
 * A map window editing through a hub: every local gesture, undo and redo goes out through the window's
 * {@link HubClient} (its {@code ClientCore} listens to the session), and every remote change comes in through that
 * core on the JavaFX thread (the client's session thread is {@code Platform::runLater}; nothing here waits for the
 * network). The status bar says where the map stands with the hub (online and how many people are in, offline with
 * the changes waiting, refused with the hub's reason), and what the hub left out or refused goes to the status line.
 * Closing the window closes the connection.
 */
public final class HubLink implements AutoCloseable {

    private static final java.util.Map<MapWindow, HubLink> LINKED = new java.util.WeakHashMap<>();

    private final MapWindow window;
    private final HubClient client;
    private final KeptMap kept;
    private final Label state = new Label();
    /** Beside "offline" on a kept map: this laptop hosts the map from its copy (shown once there is an action). */
    private final javafx.scene.control.Button hostHere = new javafx.scene.control.Button(Ui.text("collab.host-here.button"));
    private Runnable hostHereAction;
    private final Timeline ticker;
    private final MapSession.Listener heard = e -> heard();
    private IntSupplier peopleIn;
    private AutoCloseable presence;
    private boolean closed;

    private HubLink(MapWindow window, HubClient client, KeptMap kept) {
        this.window = window;
        this.client = client;
        this.kept = kept;
        state.setId("hub-state");
        hostHere.setId("hub-host-here");
        hostHere.setFocusTraversable(false);
        hostHere.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the status bar squeezes its items: never this one
        hostHere.setOnAction(e -> {
            if (hostHereAction != null) {
                hostHereAction.run();
            }
        });
        // the count of people and of waiting changes may change without a session event (a person leaves)
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    /**
     * Makes {@code window} edit through {@code client} (whose session must be the window's): shows its state, starts
     * it when it is not started yet, and closes it with the window. Call on the JavaFX thread.
     */
    public static HubLink attach(MapWindow window, HubClient client) {
        return attach(window, client, null);
    }

    /**
     * As {@link #attach(MapWindow, HubClient)} for a joined map: "your changes are kept" is said offline only when
     * {@code joined}'s library has made them durable.
     */
    public static HubLink attach(MapWindow window, Joined joined) {
        return attach(window, joined.client(), joined.kept());
    }

    private static HubLink attach(MapWindow window, HubClient client, KeptMap kept) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(client, "client");
        if (client.core().session() != window.viewModel().session()) {
            throw new IllegalArgumentException("the hub client's session is not the window's");
        }
        HubLink link = new HubLink(window, client, kept);
        window.addStatusItem(link.state);
        window.addStatusItem(link.hostHere);
        LINKED.put(window, link);
        client.onState(s -> Platform.runLater(link::refresh));
        client.peers().addListener(link::refresh); // someone came or left: the count changes
        client.core().session().addListener(link.heard);
        window.stage().addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> link.close());
        // the others' cursors, selections and labels being edited on an overlay; mine go out as I move
        link.presence = PresenceLink.connect(window, client);
        link.ticker.play();
        link.refresh();
        return link;
    }

    /** A joined map as a window opens it: the client's session, kept by the hub (and the library, when it keeps it). */
    public static org.mapwork.editor.start.OpenedMap openedMap(Joined joined) {
        MapSession session = joined.client().core().session();
        return new org.mapwork.editor.start.OpenedMap(session,
                org.mapwork.templates.Methods.byId(session.document().methodId()).orElse(null), null, new HubKeeping(joined));
    }

    /** A change in the session: shown, and shown again once the library has kept it. */
    private void heard() {
        Platform.runLater(this::refresh);
        if (kept != null) {
            kept.whenKept().whenComplete((v, x) -> Platform.runLater(this::refresh));
        }
    }

    /** The window's link to its hub while it lasts, or null (a map not shared, or no longer). */
    public static HubLink of(MapWindow window) {
        HubLink l = LINKED.get(window);
        return l == null || l.closed ? null : l;
    }

    /** Whether the device's library keeps this map (this laptop may then host it from its copy). */
    public boolean keptOnDevice() {
        return kept != null;
    }

    /**
     * What "Host it here" beside the offline status does (null: no such button); it shows while this kept map's hub
     * is unreachable and nobody hosts it in this window.
     */
    public void setHostHere(Runnable action) {
        this.hostHereAction = action;
        refresh();
    }

    /** Counts the people in for the status bar (the host, from its hub; without it, the roster the hub sends). */
    public void setPeopleIn(IntSupplier count) { // null: counted from the roster again
        this.peopleIn = count;
        refresh();
    }

    public HubClient client() {
        return client;
    }

    public MapWindow window() {
        return window;
    }

    /** The status bar's text about the hub, as it is now. */
    public String stateText() {
        return state.getText();
    }

    /** Shows the client's state and passes on the hub's notices. On the JavaFX thread. */
    void refresh() {
        if (closed) {
            return;
        }
        List<String> notices = client.core().takeNotices();
        for (String n : notices) {
            window.viewModel().setStatus(Ui.text("collab.notice", n));
        }
        int waiting = client.core().pending();
        String text = switch (client.state()) {
            case ONLINE -> {
                // the host counts from its hub; everyone else from the roster (the others, and me)
                int people = peopleIn != null ? peopleIn.getAsInt() : client.peers().size() + 1;
                yield people > 0 ? Ui.text("collab.state.online-people", people) : Ui.text("collab.state.online");
            }
            case CONNECTING -> Ui.text("collab.state.connecting");
            // "your changes are kept" only when this device's library has made them durable
            case OFFLINE -> kept != null && kept.isKept() ? Ui.text("collab.state.offline", waiting)
                    : Ui.text("collab.state.offline-unkept", waiting);
            case REFUSED -> Ui.text("collab.state.refused", client.problem() == null ? "" : client.problem());
            case CLOSED -> Ui.text("collab.state.closed");
        };
        state.setText(text);
        boolean offerHosting = hostHereAction != null && kept != null && peopleIn == null
                && (client.state() == HubClient.State.OFFLINE || client.state() == HubClient.State.CONNECTING);
        hostHere.setVisible(offerHosting);
        hostHere.setManaged(offerHosting);
        state.setStyle(switch (client.state()) {
            case ONLINE -> "-fx-text-fill: #1d6b2f;";
            case OFFLINE, CONNECTING -> "-fx-text-fill: #8a5a00; -fx-font-weight: bold;";
            case REFUSED -> "-fx-text-fill: #a11;  -fx-font-weight: bold;";
            case CLOSED -> "-fx-text-fill: #555;";
        });
    }

    /** Stops editing through the hub: the connection closes (the window stays, with the map as it is). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        refresh();
        closed = true;
        hostHere.setVisible(false);
        hostHere.setManaged(false);
        ticker.stop();
        client.core().session().removeListener(heard);
        if (presence != null) {
            try {
                presence.close();
            } catch (Exception e) {
                // presence is never stored: nothing is lost
            }
        }
        client.close();
        state.setText(Ui.text("collab.state.closed"));
        state.setStyle("-fx-text-fill: #555;");
    }
}
