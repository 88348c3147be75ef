package org.mapwork.editor.map;

import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.Consumer;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.MapViewModel.Aspect;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;

/**
 * Editing a label in place: renaming an element, or naming a new one, which is only added when the name is committed
 * (so naming it is one undo step and Escape leaves no trace). Every change tells the listeners
 * {@link Aspect#LABEL_EDIT}.
 */
public final class LabelEditing {

    /** What committing the name of a new element adds (a method's own kinds of element start their edit with one). */
    @FunctionalInterface
    public interface NewElement {
        /** Adds the element the edit names as {@code label} (never empty); returns whether it was added. */
        boolean add(LabelEdit edit, String label);
    }

    private final MapViewModel vm;
    private final Consumer<Aspect> changed;
    private LabelEdit edit;
    private NewElement onCommit;

    LabelEditing(MapViewModel vm, Consumer<Aspect> changed) {
        this.vm = vm;
        this.changed = changed;
    }

    /** The label being edited, or null. */
    public LabelEdit current() {
        return edit;
    }

    /** Starts editing the label of an element in place. */
    public boolean beginLabelEdit(String id) {
        Element e = vm.document().element(id);
        if (e == null) {
            return false;
        }
        Geometry g = e.geometry();
        if (e.isLink()) {
            Element s = vm.document().element(e.source());
            Element t = vm.document().element(e.target());
            double cx = (s.geometry().centerX() + t.geometry().centerX()) / 2;
            double cy = (s.geometry().centerY() + t.geometry().centerY()) / 2;
            g = Geometry.box(cx - 60, cy - 12, 120, 24);
        }
        begin(new LabelEdit(id, e.type(), g.x(), g.y(), Math.max(g.width(), 120), e.label()), null);
        return true;
    }

    /** Starts naming a new node of the current type at a map point; nothing is added until the name is committed. */
    public boolean beginNewNode(double cx, double cy) {
        if (vm.nodeType() == null) {
            vm.setStatus(Ui.text("map.status.no-node-types"));
            return false;
        }
        Viewing viewing = vm.viewing();
        begin(new LabelEdit(null, vm.nodeType(), viewing.snap(cx - MapViewModel.NODE_WIDTH / 2),
                viewing.snap(cy - MapViewModel.NODE_HEIGHT / 2), MapViewModel.NODE_WIDTH, ""), null);
        return true;
    }

    /** Starts naming a new node in the middle of the visible area (the keyboard path). */
    public boolean beginNewNodeInView() {
        Rectangle2D v = vm.camera().visibleArea();
        double w = MapViewModel.NODE_WIDTH;
        double h = MapViewModel.NODE_HEIGHT;
        List<Geometry> place = FreePlaces.find(vm.document(), 1, v.getCenterX() - w / 2, v.getCenterY() - h / 2, w, h, 4,
                vm.freeRoom(vm.nodeType()));
        Geometry g = place.isEmpty() ? Geometry.box(v.getCenterX(), v.getCenterY(), 0, 0) : place.get(0);
        return beginNewNode(g.centerX(), g.centerY());
    }

    /**
     * Starts an edit.
     *
     * @param onCommit for a new element: what committing its name adds, or null for a node of the edit's type
     */
    public void begin(LabelEdit labelEdit, NewElement onCommit) {
        this.edit = labelEdit;
        this.onCommit = onCommit;
        changed.accept(Aspect.LABEL_EDIT);
    }

    /** Commits the label edit: renames the element, or creates the new one with this name. Empty names add nothing. */
    public boolean commitLabel(String text) {
        LabelEdit done = edit;
        NewElement adding = onCommit;
        edit = null;
        onCommit = null;
        changed.accept(Aspect.LABEL_EDIT);
        if (done == null) {
            return false;
        }
        String label = text == null ? "" : text.strip();
        if (done.isNewNode()) {
            if (label.isEmpty()) {
                return false;
            }
            if (adding != null) {
                return adding.add(done, label);
            }
            return vm.edits().createNode(done.nodeType(), label, done.x() + MapViewModel.NODE_WIDTH / 2,
                    done.y() + MapViewModel.NODE_HEIGHT / 2).isPresent();
        }
        Element e = vm.document().element(done.elementId());
        if (e == null || e.label().equals(label)) {
            return false;
        }
        return vm.apply(Ui.text("map.edit.rename", e.label(), label), List.of(Change.setLabel(e.id(), label)));
    }

    public void cancelLabelEdit() {
        if (edit != null) {
            edit = null;
            onCommit = null;
            changed.accept(Aspect.LABEL_EDIT);
        }
    }

    /** Drops an edit of an element the document no longer holds, without telling anyone; returns whether it did. */
    boolean forgetMissing(MapDocument doc) {
        if (edit != null && !edit.isNewNode() && !doc.contains(edit.elementId())) {
            edit = null;
            onCommit = null;
            return true;
        }
        return false;
    }
}
