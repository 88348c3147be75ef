package org.mapwork.editor.view;

import java.util.function.Consumer;

import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import org.mapwork.editor.i18n.Ui;

/**
 * A small window beside the map window while an {@link ExportJob} runs: which file, a progress bar, what is being
 * done, that later edits are not in the file, and Cancel. It does not block the map window. When the job ends it
 * closes and tells the outcome: the status line for a file written or a cancel, an error naming the file otherwise.
 * Closing it, or the map window, cancels the export.
 */
public final class ExportProgressWindow {

    private ExportProgressWindow() {
    }

    /** Shows the job's progress over {@code owner}; {@code status} receives the outcome's line. */
    public static Stage show(Window owner, ExportJob job, Consumer<String> status) {
        Stage stage = new Stage(StageStyle.UTILITY);
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(Ui.text("export.progress.title", job.file().getFileName()));

        Label heading = new Label(Ui.text("export.progress.heading", job.file().getFileName()));
        heading.setId("export-progress-file");
        heading.setStyle("-fx-font-weight: bold");
        // a long folder loses its start, not the end that says where the file goes
        Label folder = new Label(Ui.text("export.progress.folder", job.file().toAbsolutePath().getParent()));
        folder.setId("export-progress-folder");
        folder.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        folder.setMaxWidth(Double.MAX_VALUE);
        ProgressBar bar = new ProgressBar();
        bar.setId("export-progress-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(job.progressProperty());
        Label detail = new Label();
        detail.setId("export-progress-detail");
        detail.textProperty().bind(job.messageProperty());
        Label note = new Label(Ui.text("export.progress.note"));
        note.setId("export-progress-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        Button cancel = new Button(Ui.text("export.progress.cancel"));
        cancel.setId("export-cancel");
        cancel.setCancelButton(true);
        // a cancel can come too late (the file is being moved into place): the job then finishes as written
        cancel.setOnAction(e -> cancel.setDisable(!job.cancel()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        VBox root = new VBox(8, heading, folder, bar, detail, note, new HBox(grow, cancel));
        root.setId("export-progress");
        root.setPadding(new Insets(12));
        root.setPrefWidth(420);
        stage.setScene(new Scene(root));

        EventHandler<WindowEvent> ownerClosed = e -> job.cancel();
        owner.addEventHandler(WindowEvent.WINDOW_HIDDEN, ownerClosed);
        stage.setOnCloseRequest(e -> job.cancel());
        // Escape presses Cancel: the window goes once that key event is over (see Dialogs.closeAfterTheEvent)
        Runnable close = () -> {
            owner.removeEventHandler(WindowEvent.WINDOW_HIDDEN, ownerClosed);
            Dialogs.afterTheEvent(stage::hide);
        };
        job.setOnSucceeded(e -> {
            close.run();
            status.accept(Ui.text("export.done", job.file()));
        });
        job.setOnCancelled(e -> {
            close.run();
            status.accept(Ui.text("export.cancelled", job.file()));
        });
        job.setOnFailed(e -> {
            close.run();
            String message = Ui.text("export.failed", job.file(), ExportJob.reason(job.getException()));
            status.accept(message);
            if (owner.isShowing()) {
                Dialogs.error(owner, Ui.text("export.failed.title"), message);
            }
        });
        stage.show();
        // in the owner's lower right corner, where it covers the least of the map
        stage.setX(owner.getX() + Math.max(0, owner.getWidth() - stage.getWidth() - 24));
        stage.setY(owner.getY() + Math.max(0, owner.getHeight() - stage.getHeight() - 48));
        return stage;
    }
}
