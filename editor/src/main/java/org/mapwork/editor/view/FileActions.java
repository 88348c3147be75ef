package org.mapwork.editor.view;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import javafx.stage.FileChooser;
import javafx.stage.Stage;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.start.OpenedMap;
import org.mapwork.model.json.MapJson;

/**
 * The map window's file actions: save a copy (Ctrl+S, Save As…), open and import a file. The work itself is kept in
 * the library as it happens; these write or read files the user chooses.
 */
final class FileActions {

    private final Stage stage;
    private final MapViewModel vm;
    private final MapWindow.Shell shell;
    private final Supplier<FilePicker> files;
    private OpenedMap opened;

    FileActions(Stage stage, MapViewModel vm, MapWindow.Shell shell, Supplier<FilePicker> files, OpenedMap opened) {
        this.stage = stage;
        this.vm = vm;
        this.shell = shell;
        this.files = files;
        this.opened = opened;
    }

    /** The open map, with the file it was last saved to or opened from. */
    OpenedMap opened() {
        return opened;
    }

    void setKeeping(OpenedMap.Keeping keeping) {
        opened = new OpenedMap(opened.session(), opened.template(), opened.file(), keeping);
    }

    void save() {
        if (opened.file() == null) {
            saveAs();
        } else {
            saveTo(opened.file());
        }
    }

    void saveAs() {
        Path file = files.get().saveFile(stage, Ui.text("window.file.save-as"),
                ExportDialog.safeName(vm.document().title()) + MapJson.EXTENSION,
                List.of(new FileChooser.ExtensionFilter(Ui.text("window.file.mapwork-map"), "*" + MapJson.EXTENSION)));
        if (file != null) {
            saveTo(ExportDialog.withExtension(file, MapJson.EXTENSION));
        }
    }

    /** Writes the map as a {@code .mapwork.json} file (atomically) and remembers the file. */
    boolean saveTo(Path file) {
        try {
            MapJson.writeFile(vm.document(), file);
            opened = opened.withFile(file);
            vm.setStatus(Ui.text("window.file.saved", file.toString()));
            return true;
        } catch (IOException | RuntimeException e) {
            Dialogs.error(stage, Ui.text("window.file.not-saved"),
                    Ui.text("window.file.not-written", file.toString(), e.getMessage()));
            return false;
        }
    }

    void open() {
        Path file = files.get().openFile(stage, Ui.text("window.file.open"), List.of(new FileChooser.ExtensionFilter(
                Ui.text("window.file.mapwork-map"), "*" + MapJson.EXTENSION, "*.json")));
        if (file != null) {
            shell.openFile(file);
        }
    }

    void importMap() {
        Path file = files.get().openFile(stage, Ui.text("window.file.import"), List.of(new FileChooser.ExtensionFilter(
                Ui.text("window.file.importable"), "*.svg", "*.png",
                "*" + MapJson.EXTENSION, "*.graphml", "*.drawio", "*.xml", "*.json", "*.csv")));
        if (file != null) {
            shell.importFile(file);
        }
    }
}
