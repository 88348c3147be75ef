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

import org.mapwork.export.format.CsvExport;
import org.mapwork.export.format.GraphmlExport;
import org.mapwork.export.format.KumuExport;
import org.mapwork.export.format.PdfExport;
import org.mapwork.export.format.ReportExport;
import org.mapwork.export.format.PngExport;
import org.mapwork.export.format.SvgExport;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.Methods;
import java.nio.charset.StandardCharsets;

/** Export…: choose a format and options, see a preview drawn by the same painter as the file, then pick a file. */
public final class ExportDialog {

    /** One export format the dialog offers. */
    public record Format(String name, String extension, Writer writer) {
        @Override
        public String toString() {
            return name + " (*" + extension + ")";
        }
    }

    /** Writes a map in one format to a file (some formats add files beside it: CSV, Markdown's figure). */
    @FunctionalInterface
    public interface Writer {
        void write(MapDocument doc, RenderOptions opts, Path file) throws IOException;
    }

    /** A format written to one stream, kept atomic: a partial file never replaces a good one. */
    private static Writer streamed(StreamWriter w) {
        return (doc, opts, file) -> {
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                w.write(doc, opts, out);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        };
    }

    @FunctionalInterface
    private interface StreamWriter {
        void write(MapDocument doc, RenderOptions opts, OutputStream out) throws IOException;
    }

    /** Every format of the export module. */
    public static List<Format> formats() {
        return List.of(
                new Format("SVG (Inkscape, LibreOffice, web; reopens in Mapwork)", ".svg",
                        streamed((d, o, out) -> SvgExport.write(d, new MapPainter(), o, out))),
                new Format("PNG image, 300 dpi (Word, slides; reopens in Mapwork)", ".png",
                        streamed((d, o, out) -> PngExport.write(d, new MapPainter(), o, PngExport.DEFAULT_DPI, out))),
                new Format("PDF, one page fitted to the map", ".pdf",
                        streamed((d, o, out) -> PdfExport.write(d, new MapPainter(), o, PdfExport.PageSize.FIT, out))),
                new Format("PDF, A4 landscape", ".pdf",
                        streamed((d, o, out) -> PdfExport.write(d, new MapPainter(), o, PdfExport.PageSize.A4, out))),
                new Format("Report with the map and its analysis, HTML", ".html",
                        streamed((d, o, out) -> out.write(new ReportExport(Methods::byId, localeOf(d))
                                .html(d, new MapPainter()).getBytes(StandardCharsets.UTF_8)))),
                new Format("Report, Markdown (with the map as an SVG beside it)", ".md", (d, o, file) -> {
                    String base = file.getFileName().toString().replaceFirst("\\.md$", "");
                    Path figure = file.resolveSibling(base + ".svg");
                    streamed((dd, oo, out) -> SvgExport.write(dd, new MapPainter(), oo, out)).write(d, o, figure);
                    streamed((dd, oo, out) -> out.write(new ReportExport(Methods::byId, localeOf(dd))
                            .markdown(dd, figure.getFileName().toString()).getBytes(StandardCharsets.UTF_8)))
                            .write(d, o, file);
                }),
                new Format("Tables of nodes and links, CSV (spreadsheets)", ".csv", (d, o, file) -> {
                    String base = file.getFileName().toString().replaceFirst("\\.csv$", "");
                    new CsvExport(Methods::byId).write(d, file.toAbsolutePath().getParent(), base);
                }),
                new Format("GraphML (yEd, Gephi)", ".graphml",
                        streamed((d, o, out) -> new GraphmlExport(Methods::byId).write(d, out))),
                new Format("Kumu JSON", ".json",
                        streamed((d, o, out) -> new KumuExport(Methods::byId).write(d, out))));
    }

    private static java.util.Locale localeOf(MapDocument doc) {
        return org.mapwork.editor.panels.Words.localeOf(doc);
    }

    /** Writes the map to a file in a format (the dialog's last step, and the tests' way in). */
    public static void write(Format format, MapDocument doc, RenderOptions opts, Path file) throws IOException {
        format.writer().write(doc, opts, file);
    }

    /**
     * Shows the dialog, then asks the picker for the file; returns the file written, or null when cancelled.
     */
    public static Path show(Window owner, MapDocument doc, java.util.function.Consumer<String> status,
                            FilePicker picker) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export " + doc.title());
        dialog.getDialogPane().setId("export-dialog");
        ChoiceBox<Format> format = new ChoiceBox<>();
        format.setId("export-format");
        format.getItems().setAll(formats());
        format.getSelectionModel().select(0);
        CheckBox legend = new CheckBox("Legend");
        legend.setId("export-legend");
        legend.setSelected(true);
        CheckBox titleBlock = new CheckBox("Title block (title, method, date)");
        titleBlock.setId("export-title-block");
        titleBlock.setSelected(true);
        ImageView preview = new ImageView();
        preview.setId("export-preview");
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
        // a fixed frame: a preview of another shape (legend off, say) must not push the buttons out of the window
        javafx.scene.layout.StackPane frame = new javafx.scene.layout.StackPane(preview);
        frame.setMinSize(preview.getFitWidth(), preview.getFitHeight());
        frame.setPrefSize(preview.getFitWidth(), preview.getFitHeight());
        VBox content = new VBox(8, new HBox(8, new Label("Format"), format), new HBox(12, legend, titleBlock),
                new Label("Preview"), frame);
        content.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(content);
        ButtonType export = new ButtonType("Export…", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(export, ButtonType.CANCEL);
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) != export) {
            return null;
        }
        Format f = format.getValue();
        Path file = picker.saveFile(owner, "Export as " + f.name(), safeName(doc.title()) + f.extension(),
                List.of(new FileChooser.ExtensionFilter(f.name(), "*" + f.extension())));
        if (file == null) {
            return null;
        }
        file = withExtension(file, f.extension());
        try {
            write(f, doc, RenderOptions.file().withLegend(legend.isSelected()).withTitleBlock(titleBlock.isSelected()),
                    file);
            status.accept("Exported " + file);
            return file;
        } catch (IOException | RuntimeException ex) {
            Dialogs.error(owner, "Export failed", "Could not write " + file + ": " + ex.getMessage());
            return null;
        }
    }

    /** The file as chosen, with the format's extension added when the name was typed without it. */
    static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(extension) ? file : file.resolveSibling(name + extension);
    }

    static String safeName(String title) {
        String s = title.replaceAll("[^\\p{L}\\p{N} _.-]", "").strip();
        return s.isEmpty() ? "map" : s;
    }
}
