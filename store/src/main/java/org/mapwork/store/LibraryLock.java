package org.mapwork.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * The mark that one process owns a library: an OS file lock on {@code library.lock}, which also holds the owner's
 * process id so that a second Mapwork can say who has it. The OS drops the lock when the owner dies, even by
 * {@code kill -9}, so a crash never leaves a library locked.
 */
final class LibraryLock implements AutoCloseable {

    static final String FILE = "library.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private LibraryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static LibraryLock acquire(Path directory) {
        Path file = directory.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                channel.close();
                throw new LibraryInUseException(directory, OptionalLong.of(ProcessHandle.current().pid()), true);
            }
            if (lock == null) {
                channel.close();
                throw new LibraryInUseException(directory, readPid(file), false);
            }
            byte[] owner = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(owner), 0);
            channel.force(false);
            return new LibraryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new LibraryException("Cannot lock the library " + directory + " (" + file + "): " + e.getMessage(), e);
        }
    }

    private static OptionalLong readPid(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return s.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(s));
        } catch (IOException | NumberFormatException e) {
            // The owner may not have written its pid yet; the message then names no pid.
            return OptionalLong.empty();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it as well
        }
        closeQuietly(channel);
    }
}
