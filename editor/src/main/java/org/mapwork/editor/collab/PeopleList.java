package org.mapwork.editor.collab;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

import org.mapwork.collab.Peers;
import org.mapwork.editor.i18n.Ui;

/** Who else is in the shared map, for the status bar: "With you: ● Ana ● Ben", each dot in the person's colour. */
public final class PeopleList extends HBox {

    private final Peers peers;

    public PeopleList(Peers peers) {
        super(6);
        this.peers = peers;
        setId("people-in");
        setAlignment(Pos.CENTER_LEFT);
        refresh();
    }

    public void refresh() {
        getChildren().clear();
        if (peers.size() == 0) {
            getChildren().add(new Label(Ui.text("peers.nobody")));
            return;
        }
        getChildren().add(new Label(Ui.text("peers.in")));
        for (Peers.Peer p : peers.list()) {
            Circle dot = new Circle(5, Color.web(p.colour()));
            Label name = new Label(p.name(), dot);
            name.setId("person-" + PeerOverlay.tag(p.actor()));
            name.setGraphicTextGap(4);
            getChildren().add(name);
        }
    }
}
