package org.mapwork.editor.view;


import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.map.Shortcuts;
import org.mapwork.editor.map.Words;

/** The map window's own dialogs: the keyboard shortcut sheet (F1) and quick add (Q). */
final class WindowDialogs {

    private WindowDialogs() {
    }

    /** The sheet of every shortcut, by section, printed from the table the keys are dispatched through. */
    static void shortcutSheet(Stage owner, Shortcuts shortcuts) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(Ui.text("window.shortcuts.title"));
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(3);
        grid.setId("shortcut-sheet");
        int row = 0;
        String group = "";
        for (Shortcuts.Shortcut s : shortcuts.sheet()) {
            if (!s.group().equals(group)) {
                group = s.group();
                Label g = new Label(group);
                g.setStyle("-fx-font-weight: bold; -fx-padding: 6 0 0 0;");
                grid.add(g, 0, row++, 2, 1);
            }
            Label keys = new Label(s.keys());
            keys.setStyle("-fx-font-family: monospace;");
            grid.add(keys, 0, row);
            grid.add(new Label(s.what()), 1, row++);
        }
        var scroll = new ScrollPane(grid);
        scroll.setPrefSize(640, 560);
        d.getDialogPane().setContent(scroll);
        d.getDialogPane().getButtonTypes().setAll(Dialogs.close());
        Dialogs.closeAfterTheEvent(d);
        d.show();
    }

    /** Quick add: one node of the current type per line typed or pasted, all added in one undo step. */
    static void quickAdd(Stage owner, MapViewModel vm) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        Words words = new Words(vm.template().orElse(null), vm.document());
        d.setTitle(Ui.text("window.quick-add.title"));
        d.setHeaderText(Ui.text("window.quick-add.header", words.type(vm.nodeType()).toLowerCase(Ui.locale())));
        TextArea names = new TextArea();
        names.setId("quick-add-names");
        names.setPrefRowCount(8);
        d.getDialogPane().setContent(names);
        ButtonType add = new ButtonType(Ui.text("window.quick-add.add"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(add, Dialogs.cancel());
        Dialogs.closeAfterTheEvent(d);
        names.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                // the press is carried out (and the dialog closed) once this key event is over
                ((Button) d.getDialogPane().lookupButton(add)).fire();
                e.consume();
            }
        });
        Platform.runLater(names::requestFocus);
        d.setResultConverter(b -> b);
        d.setOnHidden(e -> {
            if (d.getResult() == add) {
                vm.edits().quickAdd(names.getText());
            }
        });
        d.show();
    }
}
