package org.mapwork.editor.tool;

import java.util.ArrayList;
import java.util.List;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.tool.CanvasInput.Button;
import org.mapwork.editor.tool.CanvasInput.KeyDown;
import org.mapwork.editor.tool.CanvasInput.PointerDown;
import org.mapwork.editor.tool.CanvasInput.PointerMove;
import org.mapwork.editor.tool.CanvasInput.PointerUp;
import org.mapwork.model.Point;

/**
 * The rich picture's pen (freehand, smoothed) and arrow (a straight stroke with a head): IDLE ──down──▶ DRAWING
 * ──up──▶ IDLE, adding one stroke annotation. The middle button pans.
 */
public final class PenTool implements Tool {

    private final MapViewModel vm;
    private final boolean arrow;
    private ToolState state = ToolState.IDLE;
    private final List<Point> trail = new ArrayList<>();
    private double lastSx, lastSy;

    /** @param arrow true for the arrow tool (a straight line from press to release) */
    public PenTool(MapViewModel vm, boolean arrow) {
        this.vm = vm;
        this.arrow = arrow;
    }

    @Override
    public String name() {
        return arrow ? Ui.text("tool.arrow") : Ui.text("tool.pen");
    }

    @Override
    public ToolState state() {
        return state;
    }

    @Override
    public boolean handle(CanvasInput input) {
        if (input instanceof PointerDown d && state == ToolState.IDLE) {
            lastSx = d.sx();
            lastSy = d.sy();
            if (d.button() == Button.MIDDLE) {
                state = ToolState.PANNING;
                return true;
            }
            if (d.button() != Button.PRIMARY) {
                return false;
            }
            trail.clear();
            trail.add(new Point(d.x(), d.y()));
            state = ToolState.DRAWING;
            vm.preview().showStroke(trail);
            return true;
        }
        if (input instanceof PointerMove m) {
            if (state == ToolState.PANNING) {
                vm.viewing().panByScreen(m.sx() - lastSx, m.sy() - lastSy);
                lastSx = m.sx();
                lastSy = m.sy();
                return true;
            }
            if (state == ToolState.DRAWING) {
                Point p = new Point(m.x(), m.y());
                if (arrow && trail.size() > 1) {
                    trail.set(1, p);
                } else {
                    trail.add(p);
                }
                vm.preview().showStroke(trail);
                return true;
            }
            return false;
        }
        if (input instanceof PointerUp u) {
            ToolState was = state;
            state = ToolState.IDLE;
            if (was == ToolState.DRAWING) {
                Point end = new Point(u.x(), u.y());
                if (arrow) {
                    trail.subList(1, trail.size()).clear();
                }
                if (!trail.get(trail.size() - 1).equals(end)) {
                    trail.add(end);
                }
                List<Point> points = arrow ? List.copyOf(trail) : DrawingTools.smooth(trail, 2 / vm.camera().scale());
                vm.preview().clear();
                vm.addStroke(points, arrow);
                trail.clear();
                return true;
            }
            return was == ToolState.PANNING;
        }
        if (input instanceof KeyDown k && k.key().equals("ESCAPE") && state != ToolState.IDLE) {
            cancel();
            return true;
        }
        return false;
    }

    @Override
    public void cancel() {
        state = ToolState.IDLE;
        trail.clear();
        vm.preview().clear();
    }
}
