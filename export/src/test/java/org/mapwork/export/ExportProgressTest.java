package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mapwork.model.MapDocument;

/** An export tells which file it writes and how many bytes, stops when asked, and then leaves no file behind. */
class ExportProgressTest {

    @TempDir
    Path dir;

    private final MapDocument doc = TestMaps.workersCentre();

    private List<String> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Records what the exporter tells, and cancels when a condition on it first holds. */
    private static class Watching implements ExportProgress {
        final List<String> told = new ArrayList<>();
        long bytes;
        int blocks;
        boolean cancel;
        boolean commitAsked;

        @Override
        public void file(Path target, int index, int count) {
            told.add("file " + target.getFileName() + " " + (index + 1) + "/" + count);
        }

        @Override
        public void written(long b) {
            bytes = b;
            blocks++;
        }

        @Override
        public boolean cancelled() {
            return cancel;
        }

        @Override
        public boolean commit() {
            commitAsked = true;
            return ExportProgress.super.commit();
        }
    }

    @Test
    void csv_tells_its_three_files_in_turn_and_the_bytes_of_each() throws Exception {
        Watching progress = new Watching();
        List<Path> written = new MapExporter().export(doc, ExportFormat.CSV, dir.resolve("centre.csv"),
                MapExporter.Options.defaults(), progress);
        assertEquals(List.of("file centre-nodes.csv 1/3", "file centre-links.csv 2/3", "file centre-map.csv 3/3"), progress.told);
        assertEquals(Files.size(written.get(2)), progress.bytes, "the last count is the last file's size");
        assertTrue(progress.commitAsked);
        assertEquals(List.of("centre-links.csv", "centre-map.csv", "centre-nodes.csv"), listing());
    }

    @Test
    void a_cancel_between_the_two_csv_files_leaves_neither_and_no_temporary_file() throws Exception {
        Watching progress = new Watching() {
            @Override
            public void file(Path target, int index, int count) {
                super.file(target, index, count);
                cancel = index == 1;
            }
        };
        assertThrows(InterruptedIOException.class, () -> new MapExporter().export(doc, ExportFormat.CSV,
                dir.resolve("centre.csv"), MapExporter.Options.defaults(), progress));
        assertEquals(List.of(), listing(), "the nodes table was complete, but the export as a whole was not");
    }

    @Test
    void a_cancel_while_the_svg_is_being_written_keeps_the_file_that_was_there() throws Exception {
        Path svg = dir.resolve("centre.svg");
        Files.writeString(svg, "the export of last week");
        Watching progress = new Watching() {
            @Override
            public void written(long b) {
                super.written(b);
                cancel = true;
            }
        };
        assertThrows(InterruptedIOException.class, () -> new MapExporter().export(doc, ExportFormat.SVG, svg,
                MapExporter.Options.defaults(), progress));
        assertTrue(progress.bytes > 0, "bytes were written before the cancel");
        assertEquals(List.of("centre.svg"), listing(), "no temporary file is left");
        assertEquals("the export of last week", Files.readString(svg));
    }

    @Test
    void a_cancel_in_the_middle_of_a_large_svg_stops_it_as_a_cancel_and_leaves_nothing() throws Exception {
        MapDocument large = TestMaps.grid(400, 2);
        Watching progress = new Watching() {
            @Override
            public void written(long b) {
                super.written(b);
                cancel = true;
            }
        };
        // the cancel reaches the SVG writer's transformer, which wraps it; the export still says it was cancelled
        assertThrows(InterruptedIOException.class, () -> new MapExporter().export(large, ExportFormat.SVG,
                dir.resolve("grid.svg"), MapExporter.Options.defaults(), progress));
        assertEquals(1, progress.blocks, "it stopped at the block after the cancel");
        assertTrue(progress.bytes > 0 && progress.bytes <= 1 << 16, "one block of at most 64 KiB: " + progress.bytes);
        assertEquals(List.of(), listing());
    }

    @Test
    void a_refused_commit_moves_nothing_into_place() throws Exception {
        Watching progress = new Watching() {
            @Override
            public boolean commit() {
                super.commit();
                return false;
            }
        };
        assertThrows(InterruptedIOException.class, () -> new MapExporter().export(doc, ExportFormat.MD,
                dir.resolve("centre.md"), MapExporter.Options.defaults(), progress));
        assertTrue(progress.commitAsked);
        assertEquals(List.of("file centre.svg 1/2", "file centre.md 2/2"), progress.told);
        assertEquals(List.of(), listing());
    }

    @Test
    void the_temporary_file_a_killed_export_left_is_swept_by_the_next_export_to_that_file() throws Exception {
        // as a kill -9 leaves it: named as the export names its temporary files, and no process holding it
        Path left = dir.resolve(".centre.svg8123456789.tmp");
        Files.writeString(left, "<svg");
        Path someoneElses = dir.resolve(".centre.svg.swp");
        Files.writeString(someoneElses, "an editor's swap file");
        new MapExporter().export(doc, ExportFormat.SVG, dir.resolve("centre.svg"), MapExporter.Options.defaults());
        assertEquals(List.of(".centre.svg.swp", "centre.svg"), listing());
    }

    @Test
    void a_failing_export_leaves_no_temporary_file() throws Exception {
        Watching progress = new Watching();
        // a map that PNG cannot hold at this resolution: the painter refuses it once the file is begun
        assertThrows(IllegalArgumentException.class, () -> new MapExporter().export(doc, ExportFormat.PNG,
                dir.resolve("centre.png"), MapExporter.Options.defaults().withDpi(5), progress));
        assertEquals(List.of(), listing());
    }

    /** 5,000 actors and 5,000 links, built once: large enough that its drawing is asked many times whether to stop. */
    private static MapDocument large;

    private static synchronized MapDocument large() {
        if (large == null) {
            large = TestMaps.grid(5_000, 1);
        }
        return large;
    }

    /**
     * Cancels from the {@code at}-th time it is asked on (the first question is the exporter's, before the file; the
     * painter asks before its first element and every 256 elements), and counts the questions after the first yes.
     */
    private static class CancelledWhenAsked extends Watching {
        final int at;
        int asked;
        int askedAfterYes;

        CancelledWhenAsked(int at) {
            this.at = at;
        }

        @Override
        public boolean cancelled() {
            asked++;
            if (cancel) {
                askedAfterYes++;
            }
            cancel = asked >= at;
            return cancel;
        }
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"SVG", "PNG", "PDF", "HTML"})
    void a_cancel_while_a_large_map_is_drawn_stops_the_drawing_and_keeps_the_file_that_was_there(ExportFormat format)
            throws Exception {
        MapDocument doc = large();
        assertEquals(10_000, doc.size());
        Path target = dir.resolve("large." + format.name().toLowerCase(java.util.Locale.ROOT));
        Files.writeString(target, "the export of last week");
        // the third question comes from the painter after its first 256 elements
        CancelledWhenAsked progress = new CancelledWhenAsked(3);
        InterruptedIOException stop = assertThrows(InterruptedIOException.class, () -> new MapExporter().export(doc,
                format, target, MapExporter.Options.defaults().withDpi(10), progress));
        assertInstanceOf(CancellationException.class, stop.getCause(), "the drawing stopped: " + stop.getCause());
        assertTrue(stop.getCause().getMessage().contains("after 256 items"), stop.getCause().getMessage());
        // drawing all 10,000 elements would have asked some 40 times; once the painter heard yes only the exporter asked
        assertEquals(1, progress.askedAfterYes, "questions after the cancel");
        assertEquals(0, progress.bytes, "nothing of the file was written");
        assertEquals(List.of(target.getFileName().toString()), listing(), "no temporary file is left");
        assertEquals("the export of last week", Files.readString(target));
    }

    @Test
    void an_export_that_is_not_cancelled_draws_the_large_map_whole() throws Exception {
        CancelledWhenAsked never = new CancelledWhenAsked(Integer.MAX_VALUE);
        List<Path> written = new MapExporter().export(large(), ExportFormat.SVG, dir.resolve("large.svg"),
                MapExporter.Options.defaults(), never);
        assertEquals(List.of("large.svg"), listing());
        // before the file, every 256 of the 10,000 elements (40), and on each 64 KiB block written
        assertTrue(never.asked >= 1 + 40 + never.blocks, "asked " + never.asked + " times, " + never.blocks + " blocks");
        assertTrue(Files.readString(written.get(0)).contains("Actor 4999"), "the last actor is drawn");
    }
}
