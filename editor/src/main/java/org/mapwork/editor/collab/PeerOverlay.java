package org.mapwork.editor.collab;

import java.awt.geom.Rectangle2D;
import java.util.Objects;

import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.effect.DropShadow;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeType;

import org.mapwork.collab.Peers;
import org.mapwork.collab.PresenceState;
import org.mapwork.editor.canvas.Camera;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.view.MapCanvasView;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;

/**
 * The others' presence above the map (never drawn into its tiles): each peer's pointer with their name in a pill of
 * their colour, an outline in their colour around what they have selected, and "Ana is editing" over the label
 * they are editing. Rebuilt after a frame of the canvas only when the peers, the camera or the map changed, so it
 * follows pan and zoom.
 */
public final class PeerOverlay extends Pane {

    /** Screen pixels between an element's drawn bounds and a peer's outline around it. */
    public static final double OUTLINE_GAP = 4;

    private static final DropShadow SHADOW = new DropShadow(3, 0, 1, Color.color(0, 0, 0, 0.35));

    private final MapCanvasView view;
    private final Peers peers;
    private final Rectangle clip = new Rectangle();
    private Object shownFor;

    public PeerOverlay(MapCanvasView view, Peers peers) {
        this.view = Objects.requireNonNull(view, "view");
        this.peers = Objects.requireNonNull(peers, "peers");
        setId("peer-overlay");
        setManaged(false);
        setMouseTransparent(true);
        setPickOnBounds(false);
        setClip(clip);
    }

    /** What the overlay shows depends on: redrawn only when one of these changed. */
    private record Key(long peers, double x, double y, double scale, double w, double h, MapDocument doc) {
    }

    /** After a frame of the canvas, or when the peers changed: puts everything where the camera now shows it. */
    public void refresh() {
        Camera cam = view.viewModel().camera();
        double w = view.canvas().getWidth();
        double h = view.canvas().getHeight();
        Key key = new Key(peers.version(), cam.originX(), cam.originY(), cam.scale(), w, h, view.viewModel().displayed());
        if (key.equals(shownFor)) {
            return;
        }
        shownFor = key;
        resizeRelocate(0, 0, w, h);
        clip.setWidth(w);
        clip.setHeight(h);
        getChildren().clear();
        for (Peers.Peer p : peers.list()) {
            show(p, cam);
        }
    }

    private void show(Peers.Peer peer, Camera cam) {
        Color colour = Color.web(peer.colour());
        String tag = tag(peer.actor());
        PresenceState s = peer.state();
        for (String id : s.selection()) {
            Rectangle2D b = bounds(id);
            if (b != null) {
                Rectangle r = outline(b, cam, colour);
                r.setId("peer-selection-" + tag + "-" + tag(id));
                getChildren().addAll(halo(r), r);
            }
        }
        if (s.editing() != null) {
            Rectangle2D b = bounds(s.editing());
            if (b != null) {
                if (!s.selection().contains(s.editing())) {
                    Rectangle r = outline(b, cam, colour);
                    r.getStrokeDashArray().setAll(6.0, 4.0);
                    getChildren().addAll(halo(r), r);
                }
                Label marker = pill(Ui.text("peers.editing", peer.name()), peer);
                marker.setId("peer-editing-" + tag);
                marker.relocate(cam.toScreenX(b.getMinX()) - OUTLINE_GAP, cam.toScreenY(b.getMinY()) - OUTLINE_GAP - 22);
                getChildren().add(marker);
            }
        }
        if (s.cursor() != null) {
            Group pointer = pointer(peer, colour);
            pointer.setId("peer-cursor-" + tag);
            pointer.setLayoutX(cam.toScreenX(s.cursor().x()));
            pointer.setLayoutY(cam.toScreenY(s.cursor().y()));
            getChildren().add(pointer);
        }
    }

    /** An element's box (map units): a node's or annotation's own, a link's as drawn; {@code null} when not on the map. */
    private Rectangle2D bounds(String id) {
        Element e = view.viewModel().displayed().element(id);
        if (e == null) {
            return null;
        }
        if (e.isLink()) {
            return view.drawnBounds(id);
        }
        Geometry g = e.geometry();
        return new Rectangle2D.Double(g.x(), g.y(), g.width(), g.height());
    }

    private static Rectangle outline(Rectangle2D b, Camera cam, Color colour) {
        Rectangle r = new Rectangle(cam.toScreenX(b.getMinX()) - OUTLINE_GAP, cam.toScreenY(b.getMinY()) - OUTLINE_GAP,
                b.getWidth() * cam.scale() + 2 * OUTLINE_GAP, b.getHeight() * cam.scale() + 2 * OUTLINE_GAP);
        r.setFill(Color.TRANSPARENT);
        r.setStroke(colour);
        r.setStrokeWidth(2.5);
        r.setStrokeType(StrokeType.CENTERED);
        r.setArcWidth(8);
        r.setArcHeight(8);
        return r;
    }

    /** A white edge under an outline, so that it stands out from map content of the same colour. */
    private static Rectangle halo(Rectangle r) {
        Rectangle h = new Rectangle(r.getX(), r.getY(), r.getWidth(), r.getHeight());
        h.setFill(Color.TRANSPARENT);
        h.setStroke(Color.color(1, 1, 1, 0.85));
        h.setStrokeWidth(r.getStrokeWidth() + 3);
        h.setArcWidth(r.getArcWidth());
        h.setArcHeight(r.getArcHeight());
        return h;
    }

    /** An arrow whose tip is at (0, 0), in the peer's colour with a white edge, and their name in a pill beside it. */
    private static Group pointer(Peers.Peer peer, Color colour) {
        Polygon arrow = new Polygon(0, 0, 0, 20, 5.2, 15.3, 8.8, 23.5, 12.4, 21.8, 8.8, 14.1, 15.3, 14.1);
        arrow.setFill(colour);
        arrow.setStroke(Color.WHITE);
        arrow.setStrokeWidth(1.5);
        arrow.setEffect(SHADOW);
        Label name = pill(peer.name(), peer);
        name.setId("peer-name-" + tag(peer.actor()));
        name.relocate(14, 20);
        return new Group(arrow, name);
    }

    private static Label pill(String text, Peers.Peer peer) {
        Label l = new Label(text);
        l.setStyle("-fx-background-color: " + peer.colour() + "; -fx-background-radius: 9; -fx-text-fill: " + peer.ink()
                + "; -fx-padding: 1 7 2 7; -fx-font-size: 11px; -fx-font-weight: bold;");
        l.setMouseTransparent(true);
        l.setEffect(SHADOW);
        return l;
    }

    /** A node id part for an actor or element id (ids may hold {@code :} and {@code .}, which CSS selectors do not). */
    static String tag(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
