package org.mapwork.export.paint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.Methods;

/**
 * The editor draws a map in 256-pixel pieces (tiles), the files draw it whole: the two must be one picture, with no
 * seams, no faded or missing lines where a piece ends, and dashes that carry on across pieces.
 */
class PiecewiseDrawingTest {

    private static final int T = 256;

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"net-map, 1.0", "net-map, 0.8", "net-map, 0.45", "net-map, 2.5", "net-map, 0.15",
            "theory-of-change, 0.7", "rich-picture, 1.3", "power-interest, 0.6", "fishbone, 0.9"})
    void aMapDrawnInTilesIsTheMapDrawnWhole(String method, double scale) {
        MapDocument doc = Methods.byId(method).orElseThrow().starter(true, Locale.ENGLISH);
        MapPainter painter = new MapPainter();
        Rectangle2D ext = painter.extent(doc, RenderOptions.screen(Set.of()));
        long offX = Math.round(ext.getX() * scale) - 37, offY = Math.round(ext.getY() * scale) - 21;
        int w = (int) Math.ceil(ext.getWidth() * scale) + 74, h = (int) Math.ceil(ext.getHeight() * scale) + 42;
        BufferedImage whole = image(w, h);
        Graphics2D g = whole.createGraphics();
        painter.paint(g, doc, Viewport.ofCanvas(offX / scale, offY / scale, w, h, scale), RenderOptions.screen(Set.of()));
        g.dispose();
        BufferedImage tiled = image(w, h);
        Graphics2D gt = tiled.createGraphics();
        for (long r = Math.floorDiv(offY, T); r * T < offY + h; r++) {
            for (long c = Math.floorDiv(offX, T); c * T < offX + w; c++) {
                BufferedImage tile = image(T, T);
                Graphics2D g2 = tile.createGraphics();
                painter.paint(g2, doc, new Viewport(c * (double) T / scale, r * (double) T / scale, T / scale, T / scale, scale),
                        RenderOptions.screen(Set.of()));
                g2.dispose();
                gt.drawImage(tile, (int) (c * T - offX), (int) (r * T - offY), null);
            }
        }
        gt.dispose();
        boolean[][] differs = new boolean[h][w];
        int worst = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = whole.getRGB(x, y), b = tiled.getRGB(x, y);
                int d = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    d = Math.max(d, Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)));
                }
                worst = Math.max(worst, d);
                // one of the rasteriser's eight sub-rows of coverage is 32 levels: a clipped line may round so
                differs[y][x] = d > 40;
            }
        }
        // Java2D places a glyph at a whole pixel, and where its position lies on a rounding edge the two drawings may
        // put it one pixel apart: a patch the size of a glyph. A seam, a faded line or broken dashes run longer.
        Rectangle2D largest = largestPatch(differs);
        if (largest != null && (largest.getWidth() > 16 || largest.getHeight() > 16)) {
            try {
                java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "look"));
                javax.imageio.ImageIO.write(whole, "png", new java.io.File("target/look/whole-" + method + "-" + scale + ".png"));
                javax.imageio.ImageIO.write(tiled, "png", new java.io.File("target/look/tiled-" + method + "-" + scale + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertTrue(largest == null || largest.getWidth() <= 16 && largest.getHeight() <= 16,
                "a patch of differing pixels larger than a glyph: " + largest + " (worst " + worst + "; pictures in target/look)");
    }

    /** The bounding box of the largest group of differing pixels (pixels within 3 of each other join a group). */
    private static Rectangle2D largestPatch(boolean[][] differs) {
        int h = differs.length, w = differs[0].length;
        boolean[][] seen = new boolean[h][w];
        Rectangle2D largest = null;
        java.util.ArrayDeque<int[]> todo = new java.util.ArrayDeque<>();
        for (int y0 = 0; y0 < h; y0++) {
            for (int x0 = 0; x0 < w; x0++) {
                if (!differs[y0][x0] || seen[y0][x0]) {
                    continue;
                }
                Rectangle2D box = new Rectangle2D.Double(x0, y0, 1, 1);
                seen[y0][x0] = true;
                todo.add(new int[] {x0, y0});
                while (!todo.isEmpty()) {
                    int[] p = todo.poll();
                    box.add(p[0] + 1, p[1] + 1);
                    box.add(p[0], p[1]);
                    for (int dy = -3; dy <= 3; dy++) {
                        for (int dx = -3; dx <= 3; dx++) {
                            int x = p[0] + dx, y = p[1] + dy;
                            if (x >= 0 && y >= 0 && x < w && y < h && differs[y][x] && !seen[y][x]) {
                                seen[y][x] = true;
                                todo.add(new int[] {x, y});
                            }
                        }
                    }
                }
                if (largest == null || box.getWidth() * box.getHeight() > largest.getWidth() * largest.getHeight()) {
                    largest = box;
                }
            }
        }
        return largest;
    }

    @Test
    void aSegmentIsCutToARectangle() {
        Line2D across = new Line2D.Double(-100, 50, 300, 50);
        assertArrayEquals(new double[] {0.25, 0.5}, SceneShapes.clipped(across, 0, 0, 100, 100), 1e-12);
        assertArrayEquals(new double[] {0, 1}, SceneShapes.clipped(new Line2D.Double(10, 10, 90, 90), 0, 0, 100, 100), 1e-12);
        assertNull(SceneShapes.clipped(new Line2D.Double(-10, 150, 300, 150), 0, 0, 100, 100));
        assertNull(SceneShapes.clipped(new Line2D.Double(150, -10, 300, 50), 0, 0, 100, 100));
    }

    private static BufferedImage image(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }
}
