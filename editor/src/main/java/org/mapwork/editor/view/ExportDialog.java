package org.mapwork.editor.view;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.Words;
import org.mapwork.export.ExportFormat;
import org.mapwork.export.ExportProgress;
import org.mapwork.export.MapExporter;
import org.mapwork.export.format.PdfExport;
import org.mapwork.export.format.PngExport;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.MapDocument;

/**
 * Export…: choose a format and options, see a preview drawn by the same painter as the file, then pick a file. The
 * file is written in the background ({@link ExportJob}, shown by {@link ExportProgressWindow}) from the map as it was
 * at that moment, so the window stays in use while a large map is written.
 */
public final class ExportDialog {

    /** One export format the dialog offers. */
    public record Format(String name, String extension, Writer writer) {
        @Override
        public String toString() {
            return Ui.text("export.format.choice", name, extension);
        }
    }

    /**
     * Writes a map in one format to a file (some formats add files beside it: CSV, Markdown's figure), telling
     * {@code progress} how far it has come and stopping when it says so, with nothing of the export left behind.
     */
    @FunctionalInterface
    public interface Writer {
        void write(MapDocument doc, MapExporter.Options opts, Path file, ExportProgress progress) throws IOException;
    }

    /** A format of the export module, which writes to temporary files and moves them into place when complete. */
    private static Format exporting(String key, String extension, ExportFormat format, UnaryOperator<MapExporter.Options> adjust) {
        return new Format(Ui.text(key), extension, (doc, opts, file, progress) ->
                new MapExporter().export(doc, format, file, adjust.apply(opts), progress));
    }

    /** Every format of the export module, named in the editor's language. */
    public static List<Format> formats() {
        UnaryOperator<MapExporter.Options> asChosen = o -> o;
        return List.of(
                exporting("export.format.svg", ".svg", ExportFormat.SVG, asChosen),
                exporting("export.format.png", ".png", ExportFormat.PNG, o -> o.withDpi(PngExport.DEFAULT_DPI)),
                exporting("export.format.pdf-fit", ".pdf", ExportFormat.PDF, o -> o.withPage(PdfExport.PageSize.FIT)),
                exporting("export.format.pdf-a4", ".pdf", ExportFormat.PDF, o -> o.withPage(PdfExport.PageSize.A4)),
                exporting("export.format.html", ".html", ExportFormat.HTML, asChosen),
                exporting("export.format.md", ".md", ExportFormat.MD, asChosen),
                exporting("export.format.csv", ".csv", ExportFormat.CSV, asChosen),
                exporting("export.format.graphml", ".graphml", ExportFormat.GRAPHML, asChosen),
                exporting("export.format.kumu", ".json", ExportFormat.KUMU, asChosen));
    }

    /** The options the dialog's choices stand for; reports are written in the map's own language. */
    public static MapExporter.Options options(MapDocument doc, boolean legend, boolean titleBlock) {
        Locale language = Words.localeOf(doc);
        return new MapExporter.Options(PngExport.DEFAULT_DPI, legend, titleBlock, PdfExport.PageSize.FIT, language);
    }

    /** Writes the map to a file in a format, here and now (the background job's work, and the tests' way in). */
    public static void write(Format format, MapDocument doc, MapExporter.Options opts, Path file) throws IOException {
        format.writer().write(doc, opts, file, ExportProgress.NONE);
    }

    /** As above, with the legend and title block as {@code opts} has them. */
    public static void write(Format format, MapDocument doc, RenderOptions opts, Path file) throws IOException {
        write(format, doc, options(doc, opts.legend(), opts.titleBlock()), file);
    }

    /**
     * Shows the dialog with every format, then asks the picker for the file and starts writing it in the background;
     * returns the export under way, or null when cancelled before it began.
     */
    public static ExportJob show(Window owner, MapDocument doc, Consumer<String> status, FilePicker picker) {
        return new ExportDialog(formats()).open(owner, doc, status, picker);
    }

    private final List<Format> offered;
    /** The name of the format last exported to with this dialog (it is offered first the next time). */
    private String lastFormat;

    /** A dialog offering these formats (the editor offers {@link #formats()}; tests offer their own as well). */
    public ExportDialog(List<Format> offered) {
        this.offered = List.copyOf(offered);
    }

    /** As {@link #show}, with this dialog's formats; {@code doc} is the snapshot that will be written. */
    public ExportJob open(Window owner, MapDocument doc, Consumer<String> status, FilePicker picker) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Ui.text("export.title", doc.title()));
        dialog.getDialogPane().setId("export-dialog");
        ChoiceBox<Format> format = new ChoiceBox<>();
        format.setId("export-format");
        format.getItems().setAll(offered);
        // the format chosen last time in this run comes first again (a workshop exports the same kind many times)
        format.getSelectionModel().select(offered.stream().filter(f -> f.name().equals(lastFormat)).findFirst()
                .orElse(offered.get(0)));
        CheckBox legend = new CheckBox(Ui.text("export.legend"));
        legend.setId("export-legend");
        legend.setSelected(true);
        CheckBox titleBlock = new CheckBox(Ui.text("export.title-block"));
        titleBlock.setId("export-title-block");
        titleBlock.setSelected(true);
        ExportPreview preview = new ExportPreview(doc);
        Runnable refresh = () -> preview.draw(legend.isSelected(), titleBlock.isSelected());
        legend.setOnAction(e -> refresh.run());
        titleBlock.setOnAction(e -> refresh.run());
        refresh.run();
        Label note = new Label(Ui.text("export.snapshot-note"));
        note.setId("export-snapshot-note");
        note.setWrapText(true);
        note.setMaxWidth(ExportPreview.WIDTH);
        VBox content = new VBox(8, new HBox(8, new Label(Ui.text("export.format")), format),
                new HBox(12, legend, titleBlock), new Label(Ui.text("export.preview")), preview.node(), note);
        content.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(content);
        ButtonType export = new ButtonType(Ui.text("export.button"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(export, Dialogs.cancel());
        Dialogs.closeAfterTheEvent(dialog);
        boolean chosen = dialog.showAndWait().orElse(null) == export;
        preview.stop();
        if (!chosen) {
            return null;
        }
        Format f = format.getValue();
        lastFormat = f.name();
        Path file = picker.saveFile(owner, Ui.text("export.save-as", f.name()), safeName(doc.title()) + f.extension(),
                List.of(new FileChooser.ExtensionFilter(f.name(), "*" + f.extension())));
        if (file == null) {
            return null;
        }
        ExportJob job = new ExportJob(f, doc, options(doc, legend.isSelected(), titleBlock.isSelected()),
                withExtension(file, f.extension()));
        ExportProgressWindow.show(owner, job, status);
        job.start();
        return job;
    }

    /** The file as chosen, with the format's extension added when the name was typed without it. */
    static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(extension) ? file : file.resolveSibling(name + extension);
    }

    static String safeName(String title) {
        String s = title.replaceAll("[^\\p{L}\\p{N} _.-]", "").strip();
        return s.isEmpty() ? "map" : s;
    }
}
