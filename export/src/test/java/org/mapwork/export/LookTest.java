package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.mapwork.export.format.PngExport;
import org.mapwork.export.format.SvgExport;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.MapDocument;

/** Writes the sample maps to target/look so a person can open them (rsvg-convert, pdftoppm, an image viewer). */
class LookTest {

    @Test
    void sampleMapsAreWrittenAsSvgAndPngForALook() throws Exception {
        Path dir = Path.of("target", "look");
        Files.createDirectories(dir);
        MapPainter painter = new MapPainter(TestMethod.LOOKUP);
        MapDocument doc = TestMaps.workersCentre();
        try (OutputStream out = Files.newOutputStream(dir.resolve("workers.svg"))) {
            SvgExport.write(doc, painter, RenderOptions.file(), out);
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("workers.png"))) {
            PngExport.write(doc, painter, RenderOptions.file(), 96, out);
        }
        assertTrue(Files.size(dir.resolve("workers.svg")) > 1000);
        assertTrue(Files.size(dir.resolve("workers.png")) > 1000);
    }
}
