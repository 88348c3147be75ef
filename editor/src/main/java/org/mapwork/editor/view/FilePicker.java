package org.mapwork.editor.view;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the person which file to write or read. The window's dialogs (Export…, Save As, Open, Import) go through this
 * rather than a {@link FileChooser} directly: the system's file dialog cannot be driven headlessly, so tests supply
 * the path instead.
 */
public interface FilePicker {

    /** A file to write, or null when the person cancels. */
    Path saveFile(Window owner, String title, String initialName, List<FileChooser.ExtensionFilter> filters);

    /** A file to read, or null when the person cancels. */
    Path openFile(Window owner, String title, List<FileChooser.ExtensionFilter> filters);

    /** The system's file dialog. */
    static FilePicker system() {
        return new FilePicker() {
            @Override
            public Path saveFile(Window owner, String title, String initialName,
                                 List<FileChooser.ExtensionFilter> filters) {
                FileChooser chooser = chooser(title, filters);
                chooser.setInitialFileName(initialName);
                return toPath(chooser.showSaveDialog(owner));
            }

            @Override
            public Path openFile(Window owner, String title, List<FileChooser.ExtensionFilter> filters) {
                return toPath(chooser(title, filters).showOpenDialog(owner));
            }

            private FileChooser chooser(String title, List<FileChooser.ExtensionFilter> filters) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().addAll(filters);
                return chooser;
            }

            private Path toPath(File file) {
                return file == null ? null : file.toPath();
            }
        };
    }
}
