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
    /** The kept map's link when this laptop is to host it from its copy (its hub gone), else null. */
    private HubLink takingOver;
    /** Opens Join… for the map's hub heard on the network (instead of a second hub of the map), or null. */
    private java.util.function.Consumer<org.mapwork.collab.net.LanDiscovery.Nearby> joinInstead;
    /** The addresses ("HOST:PORT") on the chosen address whose announcements are not another hub of the map. */
    private java.util.function.Function<java.net.InetAddress, java.util.Set<String>> notElsewhere = a -> java.util.Set.of();
    private HostedElsewhere watch;

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
        stage.setOnHidden(e -> {
            ticker.stop();
            stopWatching();
        });
        stage.setScene(new Scene(content));
    }

    /**
     * Offers to host the window's kept shared map here, its hub being gone ({@link Sharing#takeOver}), instead of
     * sharing a map of this library.
     */
    public ShareDialog takingOver(HubLink link) {
        this.takingOver = link;
        heading.setText(Ui.text("collab.host-here.heading"));
        return this;
    }

    /**
     * What to do when the map's hub is heard elsewhere on the network: {@code join} opens Join… for it, and
     * {@code notElsewhere} names the announcements on a chosen address that are not another hub (this laptop's last
     * share, the hub that is gone).
     */
    public ShareDialog whenHostedElsewhere(java.util.function.Consumer<org.mapwork.collab.net.LanDiscovery.Nearby> join,
                                           java.util.function.Function<java.net.InetAddress, java.util.Set<String>> notElsewhere) {
        this.joinInstead = join;
        this.notElsewhere = java.util.Objects.requireNonNull(notElsewhere, "notElsewhere");
        return this;
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
        Label explain = new Label(Ui.text(takingOver != null ? "collab.host-here.explain" : "collab.share.explain"));
        explain.setWrapText(true);
        explain.setMaxWidth(460);
        Button go = new Button(Ui.text(takingOver != null ? "collab.host-here.start" : "collab.share.start"));
        go.setId("share-start");
        go.setDefaultButton(true);
        TextField who = new TextField(takingOver != null ? takingOver.client().core().hello().name() : name);
        who.setId("share-name");
        who.setPromptText(Ui.text("collab.join.name-prompt"));
        Button join = new Button(Ui.text("collab.share.join-instead"));
        join.setId("share-join-instead");
        join.setVisible(false);
        join.setManaged(false);
        Runnable watchHere = () -> watch(where.getValue().address(), go, join);
        where.valueProperty().addListener((o, was, now) -> watchHere.run());
        watchHere.run();
        if (takingOver != null && takingOver.client().state() == org.mapwork.collab.net.HubClient.State.ONLINE) {
            // its hub answers: nothing to take over
            java.net.URI at = takingOver.client().address();
            problem.setText(Ui.text("collab.host-here.online", at.getHost() + ":" + at.getPort()));
            go.setDisable(true);
        }
        go.setOnAction(e -> {
            if (who.getText() == null || who.getText().isBlank()) {
                problem.setText(Ui.text("collab.join.no-name"));
                who.requestFocus();
                return;
            }
            if (watch != null && watch.found() == null && watch.stillToListen() > 0) {
                // a hub of this map elsewhere answers within seconds: listen that long before starting another
                problem.setText(Ui.text("collab.share.looking"));
                go.setDisable(true);
                javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(Duration.millis(watch.stillToListen()));
                wait.setOnFinished(x -> {
                    if (watch != null && watch.found() == null) {
                        go.setDisable(false);
                        problem.setText("");
                        go.fire();
                    }
                });
                wait.play();
                return;
            }
            if (watch != null && watch.found() != null) {
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
        Label nameLabel = new Label(Ui.text("collab.join.name"));
        if (takingOver != null) {
            // the person's name on this map is the one they joined it with
            who.setVisible(false);
            who.setManaged(false);
            nameLabel.setVisible(false);
            nameLabel.setManaged(false);
        }
        content.getChildren().setAll(heading, explain, new HBox(8, new Label(Ui.text("collab.share.listen-on")), where),
                nameLabel, who, problem, buttons(cancel, join, go));
    }

    /** Listens on {@code on} for a hub of this map elsewhere; when one is heard, says so and offers to join it. */
    private void watch(java.net.InetAddress on, Button go, Button join) {
        stopWatching();
        String mapId = window.viewModel().session().document().id();
        java.util.Set<String> not = new java.util.HashSet<>(notElsewhere.apply(on));
        if (takingOver != null) {
            java.net.URI gone = takingOver.client().address();
            not.add(gone.getHost() + ":" + gone.getPort());
        }
        watch = new HostedElsewhere(mapId, on, not, n -> {
            problem.setText(Ui.text("collab.share.hosted-elsewhere", n.host() + ":" + n.port()));
            go.setDisable(true);
            if (joinInstead != null) {
                join.setVisible(true);
                join.setManaged(true);
                join.setOnAction(e -> {
                    stage.hide();
                    joinInstead.accept(n);
                });
                join.setDefaultButton(true);
            }
            stage.sizeToScene();
        });
    }

    private void stopWatching() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    private void showShared(Sharing s) {
        stopWatching();
        this.sharing = s;
        heading.setText(Ui.text("collab.share.heading"));
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
        if (s.host().tookOver()) {
            // the address is the map's own (everyone's kept address uses its token): there is no new one to make
            forget.setVisible(false);
            forget.setManaged(false);
            // hosted from this laptop's copy: the address is the map's own, and the others come back by themselves
            Label note = new Label(Ui.text("collab.host-here.hosted-note"));
            note.setId("share-took-over");
            note.setWrapText(true);
            note.setMaxWidth(460);
            note.setMinHeight(Region.USE_PREF_SIZE);
            note.setStyle("-fx-text-fill: #1d6b2f;");
            content.getChildren().add(1, note);
        }
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
                stage.sizeToScene(); // a line per person: the dialog grows rather than squeezing its texts
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
