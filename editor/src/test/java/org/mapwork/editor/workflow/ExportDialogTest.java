package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.export.imports.EmbeddedMapImport;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.Methods;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Export… through the real window: Ctrl+E, a format, the preview, the Export… button, and the file dialog (a stand-in
 * answers with a path); the file written is read back by the project's importer or by PDFBox.
 */
@ExtendWith(ApplicationExtension.class)
class ExportDialogTest {

    @TempDir
    Path dir;

    private EditorApp app;
    private final Ui.Files files = new Ui.Files();

    @Start
    void start(Stage stage) {
        app = Ui.start(stage, "net-map", false);
        app.lastWindow().setFilePicker(files);
    }

    /** Three actors, two links of different types and a tower: small, so that 300 dpi stays quick. */
    private MapDocument smallPowerMap(MapViewModel vm) throws Exception {
        return Ui.fx(() -> {
            vm.edits().setTitle("Sick leave power map");
            List<String> ids = vm.edits().quickAdd("Worker center\nStaffing agency\nHealth department");
            vm.setLinkType("funding");
            vm.edits().connect(ids.get(0), ids.get(1));
            vm.setLinkType("conflict");
            vm.edits().connect(ids.get(1), ids.get(2));
            vm.selection().select(List.of(ids.get(2)));
            var method = new org.mapwork.editor.map.MethodCommands(vm, new org.mapwork.editor.map.MethodCommands.Prompts() {
            });
            method.run("raise-tower");
            method.run("raise-tower");
            vm.selection().clear();
            return vm.document();
        });
    }

    private static Node dialog(FxRobot robot) throws Exception {
        Ui.waitFor(() -> robot.lookup("#export-dialog").tryQuery().isPresent());
        return robot.lookup("#export-dialog").query();
    }

    /** The preview is drawn in the background: waits until it shows (again, when {@code before} is given). */
    private static Image previewDrawn(FxRobot robot, Image before) throws Exception {
        ImageView view = robot.lookup("#export-preview").queryAs(ImageView.class);
        Node drawing = robot.lookup("#export-preview-drawing").query();
        Ui.waitFor(() -> view.getImage() != null && view.getImage() != before && !drawing.isVisible());
        return view.getImage();
    }

    private static void chooseFormat(FxRobot robot, String start) {
        robot.clickOn("#export-format");
        robot.clickOn(Ui.menuItem(robot, start));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void pressExport(FxRobot robot) {
        Button export = robot.lookup("#export-dialog .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Export…")).findFirst().orElseThrow();
        robot.clickOn(export);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The file is written in the background: waits until the window says it is done (or why not). */
    private static void finished(MapWindow w) throws Exception {
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> w.viewModel().status().startsWith("Exported ") || w.viewModel().status().startsWith("Could not")).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void export_svg_writes_a_file_that_the_importer_reads_back_as_the_same_map(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapDocument doc = smallPowerMap(w.viewModel());
        Path svg = dir.resolve("power.svg");
        files.answer(svg);

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.E);
        Node dialog = dialog(robot);
        ChoiceBox<?> format = robot.lookup("#export-format").queryAs(ChoiceBox.class);
        assertEquals(9, format.getItems().size(), "every format of the export module is offered");
        assertTrue(format.getValue().toString().startsWith("SVG"));
        Image preview = previewDrawn(robot, null);
        assertTrue(preview != null && preview.getWidth() > 100, "a preview is drawn");
        Snapshots.save(Snapshots.of(dialog), "export-dialog");
        pressExport(robot);
        finished(w);

        assertEquals(List.of("save: Export as SVG (Inkscape, LibreOffice, web; reopens in Mapwork) [Sick leave power map.svg]"),
                files.asked, "the file dialog offers the map's title with the format's extension");
        assertTrue(Files.size(svg) > 1000);
        String text = Files.readString(svg);
        assertTrue(text.contains(">Worker center<") && text.contains(">Health department<"), "labels are SVG text");
        try (InputStream in = Files.newInputStream(svg)) {
            MapDocument back = new EmbeddedMapImport(Methods.schemas()).readSvg(svg.toString(), in);
            assertEquals(List.copyOf(doc.elements()), List.copyOf(back.elements()));
            assertEquals(doc.mapAttributes(), back.mapAttributes());
        }
        assertEquals("Exported " + svg, w.viewModel().status());
    }

    @Test
    void export_png_writes_an_image_that_the_importer_reads_back_as_the_same_map(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        MapDocument doc = smallPowerMap(w.viewModel());
        Path png = dir.resolve("power.png");
        files.answer(png);

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.E);
        dialog(robot);
        chooseFormat(robot, "PNG image");
        pressExport(robot);
        finished(w);

        var image = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 1000, "300 dpi: " + image.getWidth() + " px wide");
        try (InputStream in = Files.newInputStream(png)) {
            MapDocument back = new EmbeddedMapImport(Methods.schemas()).readPng(png.toString(), in);
            assertEquals(List.copyOf(doc.elements()), List.copyOf(back.elements()));
        }
    }

    @Test
    void export_pdf_writes_one_page_whose_text_pdfbox_finds(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        smallPowerMap(w.viewModel());
        Path pdf = dir.resolve("power.pdf");
        files.answer(pdf);

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.E);
        dialog(robot);
        chooseFormat(robot, "PDF, one page");
        pressExport(robot);
        finished(w);

        try (PDDocument read = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, read.getNumberOfPages());
            String text = new PDFTextStripper().getText(read);
            for (String label : List.of("Worker center", "Staffing agency", "Health department", "Sick leave power map")) {
                assertTrue(text.contains(label), label + " is text in the PDF: " + text);
            }
        }
    }

    @Test
    void unticking_the_legend_changes_the_preview_and_the_file_has_no_legend(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        smallPowerMap(w.viewModel());
        Path svg = dir.resolve("no-legend.svg");
        files.answer(svg);

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.E);
        Node dialog = dialog(robot);
        Image withLegend = previewDrawn(robot, null);
        robot.clickOn("#export-legend");
        WaitForAsyncUtils.waitForFxEvents();
        Image without = previewDrawn(robot, withLegend);
        assertTrue(without != withLegend, "the preview is drawn again");
        assertTrue(without.getWidth() != withLegend.getWidth() || without.getHeight() != withLegend.getHeight()
                        || Snapshots.differing(toWritable(withLegend), toWritable(without), 0, 0,
                        (int) without.getWidth(), (int) without.getHeight(), 40) > 100,
                "the preview without the legend looks different");
        Snapshots.save(Snapshots.of(dialog), "export-dialog-no-legend");
        pressExport(robot);
        finished(w);

        String text = Files.readString(svg);
        assertFalse(text.contains(">Legend<"), "no legend in the file");
        assertTrue(text.contains(">Worker center<"));
    }

    @Test
    void cancelling_the_file_dialog_writes_nothing_and_cancelling_the_export_dialog_asks_for_no_file(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        smallPowerMap(w.viewModel());
        files.answer(null);
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.E);
        dialog(robot);
        pressExport(robot);
        assertEquals(1, files.asked.size());
        try (var listing = Files.list(dir)) {
            assertEquals(0, listing.count(), "nothing written");
        }
        assertFalse(w.viewModel().status().startsWith("Exported"));

        Ui.keys(robot, KeyCode.CONTROL, KeyCode.E);
        dialog(robot);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#export-dialog").tryQuery().isPresent(), "the dialog closed");
        assertEquals(1, files.asked.size(), "no file dialog after Cancel");
    }

    @Test
    void a_file_name_typed_without_its_extension_gets_the_formats_extension(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        smallPowerMap(w.viewModel());
        files.answer(dir.resolve("handout"));
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.E);
        dialog(robot);
        chooseFormat(robot, "GraphML");
        pressExport(robot);
        finished(w);
        assertTrue(Files.exists(dir.resolve("handout.graphml")));
        assertFalse(Files.exists(dir.resolve("handout")));
        assertTrue(Files.readString(dir.resolve("handout.graphml")).contains("<graphml"));
    }

    @Test
    void a_map_wider_than_the_preview_can_hold_at_ten_dpi_still_gets_a_preview_and_its_file(FxRobot robot)
            throws Exception {
        MapWindow w = app.lastWindow();
        MapViewModel vm = w.viewModel();
        Ui.fx(() -> {
            List<String> ids = vm.edits().quickAdd("Tenants union\nLandlord association");
            // 40,000 map units apart: at the preview's width that is under 2 dpi, below what PNG drawing accepts
            vm.selection().select(List.of(ids.get(1)));
            vm.edits().nudgeSelection(40_000, 0);
            vm.selection().clear();
            return null;
        });
        Path svg = dir.resolve("wide.svg");
        files.answer(svg);
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.E);
        dialog(robot);
        Image preview = previewDrawn(robot, null);
        assertTrue(preview.getWidth() > 2000, "drawn at 10 dpi and scaled down by the view: " + preview.getWidth());
        pressExport(robot);
        finished(w);
        assertTrue(Files.readString(svg).contains(">Landlord association<"));
    }

    private static WritableImage toWritable(Image image) {
        return new WritableImage(image.getPixelReader(), (int) image.getWidth(), (int) image.getHeight());
    }

    @Test
    void the_dialog_offers_the_format_exported_to_last(FxRobot robot) throws Exception {
        MapWindow w = app.lastWindow();
        smallPowerMap(w.viewModel());
        files.answer(dir.resolve("first.pdf"));
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.E);
        dialog(robot);
        chooseFormat(robot, "PDF, one page");
        pressExport(robot);
        finished(w);

        robot.clickOn(w.canvas().canvas().localToScreen(6, 6));
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.E);
        dialog(robot);
        ChoiceBox<?> format = robot.lookup("#export-format").queryAs(ChoiceBox.class);
        assertTrue(format.getValue().toString().startsWith("PDF, one page"), format.getValue().toString());
        robot.type(KeyCode.ESCAPE);
        Ui.waitFor(() -> robot.lookup("#export-dialog").tryQuery().isEmpty());
    }
}
