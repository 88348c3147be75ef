package org.mapwork.editor.collab;

import java.util.List;
import java.util.function.BiFunction;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.Duration;
import javafx.util.StringConverter;

import org.mapwork.collab.net.HubAddresses;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.view.MapWindow;

/**
 * File → Share on this network…: first the address to listen on (the LAN address unless the person picks another of
 * this machine's; never all of them), then, while the map is shared, its join address (to copy), a QR code of it for
 * a phone across the table, a place for the short join code, how many people are in (live), and Stop sharing.
 * Closing the dialog keeps sharing; the menu entry opens it again. Stop sharing, or closing the map's window, closes
 * the hub.
 */
public final class ShareDialog {

    private final MapWindow window;
    private final BiFunction<HubAddresses.Address, String, Sharing> start;
    private final String name;
    private final Stage stage = new Stage();
    private final VBox content = new VBox(10);
    private final Label heading = new Label(Ui.text("collab.share.heading"));
    private final Label problem = new Label();
    private final Label people = new Label();
    /** The others in, each with Remove (for someone who should not be there). */
    private final VBox whoIsIn = new VBox(4);
    private List<org.mapwork.collab.Message.Person> shownPeople = List.of();
    private final Label code = new Label();
    private final HBox codeLine;
    private final Timeline ticker;
    private Sharing sharing;

    /**
     * @param name  the person's name as kept (empty when never given: the dialog asks for it)
     * @param start shares the window's map on the address chosen, under the name given (throws
     *              {@link IllegalStateException} with the reason)
     */
    public ShareDialog(MapWindow window, String name, BiFunction<HubAddresses.Address, String, Sharing> start) {
        this.window = window;
        this.name = name == null ? "" : name;
        this.start = start;
        stage.initOwner(window.stage());
        stage.initModality(Modality.NONE);
        stage.setTitle(Ui.text("collab.share.title"));
        heading.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        problem.setId("share-problem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #a11;");
        problem.setMaxWidth(460);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        people.setId("share-people");
        people.setStyle("-fx-font-size: 14px;");
        code.setId("join-code");
        code.setStyle("-fx-font-size: 22px; -fx-font-family: monospace; -fx-font-weight: bold;");
        // the short join code (the lead's collab/net) goes on this line; hidden until there is one
        codeLine = new HBox(8, new Label(Ui.text("collab.share.code")), code);
        codeLine.setId("join-code-line");
        codeLine.setAlignment(Pos.BASELINE_LEFT);
        setJoinCode(null);
        content.setPadding(new Insets(16));
        content.setId("share-dialog");
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> showPeople()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        stage.setOnHidden(e -> ticker.stop());
        stage.setScene(new Scene(content));
    }

    /** Shows the dialog: the running share, or the choice of address to start one. */
    public void show() {
        Sharing running = Sharing.of(window);
        if (running != null) {
            showShared(running);
        } else {
            showChoice();
        }
        stage.sizeToScene();
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    /** The short join code on its line ({@code null}: none, the line is hidden). */
    public void setJoinCode(String joinCode) {
        boolean has = joinCode != null && !joinCode.isBlank();
        code.setText(has ? joinCode : "");
        codeLine.setVisible(has);
        codeLine.setManaged(has);
    }

    private void showChoice() {
        List<HubAddresses.Address> addresses = HubAddresses.all();
        ChoiceBox<HubAddresses.Address> where = new ChoiceBox<>();
        where.setId("share-address");
        where.getItems().setAll(addresses);
        where.setValue(addresses.get(0));
        where.setConverter(new StringConverter<>() {
            @Override
            public String toString(HubAddresses.Address a) {
                if (a == null) {
                    return "";
                }
                String kind = a.lan() ? Ui.text("collab.share.address.lan")
                        : a.address().isLoopbackAddress() ? Ui.text("collab.share.address.loopback")
                        : Ui.text("collab.share.address.other");
                return a.address().getHostAddress() + "  (" + a.interfaceName() + ", " + kind + ")";
            }

            @Override
            public HubAddresses.Address fromString(String s) {
                return null;
            }
        });
        Label explain = new Label(Ui.text("collab.share.explain"));
        explain.setWrapText(true);
        explain.setMaxWidth(460);
        Button go = new Button(Ui.text("collab.share.start"));
        go.setId("share-start");
        go.setDefaultButton(true);
        TextField who = new TextField(name);
        who.setId("share-name");
        who.setPromptText(Ui.text("collab.join.name-prompt"));
        go.setOnAction(e -> {
            if (who.getText() == null || who.getText().isBlank()) {
                problem.setText(Ui.text("collab.join.no-name"));
                who.requestFocus();
                return;
            }
            try {
                showShared(start.apply(where.getValue(), who.getText().strip()));
                stage.sizeToScene();
            } catch (IllegalStateException | IllegalArgumentException ex) {
                problem.setText(ex.getMessage());
            }
        });
        Button cancel = new Button(Ui.text("collab.share.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.hide());
        content.getChildren().setAll(heading, explain, new HBox(8, new Label(Ui.text("collab.share.listen-on")), where),
                new Label(Ui.text("collab.join.name")), who, problem, buttons(cancel, go));
    }

    private void showShared(Sharing s) {
        this.sharing = s;
        String address = s.host().joinAddress().toBrowserUri().toString(); // one QR code for browsers and desktops
        TextField join = new TextField(address);
        join.setId("join-address");
        join.setEditable(false);
        join.setPrefColumnCount(44);
        HBox.setHgrow(join, Priority.ALWAYS);
        Button copy = new Button(Ui.text("collab.share.copy"));
        copy.setId("share-copy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(address);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            window.viewModel().setStatus(Ui.text("collab.share.copied"));
        });
        ImageView qr = new ImageView(QrCode.image(address, QrCode.MODULE_PIXELS));
        qr.setId("share-qr");
        qr.setSmooth(false);
        HBox qrBox = new HBox(qr);
        qrBox.setAlignment(Pos.CENTER);
        Label scan = new Label(Ui.text("collab.share.scan"));
        scan.setWrapText(true);
        scan.setMaxWidth(460);
        Button stop = new Button(Ui.text("collab.share.stop"));
        stop.setId("share-stop");
        stop.setOnAction(e -> {
            s.stop();
            stage.hide();
        });
        Button forget = new Button(Ui.text("collab.share.stop-forget"));
        forget.setId("share-stop-forget");
        forget.setOnAction(e -> {
            s.stopAndForget();
            stage.hide();
        });
        Button close = new Button(Ui.text("collab.share.close"));
        close.setId("share-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.hide());
        setJoinCode(Ui.text("collab.share.code-at", s.host().joinCode(), s.host().hubAddress()));
        content.getChildren().setAll(heading, new Label(Ui.text("collab.share.join-with")), new HBox(8, join, copy),
                codeLine, qrBox, scan, people, whoIsIn, buttons(forget, stop, close));
        showPeople();
        ticker.play();
    }

    private void showPeople() {
        if (sharing == null) {
            return;
        }
        if (sharing.stopped()) {
            people.setText(Ui.text("collab.share.not-shared"));
            ticker.stop();
            return;
        }
        people.setText(Ui.text("collab.share.people", sharing.host().peopleIn()));
        String me = sharing.link().client().core().session().actor();
        sharing.host().people().thenAccept(all -> javafx.application.Platform.runLater(() -> {
            List<org.mapwork.collab.Message.Person> others = all.stream().filter(p -> !p.actor().equals(me)).toList();
            if (!others.equals(shownPeople)) {
                shownPeople = others;
                whoIsIn.getChildren().setAll(others.stream().map(this::personLine).toList());
            }
        }));
    }

    private HBox personLine(org.mapwork.collab.Message.Person p) {
        Button remove = new Button(Ui.text("collab.share.remove"));
        remove.setId("share-remove-" + p.actor());
        remove.setOnAction(e -> {
            sharing.host().remove(p.actor());
            window.viewModel().setStatus(Ui.text("collab.share.removed", p.name()));
        });
        Label name = new Label("● " + p.name());
        name.setStyle("-fx-text-fill: " + org.mapwork.collab.PresenceColours.of(p.actor()) + "; -fx-font-size: 14px;");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox line = new HBox(8, name, grow, remove);
        line.setId("share-person-" + p.actor());
        line.setAlignment(Pos.CENTER_LEFT);
        line.setMaxWidth(460);
        return line;
    }

    private static HBox buttons(Button... buttons) {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox row = new HBox(8);
        row.getChildren().add(grow);
        row.getChildren().addAll(buttons);
        return row;
    }
}
