package org.mapwork.model.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A file being written beside the file it will replace ({@code .NAME<digits>.tmp}), moved over it only when complete,
 * so that a failed write never leaves half a file where a good one was. Closing it without {@link #moveOver} deletes
 * it. The process holds a lock on it while it exists, so that one left by a process that was killed (a kill -9, the
 * kernel's out-of-memory killer, a power cut) can be told from one being written: the next write to the same
 * target deletes the unlocked ones ({@link #beside}). A normal stop of the JVM (Ctrl+C, a kill, System.exit) deletes
 * those still open.
 */
public final class TemporarySibling implements AutoCloseable {

    /** The temporary files this JVM has open; never probed by the sweep (closing a probe would drop their lock). */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(p -> {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // the next write to its target sweeps it
            }
        }), "mapwork-temporary-files"));
    }

    private final Path path;
    private final FileChannel channel;
    private boolean moved;

    private TemporarySibling(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * A new temporary file beside {@code target}, locked by this process; first deletes the temporary files of
     * {@code target} that no live process holds (left by a write that was killed).
     */
    public static TemporarySibling beside(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        sweep(dir, name);
        Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
        FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
        try {
            channel.lock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(tmp);
            throw e;
        }
        OPEN.add(tmp);
        return new TemporarySibling(tmp, channel);
    }

    /** Deletes the temporary files of {@code dir/name} that are not locked: their writer is gone. */
    static void sweep(Path dir, String name) {
        Pattern mine = Pattern.compile("\\." + Pattern.quote(name) + "\\d+\\.tmp");
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, p -> mine.matcher(p.getFileName().toString()).matches())) {
            for (Path p : found) {
                if (!OPEN.contains(p)) {
                    deleteIfUnlocked(p);
                }
            }
        } catch (IOException e) {
            // a folder that cannot be listed: the write itself will say what is wrong
        }
    }

    private static void deleteIfUnlocked(Path p) {
        try (FileChannel probe = FileChannel.open(p, StandardOpenOption.WRITE)) {
            FileLock lock = probe.tryLock();
            if (lock != null) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | OverlappingFileLockException e) {
            // held or gone: leave it
        }
    }

    /** Where it is. */
    public Path path() {
        return path;
    }

    /** Writes to the file (through the locked channel; closing the stream leaves the file and its lock). */
    public OutputStream output() {
        return new java.io.FilterOutputStream(Channels.newOutputStream(channel)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Moves the complete file over {@code target} (atomically); closing it then leaves it there. */
    public void moveOver(Path target) throws IOException {
        Files.move(path, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        moved = true;
    }

    /** Releases the file: deletes it unless it was moved into place. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            OPEN.remove(path);
            if (!moved) {
                Files.deleteIfExists(path);
            }
        }
    }
}
