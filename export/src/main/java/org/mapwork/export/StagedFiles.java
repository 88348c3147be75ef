package org.mapwork.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.mapwork.model.json.TemporarySibling;

/**
 * The files of one export while it is being written: each goes to a temporary sibling of its target, and only when
 * all are complete are they moved into place (each move atomic). Closing without {@link #moveIntoPlace()}, after a
 * failure or a cancel, deletes the temporary files, so an export leaves either all its files or none, never half a
 * file where a good one was; those of an export that was killed are deleted by the next export to the same file
 * ({@link TemporarySibling}).
 */
final class StagedFiles implements AutoCloseable {

    /** Writes one file's content. */
    interface Writing {
        void to(OutputStream out) throws IOException;
    }

    private record Staged(TemporarySibling temporary, Path target) {
    }

    private final ExportProgress progress;
    private final int count;
    private final List<Staged> staged = new ArrayList<>();

    StagedFiles(ExportProgress progress, int count) {
        this.progress = progress;
        this.count = count;
    }

    /** Writes {@code target}'s content to a temporary file beside it. */
    void write(Path target, Writing writing) throws IOException {
        checkNotCancelled();
        progress.file(target, staged.size(), count);
        TemporarySibling tmp = TemporarySibling.beside(target);
        staged.add(new Staged(tmp, target));
        try (OutputStream out = new BufferedOutputStream(new Watched(tmp.output()), 1 << 16)) {
            writing.to(out);
        } catch (IOException | RuntimeException e) {
            // a writer may wrap the stop in an error of its own (SVG's transformer does): a cancel is a cancel
            if (progress.cancelled()) {
                InterruptedIOException stop = new InterruptedIOException("export cancelled");
                stop.initCause(e);
                throw stop;
            }
            throw e;
        }
        checkNotCancelled();
    }

    /** Stops the export here when the progress says so. */
    void checkNotCancelled() throws InterruptedIOException {
        if (progress.cancelled()) {
            throw new InterruptedIOException("export cancelled");
        }
    }

    /** Moves every file into place, unless the progress says, at this last moment, to stop. */
    void moveIntoPlace() throws IOException {
        if (!progress.commit()) {
            throw new InterruptedIOException("export cancelled");
        }
        for (Staged s : staged) {
            // temporary files are private (rw-------); an exported file is for sharing, like any other document
            Path tmp = s.temporary().path();
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            s.temporary().moveOver(s.target());
        }
        close();
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Staged s : staged) {
            try {
                s.temporary().close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        staged.clear();
        if (first != null) {
            throw first;
        }
    }

    /** Counts what reaches the file and asks whether to stop on each block (it sits below a 64 KiB buffer). */
    private final class Watched extends FilterOutputStream {
        private static final int BLOCK = 1 << 16;
        private long bytes;

        Watched(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            // a writer may hand over its whole file at once (the SVG canvas does): still ask on every block
            for (int done = 0; done < len; ) {
                int n = Math.min(BLOCK, len - done);
                checkNotCancelled();
                out.write(b, off + done, n);
                done += n;
                bytes += n;
                progress.written(bytes);
            }
        }
    }
}
