package org.mapwork.editor.map;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.mapwork.editor.canvas.Camera;
import org.mapwork.editor.canvas.HitTester;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeRejected;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.ElementKind;
import org.mapwork.model.Geometry;
import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.Point;
import org.mapwork.model.Value;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;
import org.mapwork.templates.LineHandle;
import org.mapwork.templates.MethodAction;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.PictogramStamp;
import org.mapwork.templates.TowerHandle;

/**
 * The map window's view model: the open map (through its {@link MapSession}, the one write path), the palette's
 * current types and the status line, composed of one part per job: the {@link #selection()}, the
 * {@link #preview()} of a gesture in progress, the generic {@link #edits()}, the {@link #clipboard()}, the
 * {@link #labels()} edited in place and the {@link #viewing() camera}. Tools and panels call it; it never touches
 * JavaFX, so everything here runs in plain unit tests.
 *
 * <p>Every edit becomes one {@link ChangeSet} applied through {@link #apply}: one gesture, one undo step. During a
 * drag only the preview changes; the model changes once, on release.
 */
public final class MapViewModel {

    /** What changed, so that views redraw only what they must. */
    public enum Aspect { DOCUMENT, SELECTION, VIEW, PREVIEW, LABEL_EDIT, STATUS, PALETTE }

    public static final double NODE_WIDTH = 140;
    public static final double NODE_HEIGHT = 60;
    public static final double GRID = Viewing.GRID;

    private final MapSession session;
    private final MethodTemplate template;
    private final HitTester hitTester;
    private final List<Consumer<Aspect>> listeners = new CopyOnWriteArrayList<>();
    private final Selection selection;
    private final GesturePreview preview;
    private final Viewing viewing;
    private final MapEdits edits;
    private final Clipboard clipboard;
    private final LabelEditing labels;

    private String nodeType;
    private String linkType;
    private String pictogram;
    private String status = "";

    /**
     * @param session   the open map
     * @param template  its method (look, checks, layout), or null when the method is unknown
     * @param schemas   the schemas for reading pasted fragments
     * @param hitTester how points and rectangles find elements
     * @param clipboard the system clipboard
     */
    public MapViewModel(MapSession session, MethodTemplate template, SchemaRegistry schemas, HitTester hitTester,
                        ClipboardPort clipboard) {
        this.session = session;
        this.template = template;
        this.hitTester = hitTester;
        this.selection = new Selection(session::document, this::changed);
        this.preview = new GesturePreview(session, this::changed);
        this.viewing = new Viewing(session::document, selection, this::changed);
        this.edits = new MapEdits(this, selection, viewing);
        this.clipboard = new Clipboard(this, clipboard, schemas);
        this.labels = new LabelEditing(this, this::changed);
        List<String> nodeTypes = schema().typeNames(ElementKind.NODE, Map.of());
        this.nodeType = nodeTypes.isEmpty() ? null : nodeTypes.get(0);
        List<String> links = linkTypeNames();
        this.linkType = links.isEmpty() ? null : links.get(0);
        session.addListener(this::applied);
    }

    // ----- the parts -----

    /** What is selected. */
    public Selection selection() {
        return selection;
    }

    /** The gesture in progress, as the canvas shows it before the model changes. */
    public GesturePreview preview() {
        return preview;
    }

    /** The edits every method has (move, link, add, delete, arrange, attributes, undo). */
    public MapEdits edits() {
        return edits;
    }

    /** Copy, cut, paste and duplicate. */
    public Clipboard clipboard() {
        return clipboard;
    }

    /** The label being edited in place. */
    public LabelEditing labels() {
        return labels;
    }

    /** The camera, zoom and the grid. */
    public Viewing viewing() {
        return viewing;
    }

    // ----- reading -----

    public MapSession session() {
        return session;
    }

    public MapDocument document() {
        return session.document();
    }

    public Schema schema() {
        return session.schema();
    }

    public Optional<MethodTemplate> template() {
        return Optional.ofNullable(template);
    }

    /** The viewing's camera (most callers want only this of it). */
    public Camera camera() {
        return viewing.camera();
    }

    public HitTester hitTester() {
        return hitTester;
    }

    /** The document as the canvas shows it: the model with the gesture in progress laid over it. */
    public MapDocument displayed() {
        return preview.displayed();
    }

    public String status() {
        return status;
    }

    public String nodeType() {
        return nodeType;
    }

    public String linkType() {
        return linkType;
    }

    public String pictogram() {
        return pictogram;
    }

    public List<String> nodeTypeNames() {
        return schema().typeNames(ElementKind.NODE, document().mapAttributes());
    }

    public List<String> linkTypeNames() {
        return schema().typeNames(ElementKind.LINK, document().mapAttributes());
    }

    /** The front-most element at a map point, if any. */
    public Optional<String> elementAt(double x, double y) {
        List<String> hits = hitTester.elementsAt(displayed(), x, y);
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0));
    }

    /** The front-most node (not link, not annotation) at a map point. */
    public Optional<String> nodeAt(double x, double y) {
        MapDocument doc = displayed();
        return hitTester.elementsAt(doc, x, y).stream().filter(id -> doc.element(id).isNode()).findFirst();
    }

    /** The label of an element for messages, or its id when it has none. */
    public String labelOf(String id) {
        Element e = document().element(id);
        if (e == null) {
            return id;
        }
        return e.label().isBlank() ? e.type() : "\"" + e.label() + "\"";
    }

    // ----- listening -----

    public void addListener(Consumer<Aspect> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Aspect> listener) {
        listeners.remove(listener);
    }

    private void changed(Aspect aspect) {
        for (Consumer<Aspect> l : listeners) {
            l.accept(aspect);
        }
    }

    /** Every applied change set, from any origin: forget what no longer exists, then tell the views. */
    private void applied(MapSession.Event event) {
        MapDocument doc = event.document();
        boolean selectionChanged = selection.forgetMissing(doc);
        if (labels.forgetMissing(doc)) {
            changed(Aspect.LABEL_EDIT);
        }
        if (linkType != null && !linkTypeNames().contains(linkType)) {
            List<String> names = linkTypeNames();
            linkType = names.isEmpty() ? null : names.get(0);
            changed(Aspect.PALETTE);
        }
        changed(Aspect.DOCUMENT);
        if (selectionChanged) {
            changed(Aspect.SELECTION);
        }
    }

    // ----- the one write path -----

    /**
     * Applies one gesture's changes as one undo step. A refused change set leaves the map as it was and puts the
     * engine's message in the status line.
     */
    public boolean apply(String summary, List<? extends Change> changes) {
        if (changes.isEmpty()) {
            return false;
        }
        try {
            session.apply(ChangeSet.of(summary, changes));
            setStatus(summary);
            return true;
        } catch (ChangeRejected e) {
            setStatus(Ui.text("map.status.not-done", e.getMessage()));
            return false;
        }
    }

    public void setStatus(String text) {
        status = text == null ? "" : text;
        changed(Aspect.STATUS);
    }

    // ----- palette -----

    public void setNodeType(String type) {
        nodeType = type;
        changed(Aspect.PALETTE);
    }

    /**
     * Chooses the link type for the next link (the palette): the selected links keep theirs, even the one just drawn,
     * which is still selected. Changing their type is {@link #retypeSelectedLinks}' job (K, the context menu).
     */
    public void setLinkType(String type) {
        linkType = type;
        changed(Aspect.PALETTE);
    }

    /** Gives the selected links this type (one undo step; none when no link is selected) and keeps it for new ones. */
    public void retypeSelectedLinks(String type) {
        setLinkType(type);
        edits.retypeSelectedLinks(type);
    }

    public void setPictogram(String name) {
        pictogram = name;
        changed(Aspect.PALETTE);
    }

    // ----- the method's tower (Net-Map's influence): its handle and its drag -----

    private Optional<TowerHandle> tower() {
        return template == null ? Optional.empty() : template.tower();
    }

    /** Shows a tower drag in progress at {@code value}, before the model changes. */
    public void previewTower(String id, long value) {
        tower().ifPresent(t -> preview.showAttribute(id, t.attribute(), new Value.Int(value)));
    }

    /** Whether a node carries the method's tower (a handle the select tool drags up and down). */
    /**
     * What the search for free places counts as taken (what is drawn, towers included) and keeps free beside new
     * nodes of a type: room for a tower when the type carries one (up to ten discs and its number, right of the card).
     */
    public FreePlaces.Room freeRoom(String nodeType) {
        boolean towers = nodeType != null && hasTower(Element.node("probe", nodeType, "",
                Geometry.box(0, 0, NODE_WIDTH, NODE_HEIGHT), "a"));
        MapDocument doc = document();
        return new FreePlaces.Room(e -> hitTester.drawnBounds(doc, e), towers ? 36 : 0, towers ? 24 : 0);
    }

    public boolean hasTower(Element e) {
        return tower().map(t -> t.carries(document(), e)).orElse(false);
    }

    public long towerOf(Element e) {
        return tower().map(t -> t.height(e)).orElse(0L);
    }

    /** The tallest tower a node may have. */
    public long towerMax(Element e) {
        return tower().map(t -> t.max(document(), e)).orElse(TowerHandle.DEFAULT_MAX);
    }

    /** Ends a tower drag: one undo step, summarised in the method's words. */
    public boolean setTower(String id, long value) {
        preview.clear();
        Optional<ChangeSet> set = tower().flatMap(t -> t.set(document(), id, value));
        return set.isPresent() && apply(set.get().summary(), set.get().changes());
    }

    // ----- freehand, text and pictograms -----

    /** Adds a freehand stroke (already smoothed) or an arrow as one annotation. */
    public Optional<String> addStroke(List<Point> points, boolean arrow) {
        if (points.size() < 2 || !schema().annotationTypes().containsKey("stroke")) {
            return Optional.empty();
        }
        String id = Ids.newId("a");
        Element stroke = Element.annotation(id, "stroke", "", Geometry.stroke(points), document().nextOrderKey());
        if (arrow) {
            stroke = stroke.withAttribute("arrow", new Value.Bool(true));
        }
        return apply(Ui.text(arrow ? "method.draw.arrow" : "method.draw.stroke"), List.of(Change.add(stroke)))
                ? Optional.of(id) : Optional.empty();
    }

    /**
     * Starts writing a text annotation at a map point; the text is added with what was typed when the edit is
     * committed (one undo step; Escape or nothing typed adds nothing).
     */
    public boolean addText(double x, double y) {
        if (!schema().annotationTypes().containsKey("text")) {
            setStatus(Ui.text("method.text.none"));
            return false;
        }
        labels.begin(new LabelEdit(null, "text", viewing.snap(x), viewing.snap(y), 160, "", null,
                ElementKind.ANNOTATION), this::createText);
        return true;
    }

    private boolean createText(LabelEdit edit, String label) {
        String id = Ids.newId("a");
        Element text = Element.annotation(id, "text", label, Geometry.box(edit.x(), edit.y(), edit.width(), 32),
                document().nextOrderKey());
        if (apply(Ui.text("method.add.text", label), List.of(Change.add(text)))) {
            selection.select(List.of(id));
            return true;
        }
        return false;
    }

    private Optional<PictogramStamp> stamp() {
        return template == null ? Optional.empty() : template.pictograms();
    }

    /** The node type a stamped pictogram becomes, if the method takes pictograms (the rich picture's stickers). */
    public Optional<String> pictogramNodeType() {
        return stamp().map(PictogramStamp::nodeType);
    }

    /** Stamps the current pictogram at a map point, as the method's pictogram node, in one undo step. */
    public Optional<String> stampPictogram(double cx, double cy) {
        Optional<ChangeSet> stamped = pictogram == null ? Optional.empty() : stamp().flatMap(s -> s.stamp(document(),
                pictogram, Geometry.box(viewing.snap(cx - 32), viewing.snap(cy - 32), 64, 64)));
        if (stamped.isEmpty()) {
            setStatus(Ui.text("method.stamp.choose"));
            return Optional.empty();
        }
        String id = stamped.get().changes().get(0).elementId();
        return apply(stamped.get().summary(), stamped.get().changes()) ? Optional.of(id) : Optional.empty();
    }

    // ----- a method's new node named in place, and its line (the theory of change's ceiling) -----

    /**
     * Starts naming a new node a method action places (e.g. a precondition below an outcome): the label editor opens
     * on a free place near where the method wants it, and the method's change set is applied once the name is
     * committed (one undo step; Escape adds nothing).
     */
    public boolean beginNaming(MethodAction.NameInPlace naming) {
        Geometry near = naming.near();
        List<Geometry> place = FreePlaces.find(document(), 1, near.x(), near.y(), near.width(), near.height(), 6);
        Geometry at = place.isEmpty() ? near : place.get(0);
        // the label editor keeps only the top-left corner and width; the method gets the whole place back
        labels.begin(new LabelEdit(null, naming.nodeType(), at.x(), at.y(), at.width(), "",
                (doc, name, ignored) -> naming.named().named(doc, name, at), ElementKind.NODE), this::createNamedNode);
        return true;
    }

    /** Commits a name typed for a method's new node: the method's change set, and the new node selected. */
    private boolean createNamedNode(LabelEdit edit, String label) {
        var effect = edit.naming().named(document(), label, Geometry.box(edit.x(), edit.y(), edit.width(), NODE_HEIGHT));
        if (effect instanceof MethodAction.Refuse r) {
            setStatus(r.message());
            return false;
        }
        if (!(effect instanceof MethodAction.Apply a) || !apply(a.changes().summary(), a.changes().changes())) {
            return false;
        }
        selection.select(a.changes().changes().stream()
                .filter(c -> c instanceof Change.AddElement add && add.element().isNode())
                .map(Change::elementId).toList());
        return true;
    }

    private Optional<LineHandle> line() {
        return template == null ? Optional.empty() : template.line();
    }

    /** Where the method's line (the ceiling of accountability) is drawn (map y), if the map has one. */
    public Optional<Double> lineY() {
        return line().flatMap(l -> l.y(displayed()));
    }

    /** Where a line drag in progress would put the line (map y), if one runs. */
    public Optional<Double> linePreview() {
        return line().flatMap(l -> preview.mapAttribute(l.mapAttribute()) instanceof Value.Decimal d
                ? Optional.of(d.value()) : Optional.empty());
    }

    /** The line's name in the map's language, for the guide drawn while it is dragged. */
    public String lineName() {
        return line().map(l -> l.name(document())).orElse("");
    }

    /** Whether a preview changes the map's own attributes in a way the canvas cannot draw apart (none but the line). */
    public boolean previewsMapAttributes() {
        String drawnApart = line().map(LineHandle::mapAttribute).orElse(null);
        return preview.mapAttributes().keySet().stream().anyMatch(k -> !k.equals(drawnApart));
    }

    /** Shows a line drag in progress at map y, before the model changes. */
    public void previewLine(double y) {
        line().ifPresent(l -> preview.showMapAttribute(l.mapAttribute(), new Value.Decimal(y)));
    }

    /** Ends a line drag: one undo step, summarised in the method's words. */
    public boolean setLine(double y) {
        preview.clear();
        Optional<ChangeSet> moved = line().flatMap(l -> l.moveTo(document(), y));
        return moved.isPresent() && apply(moved.get().summary(), moved.get().changes());
    }
}
