package org.mapwork.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A temporary file left by a write that was killed is deleted by the next write to the same file, while one that a
 * live process is writing is left alone; a write that fails leaves none.
 */
class TemporarySiblingTest {

    @TempDir
    Path dir;

    private List<String> listing() throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Run in a child JVM: begins a temporary file beside args[0], says where, and waits to be killed. */
    public static void main(String[] args) throws Exception {
        TemporarySibling tmp = TemporarySibling.beside(Path.of(args[0]));
        try (OutputStream out = tmp.output()) {
            out.write("half a map".getBytes(StandardCharsets.UTF_8));
        }
        System.out.println(tmp.path());
        System.out.flush();
        Thread.sleep(60_000);
    }

    @Test
    void the_temporary_file_of_a_killed_write_is_swept_by_the_next_write_and_a_live_ones_is_not() throws Exception {
        Path target = dir.resolve("map.mapwork.json");
        Files.writeString(target, "the map as it was");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TemporarySiblingTest.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try {
            String left;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                left = r.readLine();
                assertTrue(left != null && Files.exists(Path.of(left)), "the child began its file: " + left);
                // while the child lives, its file is its own
                TemporarySibling.sweep(dir, "map.mapwork.json");
                assertTrue(Files.exists(Path.of(left)), "a live write's file is kept");
                child.destroyForcibly(); // kill -9: no shutdown hook runs
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            assertTrue(Files.exists(Path.of(left)), "the killed write left its file");
            assertTrue(Path.of(left).getFileName().toString().startsWith(".map.mapwork.json"), left);
            try (TemporarySibling next = TemporarySibling.beside(target)) {
                assertTrue(Files.notExists(Path.of(left)), "the next write to the same file swept it");
                try (OutputStream out = next.output()) {
                    out.write("the new map".getBytes(StandardCharsets.UTF_8));
                }
                next.moveOver(target);
            }
            assertEquals(List.of("map.mapwork.json"), listing());
            assertEquals("the new map", Files.readString(target));
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void a_write_that_is_closed_without_being_moved_leaves_nothing_and_other_files_alone() throws Exception {
        Path target = dir.resolve("map.svg");
        Files.writeString(dir.resolve(".map.svg.notes"), "someone's own hidden file");
        Files.writeString(dir.resolve(".other.svg123.tmp"), "another target's temporary file");
        try (TemporarySibling tmp = TemporarySibling.beside(target)) {
            try (OutputStream out = tmp.output()) {
                out.write(1);
            }
            assertEquals(3, listing().size());
        }
        assertEquals(List.of(".map.svg.notes", ".other.svg123.tmp"), listing());
    }
}
