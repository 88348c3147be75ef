package org.mapwork.editor.view;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

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
import org.mapwork.editor.map.GesturePreview;
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
 * The map canvas: shows the map through a {@link TileLayer} (tiles drawn by the shared {@link MapPainter}), draws the
 * elements of a gesture in progress live over it (drawn by the same painter), turns mouse and key events into
 * {@link CanvasInput}s for the current tool, and shows the in-place label editor. It repaints at most once per pulse,
 * whatever asked for it: a local edit, undo, redo, a change from elsewhere, or a tile arriving from the background.
 */
public final class MapCanvasView extends Region {

    private static final Color ACCENT = Color.web("#1f6feb");
    private static final javafx.scene.text.Font GUIDE_FONT = javafx.scene.text.Font.font("DejaVu Sans",
            javafx.scene.text.FontWeight.BOLD, 12);

    private final MapViewModel vm;
    private final MapPainter painter;
    private final Canvas canvas = new Canvas(800, 600);
    private final TextField labelField = new TextField();
    private final ScrollBar hBar = new ScrollBar();
    private final ScrollBar vBar = new ScrollBar();
    private final Pane layer = new Pane();
    private final FXGraphics2D g2;
    private final TileLayer tiles;
    private boolean wholeView;
    /** Elements of a finished gesture still drawn on top until tiles with them in place are ready. */
    private Set<String> settling = Set.of();
    private Tool tool;
    private boolean dirty = true;
    private boolean syncingBars;
    private volatile long frames;
    private MapDocument extentFor;
    private Rectangle2D extent;
    private final List<Runnable> afterFrame = new java.util.ArrayList<>();

    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // one paint per pulse at most, however many changes arrived since the last one
            stop();
            if (dirty) {
                dirty = false;
                paint();
            }
        }
    };

    public MapCanvasView(MapViewModel vm, MapPainter painter) {
        this.vm = vm;
        this.painter = painter;
        this.tool = new SelectTool(vm);
        this.g2 = new FXGraphics2D(canvas.getGraphicsContext2D());
        this.tiles = new TileLayer(painter);
        tiles.setOnTileReady(this::requestRepaint);
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

    public long framesPainted() {
        return frames;
    }

    /** Asks for a repaint at the next pulse; many requests before it make one paint. */
    public void requestRepaint() {
        dirty = true;
        pulse.start();
    }

    /** Paints now if a repaint was asked for since the last frame, as the next pulse would (speed harness). */
    public void paintIfRequested() {
        if (dirty) {
            dirty = false;
            paint(false);
        }
    }

    /** Whether a repaint has been asked for and not yet made. */
    public boolean repaintPending() {
        return dirty;
    }

    /** Paints the whole view now, without waiting for a pulse or for background tiles (tests, the screenshot flag). */
    public void paintNow() {
        dirty = false;
        paint(true);
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
        paint(false);
    }

    /**
     * One frame: the map from the tile layer (whole when {@code complete}, else with tiles still on their way shown by
     * stand-ins), the elements of a gesture in progress drawn live over it, then the editor's chrome.
     */
    private void paint(boolean complete) {
        frames++;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Camera cam = vm.camera();
        double outputScale = outputScale();
        Set<String> selection = vm.selection().ids();
        Set<String> lifted = vm.preview().lifted();
        MapDocument shown = vm.displayed();
        // a gesture's elements leave the tiles and follow the pointer on top, and a dragged ceiling is drawn as a guide:
        // the rest of the picture stays as it is until the gesture ends
        MapDocument base = vm.previewsMapAttributes() ? shown : vm.document();
        boolean grid = vm.viewing().gridShown();
        if (!lifted.isEmpty() || complete) {
            settling = lifted;
        }
        // once the gesture has ended, its elements stay on top where it left them until tiles showing them in place
        // are drawn in the background: the release costs a frame like any other of the drag
        TileLayer.Content settled = new TileLayer.Content(base, selection, Set.of(), grid);
        if (lifted.isEmpty() && !settling.isEmpty() && tiles.stagedReady(settled)) {
            tiles.showStaged();
            settling = Set.of();
        }
        Set<String> apart = lifted.isEmpty() ? settling : lifted;
        tiles.setContent(new TileLayer.Content(base, selection, apart, grid));
        GraphicsContext gc = canvas.getGraphicsContext2D();
        wholeView = tiles.draw(gc, cam.originX(), cam.originY(), cam.scale(), w, h, outputScale, complete);
        if (lifted.isEmpty() && !settling.isEmpty()) {
            tiles.stage(settled);
        }
        if (!apart.isEmpty()) {
            paintLifted(gc, shown, apart, selection, cam, outputScale, w, h);
        }
        vm.linePreview().ifPresent(y -> paintCeilingGuide(gc, cam, y, w, vm.lineName()));
        paintOverlay(gc, shown, cam);
        syncScrollBars(base);
        for (Runnable r : List.copyOf(afterFrame)) {
            r.run();
        }
    }

    /**
     * Puts {@code node} above the map and its chrome, under the label editor (peers' cursors and selections, never
     * drawn into the tiles), and runs {@code onFrame} after every frame so that it follows pan, zoom and the map.
     */
    public void addOverlay(javafx.scene.Node node, Runnable onFrame) {
        node.setMouseTransparent(true);
        layer.getChildren().add(layer.getChildren().indexOf(labelField), node);
        afterFrame.add(onFrame);
        requestRepaint();
    }

    public void removeOverlay(javafx.scene.Node node, Runnable onFrame) {
        layer.getChildren().remove(node);
        afterFrame.remove(onFrame);
    }

    /** Where an element of the shown map is drawn (map units), or {@code null} when it is not. */
    public Rectangle2D drawnBounds(String id) {
        return painter.elementsBounds(vm.displayed(), Set.of(id));
    }

    /**
     * Draws a gesture's elements over the tiles, on the tiles' whole device pixels. Its links (long lines that may
     * cross the whole view) go through FXGraphics2D onto the canvas, which costs a few commands whatever their length;
     * its nodes and other elements are drawn by Java2D into an image just large enough for them, so that their text
     * looks exactly as the tiles will draw it once the gesture has ended. (A whole-view Java2D image per frame took
     * p50 5-18 ms a drag frame against 4-5 ms, measured side by side with CanvasSpeed --only-drag.)
     */
    private void paintLifted(GraphicsContext gc, MapDocument doc, Set<String> ids, Set<String> selection, Camera cam,
                             double outputScale, double w, double h) {
        double ds = cam.scale() * outputScale;
        long offX = Math.round(cam.originX() * ds), offY = Math.round(cam.originY() * ds);
        Set<String> links = new java.util.HashSet<>(), others = new java.util.HashSet<>();
        for (String id : ids) {
            Element e = doc.element(id);
            if (e != null) {
                (e.isLink() ? links : others).add(id);
            }
        }
        RenderOptions opts = RenderOptions.screen(selection);
        if (!links.isEmpty()) {
            painter.paintElements(g2, doc, Viewport.ofCanvas(offX / ds, offY / ds, w, h, cam.scale()), links, opts);
        }
        Rectangle2D b = others.isEmpty() ? null : painter.elementsBounds(doc, others);
        if (b == null) {
            return;
        }
        int x0 = (int) Math.max(0, Math.floor(b.getMinX() * ds - offX) - 2);
        int y0 = (int) Math.max(0, Math.floor(b.getMinY() * ds - offY) - 2);
        int x1 = (int) Math.min(Math.ceil(w * outputScale), Math.ceil(b.getMaxX() * ds - offX) + 2);
        int y1 = (int) Math.min(Math.ceil(h * outputScale), Math.ceil(b.getMaxY() * ds - offY) + 2);
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        BufferedImage img = SharedPixels.canvas(x1 - x0, y1 - y0);
        Graphics2D g = img.createGraphics();
        try {
            painter.paintElements(g, doc, new Viewport((offX + x0) / ds, (offY + y0) / ds, (x1 - x0) / ds, (y1 - y0) / ds, ds),
                    others, opts);
        } finally {
            g.dispose();
        }
        gc.drawImage(SharedPixels.shown(img), x0 / outputScale, y0 / outputScale, (x1 - x0) / outputScale,
                (y1 - y0) / outputScale);
    }

    private double outputScale() {
        var scene = canvas.getScene();
        var window = scene == null ? null : scene.getWindow();
        return window == null || !(window.getOutputScaleX() > 0) ? 1 : window.getOutputScaleX();
    }

    /** Whether the last frame showed the whole view at its own scale (no tile still on its way). */
    public boolean lastFrameWhole() {
        return wholeView;
    }

    /**
     * Whether tiles are still being drawn in the background (for the view or the ring around it), or a finished
     * gesture's elements still wait on top for tiles that show them in place.
     */
    public boolean tilesPending() {
        return tiles.busy() || !settling.isEmpty();
    }

    /** Tiles drawn so far on the JavaFX thread and in the background (speed harness). */
    public long[] tilesDrawn() {
        return tiles.tilesDrawn();
    }

    /** Stops the background tile drawing; the view is not used afterwards. */
    public void dispose() {
        pulse.stop();
        tiles.close();
    }

    /** Where a drag of the method's line (the ceiling of accountability) would put it: a dashed line across the view, and its name. */
    private static void paintCeilingGuide(GraphicsContext gc, Camera cam, double mapY, double width, String name) {
        // in the editor's colour for gestures, like the link being drawn and the rubber band
        double y = Math.floor(cam.toScreenY(mapY)) + 0.5;
        gc.setStroke(ACCENT);
        gc.setLineWidth(2);
        gc.setLineDashes(12, 6);
        gc.strokeLine(0, y, width, y);
        gc.setLineDashes();
        gc.setFill(ACCENT);
        gc.setFont(GUIDE_FONT);
        gc.fillText(name, 8, y - 6);
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
        Rectangle2D band = vm.preview().rubberBand();
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
        GesturePreview preview = vm.preview();
        if (preview.connectFrom() != null && preview.connectTo() != null && doc.contains(preview.connectFrom())) {
            Element from = doc.element(preview.connectFrom());
            double tx = preview.connectTo().x();
            double ty = preview.connectTo().y();
            if (preview.connectTarget() != null && doc.contains(preview.connectTarget())
                    && doc.element(preview.connectTarget()).isNode()) { // a link end: the line follows the pointer
                Element target = doc.element(preview.connectTarget());
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
        List<Point> stroke = preview.stroke();
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
            vm.viewing().viewChanged();
        }
    }

    // ----- input -----

    private void wireMouse() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            canvas.requestFocus();
            if (vm.labels().current() != null) {
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
                vm.viewing().panByScreen(e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX(), 0);
            } else {
                // the wheel zooms around the pointer, as in every map application
                vm.viewing().zoomAt(e.getX(), e.getY(), e.getDeltaY() > 0 ? 1.15 : 1 / 1.15);
            }
            e.consume();
        });
    }

    /** Keys for the tool (space, escape) come first; the window's shortcuts get what the tool leaves. */
    /** Selects the next or previous element (Tab, Shift+Tab) and brings it into view; false past either end. */
    public boolean stepSelection(boolean forward) {
        if (!vm.selection().step(forward)) {
            return false;
        }
        Element e = vm.document().element(vm.selection().inOrder().get(0));
        var cam = vm.camera();
        double x, y;
        if (e.isLink()) {
            Element s = vm.document().element(e.source());
            Element t = vm.document().element(e.target());
            x = (s.geometry().centerX() + t.geometry().centerX()) / 2;
            y = (s.geometry().centerY() + t.geometry().centerY()) / 2;
        } else {
            x = e.geometry().centerX();
            y = e.geometry().centerY();
        }
        if (!cam.visibleArea().contains(x, y)) {
            vm.viewing().panByScreen(cam.viewWidth() / 2 - cam.toScreenX(x), cam.viewHeight() / 2 - cam.toScreenY(y));
        }
        return true;
    }

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
                vm.labels().cancelLabelEdit();
                e.consume();
            }
        });
        labelField.focusedProperty().addListener((o, was, now) -> {
            if (!now && vm.labels().current() != null) {
                commitLabelField();
            }
        });
    }

    private void commitLabelField() {
        if (vm.labels().current() != null) {
            vm.labels().commitLabel(labelField.getText());
        }
    }

    private void showLabelEditor() {
        LabelEdit edit = vm.labels().current();
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
        LabelEdit edit = vm.labels().current();
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
