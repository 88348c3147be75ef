package org.mapwork.editor.tool;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.tool.CanvasInput.Button;
import org.mapwork.editor.tool.CanvasInput.PointerDown;
import org.mapwork.editor.tool.CanvasInput.PointerMove;
import org.mapwork.editor.tool.CanvasInput.PointerUp;

/**
 * Tools that act on a click: the text tool (a text annotation, edited at once) and the pictogram stamp. IDLE
 * ──down──▶ POINTING ──up──▶ IDLE with one element added where the button went down; the middle button pans;
 * Enter adds the element in the middle of the view.
 */
public final class ClickTool implements Tool {

    /** What a click makes. */
    public enum Kind { TEXT, STAMP }

    private final MapViewModel vm;
    private final Kind kind;
    private ToolState state = ToolState.IDLE;
    private double downX, downY, lastSx, lastSy;

    public ClickTool(MapViewModel vm, Kind kind) {
        this.vm = vm;
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind == Kind.TEXT ? Ui.text("tool.text") : Ui.text("tool.pictogram");
    }

    @Override
    public ToolState state() {
        return state == ToolState.IDLE && vm.labels().current() != null ? ToolState.EDITING_TEXT : state;
    }

    @Override
    public boolean handle(CanvasInput input) {
        if (input instanceof PointerDown d && state == ToolState.IDLE && vm.labels().current() == null) {
            lastSx = d.sx();
            lastSy = d.sy();
            if (d.button() == Button.MIDDLE) {
                state = ToolState.PANNING;
                return true;
            }
            if (d.button() != Button.PRIMARY) {
                return false;
            }
            downX = d.x();
            downY = d.y();
            state = ToolState.POINTING;
            return true;
        }
        if (input instanceof PointerMove m && state == ToolState.PANNING) {
            vm.viewing().panByScreen(m.sx() - lastSx, m.sy() - lastSy);
            lastSx = m.sx();
            lastSy = m.sy();
            return true;
        }
        if (input instanceof CanvasInput.KeyDown k && k.key().equals("ENTER") && state == ToolState.IDLE
                && vm.labels().current() == null && !k.mods().shift() && !k.mods().shortcut() && !k.mods().alt()) {
            // the keyboard's way: Enter places the text or the pictogram in the middle of the view
            var view = vm.camera().visibleArea();
            act(kind == Kind.TEXT ? view.getCenterX() - 80 : view.getCenterX(),
                    kind == Kind.TEXT ? view.getCenterY() - 16 : view.getCenterY());
            return true;
        }
        if (input instanceof PointerUp) {
            ToolState was = state;
            state = ToolState.IDLE;
            if (was == ToolState.POINTING) {
                act(downX, downY);
                return true;
            }
            return was == ToolState.PANNING;
        }
        return false;
    }

    private void act(double x, double y) {
        if (kind == Kind.TEXT) {
            vm.addText(x, y);
        } else {
            vm.stampPictogram(x, y);
        }
    }

    @Override
    public void cancel() {
        state = ToolState.IDLE;
    }
}
