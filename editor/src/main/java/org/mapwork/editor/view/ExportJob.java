package org.mapwork.editor.view;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.concurrent.Task;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.export.ExportProgress;
import org.mapwork.export.MapExporter;
import org.mapwork.model.MapDocument;

/**
 * One export written in the background: the map as it was when Export… was chosen (a {@link MapDocument} is
 * immutable, so the snapshot is safe on another thread), in one format, to one file. Its progress and message say
 * how far it has come (a fraction only for exports of several files; otherwise indeterminate, with the bytes
 * written); {@link #cancel()} stops it at the exporter's next check and nothing of it is left on disk.
 *
 * <p>Cancel and the moment the files are moved into place exclude each other: a cancel that comes too late (the
 * files are already there) is refused and returns false, so "cancelled" is only ever said of an export that wrote
 * nothing.
 */
public final class ExportJob extends Task<Path> {

    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Exports are few and long; each gets a thread, so a second export never waits behind a first. */
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mapwork-export-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final ExportDialog.Format format;
    private final MapDocument snapshot;
    private final MapExporter.Options options;
    private final Path file;
    private final Object moving = new Object();
    private boolean moved;

    public ExportJob(ExportDialog.Format format, MapDocument snapshot, MapExporter.Options options, Path file) {
        this.format = format;
        this.snapshot = snapshot;
        this.options = options;
        this.file = file;
        updateMessage(Ui.text("export.progress.drawing"));
    }

    /** The file chosen (for CSV the first of the tables is named after it). */
    public Path file() {
        return file;
    }

    /** Begins writing on a thread of its own. */
    public void start() {
        WRITERS.execute(this);
    }

    @Override
    protected Path call() throws Exception {
        try {
            format.writer().write(snapshot, options, file, new Progress());
        } catch (IOException | RuntimeException e) {
            if (isCancelled()) {
                // what the exporter stopped with is the cancel itself; it has removed its temporary files
                return null;
            }
            throw e;
        }
        updateProgress(1, 1);
        return file;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        synchronized (moving) {
            if (moved) {
                return false;
            }
            // no interrupt: an interrupted file channel closes under the writer; the exporter's own check is enough
            return super.cancel(false);
        }
    }

    /** Why a file could not be written, in the editor's words where the cause is a common one. */
    public static String reason(Throwable problem) {
        if (problem instanceof AccessDeniedException e) {
            return Ui.text("export.problem.denied", e.getFile());
        }
        if (problem instanceof NoSuchFileException e) {
            return Ui.text("export.problem.missing", e.getFile());
        }
        if (problem instanceof FileAlreadyExistsException e) {
            return Ui.text("export.problem.in-the-way", e.getFile());
        }
        if (problem instanceof FileSystemException e && e.getReason() != null) {
            return e.getReason().contains("No space left") ? Ui.text("export.problem.full") : e.getReason();
        }
        String message = problem.getMessage();
        return message == null || message.isBlank() ? problem.getClass().getSimpleName() : message;
    }

    /** What the exporter tells, turned into this task's progress and message (called on the writing thread). */
    private final class Progress implements ExportProgress {
        private String current = file.getFileName().toString();
        private int index;
        private int count = 1;

        @Override
        public void file(Path target, int index, int count) {
            this.current = target.getFileName().toString();
            this.index = index;
            this.count = count;
            if (count > 1) {
                updateProgress(index, count);
                updateMessage(Ui.text("export.progress.file", index + 1, count, current));
            }
        }

        @Override
        public void written(long bytes) {
            String amount = bytes < 1_000_000
                    ? Ui.text("export.progress.written-kb", current, Math.max(1, bytes / 1000))
                    : Ui.text("export.progress.written-mb", current, bytes / 1e6);
            updateMessage(count > 1 ? Ui.text("export.progress.file", index + 1, count, amount) : amount);
        }

        @Override
        public boolean cancelled() {
            return isCancelled();
        }

        @Override
        public boolean commit() {
            synchronized (moving) {
                if (isCancelled()) {
                    return false;
                }
                moved = true;
                return true;
            }
        }
    }
}
