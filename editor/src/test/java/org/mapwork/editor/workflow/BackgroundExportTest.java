package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.view.ExportDialog;
import org.mapwork.editor.view.ExportJob;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.export.ExportProgress;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Export… writes in the background: the writing thread is not the FX thread, the window takes edits meanwhile (they
 * are not in the file), progress shows, Cancel (or closing the window) leaves no file and no temporary file, and a
 * failure names the file. A gate (a latch the test opens) holds the real exporter at a chosen point, so nothing here
 * depends on timing.
 */
@ExtendWith(ApplicationExtension.class)
class BackgroundExportTest {

    @TempDir
    Path dir;

    private EditorApp app;
    private Stage stage;
    private final Ui.Files files = new Ui.Files();

    /** Where the gated writer is held, and what it saw. */
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);
    private final CountDownLatch returned = new CountDownLatch(1);
    private final AtomicReference<Thread> writer = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = Ui.start(stage, "net-map", false);
        app.lastWindow().setFilePicker(files);
    }

    @AfterEach
    void letTheWriterGo() {
        open.countDown();
        org.mapwork.editor.i18n.Ui.setLocale(Locale.ENGLISH);
    }

    private void hold() throws InterruptedException {
        held.countDown();
        assertTrue(open.await(30, TimeUnit.SECONDS), "the test opens the gate");
    }

    /** A real format of the dialog, held at the gate before it writes a byte. */
    private ExportDialog.Format heldBeforeWriting(String extension) {
        ExportDialog.Format real = realFormat(extension);
        return new ExportDialog.Format(real.name(), real.extension(), (doc, opts, file, progress) -> {
            writer.set(Thread.currentThread());
            try {
                hold();
                real.writer().write(doc, opts, file, progress);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                returned.countDown();
            }
        });
    }

    /** A real format of the dialog, held at the gate when its second file is begun (CSV: nodes, then links, then the map sheet). */
    private ExportDialog.Format heldAtSecondFile(String extension) {
        ExportDialog.Format real = realFormat(extension);
        return new ExportDialog.Format(real.name(), real.extension(), (doc, opts, file, progress) -> {
            writer.set(Thread.currentThread());
            try {
                real.writer().write(doc, opts, file, new ExportProgress() {
                    @Override
                    public void file(Path target, int index, int count) {
                        progress.file(target, index, count);
                        if (index == 1) {
                            try {
                                hold();
                            } catch (InterruptedException e) {
                                throw new AssertionError(e);
                            }
                        }
                    }

                    @Override
                    public void written(long bytes) {
                        progress.written(bytes);
                    }

                    @Override
                    public boolean cancelled() {
                        return progress.cancelled();
                    }

                    @Override
                    public boolean commit() {
                        return progress.commit();
                    }
                });
            } finally {
                returned.countDown();
            }
        });
    }

    private static ExportDialog.Format realFormat(String extension) {
        return ExportDialog.formats().stream().filter(f -> f.extension().equals(extension)).findFirst().orElseThrow();
    }

    /** Opens Export… with these formats on the window's map, as the window does, and presses Export…. */
    private AtomicReference<ExportJob> export(FxRobot robot, MapWindow w, ExportDialog.Format format) throws Exception {
        AtomicReference<ExportJob> job = new AtomicReference<>();
        Window owner = w.root().getScene().getWindow();
        MapViewModel vm = w.viewModel();
        Platform.runLater(() -> job.set(new ExportDialog(List.of(format)).open(owner, vm.document(), vm::setStatus, files)));
        Ui.waitFor(() -> robot.lookup("#export-dialog").tryQuery().isPresent());
        Button export = robot.lookup("#export-dialog .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals(org.mapwork.editor.i18n.Ui.text("export.button"))).findFirst().orElseThrow();
        robot.clickOn(export);
        WaitForAsyncUtils.waitForFxEvents();
        return job;
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean progressShowing(FxRobot robot) {
        return robot.lookup("#export-progress").tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false);
    }

    private MapWindow mapWithThreeActors() throws Exception {
        MapWindow w = app.lastWindow();
        Ui.fx(() -> {
            w.viewModel().edits().setTitle("Warehouse campaign");
            w.viewModel().edits().quickAdd("Worker center\nStaffing agency\nCity council");
            return null;
        });
        return w;
    }

    @Test
    void the_file_is_written_off_the_fx_thread_and_an_edit_made_meanwhile_is_in_the_map_but_not_in_the_file(
            FxRobot robot) throws Exception {
        MapWindow w = mapWithThreeActors();
        Path svg = dir.resolve("campaign.svg");
        files.answer(svg);
        AtomicReference<ExportJob> job = export(robot, w, heldBeforeWriting(".svg"));
        assertTrue(held.await(30, TimeUnit.SECONDS), "the export began");

        Thread fxThread = Ui.fx(Thread::currentThread);
        assertNotNull(writer.get());
        assertNotEquals(fxThread, writer.get(), "the file is not written on the FX thread");
        assertTrue(writer.get().getName().startsWith("mapwork-export"), writer.get().getName());
        assertTrue(progressShowing(robot), "the progress window shows while the file is written");
        assertEquals("Writing campaign.svg", robot.lookup("#export-progress-file").queryAs(Label.class).getText());
        assertEquals("in " + dir, robot.lookup("#export-progress-folder").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#export-progress-note").queryAs(Label.class).getText().contains("Changes you make now are not in it"));
        assertTrue(robot.lookup("#export-progress-bar").queryAs(ProgressBar.class).isIndeterminate(),
                "one file: no fraction to show");
        Node progress = robot.lookup("#export-progress").query();
        Snapshots.save(Snapshots.of(progress), "export-progress");

        // the window answers while the writer is held: an edit goes into the map
        Ui.fx(() -> w.viewModel().edits().quickAdd("Added during the export"));
        assertTrue(w.viewModel().document().elements().stream().anyMatch(e -> e.label().equals("Added during the export")));

        open.countDown();
        Ui.waitFor(() -> job.get() != null && job.get().isDone());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Exported " + svg, w.viewModel().status());
        assertFalse(progressShowing(robot), "the progress window closes when the file is written");
        String text = Files.readString(svg);
        assertTrue(text.contains(">Worker center<") && text.contains(">City council<"), "the map at Export time");
        assertFalse(text.contains("Added during the export"), "an edit made during the export is not in the file");
        assertEquals(List.of("campaign.svg"), listing(), "no temporary file is left");
    }

    @Test
    void progress_goes_file_by_file_and_cancel_leaves_no_file_and_no_temporary_file(FxRobot robot) throws Exception {
        MapWindow w = mapWithThreeActors();
        files.answer(dir.resolve("campaign.csv"));
        AtomicReference<ExportJob> job = export(robot, w, heldAtSecondFile(".csv"));
        assertTrue(held.await(30, TimeUnit.SECONDS), "the second table was begun");

        ProgressBar bar = robot.lookup("#export-progress-bar").queryAs(ProgressBar.class);
        Ui.waitFor(() -> Math.abs(bar.getProgress() - 1.0 / 3) < 1e-9); // the second of three files begun
        Label detail = robot.lookup("#export-progress-detail").queryAs(Label.class);
        Ui.waitFor(() -> detail.getText().equals("File 2 of 3: campaign-links.csv"));
        List<String> meanwhile = listing();
        assertEquals(1, meanwhile.size(), "only the nodes table, beside its place: " + meanwhile);
        assertTrue(meanwhile.get(0).startsWith(".campaign-nodes.csv") && meanwhile.get(0).endsWith(".tmp"), meanwhile.get(0));
        Node progress = robot.lookup("#export-progress").query();
        Snapshots.save(Snapshots.of(progress), "export-progress-csv");

        robot.clickOn("#export-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(progressShowing(robot), "Cancel closes the progress window at once");
        assertTrue(job.get().isCancelled());
        assertEquals("Export cancelled: " + dir.resolve("campaign.csv") + " was not written", w.viewModel().status());

        open.countDown();
        assertTrue(returned.await(30, TimeUnit.SECONDS), "the writer stops at its next check");
        assertEquals(List.of(), listing(), "no table and no temporary file");
    }

    @Test
    void closing_the_window_during_an_export_cancels_it_and_nothing_is_written(FxRobot robot) throws Exception {
        MapWindow w = mapWithThreeActors();
        files.answer(dir.resolve("campaign.svg"));
        AtomicReference<ExportJob> job = export(robot, w, heldBeforeWriting(".svg"));
        assertTrue(held.await(30, TimeUnit.SECONDS));

        Ui.fx(() -> {
            stage.hide();
            return null;
        });
        assertTrue(job.get().isCancelled(), "closing the map window cancels its export");
        assertFalse(progressShowing(robot));
        open.countDown();
        assertTrue(returned.await(30, TimeUnit.SECONDS));
        assertEquals(List.of(), listing(), "no file and no temporary file");
    }

    @Test
    void a_failing_export_shows_a_message_naming_the_file(FxRobot robot) throws Exception {
        MapWindow w = mapWithThreeActors();
        // the folder chosen cannot be written into: a file has its name (a folder's permissions do not stop root)
        Path notAFolder = Files.writeString(dir.resolve("notes"), "meeting notes");
        Path svg = notAFolder.resolve("campaign.svg");
        files.answer(svg);
        Ui.keys(robot, KeyCode.CONTROL, KeyCode.E);
        Ui.waitFor(() -> robot.lookup("#export-dialog").tryQuery().isPresent());
        Button export = robot.lookup("#export-dialog .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Export…")).findFirst().orElseThrow();
        robot.clickOn(export);

        Ui.waitFor(() -> robot.lookup("#error-message").tryQuery().isPresent());
        String message = robot.lookup("#error-message").queryAs(Label.class).getText();
        assertEquals("Could not write " + svg + ": " + notAFolder + " is a file, not a folder", message);
        assertEquals(message, w.viewModel().status());
        Snapshots.save(Snapshots.of(robot.lookup("#error-message").query().getScene().getRoot()), "export-failed");
        assertEquals(List.of("notes"), listing());
        assertEquals("meeting notes", Files.readString(notAFolder));
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void the_progress_window_speaks_spanish(FxRobot robot) throws Exception {
        MapWindow w = mapWithThreeActors();
        org.mapwork.editor.i18n.Ui.setLocale(Locale.forLanguageTag("es"));
        Path svg = dir.resolve("campaña.svg");
        files.answer(svg);
        AtomicReference<ExportJob> job = export(robot, w, heldBeforeWriting(".svg"));
        assertTrue(held.await(30, TimeUnit.SECONDS));
        assertEquals("Escribiendo campaña.svg", robot.lookup("#export-progress-file").queryAs(Label.class).getText());
        assertEquals("Dibujando el mapa…", robot.lookup("#export-progress-detail").queryAs(Label.class).getText());
        assertEquals("Cancelar", robot.lookup("#export-cancel").queryAs(Button.class).getText());
        Snapshots.save(Snapshots.of(robot.lookup("#export-progress").query()), "export-progress-es");
        open.countDown();
        Ui.waitFor(() -> job.get().isDone());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Se exportó " + svg, w.viewModel().status());
    }
}
