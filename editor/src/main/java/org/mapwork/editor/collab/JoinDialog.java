package org.mapwork.editor.collab;

import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.mapwork.collab.net.HubAddresses;
import org.mapwork.collab.net.JoinAddress;
import org.mapwork.collab.net.JoinLookup;
import org.mapwork.collab.net.LanDiscovery;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.start.EditorSettings;

/**
 * Join… on the start screen: the person pastes a join address (or what their phone scanned from the host's QR code),
 * or types the map's short code (alone, or after the hub's address), and gives their name once (kept, and changeable
 * here); a wrong address or code says what is wrong with it, and a hub that refuses or cannot be reached says so,
 * without closing the dialog. The list above shows the shared maps announced on this network ({@link LanDiscovery});
 * choosing one puts its hub's address in the field, for the code to follow.
 */
public final class JoinDialog {

    private final EditorSettings settings;
    private final Joiner joiner;
    private final Consumer<Joined> joined;
    private final Stage stage = new Stage();
    private final TextField address = new TextField();
    private final TextField name = new TextField();
    private final ListView<LanDiscovery.Nearby> found = new ListView<>();
    private final JoinLookup lookup = new JoinLookup(java.time.Duration.ofSeconds(5));
    private LanDiscovery.Handle browsing;
    private final Label problem = new Label();
    private final Label progress = new Label();
    private final Button join = new Button(Ui.text("collab.join.join"));

    /** @param joined gets the map joined (its started client, and how it is kept), on the JavaFX thread */
    public JoinDialog(Window owner, EditorSettings settings, Joiner joiner, Consumer<Joined> joined) {
        this.settings = settings;
        this.joiner = joiner;
        this.joined = joined;
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Ui.text("collab.join.title"));
        Label heading = new Label(Ui.text("collab.join.heading"));
        heading.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        found.setId("hubs-found");
        found.setPrefHeight(110);
        found.setPlaceholder(new Label(Ui.text("collab.join.none-found")));
        found.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(LanDiscovery.Nearby n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : Ui.text("collab.join.nearby", n.title(), n.host() + ":" + n.port()));
            }
        });
        found.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                // the announcement never carries the token: the person types the code the host's screen shows
                address.setText(now.host() + ":" + now.port() + " ");
                address.requestFocus();
                address.positionCaret(address.getText().length());
                progress.setText(Ui.text("collab.join.type-code"));
            }
        });
        address.setId("join-address-field");
        address.setPromptText(Ui.text("collab.join.address-or-code-prompt"));
        address.setPrefColumnCount(44);
        name.setId("join-name");
        name.setText(settings.personName());
        name.setPromptText(Ui.text("collab.join.name-prompt"));
        problem.setId("join-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(520);
        problem.setPrefWidth(520);
        problem.setMinHeight(Region.USE_PREF_SIZE); // the whole reason shows, wrapped
        progress.setWrapText(true);
        problem.setStyle("-fx-text-fill: #a11;");
        progress.setId("join-progress");
        join.setId("join-button");
        join.setDefaultButton(true);
        join.setOnAction(e -> join());
        Button cancel = new Button(Ui.text("collab.join.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.hide());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        VBox content = new VBox(8, heading, new Label(Ui.text("collab.join.found")), found,
                new Label(Ui.text("collab.join.address")), address,
                new Label(Ui.text("collab.join.name")), name, problem, new HBox(8, progress, grow, cancel, join));
        content.setPadding(new Insets(16));
        content.setId("join-dialog");
        stage.setScene(new Scene(content));
    }

    public void show() {
        stage.show();
        address.requestFocus();
        discover();
        stage.setOnHidden(e -> stopDiscovering());
    }

    /**
     * Listens for hubs announced on this network (multicast DNS, on this machine's LAN address) from a thread of its
     * own, since jmdns takes a moment to start; a network that drops multicast just leaves the list empty.
     */
    private void discover() {
        if (browsing != null) {
            return;
        }
        java.net.InetAddress on = HubAddresses.all().get(0).address();
        Thread t = new Thread(() -> {
            try {
                LanDiscovery.Handle b = LanDiscovery.browse(on, list -> Platform.runLater(() -> found.getItems().setAll(list)));
                Platform.runLater(() -> {
                    if (stage.isShowing()) {
                        browsing = b;
                    } else {
                        b.close();
                    }
                });
            } catch (java.io.IOException | RuntimeException e) {
                Platform.runLater(() -> found.setPlaceholder(new Label(Ui.text("collab.join.no-discovery"))));
            }
        }, "join-discovery");
        t.setDaemon(true);
        t.start();
    }

    private void stopDiscovering() {
        if (browsing != null) {
            LanDiscovery.Handle b = browsing;
            browsing = null;
            Thread t = new Thread(b::close, "join-discovery-stop");
            t.setDaemon(true);
            t.start();
        }
    }


    public Stage stage() {
        return stage;
    }

    /** The hubs found on this network (discovery fills it; on the JavaFX thread). */
    public ObservableList<LanDiscovery.Nearby> hubsFound() {
        return found.getItems();
    }

    /** Puts an address in the field (what was passed on the command line, or scanned). */
    public void setAddress(String text) {
        address.setText(text);
    }

    /** Joins as if Join were pressed (the command line's {@code mapwork join URL --name NAME}). */
    public void joinNow() {
        join();
    }

    /** Checks the address and the name, then joins; the dialog stays open with the reason when that fails. */
    void join() {
        problem.setText("");
        String who = name.getText() == null ? "" : name.getText().strip();
        if (who.isEmpty()) {
            problem.setText(Ui.text("collab.join.no-name"));
            name.requestFocus();
            return;
        }
        String typed = address.getText() == null ? "" : address.getText().strip();
        settings.setPersonName(who);
        join.setDisable(true);
        if (typed.contains("#") || typed.regionMatches(true, 0, "ws://", 0, 5) || typed.regionMatches(true, 0, "wss://", 0, 6)) {
            JoinAddress target;
            try {
                target = JoinAddress.parse(typed);
            } catch (IllegalArgumentException e) {
                join.setDisable(false);
                problem.setText(Ui.text("collab.join.malformed", e.getMessage()));
                address.requestFocus();
                return;
            }
            joinAt(target, who);
            return;
        }
        // a code, or a hub's address and a code: asked of the hub (an HTTP request, off the JavaFX thread)
        java.util.List<LanDiscovery.Nearby> nearby = java.util.List.copyOf(found.getItems());
        progress.setText(Ui.text("collab.join.looking-up"));
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return lookup.resolve(typed, nearby);
            } catch (JoinLookup.Failure f) {
                throw new CompletionException(f);
            }
        }).whenComplete((found, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                join.setDisable(false);
                progress.setText("");
                problem.setText(lookupReason(failure));
                address.requestFocus();
                return;
            }
            joinAt(found.address(), who);
        }));
    }

    private void joinAt(JoinAddress target, String who) {
        progress.setText(Ui.text("collab.join.joining", target.map().getHost() + ":" + target.map().getPort()));
        joiner.joinMap(target, settings.actor(), who, Platform::runLater).whenComplete((map, failure) -> Platform.runLater(() -> {
            join.setDisable(false);
            progress.setText("");
            if (failure != null) {
                problem.setText(Ui.text("collab.join.failed", reason(failure)));
                stage.sizeToScene();
                return;
            }
            stage.hide();
            joined.accept(map);
        }));
    }

    /** Why what was typed did not lead to a map, in the editor's language. */
    static String lookupReason(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (!(c instanceof JoinLookup.Failure f)) {
            return Ui.text("collab.join.failed", String.valueOf(c.getMessage()));
        }
        String why = switch (f.reason()) {
            case NOT_AN_ADDRESS -> Ui.text("collab.join.lookup.not-an-address");
            case NO_HUB_NEARBY -> Ui.text("collab.join.lookup.no-hub-nearby");
            case NO_SUCH_CODE -> Ui.text("collab.join.lookup.no-such-code");
            case TOO_MANY_TRIES -> Ui.text("collab.join.lookup.too-many-tries");
            case UNREACHABLE -> Ui.text("collab.join.lookup.unreachable");
        };
        return why + " (" + f.getMessage() + ")";
    }

    /** What went wrong, in the editor's language when the join says which kind of problem it was. */
    public static String reason(Throwable t) {
        Throwable c = t;
        for (int i = 0; i < 8 && (c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException)
                && c.getCause() != null; i++) {
            c = c.getCause();
        }
        String detail = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        if (c instanceof org.mapwork.collab.net.JoinException j) {
            String why = switch (j.reason()) {
                case WRONG_TOKEN -> Ui.text("collab.join.reason.wrong-token");
                case NO_HUB -> Ui.text("collab.join.reason.no-hub");
                case NO_SUCH_MAP -> Ui.text("collab.join.reason.no-such-map");
                case UNKNOWN_METHOD -> Ui.text("collab.join.reason.unknown-method");
                case BAD_ANSWER -> Ui.text("collab.join.reason.bad-answer");
                case REFUSED -> Ui.text("collab.join.reason.refused");
            };
            return why + " (" + detail + ")";
        }
        return detail;
    }
}
