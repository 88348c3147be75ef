package org.mapwork.editor.collab;

import java.util.Objects;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;

import org.mapwork.collab.Peers;
import org.mapwork.collab.PresenceState;
import org.mapwork.collab.net.HubClient;
import org.mapwork.editor.canvas.Camera;
import org.mapwork.editor.map.LabelEdit;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.MapCanvasView;
import org.mapwork.editor.view.MapWindow;

/**
 * Presence for a map window that edits through a hub: sends my pointer (in map units, through the camera), my
 * selection and the label I am editing, and shows the others' on a {@link PeerOverlay} above the map and in a
 * {@link PeopleList} in the status bar. Call on the JavaFX thread; {@link #close()} takes it all away again. The
 * client's session thread must be the JavaFX thread (as the editor's map session's is): its {@code Peers} are read
 * there.
 */
public final class PresenceLink implements AutoCloseable {

    private final MapWindow window;
    private final Peers peers;
    private final Consumer<PresenceState> send;
    private final PeerOverlay overlay;
    private final PeopleList people;
    private final Runnable onFrame;
    private final Runnable onPeers;
    private final Consumer<MapViewModel.Aspect> onAspect;
    private final Node pointerArea;
    private final EventHandler<MouseEvent> onMove;
    private final EventHandler<MouseEvent> onExit;
    private Pane peopleHost;
    private PresenceState mine = PresenceState.NONE;
    private boolean closed;

    /** Presence of {@code window} through {@code client} (its peers, its coalesced sending). */
    public static PresenceLink connect(MapWindow window, HubClient client) {
        return connect(window, client.peers(), client::setPresence);
    }

    /** Presence of {@code window} with the others from {@code peers}, my state given to {@code send}. */
    public static PresenceLink connect(MapWindow window, Peers peers, Consumer<PresenceState> send) {
        return new PresenceLink(window, peers, send);
    }

    private PresenceLink(MapWindow window, Peers peers, Consumer<PresenceState> send) {
        this.window = Objects.requireNonNull(window, "window");
        this.peers = Objects.requireNonNull(peers, "peers");
        this.send = Objects.requireNonNull(send, "send");
        MapCanvasView view = window.canvas();
        this.overlay = new PeerOverlay(view, peers);
        this.people = new PeopleList(peers);
        this.onFrame = overlay::refresh;
        this.onPeers = () -> {
            if (Platform.isFxApplicationThread()) {
                peersChanged();
            } else {
                Platform.runLater(this::peersChanged);
            }
        };
        view.addOverlay(overlay, onFrame);
        peers.addListener(onPeers);

        // the canvas and the label editor over it share their parent: the pointer is on the map over either
        Node canvas = view.canvas();
        this.pointerArea = canvas.getParent() != null ? canvas.getParent() : canvas;
        this.onMove = e -> {
            Camera cam = window.viewModel().camera();
            update(PresenceState.of(cam.toMapX(e.getX()), cam.toMapY(e.getY()), mine.selection(), mine.editing()));
        };
        this.onExit = e -> update(mine.withCursor(null));
        pointerArea.addEventHandler(MouseEvent.MOUSE_MOVED, onMove);
        pointerArea.addEventHandler(MouseEvent.MOUSE_DRAGGED, onMove);
        pointerArea.addEventHandler(MouseEvent.MOUSE_EXITED, onExit);
        this.onAspect = aspect -> {
            if (aspect == MapViewModel.Aspect.SELECTION || aspect == MapViewModel.Aspect.LABEL_EDIT
                    || aspect == MapViewModel.Aspect.DOCUMENT) {
                update(mine.withSelection(window.viewModel().selection().inOrder()).withEditing(editing()));
            }
        };
        window.viewModel().addListener(onAspect);

        if (window.root().getBottom() instanceof HBox bar) {
            // in the status bar, before the tool and the zoom on its right
            peopleHost = bar;
            bar.getChildren().add(Math.min(2, bar.getChildren().size()), people);
        }
        update(mine.withSelection(window.viewModel().selection().inOrder()).withEditing(editing()));
        peersChanged();
    }

    private String editing() {
        LabelEdit edit = window.viewModel().labels().current();
        return edit == null || edit.isNewNode() ? null : edit.elementId();
    }

    private void update(PresenceState state) {
        if (!closed && !state.equals(mine)) {
            mine = state;
            send.accept(state);
        }
    }

    private void peersChanged() {
        if (closed) {
            return;
        }
        people.refresh();
        overlay.refresh();
    }

    /** What this window sends now. */
    public PresenceState mine() {
        return mine;
    }

    public PeerOverlay overlay() {
        return overlay;
    }

    public PeopleList people() {
        return people;
    }

    /** Takes the overlay and the list away and tells the others I am not pointing at anything any more. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        send.accept(PresenceState.NONE);
        closed = true;
        peers.removeListener(onPeers);
        window.viewModel().removeListener(onAspect);
        pointerArea.removeEventHandler(MouseEvent.MOUSE_MOVED, onMove);
        pointerArea.removeEventHandler(MouseEvent.MOUSE_DRAGGED, onMove);
        pointerArea.removeEventHandler(MouseEvent.MOUSE_EXITED, onExit);
        window.canvas().removeOverlay(overlay, onFrame);
        if (peopleHost != null) {
            peopleHost.getChildren().remove(people);
        }
    }
}
