package org.mapwork.editor.view;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
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
        a.show();
    }
}
