package org.mapwork.editor.view;

import java.util.function.Supplier;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.start.OpenedMap;
import org.mapwork.editor.tool.Tool;

/**
 * The status bar below the map (the last message, the tool and its state, the zoom, whether the work is kept) and
 * the window's title, which names the map and its file.
 */
final class WindowStatusBar extends HBox {

    private final Stage stage;
    private final MapViewModel vm;
    private final Supplier<OpenedMap> opened;
    private final Supplier<Tool> tool;
    private final Label status = new Label();
    private final Label zoom = new Label();
    private final Label toolState = new Label();
    private final Label saved = new Label();

    WindowStatusBar(Stage stage, MapViewModel vm, Supplier<OpenedMap> opened, Supplier<Tool> tool) {
        super(12);
        this.stage = stage;
        this.vm = vm;
        this.opened = opened;
        this.tool = tool;
        status.setId("status");
        saved.setId("saved-state");
        zoom.setId("zoom");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(status, grow, toolState, zoom, saved);
        setPadding(new Insets(3, 8, 3, 8));
        setStyle("-fx-background-color: #eeeeea;");
    }

    /** Adds a part before the tool state and the zoom. */
    void addItem(javafx.scene.Node item) {
        getChildren().add(getChildren().indexOf(toolState), item);
    }

    String titleText() {
        OpenedMap map = opened.get();
        return map.file() == null ? Ui.text("window.title", vm.document().title())
                : Ui.text("window.title-with-file", vm.document().title(), map.file().getFileName().toString());
    }

    void refresh() {
        status.setText(vm.status());
        zoom.setText(Ui.text("window.zoom", vm.camera().percent()));
        Tool t = tool.get();
        toolState.setText(Ui.text("window.tool-state", t.name(), t.state().text()));
        saved.setText(opened.get().keeping().state());
        stage.setTitle(titleText());
    }
}
