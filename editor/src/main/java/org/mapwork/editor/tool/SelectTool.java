package org.mapwork.editor.tool;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.tool.CanvasInput.Button;
import org.mapwork.editor.tool.CanvasInput.KeyDown;
import org.mapwork.editor.tool.CanvasInput.KeyUp;
import org.mapwork.editor.tool.CanvasInput.PointerDown;
import org.mapwork.editor.tool.CanvasInput.PointerMove;
import org.mapwork.editor.tool.CanvasInput.PointerUp;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.Point;

/**
 * The everyday tool: select (click, shift-click, rubber band), move, resize, connect (drag from a node's edge or its
 * connect handle), raise a tower, pan (space or middle button), and start label edits (double-click).
 *
 * <pre>
 * IDLE ──down on element──▶ POINTING ──moved──▶ DRAGGING ──up──▶ IDLE (one move change set)
 * IDLE ──second press of a double-click──▶ POINTING ──up, not moved──▶ IDLE (label edit, or a new node on empty)
 * IDLE ──down on empty───▶ POINTING ──moved──▶ RUBBER_BAND ──up──▶ IDLE (selection)
 * IDLE ──down on edge/connect handle──▶ CONNECTING ──up on node──▶ IDLE (one link)
 * IDLE ──down on resize handle──▶ RESIZING;  on tower handle──▶ RAISING_TOWER
 * IDLE ──space+down / middle──▶ PANNING
 * any ──Escape──▶ IDLE (nothing changed)
 * </pre>
 */
public final class SelectTool implements Tool {

    /** How far (screen pixels) the pointer must travel before a press becomes a drag. */
    static final double DRAG_SLOP = 4;
    /** How near (screen pixels) to a node's border a press starts a link instead of a move. */
    static final double EDGE_BAND = 6;
    /** Screen pixels per tower level when dragging a tower. */
    static final double TOWER_STEP = 12;

    private final MapViewModel vm;
    private ToolState state = ToolState.IDLE;
    private boolean spaceHeld;
    private double downX, downY, downSx, downSy, lastSx, lastSy;
    private String downTarget;
    private boolean downWasSelected;
    private boolean shift;
    private boolean secondClick;
    private final Map<String, Geometry> start = new LinkedHashMap<>();
    private List<String> dragIds = List.of();
    private String subject;
    private long towerStart;
    private double dx, dy;
    private boolean draggingLine;
    private double lineStart;

    public SelectTool(MapViewModel vm) {
        this.vm = vm;
    }

    @Override
    public String name() {
        return Ui.text("tool.select");
    }

    @Override
    public ToolState state() {
        if (state == ToolState.IDLE && vm.labels().current() != null) {
            return ToolState.EDITING_TEXT;
        }
        return state;
    }

    public boolean spaceHeld() {
        return spaceHeld;
    }

    @Override
    public boolean handle(CanvasInput input) {
        if (input instanceof PointerDown d) {
            return down(d);
        }
        if (input instanceof PointerMove m) {
            return move(m);
        }
        if (input instanceof PointerUp u) {
            return up(u);
        }
        if (input instanceof KeyDown k) {
            return key(k);
        }
        if (input instanceof KeyUp k && k.key().equals("SPACE")) {
            spaceHeld = false;
            return true;
        }
        return false;
    }

    private boolean down(PointerDown d) {
        if (state != ToolState.IDLE || vm.labels().current() != null) {
            return false;
        }
        downX = d.x();
        downY = d.y();
        downSx = lastSx = d.sx();
        downSy = lastSy = d.sy();
        shift = d.mods().shift();
        if (d.button() == Button.MIDDLE || d.button() == Button.PRIMARY && spaceHeld) {
            state = ToolState.PANNING;
            return true;
        }
        if (d.button() != Button.PRIMARY) {
            return false;
        }
        Optional<Handle> handle = Handle.at(vm, d.sx(), d.sy());
        if (handle.isPresent()) {
            subject = handle.get().elementId();
            Element e = vm.document().element(subject);
            switch (handle.get().kind()) {
                case RESIZE -> {
                    start.clear();
                    start.put(subject, e.geometry());
                    state = ToolState.RESIZING;
                }
                case CONNECT -> state = ToolState.CONNECTING;
                case TOWER -> {
                    towerStart = vm.towerOf(e);
                    state = ToolState.RAISING_TOWER;
                }
            }
            return true;
        }
        Optional<String> hit = vm.elementAt(d.x(), d.y());
        // a double-click acts when the button comes up without a drag: a quick second press that drags still moves
        secondClick = d.clicks() >= 2;
        downTarget = hit.orElse(null);
        if (downTarget == null) {
            // the method's line (the ceiling of accountability) is grabbed where no element is
            Optional<Double> line = vm.lineY();
            if (line.isPresent() && Math.abs(vm.camera().toScreenY(line.get()) - d.sy()) <= EDGE_BAND) {
                lineStart = line.get();
                state = ToolState.DRAGGING;
                draggingLine = true;
                return true;
            }
        }
        if (downTarget != null && !shift && !secondClick && onEdge(downTarget, d.sx(), d.sy())) {
            subject = downTarget;
            state = ToolState.CONNECTING;
            return true;
        }
        downWasSelected = downTarget != null && vm.selection().contains(downTarget);
        if (downTarget != null) {
            if (shift) {
                vm.selection().toggle(downTarget);
            } else if (!downWasSelected) {
                vm.selection().select(List.of(downTarget));
            }
        }
        state = ToolState.POINTING;
        return true;
    }

    /** Whether a screen point lies in the band along a node's border (nodes large enough on screen only). */
    private boolean onEdge(String id, double sx, double sy) {
        Element e = vm.displayed().element(id);
        if (e == null || !e.isNode()) {
            return false;
        }
        var c = vm.camera();
        double l = c.toScreenX(e.geometry().x());
        double t = c.toScreenY(e.geometry().y());
        double r = c.toScreenX(e.geometry().x() + e.geometry().width());
        double b = c.toScreenY(e.geometry().y() + e.geometry().height());
        if (r - l < 40 || b - t < 30) {
            return false;
        }
        return sx - l <= EDGE_BAND || r - sx <= EDGE_BAND || sy - t <= EDGE_BAND || b - sy <= EDGE_BAND;
    }

    private boolean move(PointerMove m) {
        switch (state) {
            case PANNING -> {
                vm.viewing().panByScreen(m.sx() - lastSx, m.sy() - lastSy);
                lastSx = m.sx();
                lastSy = m.sy();
            }
            case POINTING -> {
                if (Math.hypot(m.sx() - downSx, m.sy() - downSy) > DRAG_SLOP) {
                    startDrag();
                    return move(m);
                }
            }
            case DRAGGING -> {
                if (draggingLine) {
                    vm.previewLine(vm.viewing().snap(lineStart + m.y() - downY));
                    return true;
                }
                dx = m.x() - downX;
                dy = m.y() - downY;
                Geometry first = start.get(dragIds.get(0));
                if (first != null && vm.viewing().snapping()) {
                    dx = vm.viewing().snap(first.x() + dx) - first.x();
                    dy = vm.viewing().snap(first.y() + dy) - first.y();
                }
                vm.preview().showMove(dragIds, start, dx, dy);
            }
            case RUBBER_BAND -> vm.preview().showRubberBand(band(m.x(), m.y()));
            case CONNECTING -> {
                vm.preview().showConnect(subject, new Point(m.x(), m.y()), connectTarget(m.x(), m.y()));
            }
            case RESIZING -> vm.preview().showGeometry(subject, resized(m.x(), m.y()));
            case RAISING_TOWER -> vm.previewTower(subject, towerValue(m.sy()));
            default -> {
                return false;
            }
        }
        return true;
    }

    private void startDrag() {
        List<String> ids = new ArrayList<>();
        start.clear();
        if (downTarget != null) {
            for (String id : vm.selection().inOrder()) {
                Element e = vm.document().element(id);
                if (e != null && !e.isLink()) {
                    ids.add(id);
                    start.put(id, e.geometry());
                }
            }
            // the element under the pointer leads (snapping aligns it to the grid)
            if (ids.remove(downTarget)) {
                ids.add(0, downTarget);
            }
        }
        if (downTarget == null) {
            state = ToolState.RUBBER_BAND;
        } else if (ids.isEmpty()) {
            // a link alone does not move: dragging from it selects with a rubber band instead
            downTarget = null;
            state = ToolState.RUBBER_BAND;
        } else {
            dragIds = ids;
            state = ToolState.DRAGGING;
        }
    }

    private Rectangle2D band(double x, double y) {
        return new Rectangle2D.Double(Math.min(x, downX), Math.min(y, downY), Math.abs(x - downX), Math.abs(y - downY));
    }

    private Geometry resized(double x, double y) {
        Geometry g = start.get(subject);
        double w = Math.max(20, vm.viewing().snap(g.x() + g.width() + (x - downX)) - g.x());
        double h = Math.max(20, vm.viewing().snap(g.y() + g.height() + (y - downY)) - g.y());
        return g.resized(w, h);
    }

    private long towerValue(double sy) {
        long levels = Math.round((downSy - sy) / TOWER_STEP);
        Element e = vm.document().element(subject);
        long max = e == null ? 99 : vm.towerMax(e);
        return Math.max(0, Math.min(max, towerStart + levels));
    }

    private boolean up(PointerUp u) {
        ToolState was = state;
        state = ToolState.IDLE;
        switch (was) {
            case PANNING -> {
                return true;
            }
            case POINTING -> {
                if (secondClick && !shift) {
                    if (downTarget != null) {
                        vm.selection().select(List.of(downTarget));
                        vm.labels().beginLabelEdit(downTarget);
                    } else {
                        vm.labels().beginNewNode(downX, downY);
                    }
                } else if (downTarget == null) {
                    if (!shift) {
                        vm.selection().clear();
                    }
                } else if (!shift && downWasSelected && vm.selection().size() > 1) {
                    vm.selection().select(List.of(downTarget));
                }
            }
            case DRAGGING -> {
                if (draggingLine) {
                    vm.setLine(vm.viewing().snap(lineStart + u.y() - downY));
                } else {
                    vm.edits().commitMove(dragIds, start, dx, dy);
                }
            }
            case RUBBER_BAND -> {
                List<String> ids = vm.hitTester().elementsIn(vm.displayed(), band(u.x(), u.y()));
                vm.preview().clear();
                if (shift) {
                    vm.selection().add(ids);
                } else {
                    vm.selection().select(ids);
                }
            }
            case CONNECTING -> {
                String target = connectTarget(u.x(), u.y());
                if (target == null) {
                    vm.preview().clear();
                } else {
                    vm.edits().connect(subject, target).ifPresent(id -> vm.selection().select(List.of(id)));
                }
            }
            case RESIZING -> vm.edits().commitGeometry(subject, resized(u.x(), u.y()), Ui.text("tool.resize", vm.labelOf(subject)));
            case RAISING_TOWER -> {
                long v = towerValue(u.sy());
                vm.preview().clear();
                if (v != towerStart) {
                    vm.setTower(subject, v);
                }
            }
            default -> {
                return false;
            }
        }
        reset();
        return true;
    }

    private boolean key(KeyDown k) {
        if (k.key().equals("SPACE") && vm.labels().current() == null) {
            spaceHeld = true;
            return true;
        }
        if (k.key().equals("ESCAPE") && state != ToolState.IDLE) {
            cancel();
            return true;
        }
        return false;
    }

    @Override
    public void cancel() {
        state = ToolState.IDLE;
        vm.preview().clear();
        reset();
    }

    private void reset() {
        secondClick = false;
        downTarget = null;
        subject = null;
        dragIds = List.of();
        start.clear();
        dx = dy = 0;
        draggingLine = false;
    }

    /**
     * What a connection dragged from the subject ends on: a node, or else a link (some methods tie an element to a
     * link, e.g. an intervention to the causal arrow it acts on; the edit says when a link cannot be the end).
     */
    private String connectTarget(double x, double y) {
        return vm.nodeAt(x, y).or(() -> vm.elementAt(x, y)).filter(id -> !id.equals(subject)).orElse(null);
    }
}
