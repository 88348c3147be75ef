package org.mapwork.editor.view;

import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import org.jfree.fx.FXGraphics2D;
import org.mapwork.editor.canvas.Camera;
import org.mapwork.editor.map.LabelEdit;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.tool.CanvasInput;
import org.mapwork.editor.tool.CanvasInput.Button;
import org.mapwork.editor.tool.CanvasInput.Modifiers;
import org.mapwork.editor.tool.Handle;
import org.mapwork.editor.tool.SelectTool;
import org.mapwork.editor.tool.Tool;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.Viewport;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Point;

/**
 * The map canvas: draws the map through the shared {@link MapPainter} (via FXGraphics2D, only the visible area),
 * turns mouse and key events into {@link CanvasInput}s for the current tool, and shows the in-place label editor.
 * It repaints at most once per pulse, whatever asked for it: a local edit, undo, redo or a change from elsewhere.
 */
public final class MapCanvasView extends Region {

    private static final Color BACKGROUND = Color.web("#fbfbf8");
    private static final Color GRID = Color.web("#e6e6e0");
    private static final Color ACCENT = Color.web("#1f6feb");

    private final MapViewModel vm;
    private final MapPainter painter;
    private final Canvas canvas = new Canvas(800, 600);
    private final FXGraphics2D g2;
    private final TextField labelField = new TextField();
    private final ScrollBar hBar = new ScrollBar();
    private final ScrollBar vBar = new ScrollBar();
    private final Pane layer = new Pane();
    private Tool tool;
    private boolean dirty = true;
    private boolean syncingBars;
    private long frames;
    private Consumer<Long> frameListener;
    private MapDocument extentFor;
    private Rectangle2D extent;

    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // one paint per pulse at most, however many changes arrived since the last one
            stop();
            if (dirty) {
                dirty = false;
                paint();
                if (frameListener != null) {
                    frameListener.accept(now);
                }
            }
        }
    };

    public MapCanvasView(MapViewModel vm, MapPainter painter) {
        this.vm = vm;
        this.painter = painter;
        this.tool = new SelectTool(vm);
        this.g2 = new FXGraphics2D(canvas.getGraphicsContext2D());
        setId("map-canvas");
        canvas.setFocusTraversable(true);
        canvas.setId("map-canvas-surface");
        labelField.setId("label-editor");
        labelField.setVisible(false);
        labelField.setManaged(false);
        hBar.setOrientation(Orientation.HORIZONTAL);
        vBar.setOrientation(Orientation.VERTICAL);
        layer.getChildren().addAll(canvas, labelField);
        getChildren().addAll(layer, hBar, vBar);
        setMinSize(200, 150);

        vm.addListener(aspect -> {
            if (aspect == MapViewModel.Aspect.LABEL_EDIT) {
                showLabelEditor();
            }
            requestRepaint();
        });
        wireMouse();
        wireLabelField();
        hBar.valueProperty().addListener((o, a, b) -> scrolled());
        vBar.valueProperty().addListener((o, a, b) -> scrolled());
    }

    public MapViewModel viewModel() {
        return vm;
    }

    public Canvas canvas() {
        return canvas;
    }

    public Tool tool() {
        return tool;
    }

    public void setTool(Tool newTool) {
        tool.cancel();
        tool = newTool;
        canvas.setCursor(newTool instanceof SelectTool ? javafx.scene.Cursor.DEFAULT : javafx.scene.Cursor.CROSSHAIR);
        requestRepaint();
    }

    /** Called after each painted frame with the pulse's time stamp (for the start-up measurement). */
    public void setFrameListener(Consumer<Long> listener) {
        this.frameListener = listener;
    }

    public long framesPainted() {
        return frames;
    }

    /** Asks for a repaint at the next pulse; many requests before it make one paint. */
    public void requestRepaint() {
        dirty = true;
        pulse.start();
    }

    /** Paints now (tests and the screenshot flag call this to avoid waiting for a pulse). */
    public void paintNow() {
        dirty = false;
        paint();
    }

    @Override
    protected void layoutChildren() {
        double bar = 14;
        double w = Math.max(1, getWidth() - bar);
        double h = Math.max(1, getHeight() - bar);
        layer.resizeRelocate(0, 0, w, h);
        hBar.resizeRelocate(0, h, w, bar);
        vBar.resizeRelocate(w, 0, bar, h);
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            vm.camera().setViewSize(w, h);
            requestRepaint();
        }
        placeLabelEditor();
    }

    // ----- painting -----

    private void paint() {
        frames++;
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Camera cam = vm.camera();
        gc.setFill(BACKGROUND);
        gc.fillRect(0, 0, w, h);
        if (vm.gridShown()) {
            paintGrid(gc, cam, w, h);
        }
        MapDocument doc = vm.painted();
        painter.paint(g2, doc, Viewport.ofCanvas(cam.originX(), cam.originY(), w, h, cam.scale()),
                RenderOptions.screen(vm.selection()));
        if (doc != vm.displayed()) {
            paintOutlines(gc, cam);
        }
        paintOverlay(gc, vm.displayed(), cam);
        syncScrollBars(doc);
    }

    private void paintGrid(GraphicsContext gc, Camera cam, double w, double h) {
        double step = MapViewModel.GRID * cam.scale();
        while (step < 8) {
            step *= 5;
        }
        gc.setStroke(GRID);
        gc.setLineWidth(1);
        double x0 = -((cam.originX() * cam.scale()) % step);
        double y0 = -((cam.originY() * cam.scale()) % step);
        for (double x = x0; x < w; x += step) {
            gc.strokeLine(Math.floor(x) + 0.5, 0, Math.floor(x) + 0.5, h);
        }
        for (double y = y0; y < h; y += step) {
            gc.strokeLine(0, Math.floor(y) + 0.5, w, Math.floor(y) + 0.5);
        }
    }

    /** On large maps: outlines where the dragged, resized or raised elements will go (the model moves on release). */
    private void paintOutlines(GraphicsContext gc, Camera cam) {
        gc.setStroke(ACCENT);
        gc.setLineWidth(2);
        gc.setLineDashes(6, 4);
        vm.previewGeometries().forEach((id, g) -> gc.strokeRect(cam.toScreenX(g.x()), cam.toScreenY(g.y()),
                g.width() * cam.scale(), g.height() * cam.scale()));
        gc.setLineDashes();
        gc.setFill(ACCENT);
        vm.previewTowers().forEach((id, v) -> {
            Element e = vm.document().element(id);
            if (e != null) {
                gc.fillText("influence " + v, cam.toScreenX(e.geometry().x()), cam.toScreenY(e.geometry().y()) - 6);
            }
        });
    }

    /** Editor chrome on top of the map: handles, rubber band, the link being drawn, the stroke being drawn. */
    private void paintOverlay(GraphicsContext gc, MapDocument doc, Camera cam) {
        gc.setLineDashes();
        for (Handle hd : Handle.of(vm)) {
            gc.setFill(Color.WHITE);
            gc.setStroke(ACCENT);
            gc.setLineWidth(1.5);
            double r = Handle.REACH - 2;
            switch (hd.kind()) {
                case CONNECT -> {
                    gc.fillOval(hd.sx() - r, hd.sy() - r, 2 * r, 2 * r);
                    gc.strokeOval(hd.sx() - r, hd.sy() - r, 2 * r, 2 * r);
                    gc.strokeLine(hd.sx() - 3, hd.sy(), hd.sx() + 3, hd.sy());
                    gc.strokeLine(hd.sx(), hd.sy() - 3, hd.sx(), hd.sy() + 3);
                }
                case RESIZE -> {
                    gc.fillRect(hd.sx() - r, hd.sy() - r, 2 * r, 2 * r);
                    gc.strokeRect(hd.sx() - r, hd.sy() - r, 2 * r, 2 * r);
                }
                case TOWER -> {
                    gc.fillRect(hd.sx() - 2 * r, hd.sy() - r / 2, 4 * r, r);
                    gc.strokeRect(hd.sx() - 2 * r, hd.sy() - r / 2, 4 * r, r);
                }
            }
        }
        Rectangle2D band = vm.rubberBand();
        if (band != null) {
            gc.setFill(Color.web("#1f6feb", 0.12));
            gc.setStroke(ACCENT);
            gc.setLineWidth(1);
            gc.setLineDashes(4, 3);
            double x = cam.toScreenX(band.getX());
            double y = cam.toScreenY(band.getY());
            gc.fillRect(x, y, band.getWidth() * cam.scale(), band.getHeight() * cam.scale());
            gc.strokeRect(x, y, band.getWidth() * cam.scale(), band.getHeight() * cam.scale());
            gc.setLineDashes();
        }
        if (vm.connectFrom() != null && vm.connectTo() != null && doc.contains(vm.connectFrom())) {
            Element from = doc.element(vm.connectFrom());
            double tx = vm.connectTo().x();
            double ty = vm.connectTo().y();
            if (vm.connectTarget() != null && doc.contains(vm.connectTarget())) {
                Element target = doc.element(vm.connectTarget());
                tx = target.geometry().centerX();
                ty = target.geometry().centerY();
                gc.setStroke(ACCENT);
                gc.setLineWidth(3);
                gc.strokeRect(cam.toScreenX(target.geometry().x()) - 3, cam.toScreenY(target.geometry().y()) - 3,
                        target.geometry().width() * cam.scale() + 6, target.geometry().height() * cam.scale() + 6);
            }
            gc.setStroke(ACCENT);
            gc.setLineWidth(2);
            gc.setLineDashes(6, 4);
            gc.strokeLine(cam.toScreenX(from.geometry().centerX()), cam.toScreenY(from.geometry().centerY()),
                    cam.toScreenX(tx), cam.toScreenY(ty));
            gc.setLineDashes();
        }
        List<Point> stroke = vm.strokePreview();
        if (stroke.size() > 1) {
            gc.setStroke(Color.web("#333333"));
            gc.setLineWidth(Math.max(1, 2.5 * cam.scale()));
            gc.beginPath();
            gc.moveTo(cam.toScreenX(stroke.get(0).x()), cam.toScreenY(stroke.get(0).y()));
            for (Point p : stroke.subList(1, stroke.size())) {
                gc.lineTo(cam.toScreenX(p.x()), cam.toScreenY(p.y()));
            }
            gc.stroke();
        }
    }

    // ----- scroll bars: a window onto the map's extent plus what is visible -----

    private void syncScrollBars(MapDocument doc) {
        if (extentFor != doc) {
            extent = painter.extent(doc, RenderOptions.screen(java.util.Set.of()));
            extentFor = doc;
        }
        Rectangle2D visible = vm.camera().visibleArea();
        Rectangle2D all = extent.isEmpty() ? (Rectangle2D) visible.clone() : extent.createUnion(visible);
        syncingBars = true;
        try {
            // the value is the view's edge, so the range is the extent less the view; JavaFX sizes the thumb as
            // visibleAmount / (max - min), so the visible amount is the view's share of that range
            double rangeX = Math.max(0, all.getWidth() - visible.getWidth());
            double rangeY = Math.max(0, all.getHeight() - visible.getHeight());
            hBar.setMin(all.getMinX());
            hBar.setMax(all.getMinX() + rangeX);
            hBar.setVisibleAmount(rangeX * visible.getWidth() / Math.max(1e-9, all.getWidth()));
            hBar.setValue(visible.getX());
            vBar.setMin(all.getMinY());
            vBar.setMax(all.getMinY() + rangeY);
            vBar.setVisibleAmount(rangeY * visible.getHeight() / Math.max(1e-9, all.getHeight()));
            vBar.setValue(visible.getY());
        } finally {
            syncingBars = false;
        }
    }

    private void scrolled() {
        if (!syncingBars) {
            vm.camera().setOrigin(hBar.getValue(), vBar.getValue());
            vm.viewChanged();
        }
    }

    // ----- input -----

    private void wireMouse() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            canvas.requestFocus();
            if (vm.labelEdit() != null) {
                commitLabelField();
            }
            Camera c = vm.camera();
            tool.handle(new CanvasInput.PointerDown(c.toMapX(e.getX()), c.toMapY(e.getY()), e.getX(), e.getY(),
                    button(e.getButton()), e.getClickCount(), mods(e.isShiftDown(), e.isShortcutDown(), e.isAltDown())));
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            Camera c = vm.camera();
            tool.handle(new CanvasInput.PointerMove(c.toMapX(e.getX()), c.toMapY(e.getY()), e.getX(), e.getY(),
                    mods(e.isShiftDown(), e.isShortcutDown(), e.isAltDown())));
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            Camera c = vm.camera();
            tool.handle(new CanvasInput.PointerUp(c.toMapX(e.getX()), c.toMapY(e.getY()), e.getX(), e.getY(),
                    button(e.getButton()), mods(e.isShiftDown(), e.isShortcutDown(), e.isAltDown())));
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() == 0 && e.getDeltaX() == 0) {
                return;
            }
            if (e.isShiftDown() && !e.isShortcutDown()) {
                vm.panByScreen(e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX(), 0);
            } else {
                // the wheel zooms around the pointer, as in every map application
                vm.zoomAt(e.getX(), e.getY(), e.getDeltaY() > 0 ? 1.15 : 1 / 1.15);
            }
            e.consume();
        });
    }

    /** Keys for the tool (space, escape) come first; the window's shortcuts get what the tool leaves. */
    public boolean keyPressed(KeyEvent e) {
        return tool.handle(new CanvasInput.KeyDown(e.getCode().name(), e.getText(),
                mods(e.isShiftDown(), e.isShortcutDown(), e.isAltDown())));
    }

    public boolean keyReleased(KeyEvent e) {
        return tool.handle(new CanvasInput.KeyUp(e.getCode().name(),
                mods(e.isShiftDown(), e.isShortcutDown(), e.isAltDown())));
    }

    private static Button button(MouseButton b) {
        return switch (b) {
            case PRIMARY -> Button.PRIMARY;
            case MIDDLE -> Button.MIDDLE;
            case SECONDARY -> Button.SECONDARY;
            default -> Button.NONE;
        };
    }

    private static Modifiers mods(boolean shift, boolean shortcut, boolean alt) {
        return new Modifiers(shift, shortcut, alt);
    }

    // ----- in-place label editor -----

    private void wireLabelField() {
        labelField.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                commitLabelField();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.cancelLabelEdit();
                e.consume();
            }
        });
        labelField.focusedProperty().addListener((o, was, now) -> {
            if (!now && vm.labelEdit() != null) {
                commitLabelField();
            }
        });
    }

    private void commitLabelField() {
        if (vm.labelEdit() != null) {
            vm.commitLabel(labelField.getText());
        }
    }

    private void showLabelEditor() {
        LabelEdit edit = vm.labelEdit();
        if (edit == null) {
            boolean hadFocus = labelField.isFocused();
            labelField.setVisible(false);
            if (hadFocus) {
                canvas.requestFocus();
            }
            return;
        }
        labelField.setText(edit.text());
        labelField.setPromptText(edit.isNewNode() ? "Name of the new " + edit.nodeType() + ", then Enter" : "");
        labelField.setVisible(true);
        placeLabelEditor();
        labelField.requestFocus();
        labelField.selectAll();
    }

    private void placeLabelEditor() {
        LabelEdit edit = vm.labelEdit();
        if (edit == null) {
            return;
        }
        Camera c = vm.camera();
        double w = Math.max(160, edit.width() * c.scale());
        labelField.resizeRelocate(c.toScreenX(edit.x()), c.toScreenY(edit.y()), w, 30);
    }

    public TextField labelField() {
        return labelField;
    }
}
