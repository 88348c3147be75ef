package org.mapwork.editor.view;

import java.awt.geom.Rectangle2D;
import java.util.Set;

import javafx.animation.PauseTransition;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import org.jfree.fx.FXGraphics2D;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.Viewport;

/**
 * The minimap: the whole map small, through the same painter, with the visible area outlined; a click or drag
 * moves the view there. The map is redrawn at most every quarter second, the outline at once.
 */
public final class MinimapView extends StackPane {

    private static final double W = 200;
    private static final double H = 130;

    private final MapViewModel vm;
    private final MapPainter painter;
    private final Canvas map = new Canvas(W, H);
    private final Canvas frame = new Canvas(W, H);
    private final FXGraphics2D g2;
    private final PauseTransition throttle = new PauseTransition(Duration.millis(250));
    private Rectangle2D area = new Rectangle2D.Double(0, 0, 1, 1);
    private double scale = 1;
    private double offX, offY;
    private boolean pending;

    public MinimapView(MapViewModel vm, MapPainter painter) {
        this.vm = vm;
        this.painter = painter;
        this.g2 = new FXGraphics2D(map.getGraphicsContext2D());
        setId("minimap");
        getChildren().addAll(map, frame);
        setMaxSize(W, H);
        setStyle("-fx-border-color: #bbbbbb;");
        throttle.setOnFinished(e -> {
            if (pending) {
                pending = false;
                paintMap();
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
        paintMap();
    }

    private void centreAt(double x, double y) {
        double mx = area.getX() + (x - offX) / scale;
        double my = area.getY() + (y - offY) / scale;
        var cam = vm.camera();
        cam.setOrigin(mx - cam.viewWidth() / 2 / cam.scale(), my - cam.viewHeight() / 2 / cam.scale());
        vm.viewChanged();
    }

    private void paintMap() {
        GraphicsContext gc = map.getGraphicsContext2D();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, W, H);
        Rectangle2D extent = painter.extent(vm.document(), RenderOptions.screen(Set.of()));
        if (extent.isEmpty()) {
            extent = new Rectangle2D.Double(0, 0, 800, 600);
        }
        area = extent;
        scale = Math.min((W - 8) / extent.getWidth(), (H - 8) / extent.getHeight());
        offX = (W - extent.getWidth() * scale) / 2;
        offY = (H - extent.getHeight() * scale) / 2;
        g2.translate(offX, offY);
        painter.paint(g2, vm.document(), Viewport.of(extent, scale), RenderOptions.screen(Set.of()));
        g2.translate(-offX, -offY);
        paintFrame();
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
