package org.mapwork.editor.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mapwork.editor.canvas.Camera;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;

/**
 * A grip drawn on the selection that starts a particular drag: resize (bottom-right corner), connect (a dot right
 * of a node) or tower (a bar above an actor). Positions are in screen pixels so they keep their size at any zoom.
 */
public record Handle(Kind kind, String elementId, double sx, double sy) {

    public enum Kind { RESIZE, CONNECT, TOWER }

    /** Half the side of a handle's hit square, in screen pixels. */
    public static final double REACH = 7;

    /** The handles of the current selection: resize and tower for a single element, connect for every node. */
    public static List<Handle> of(MapViewModel vm) {
        List<Handle> out = new ArrayList<>();
        MapDocument doc = vm.displayed();
        Camera c = vm.camera();
        boolean single = vm.selection().size() == 1;
        for (String id : vm.selection().inOrder()) {
            Element e = doc.element(id);
            if (e == null || e.isLink()) {
                continue;
            }
            double left = c.toScreenX(e.geometry().x());
            double top = c.toScreenY(e.geometry().y());
            double right = c.toScreenX(e.geometry().x() + e.geometry().width());
            double bottom = c.toScreenY(e.geometry().y() + e.geometry().height());
            if (e.isNode()) {
                out.add(new Handle(Kind.CONNECT, id, right + 12, (top + bottom) / 2));
            }
            if (single && e.geometry().points().isEmpty()) {
                out.add(new Handle(Kind.RESIZE, id, right, bottom));
            }
            if (single && vm.hasTower(e)) {
                out.add(new Handle(Kind.TOWER, id, (left + right) / 2, top - 12));
            }
        }
        return out;
    }

    /** The handle under a screen point, if any. */
    public static Optional<Handle> at(MapViewModel vm, double sx, double sy) {
        for (Handle h : of(vm)) {
            if (Math.abs(h.sx - sx) <= REACH && Math.abs(h.sy - sy) <= REACH) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
