package org.mapwork.store;

import java.nio.file.Path;
import java.util.OptionalLong;

/** Another Mapwork (or this one) already has the library open; one process owns a library at a time. */
public final class LibraryInUseException extends LibraryException {

    private static final long serialVersionUID = 1L;

    private final Path directory;
    private final OptionalLong ownerPid;

    LibraryInUseException(Path directory, OptionalLong ownerPid, boolean thisProcess) {
        super(message(directory, ownerPid, thisProcess));
        this.directory = directory;
        this.ownerPid = ownerPid;
    }

    private static String message(Path directory, OptionalLong pid, boolean thisProcess) {
        if (thisProcess) {
            return "This library (" + directory + ") is already open in this Mapwork. Use the window that has it open.";
        }
        String who = pid.isPresent() ? "another Mapwork (pid " + pid.getAsLong() + ")" : "another Mapwork";
        return "This library (" + directory + ") is already open in " + who
                + ". Close it there, or use --library DIR for another library.";
    }

    public Path directory() {
        return directory;
    }

    /** The process id of the Mapwork that has it open, when it could be read. */
    public OptionalLong ownerPid() {
        return ownerPid;
    }
}
