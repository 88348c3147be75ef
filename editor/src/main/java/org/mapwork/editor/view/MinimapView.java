package org.mapwork.editor.view;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Set;

import javafx.animation.PauseTransition;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import org.mapwork.editor.map.MapViewModel;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.Viewport;
import org.mapwork.model.MapDocument;

/**
 * The minimap: the whole map small, through the same painter, with the visible area outlined; a click or drag
 * moves the view there. The picture is drawn in the background (a large map takes a while even this small) at most
 * every quarter second after changes; the outline follows the view at once.
 */
public final class MinimapView extends StackPane {

    private static final double W = 200;
    private static final double H = 130;

    /** The picture of one snapshot and where the map sits in it. */
    private record Picture(WritableImage image, Rectangle2D area, double scale, double offX, double offY) {
    }

    private final MapViewModel vm;
    private final Canvas map = new Canvas(W, H);
    private final Canvas frame = new Canvas(W, H);
    private final PauseTransition throttle = new PauseTransition(Duration.millis(250));
    private final SnapshotWorker<Picture> pictures;
    private Rectangle2D area = new Rectangle2D.Double(0, 0, 1, 1);
    private double scale = 1;
    private double offX, offY;
    private boolean pending;

    public MinimapView(MapViewModel vm, MapPainter painter) {
        this.vm = vm;
        MapPainter own = painter.another();
        this.pictures = new SnapshotWorker<>("minimap", doc -> picture(own, doc), this::show);
        setId("minimap");
        getChildren().addAll(map, frame);
        setMaxSize(W, H);
        setStyle("-fx-border-color: #bbbbbb;");
        throttle.setOnFinished(e -> {
            if (pending) {
                pending = false;
                pictures.submit(vm.document());
            }
        });
        vm.addListener(a -> {
            if (a == MapViewModel.Aspect.DOCUMENT) {
                pending = true;
                if (throttle.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                    throttle.playFromStart();
                }
            } else if (a == MapViewModel.Aspect.VIEW) {
                paintFrame();
            }
        });
        frame.setOnMousePressed(e -> centreAt(e.getX(), e.getY()));
        frame.setOnMouseDragged(e -> centreAt(e.getX(), e.getY()));
        pictures.submit(vm.document());
    }

    private void centreAt(double x, double y) {
        double mx = area.getX() + (x - offX) / scale;
        double my = area.getY() + (y - offY) / scale;
        var cam = vm.camera();
        cam.setOrigin(mx - cam.viewWidth() / 2 / cam.scale(), my - cam.viewHeight() / 2 / cam.scale());
        vm.viewing().viewChanged();
    }

    /** Draws the whole map into a small image (on the background thread, with a painter of its own). */
    private static Picture picture(MapPainter painter, MapDocument doc) {
        Rectangle2D extent = painter.extent(doc, RenderOptions.screen(Set.of()));
        if (extent.isEmpty()) {
            extent = new Rectangle2D.Double(0, 0, 800, 600);
        }
        double scale = Math.min((W - 8) / extent.getWidth(), (H - 8) / extent.getHeight());
        double offX = (W - extent.getWidth() * scale) / 2;
        double offY = (H - extent.getHeight() * scale) / 2;
        BufferedImage img = SharedPixels.canvas((int) W, (int) H);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, (int) W, (int) H);
            g.translate(offX, offY);
            painter.paint(g, doc, Viewport.of(extent, scale), RenderOptions.screen(Set.of()));
        } finally {
            g.dispose();
        }
        return new Picture(SharedPixels.shown(img), extent, scale, offX, offY);
    }

    private void show(Picture p) {
        area = p.area();
        scale = p.scale();
        offX = p.offX();
        offY = p.offY();
        GraphicsContext gc = map.getGraphicsContext2D();
        gc.clearRect(0, 0, W, H);
        gc.drawImage(p.image(), 0, 0);
        paintFrame();
    }

    /** Whether a picture is still being drawn (tests wait for it). */
    public boolean drawing() {
        return pending || pictures.busy();
    }

    /** Stops the background drawing (the window is closing). */
    public void dispose() {
        throttle.stop();
        pictures.close();
    }

    private void paintFrame() {
        GraphicsContext gc = frame.getGraphicsContext2D();
        gc.clearRect(0, 0, W, H);
        Rectangle2D v = vm.camera().visibleArea();
        gc.setStroke(Color.web("#1f6feb"));
        gc.setLineWidth(1.5);
        gc.strokeRect(offX + (v.getX() - area.getX()) * scale, offY + (v.getY() - area.getY()) * scale,
                v.getWidth() * scale, v.getHeight() * scale);
    }
}
