package org.mapwork.editor.view;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.mapwork.export.format.PdfExport;
import org.mapwork.export.format.PngExport;
import org.mapwork.export.format.SvgExport;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.MapDocument;

/** Export…: choose a format and options, see a preview drawn by the same painter as the file, then pick a file. */
public final class ExportDialog {

    /** One export format the dialog offers. */
    public record Format(String name, String extension, Writer writer) {
        @Override
        public String toString() {
            return name + " (*" + extension + ")";
        }
    }

    /** Writes a map in one format. */
    @FunctionalInterface
    public interface Writer {
        void write(MapDocument doc, MapPainter painter, RenderOptions opts, OutputStream out) throws IOException;
    }

    /** Every format of the export module. */
    public static List<Format> formats() {
        return List.of(
                new Format("SVG (Inkscape, LibreOffice, web; reopens in Mapwork)", ".svg", SvgExport::write),
                new Format("PNG image, 300 dpi (Word, slides; reopens in Mapwork)", ".png",
                        (d, p, o, out) -> PngExport.write(d, p, o, PngExport.DEFAULT_DPI, out)),
                new Format("PDF, one page fitted to the map", ".pdf",
                        (d, p, o, out) -> PdfExport.write(d, p, o, PdfExport.PageSize.FIT, out)),
                new Format("PDF, A4 landscape", ".pdf",
                        (d, p, o, out) -> PdfExport.write(d, p, o, PdfExport.PageSize.A4, out)));
    }

    /** Writes the map to a file in a format (the dialog's last step, and the tests' way in). */
    public static void write(Format format, MapDocument doc, RenderOptions opts, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            format.writer().write(doc, new MapPainter(), opts, out);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Shows the dialog; returns the file written, or null when cancelled. */
    public static Path show(Window owner, MapDocument doc, java.util.function.Consumer<String> status) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export " + doc.title());
        ChoiceBox<Format> format = new ChoiceBox<>();
        format.getItems().setAll(formats());
        format.getSelectionModel().select(0);
        CheckBox legend = new CheckBox("Legend");
        legend.setSelected(true);
        CheckBox titleBlock = new CheckBox("Title block (title, method, date)");
        titleBlock.setSelected(true);
        ImageView preview = new ImageView();
        preview.setFitWidth(520);
        preview.setFitHeight(360);
        preview.setPreserveRatio(true);
        Runnable refresh = () -> {
            RenderOptions o = RenderOptions.file().withLegend(legend.isSelected()).withTitleBlock(titleBlock.isSelected());
            var extent = new MapPainter().extent(doc, o);
            double dpi = Math.max(4, Math.min(96, 96 * 520 / Math.max(1, extent.getWidth())));
            BufferedImage img = PngExport.render(doc, new MapPainter(), o, dpi);
            preview.setImage(SwingFXUtils.toFXImage(img, null));
        };
        legend.setOnAction(e -> refresh.run());
        titleBlock.setOnAction(e -> refresh.run());
        refresh.run();
        VBox content = new VBox(8, new HBox(8, new Label("Format"), format), new HBox(12, legend, titleBlock),
                new Label("Preview"), preview);
        content.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(content);
        ButtonType export = new ButtonType("Export…", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(export, ButtonType.CANCEL);
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) != export) {
            return null;
        }
        Format f = format.getValue();
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(safeName(doc.title()) + f.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.name(), "*" + f.extension()));
        var file = chooser.showSaveDialog(owner);
        if (file == null) {
            return null;
        }
        try {
            write(f, doc, RenderOptions.file().withLegend(legend.isSelected()).withTitleBlock(titleBlock.isSelected()),
                    file.toPath());
            status.accept("Exported " + file);
            return file.toPath();
        } catch (IOException | RuntimeException ex) {
            Dialogs.error(owner, "Export failed", "Could not write " + file + ": " + ex.getMessage());
            return null;
        }
    }

    static String safeName(String title) {
        String s = title.replaceAll("[^\\p{L}\\p{N} _.-]", "").strip();
        return s.isEmpty() ? "map" : s;
    }
}
