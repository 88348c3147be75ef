package org.mapwork.editor.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.jfree.fx.FXGraphics2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.mapwork.export.format.PngExport;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.Viewport;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * The screen and the PNG export are one drawing: the same map painted onto the editor's kind of canvas (FXGraphics2D on
 * a JavaFX Canvas, snapshotted headlessly) and exported as a PNG at 96 dpi differ only by rasteriser noise.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasFidelityTest {

    /** Mean absolute difference per channel (0–255) below which two pictures count as the same drawing. */
    private static final double SAME_DRAWING = 4.0;

    private Pane root;

    @Start
    void start(Stage stage) {
        root = new Pane();
        stage.setScene(new Scene(root, 200, 200));
        stage.show();
    }

    @Test
    void the_canvas_and_the_png_export_of_a_map_differ_only_by_rasteriser_noise() throws Exception {
        MethodTemplate netMap = Methods.byId("net-map").orElseThrow();
        MapDocument doc = netMap.starter(true, Locale.ENGLISH);

        BufferedImage png = PngExport.render(doc, new MapPainter(), RenderOptions.file(), 96);
        BufferedImage screen = paintOnCanvas(doc, png.getWidth(), png.getHeight(), 0);
        double same = meanDifference(screen, png);

        // Controls: the measure must see a real difference — one actor moved, or the picture off by 6 pixels.
        Element actor = doc.nodes().findFirst().orElseThrow();
        MapDocument moved = ChangeEngine.apply(doc, netMap.schema(), ChangeSet.of("move",
                Change.setGeometry(actor.id(), actor.geometry().movedBy(300, 0)))).after();
        double actorMoved = meanDifference(paintOnCanvas(moved, png.getWidth(), png.getHeight(), 0), png);
        double offset = meanDifference(paintOnCanvas(doc, png.getWidth(), png.getHeight(), 6), png);

        assertEquals(png.getWidth(), screen.getWidth());
        assertTrue(same < SAME_DRAWING, "canvas vs PNG mean difference " + same);
        assertTrue(actorMoved > same, "moving one actor changes the picture: " + actorMoved + " vs " + same);
        assertTrue(offset > SAME_DRAWING, "a picture 6 px off is another drawing: " + offset);
        System.out.printf("canvas vs PNG: mean difference %.3f per channel; one actor moved %.3f; 6 px off %.3f%n",
                same, actorMoved, offset);
    }

    /** Paints like the editor's canvas: the whole map at 100 % onto a Canvas through FXGraphics2D, then a snapshot. */
    private BufferedImage paintOnCanvas(MapDocument doc, int width, int height, double offset) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            Canvas canvas = new Canvas(width, height);
            root.getChildren().setAll(canvas);
            FXGraphics2D g = new FXGraphics2D(canvas.getGraphicsContext2D());
            MapPainter painter = new MapPainter();
            Rectangle2D extent = painter.extent(doc, RenderOptions.file());
            Rectangle2D shifted = new Rectangle2D.Double(extent.getX() + offset, extent.getY() + offset,
                    extent.getWidth(), extent.getHeight());
            painter.paint(g, doc, Viewport.of(shifted, 1.0), RenderOptions.file());
            return canvas.snapshot(null, null);
        }).get(30, TimeUnit.SECONDS);
        return SwingFXUtils.fromFXImage(image, null);
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        int w = Math.min(a.getWidth(), b.getWidth()), h = Math.min(a.getHeight(), b.getHeight());
        long sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * w * h);
    }
}
