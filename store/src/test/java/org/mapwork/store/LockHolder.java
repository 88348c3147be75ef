package org.mapwork.store;

import java.nio.file.Path;

/** Opens a library, says "open", and keeps it open until killed: the other Mapwork of {@link LibraryLockTest}. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Library.open(Path.of(args[0]), TestMaps.SCHEMAS);
        System.out.println("open " + ProcessHandle.current().pid());
        Thread.sleep(60_000);
    }
}
