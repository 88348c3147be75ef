package org.mapwork.editor.view;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Window;

import org.mapwork.editor.i18n.Ui;

/** Small message dialogs, in the editor's language (the caller gives the texts; the button is its own). */
public final class Dialogs {

    private Dialogs() {
    }

    /** An error with the full message (e.g. a reader's "file, JSON path: problem"), wrapped so all of it shows. */
    public static void error(Window owner, String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle(title);
        a.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setId("error-message");
        // a wrapped label still asks for its one-line width: give it the width to wrap at, and the height that takes
        text.setPrefWidth(560);
        text.setMaxWidth(560);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        a.getDialogPane().setContent(text);
        // its button speaks the editor's language (JavaFX's own "OK" follows the system's)
        a.getButtonTypes().setAll(new ButtonType(Ui.text("view.dialog.ok"), ButtonBar.ButtonData.OK_DONE));
        closeAfterTheEvent(a);
        a.show();
    }

    /** A Cancel button in the editor's language (JavaFX's {@code ButtonType.CANCEL} follows the system's). */
    public static ButtonType cancel() {
        return new ButtonType(Ui.text("view.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    /** A Close button in the editor's language. */
    public static ButtonType close() {
        return new ButtonType(Ui.text("view.dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    /**
     * Makes the dialog's buttons close it only after the event that pressed them has been handled. Enter, Escape and
     * Ctrl+Enter press a dialog's buttons from inside a key event, and GTK's glass still uses the window after the
     * PRESSED event to send the TYPED one: a window closed in between is used after it is freed (JDK-8301219, a
     * crash in {@code process_key}). Call it once the dialog's buttons are set.
     */
    public static void closeAfterTheEvent(Dialog<?> dialog) {
        for (ButtonType type : dialog.getDialogPane().getButtonTypes()) {
            if (dialog.getDialogPane().lookupButton(type) instanceof Button button) {
                pressAfterTheEvent(button, dialog);
            }
        }
    }

    /** A press of the button is carried out once the event that pressed it is over (when the dialog still shows). */
    private static void pressAfterTheEvent(Button button, Dialog<?> dialog) {
        boolean[] carryingOut = {false};
        button.addEventFilter(ActionEvent.ACTION, e -> {
            if (carryingOut[0]) {
                return;
            }
            e.consume();
            Platform.runLater(() -> {
                if (!dialog.isShowing()) {
                    return; // pressed twice, or closed meanwhile: the first press decided
                }
                carryingOut[0] = true;
                try {
                    button.fire();
                } finally {
                    carryingOut[0] = false;
                }
            });
        });
    }

    /** Runs a close (a window's hide, quitting) once the event being handled now is over (see {@link #closeAfterTheEvent}). */
    public static void afterTheEvent(Runnable close) {
        Platform.runLater(close);
    }
}
