package org.mapwork.export;

import java.nio.file.Path;

/**
 * What an export tells while it writes, and how it is asked to stop: the editor's background export shows the one and
 * offers the other as Cancel. Every method has a default that does nothing, so the CLI passes {@link #NONE}.
 *
 * <p>{@link MapExporter} calls these on the thread that writes. It asks {@link #cancelled()} before each file, on
 * each block of bytes written, and while the painter draws a picture (before its first element and every 256
 * elements); once it says yes the export stops with an {@link java.io.InterruptedIOException} and removes what it had
 * written so far, so no file of the export appears.
 */
public interface ExportProgress {

    /** Tells nothing and never stops. */
    ExportProgress NONE = new ExportProgress() {
    };

    /** File {@code index} (from 0) of the {@code count} files this export makes is begun. */
    default void file(Path target, int index, int count) {
    }

    /** So many bytes of the current file are written (how many there will be is not known beforehand). */
    default void written(long bytes) {
    }

    /** Whether to stop now. */
    default boolean cancelled() {
        return false;
    }

    /**
     * Asked once, when every file is complete beside its target and about to be moved into place: the last moment to
     * stop. After a yes the files appear whatever is asked later, so an answer that has to be exact (Cancel pressed
     * at that instant) decides here, under the same lock as the cancel.
     */
    default boolean commit() {
        return !cancelled();
    }
}
