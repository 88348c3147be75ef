package org.mapwork.editor.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

import org.testfx.util.WaitForAsyncUtils;

/** Pixels of what the window shows, for workflow tests. */
final class Snapshots {

    private Snapshots() {
    }

    static WritableImage of(Node node) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        // let a pulse pass so that the canvas has painted the latest state
        Thread.sleep(60);
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(10, TimeUnit.SECONDS);
    }

    /** How many pixels of a rectangle differ between two images by more than {@code threshold} in a channel. */
    static int differing(WritableImage a, WritableImage b, int x0, int y0, int w, int h, int threshold) {
        PixelReader pa = a.getPixelReader();
        PixelReader pb = b.getPixelReader();
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(y0 + h, (int) Math.min(a.getHeight(), b.getHeight())); y++) {
            for (int x = Math.max(0, x0); x < Math.min(x0 + w, (int) Math.min(a.getWidth(), b.getWidth())); x++) {
                if (contrast(pa.getArgb(x, y), pb.getArgb(x, y)) > threshold) {
                    n++;
                }
            }
        }
        return n;
    }

    /** How many pixels of a rectangle stand out from a background colour. */
    static int inked(WritableImage a, int x0, int y0, int w, int h, int background) {
        PixelReader pa = a.getPixelReader();
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(y0 + h, (int) a.getHeight()); y++) {
            for (int x = Math.max(0, x0); x < Math.min(x0 + w, (int) a.getWidth()); x++) {
                if (contrast(pa.getArgb(x, y), background) > 40) {
                    n++;
                }
            }
        }
        return n;
    }

    static int contrast(int argb, int other) {
        int max = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            max = Math.max(max, Math.abs(((argb >> shift) & 0xff) - ((other >> shift) & 0xff)));
        }
        return max;
    }

    /** Keeps a snapshot where a person can look at it (editor/target/screenshots). */
    static void save(WritableImage image, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
    }
}
