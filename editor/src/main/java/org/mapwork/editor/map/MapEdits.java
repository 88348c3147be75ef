package org.mapwork.editor.map;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeRejected;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.OrderKey;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.ElementType;
import org.mapwork.model.schema.LinkType;
import org.mapwork.templates.MethodTemplate;

/**
 * The edits every method has, each as one change set through the view model's one write path (one gesture, one
 * undo step): moving, resizing, linking, adding and deleting, arranging, laying out, attributes and the title, and
 * undo and redo.
 */
public final class MapEdits {

    private final MapViewModel vm;
    private final Selection selection;
    private final Viewing viewing;
    private final BackgroundLayout layouts;

    MapEdits(MapViewModel vm, Selection selection, Viewing viewing) {
        this.vm = vm;
        this.layouts = new BackgroundLayout(vm);
        this.selection = selection;
        this.viewing = viewing;
    }

    private MapDocument document() {
        return vm.document();
    }

    /** The method's words for types and attributes (what people read in the status line and the undo list). */
    private Words words() {
        return new Words(vm.template().orElse(null), document());
    }

    // ----- history -----

    public boolean undo() {
        MapSession session = vm.session();
        try {
            Optional<String> what = session.history().undoSummary();
            Optional<org.mapwork.model.Applied> undone = session.undo();
            if (undone.isPresent() && undone.get().droppedAny()) {
                // someone else changed part of it since: their newer values stay, and the person is told
                vm.setStatus(Ui.text("map.status.undone-partly", what.orElse(""), undone.get().dropped().size()));
            } else {
                vm.setStatus(undone.isPresent() ? Ui.text("map.status.undone", what.orElse(""))
                        : Ui.text("map.status.nothing-to-undo"));
            }
            return undone.isPresent();
        } catch (ChangeRejected e) {
            vm.setStatus(Ui.text("map.status.cannot-undo", e.getMessage()));
            return false;
        }
    }

    public boolean redo() {
        MapSession session = vm.session();
        try {
            Optional<String> what = session.history().redoSummary();
            boolean done = session.redo().isPresent();
            vm.setStatus(done ? Ui.text("map.status.redone", what.orElse("")) : Ui.text("map.status.nothing-to-redo"));
            return done;
        } catch (ChangeRejected e) {
            vm.setStatus(Ui.text("map.status.cannot-redo", e.getMessage()));
            return false;
        }
    }

    // ----- gestures that end in one change set -----

    /** Ends a move: one geometry change per element that still exists. */
    public boolean commitMove(Collection<String> ids, Map<String, Geometry> start, double dx, double dy) {
        List<Change> changes = new ArrayList<>();
        MapDocument doc = document();
        for (String id : ids) {
            Geometry g = start.get(id);
            if (g != null && doc.contains(id) && (dx != 0 || dy != 0)) {
                changes.add(Change.setGeometry(id, g.movedBy(dx, dy)));
            }
        }
        vm.preview().clear();
        return vm.apply(changes.size() == 1 ? Ui.text("map.edit.move-one", vm.labelOf(changes.get(0).elementId()))
                : Ui.text("map.edit.move-many", changes.size()), changes);
    }

    public boolean commitGeometry(String id, Geometry g, String summary) {
        vm.preview().clear();
        if (!document().contains(id) || document().element(id).geometry().equals(g)) {
            return false;
        }
        return vm.apply(summary, List.of(Change.setGeometry(id, g)));
    }

    /**
     * A connect gesture from one element onto another: what the method makes of it when it has a meaning of its own
     * (a theory of change ties an intervention to the outcome or arrow it acts on; the element that was dragged from
     * is returned), else a link of the current link type (several types may link the same pair), whose id is
     * returned. {@code to} may be a link only for the method's own meaning.
     */
    public Optional<String> connect(String from, String to) {
        vm.preview().clear();
        MapDocument doc = document();
        if (from == null || to == null || from.equals(to) || !doc.contains(from) || !doc.contains(to)) {
            return Optional.empty();
        }
        Optional<ChangeSet> tie = vm.template().flatMap(t -> t.tie(doc, from, to));
        if (tie.isPresent()) {
            return vm.apply(tie.get().summary(), tie.get().changes()) ? Optional.of(from) : Optional.empty();
        }
        if (!doc.element(from).isNode() || !doc.element(to).isNode()) {
            vm.setStatus(Ui.text("map.status.no-link-type", words().type(doc.element(from).type()),
                    words().type(doc.element(to).type())));
            return Optional.empty();
        }
        String type = linkTypeFor(doc.element(from), doc.element(to));
        if (type == null) {
            vm.setStatus(Ui.text("map.status.no-link-type", words().type(doc.element(from).type()),
                    words().type(doc.element(to).type())));
            return Optional.empty();
        }
        String id = Ids.newId("l");
        boolean done = vm.apply(Ui.text("map.edit.link", vm.labelOf(from), vm.labelOf(to), words().type(type)),
                List.of(Change.add(Element.link(id, type, from, to, doc.nextOrderKey()))));
        return done ? Optional.of(id) : Optional.empty();
    }

    /** The current link type when it fits the two ends, else the first type that does. */
    private String linkTypeFor(Element from, Element to) {
        Map<String, LinkType> types = vm.schema().linkTypesOf(document().mapAttributes());
        LinkType current = vm.linkType() == null ? null : types.get(vm.linkType());
        if (current != null && current.allows(from.type(), to.type())) {
            return current.name();
        }
        return types.values().stream().filter(t -> t.allows(from.type(), to.type())).map(LinkType::name)
                .findFirst().orElse(null);
    }

    /** Changes the type of the selected links that have another (one undo step; none when none is selected). */
    void retypeSelectedLinks(String type) {
        List<Change> changes = new ArrayList<>();
        for (String id : selection) {
            Element e = document().element(id);
            if (e != null && e.isLink() && !e.type().equals(type)) {
                changes.add(Change.setType(id, type));
            }
        }
        vm.apply(Ui.text("map.edit.link-type", words().type(type)), changes);
    }

    /** Adds a node of the given type with a label at a map point (centred there), selected. */
    public Optional<String> createNode(String type, String label, double cx, double cy) {
        if (type == null) {
            vm.setStatus(Ui.text("map.status.no-node-types"));
            return Optional.empty();
        }
        String id = Ids.newId("n");
        Geometry g = Geometry.box(viewing.snap(cx - MapViewModel.NODE_WIDTH / 2),
                viewing.snap(cy - MapViewModel.NODE_HEIGHT / 2), MapViewModel.NODE_WIDTH, MapViewModel.NODE_HEIGHT);
        Element node = withRequiredDefaults(Element.node(id, type, label, g, document().nextOrderKey()));
        boolean done = vm.apply(label.isEmpty() ? Ui.text("map.edit.add", words().type(type))
                : Ui.text("map.edit.add-named", words().type(type), label),
                List.of(Change.add(node)));
        if (done) {
            selection.select(List.of(id));
        }
        return done ? Optional.of(id) : Optional.empty();
    }

    /** Fills required attributes a new element must carry with the plainest fitting value. */
    Element withRequiredDefaults(Element e) {
        Map<String, Value> mapAttributes = document().mapAttributes();
        ElementType type = vm.schema().type(e.kind(), e.type(), mapAttributes);
        if (type == null) {
            return e;
        }
        for (AttributeDef a : type.attributes()) {
            if (a.required() && e.attribute(a.name()) == null) {
                Value v = plainValue(a, mapAttributes);
                if (v != null) {
                    e = e.withAttribute(a.name(), v);
                }
            }
        }
        return e;
    }

    static Value plainValue(AttributeDef a, Map<String, Value> mapAttributes) {
        return switch (a.type()) {
            case TEXT, LONG_TEXT -> new Value.Text("");
            case INTEGER -> new Value.Int(a.min() == null ? 0 : a.min().longValue());
            case DECIMAL -> new Value.Decimal(a.min() == null ? 0 : a.min());
            case BOOLEAN -> new Value.Bool(false);
            case ENUM -> a.optionsIn(mapAttributes).isEmpty() ? null : new Value.Text(a.optionsIn(mapAttributes).get(0));
            case MULTI_ENUM -> new Value.TextList(List.of());
            case DATE -> new Value.Date(java.time.LocalDate.now());
            case ROWS -> new Value.Rows(List.of());
        };
    }

    /**
     * Quick add: one node of the current type per non-blank line, placed in free space from the top-left of the
     * visible area, all in one undo step.
     */
    public List<String> quickAdd(String lines) {
        List<String> names = lines.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        String nodeType = vm.nodeType();
        if (names.isEmpty() || nodeType == null) {
            return List.of();
        }
        double w = MapViewModel.NODE_WIDTH;
        double h = MapViewModel.NODE_HEIGHT;
        Rectangle2D view = viewing.camera().visibleArea();
        FreePlaces.Room room = vm.freeRoom(nodeType);
        int perRow = Math.max(1, (int) ((view.getWidth() - 40) / (w + room.right() + 20)));
        // the first row leaves room above it for the towers the new actors may get
        List<Geometry> places = FreePlaces.find(document(), names.size(), viewing.snap(view.getX() + 40),
                viewing.snap(view.getY() + 40 + room.top()), w, h, perRow, room);
        List<Change> changes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String order = document().nextOrderKey();
        for (int i = 0; i < names.size(); i++) {
            String id = Ids.newId("n");
            ids.add(id);
            changes.add(Change.add(withRequiredDefaults(Element.node(id, nodeType, names.get(i), places.get(i), order))));
            order = OrderKey.after(order);
        }
        String summary = names.size() == 1 ? Ui.text("map.edit.quick-add-one", words().type(nodeType))
                : Ui.text("map.edit.quick-add-many", names.size(), words().type(nodeType));
        if (vm.apply(summary, changes)) {
            selection.select(ids);
            return ids;
        }
        return List.of();
    }

    /** Deletes the selection (a node takes its links with it), one undo step. */
    public boolean deleteSelection() {
        MapDocument doc = document();
        List<Change> changes = new ArrayList<>();
        for (String id : selection) {
            Element e = doc.element(id);
            if (e == null) {
                continue;
            }
            // a link whose node goes too is removed with the node
            if (e.isLink() && (selection.contains(e.source()) || selection.contains(e.target()))) {
                continue;
            }
            changes.add(Change.remove(id));
        }
        int n = changes.size();
        return vm.apply(n == 1 ? Ui.text("map.edit.delete-one", vm.labelOf(changes.get(0).elementId()))
                : Ui.text("map.edit.delete-many", n), changes);
    }

    // ----- arranging -----

    public boolean align(Arrangement.Align how) {
        String summary = switch (how) {
            case LEFT -> Ui.text("map.edit.align-left");
            case CENTER -> Ui.text("map.edit.align-center");
            case RIGHT -> Ui.text("map.edit.align-right");
            case TOP -> Ui.text("map.edit.align-top");
            case MIDDLE -> Ui.text("map.edit.align-middle");
            case BOTTOM -> Ui.text("map.edit.align-bottom");
        };
        return vm.apply(summary, Arrangement.align(selection.boxes(), how));
    }

    public boolean distribute(boolean horizontally) {
        return vm.apply(horizontally ? Ui.text("map.edit.distribute-horizontally") : Ui.text("map.edit.distribute-vertically"),
                Arrangement.distribute(selection.boxes(), horizontally));
    }

    /** Brings the selection to the front (keeping its own stacking), one undo step. */
    public boolean bringToFront() {
        MapDocument doc = document();
        List<Change> changes = new ArrayList<>();
        String key = doc.frontOrderKey();
        for (Element e : selection.inDrawOrder(doc)) {
            key = OrderKey.after(key);
            changes.add(Change.setOrder(e.id(), key));
        }
        return vm.apply(Ui.text("map.edit.bring-to-front"), changes);
    }

    public boolean sendToBack() {
        MapDocument doc = document();
        List<Element> chosen = selection.inDrawOrder(doc);
        List<Change> changes = new ArrayList<>();
        String key = doc.backOrderKey();
        for (int i = chosen.size() - 1; i >= 0; i--) {
            key = key == null ? OrderKey.first() : OrderKey.before(key);
            changes.add(Change.setOrder(chosen.get(i).id(), key));
        }
        return vm.apply(Ui.text("map.edit.send-to-back"), changes);
    }

    /**
     * Lays out the whole map, or only the selected nodes, with the method's layout: worked out in the background and
     * applied as one undo step ({@link BackgroundLayout}). Returns whether it was started.
     */
    public boolean autoLayout() {
        Optional<MethodTemplate> template = vm.template();
        if (template.isEmpty()) {
            vm.setStatus(Ui.text("map.status.no-layout"));
            return false;
        }
        Set<String> nodes = new LinkedHashSet<>();
        for (String id : selection) {
            Element e = document().element(id);
            if (e != null && e.isNode()) {
                nodes.add(id);
            }
        }
        return layouts.start(template.get(), document(), nodes,
                nodes.isEmpty() ? Ui.text("map.edit.layout-map") : Ui.text("map.edit.layout-nodes", nodes.size()));
    }

    /**
     * Where layouts are worked out and where their results are applied: the window passes a background thread and the
     * JavaFX thread; until then both run at once.
     */
    public void runLayoutsOn(Executor worker, Executor fxThread) {
        layouts.runOn(worker, fxThread);
    }

    /** Whether a layout is on its way (tests wait for it; call on the JavaFX thread). */
    public boolean layingOut() {
        return layouts.running();
    }

    /** Drops a layout still on its way: the window is closing. */
    public void stopLayouts() {
        layouts.stop();
    }

    /** Resizes the selected nodes and annotations by (dw, dh) map units (keyboard path for resizing). */
    public boolean resizeSelection(double dw, double dh) {
        List<Change> changes = new ArrayList<>();
        for (Element e : selection.boxes()) {
            Geometry g = e.geometry();
            if (!g.points().isEmpty()) {
                continue;
            }
            changes.add(Change.setGeometry(e.id(), g.resized(Math.max(20, g.width() + dw), Math.max(20, g.height() + dh))));
        }
        return vm.apply(Ui.text("map.edit.resize"), changes);
    }

    /** Moves the selection by (dx, dy) map units (arrow keys with a modifier). */
    public boolean nudgeSelection(double dx, double dy) {
        List<Change> changes = new ArrayList<>();
        for (Element e : selection.boxes()) {
            changes.add(Change.setGeometry(e.id(), e.geometry().movedBy(dx, dy)));
        }
        return vm.apply(Ui.text("map.edit.nudge"), changes);
    }

    // ----- attributes (properties panel, towers, goals) and the title -----

    public boolean setAttribute(String id, String name, Value value) {
        Element e = document().element(id);
        if (e == null || Objects.equals(e.attribute(name), value)) {
            return false;
        }
        String word = words().attribute(name);
        return vm.apply(value == null ? Ui.text("map.edit.clear-attribute", word, vm.labelOf(id))
                : Ui.text("map.edit.set-attribute", word, vm.labelOf(id)), List.of(Change.setAttribute(id, name, value)));
    }

    public boolean setMapAttribute(String name, Value value) {
        if (Objects.equals(document().mapAttribute(name), value)) {
            return false;
        }
        return vm.apply(Ui.text("map.edit.set-map-attribute", words().attribute(name)), List.of(Change.setMapAttribute(name, value)));
    }

    public boolean setTitle(String title) {
        if (document().title().equals(title)) {
            return false;
        }
        return vm.apply(Ui.text("map.edit.title"), List.of(Change.setTitle(title)));
    }
}
