package org.mapwork.export.paint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.mapwork.export.TestMaps;
import org.mapwork.export.TestMethod;
import org.mapwork.model.MapDocument;

/**
 * A painter told when to stop asks before its first element and every {@value ItemDrawing#STOP_CHECK_EVERY} elements,
 * stops at the first yes with a {@link CancellationException}, and draws whole again once the answer is no.
 */
class DrawingStopTest {

    private static final MapDocument LARGE = TestMaps.grid(5_000, 1);

    /** Says yes from the {@code at}-th question on, and counts the questions. */
    private static final class Stop implements java.util.function.BooleanSupplier {
        int at;
        int asked;

        Stop(int at) {
            this.at = at;
        }

        @Override
        public boolean getAsBoolean() {
            return ++asked >= at;
        }
    }

    private static BufferedImage draw(MapPainter painter, Rectangle2D extent) {
        BufferedImage img = image(extent);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        painter.paint(g, LARGE, Viewport.of(extent, 0.05), RenderOptions.file());
        g.dispose();
        return img;
    }

    private static BufferedImage image(Rectangle2D extent) {
        return new BufferedImage((int) Math.ceil(extent.getWidth() * 0.05), (int) Math.ceil(extent.getHeight() * 0.05),
                BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void aDrawingAskedToStopStopsAtTheNextQuestionAndLeavesTheGraphicsAsItWas() {
        assertEquals(10_000, LARGE.size());
        MapPainter painter = new MapPainter(TestMethod.LOOKUP);
        Stop stop = new Stop(3);
        painter.stopWhen(stop);
        Rectangle2D extent = painter.extent(LARGE, RenderOptions.file());
        BufferedImage img = image(extent);
        Graphics2D g = img.createGraphics();
        AffineTransform before = g.getTransform();
        CancellationException stopped = assertThrows(CancellationException.class,
                () -> painter.paint(g, LARGE, Viewport.of(extent, 0.05), RenderOptions.file()));
        // asked before element 0, 256 and 512: it drew 512 elements of the 10,000 and asked no more
        assertEquals(3, stop.asked, "questions");
        assertTrue(stopped.getMessage().contains("after 512 items"), stopped.getMessage());
        assertEquals(before, g.getTransform(), "the transform is given back");
        g.dispose();
    }

    @Test
    void afterAStopThePainterDrawsTheWholeMapAgainOnceTheAnswerIsNo() {
        MapPainter painter = new MapPainter(TestMethod.LOOKUP);
        Stop stop = new Stop(2);
        painter.stopWhen(stop);
        Rectangle2D extent = painter.extent(LARGE, RenderOptions.file());
        assertThrows(CancellationException.class, () -> draw(painter, extent));
        stop.at = Integer.MAX_VALUE;
        stop.asked = 0;
        BufferedImage whole = draw(painter, extent);
        // 10,000 elements: asked before element 0 and every 256 after it
        assertEquals(40, stop.asked, "questions while drawing all of it");
        BufferedImage fresh = draw(new MapPainter(TestMethod.LOOKUP), extent);
        int differing = 0;
        for (int y = 0; y < whole.getHeight(); y++) {
            for (int x = 0; x < whole.getWidth(); x++) {
                differing += whole.getRGB(x, y) != fresh.getRGB(x, y) ? 1 : 0;
            }
        }
        assertEquals(0, differing, "pixels differing from a painter never stopped");
    }
}
