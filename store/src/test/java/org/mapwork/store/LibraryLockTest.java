package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondMapworkOnTheSameLibraryIsToldWhoHasItOpen() throws Exception {
        Path out = dir.resolve("holder.txt");
        Path lib = dir.resolve("lib");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), lib.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            long start = System.nanoTime();
            while (!Files.readString(out).startsWith("open") && holder.isAlive() && System.nanoTime() - start < 30_000_000_000L) {
                Thread.sleep(20);
            }

            LibraryInUseException e = assertThrows(LibraryInUseException.class, () -> Library.open(lib, TestMaps.SCHEMAS));

            assertEquals("This library (" + lib.toAbsolutePath().normalize() + ") is already open in another Mapwork (pid "
                    + holder.pid() + "). Close it there, or use --library DIR for another library.", e.getMessage());
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        // once the other Mapwork is gone (even killed), the library opens
        Library.open(lib, TestMaps.SCHEMAS).close();
    }
}
