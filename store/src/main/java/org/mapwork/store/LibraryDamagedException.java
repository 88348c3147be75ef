package org.mapwork.store;

import java.nio.file.Path;

/**
 * The library's database file cannot be read. The message says what the way out is: {@link Library#recover}
 * sets the damaged file aside untouched and rebuilds the library from the newest good snapshots and backups.
 */
public final class LibraryDamagedException extends LibraryException {

    private static final long serialVersionUID = 1L;

    private final Path databaseFile;

    LibraryDamagedException(Path databaseFile, String problem, String wayOut, Throwable cause) {
        super("The library database " + databaseFile + " is damaged: " + problem + ". " + wayOut, cause);
        this.databaseFile = databaseFile;
    }

    /** The damaged file (left exactly as it was). */
    public Path databaseFile() {
        return databaseFile;
    }
}
