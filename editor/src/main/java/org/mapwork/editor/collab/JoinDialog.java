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

import org.mapwork.collab.net.JoinAddress;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.start.EditorSettings;

/**
 * Join… on the start screen: the person pastes a join address (or what their phone scanned from the host's QR code)
 * and gives their name once (kept, and changeable here); a wrong address says what is wrong with it, and a hub that
 * refuses or cannot be reached says so, without closing the dialog. The list above is for the hubs found on this
 * network (filled by discovery: {@link #hubsFound()}); choosing one puts its address in the field.
 */
public final class JoinDialog {

    private final EditorSettings settings;
    private final Joiner joiner;
    private final Consumer<Joined> joined;
    private final Stage stage = new Stage();
    private final TextField address = new TextField();
    private final TextField name = new TextField();
    private final ListView<String> found = new ListView<>();
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
        found.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                address.setText(now);
            }
        });
        address.setId("join-address-field");
        address.setPromptText(Ui.text("collab.join.address-prompt"));
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
    }

    public Stage stage() {
        return stage;
    }

    /** The join addresses of hubs found on this network, for discovery to fill (on the JavaFX thread). */
    public ObservableList<String> hubsFound() {
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
        JoinAddress target;
        try {
            target = JoinAddress.parse(address.getText() == null ? "" : address.getText());
        } catch (IllegalArgumentException e) {
            problem.setText(Ui.text("collab.join.malformed", e.getMessage()));
            address.requestFocus();
            return;
        }
        settings.setPersonName(who);
        join.setDisable(true);
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
