package org.mapwork.editor.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
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
import org.mapwork.model.OrderKey;
import org.mapwork.model.Point;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.AttributeType;
import org.mapwork.model.schema.ElementType;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;
import org.mapwork.templates.MethodTemplate;

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
    /** The attribute a Net-Map tower shows (an integer ≥ 0). */
    public static final String INFLUENCE = "influence";
    /** A Net-Map actor's goals (ids of the map's goal rows). */
    public static final String GOALS = "goals";
    /** The theory of change's precondition type and the map attribute holding the ceiling's height. */
    public static final String PRECONDITION = "precondition";
    public static final String CEILING_Y = "ceilingY";

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

    // written by the method-specific members below, which the methods lane moves out of this class; see fire()
    private final Map<String, Value.Int> previewTower = new LinkedHashMap<>();
    private final Map<String, Value> previewMap;
    private int previewVersion;
    private LabelEdit labelEdit;

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
        this.previewMap = preview.mapAttributes();
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
     * Chooses the link type for new links; when links are selected, it also changes their type (one undo step).
     */
    public void setLinkType(String type) {
        linkType = type;
        changed(Aspect.PALETTE);
        edits.retypeSelectedLinks(type);
    }

    public void setPictogram(String name) {
        pictogram = name;
        changed(Aspect.PALETTE);
    }

    // ----- previews of the methods' own gestures -----

    public void previewTower(String id, long value) {
        previewTower.clear();
        previewTower.put(id, new Value.Int(value));
        previewVersion++;
        fire(Aspect.PREVIEW);
    }

    /** Whether a node can carry an influence tower (its type has an integer {@value #INFLUENCE} attribute). */
    public boolean hasTower(Element e) {
        if (e == null || !e.isNode()) {
            return false;
        }
        ElementType type = schema().type(e.kind(), e.type(), document().mapAttributes());
        AttributeDef a = type == null ? null : type.attribute(INFLUENCE);
        return a != null && a.type() == AttributeType.INTEGER;
    }

    public long towerOf(Element e) {
        return e.attribute(INFLUENCE) instanceof Value.Int i ? i.value() : 0;
    }

    /** The highest tower a node may have (its attribute's maximum, or 99). */
    public long towerMax(Element e) {
        ElementType type = schema().type(e.kind(), e.type(), document().mapAttributes());
        AttributeDef a = type == null ? null : type.attribute(INFLUENCE);
        return a == null || a.max() == null ? 99 : a.max().longValue();
    }

    /** Raises (+1) or lowers (−1) the towers of the selected actors, one undo step. */
    public boolean raiseTowers(int by) {
        List<Change> changes = new ArrayList<>();
        for (String id : selection) {
            Element e = document().element(id);
            if (hasTower(e)) {
                long v = Math.max(0, Math.min(towerMax(e), towerOf(e) + by));
                if (v != towerOf(e) || e.attribute(INFLUENCE) == null) {
                    changes.add(Change.setAttribute(id, INFLUENCE, new Value.Int(v)));
                }
            }
        }
        if (changes.isEmpty()) {
            setStatus("Select an actor to raise or lower its influence tower");
            return false;
        }
        return apply((by > 0 ? "Raise" : "Lower") + " influence tower", changes);
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
        return apply(arrow ? "Draw an arrow" : "Draw a stroke", List.of(Change.add(stroke))) ? Optional.of(id)
                : Optional.empty();
    }

    /**
     * Starts writing a text annotation at a map point; the text is added with what was typed when the edit is
     * committed (one undo step; Escape or nothing typed adds nothing).
     */
    public boolean addText(double x, double y) {
        if (!schema().annotationTypes().containsKey("text")) {
            setStatus("This method has no text annotations");
            return false;
        }
        labelEdit = new LabelEdit(null, "text", snap(x), snap(y), 160, "", null, null,
                org.mapwork.model.ElementKind.ANNOTATION);
        fire(Aspect.LABEL_EDIT);
        return true;
    }

    private boolean createText(LabelEdit edit, String label) {
        String id = Ids.newId("a");
        Element text = Element.annotation(id, "text", label, Geometry.box(edit.x(), edit.y(), edit.width(), 32),
                document().nextOrderKey());
        if (apply("Add text \"" + label + "\"", List.of(Change.add(text)))) {
            select(List.of(id));
            return true;
        }
        return false;
    }

    /** The node type that carries pictograms (one with a {@code symbol} or {@code pictogram} attribute), if any. */
    public Optional<String> pictogramNodeType() {
        return schema().nodeTypes().values().stream()
                .filter(t -> pictogramAttribute(t) != null).map(ElementType::name).findFirst();
    }

    private static String pictogramAttribute(ElementType t) {
        for (String name : List.of("symbol", "pictogram")) {
            if (t.attribute(name) != null) {
                return name;
            }
        }
        return null;
    }

    /** Stamps the current pictogram at a map point, as a node of the method's pictogram type. */
    public Optional<String> stampPictogram(double cx, double cy) {
        Optional<String> type = pictogramNodeType();
        if (type.isEmpty() || pictogram == null) {
            setStatus("Choose a pictogram in the palette first");
            return Optional.empty();
        }
        String id = Ids.newId("n");
        Element e = withRequiredDefaults(Element.node(id, type.get(), "",
                Geometry.box(snap(cx - 32), snap(cy - 32), 64, 64), document().nextOrderKey()))
                .withAttribute(pictogramAttribute(schema().nodeTypes().get(type.get())), new Value.Text(pictogram));
        return apply("Stamp " + pictogram, List.of(Change.add(e))) ? Optional.of(id) : Optional.empty();
    }

    // ----- theory of change: preconditions and the ceiling of accountability -----

    /** The node type for preconditions and the link type that ties one to an outcome, if the method has them. */
    private Optional<String[]> preconditionTypes(Element outcome) {
        if (!schema().nodeTypes().containsKey(PRECONDITION)) {
            return Optional.empty();
        }
        for (LinkType t : schema().linkTypesOf(document().mapAttributes()).values()) {
            if (t.allows(PRECONDITION, outcome.type())) {
                return Optional.of(new String[] {PRECONDITION, t.name()});
            }
        }
        return Optional.empty();
    }

    /**
     * Starts naming a precondition placed below the selected outcome; when the name is committed, the node and its
     * link to the outcome are added in one undo step.
     */
    public boolean beginPrecondition() {
        if (selection.size() != 1 || !document().contains(selection.iterator().next())) {
            setStatus("Select one outcome to add a precondition below it");
            return false;
        }
        Element outcome = document().element(selection.iterator().next());
        Optional<String[]> types = outcome.isNode() ? preconditionTypes(outcome) : Optional.empty();
        if (types.isEmpty()) {
            setStatus("A precondition cannot lead to " + labelOf(outcome.id()));
            return false;
        }
        Geometry g = outcome.geometry();
        double below = g.y() + g.height() + 80;
        List<Geometry> place = FreePlaces.find(document(), 1, g.centerX() - NODE_WIDTH / 2, below, NODE_WIDTH,
                NODE_HEIGHT, 6);
        Geometry at = place.isEmpty() ? Geometry.box(g.x(), below, NODE_WIDTH, NODE_HEIGHT) : place.get(0);
        labelEdit = new LabelEdit(null, types.get()[0], at.x(), at.y(), NODE_WIDTH, "", outcome.id(), types.get()[1]);
        fire(Aspect.LABEL_EDIT);
        return true;
    }

    private boolean createLinkedNode(LabelEdit edit, String label) {
        if (!document().contains(edit.linkTo())) {
            setStatus("The outcome was removed meanwhile");
            return false;
        }
        String id = Ids.newId("n");
        String order = document().nextOrderKey();
        Element node = withRequiredDefaults(Element.node(id, edit.nodeType(), label,
                Geometry.box(edit.x(), edit.y(), NODE_WIDTH, NODE_HEIGHT), order));
        Element link = Element.link(Ids.newId("l"), edit.linkType(), id, edit.linkTo(), OrderKey.after(order));
        if (apply("Add " + edit.nodeType() + " \"" + label + "\" for " + labelOf(edit.linkTo()),
                List.of(Change.add(node), Change.add(link)))) {
            select(List.of(id));
            return true;
        }
        return false;
    }

    /** Where the ceiling of accountability is drawn (map y), if the map has one. */
    public Optional<Double> ceilingY() {
        if (template == null || !schema().mapAttributes().containsKey(CEILING_Y)) {
            return Optional.empty();
        }
        return template.presentation().backdrops(displayed()).stream()
                .filter(b -> b instanceof org.mapwork.templates.Backdrop.HorizontalLine)
                .map(b -> ((org.mapwork.templates.Backdrop.HorizontalLine) b).y()).findFirst();
    }

    /** Where a ceiling drag in progress would put the ceiling (map y), if one runs. */
    public Optional<Double> ceilingPreview() {
        return previewMap.get(CEILING_Y) instanceof Value.Decimal d ? Optional.of(d.value()) : Optional.empty();
    }

    /** Whether a preview changes the map's own attributes in a way the canvas cannot draw apart (none but the ceiling). */
    public boolean previewsMapAttributes() {
        return previewMap.keySet().stream().anyMatch(k -> !k.equals(CEILING_Y));
    }

    public void previewCeiling(double y) {
        previewMap.put(CEILING_Y, new Value.Decimal(y));
        previewVersion++;
        fire(Aspect.PREVIEW);
    }

    public boolean setCeiling(double y) {
        clearPreview();
        return setMapAttribute(CEILING_Y, new Value.Decimal(Math.round(y * 10) / 10.0));
    }

    /** Moves the ceiling up (−1) or down (+1) by one grid step (the keyboard path). */
    public boolean moveCeiling(int by) {
        Optional<Double> y = ceilingY();
        if (y.isEmpty()) {
            setStatus("This map has no ceiling of accountability");
            return false;
        }
        return setCeiling(y.get() + by * GRID);
    }

    // ----- Net-Map goals and stance -----

    /** A goal defined on the map, with the stance it stands for. */
    public record Goal(String id, String label, String stance) {
    }

    /** The map's goals (rows of the map attribute that the actors' {@value #GOALS} options come from). */
    public List<Goal> goals() {
        List<Goal> out = new ArrayList<>();
        String from = goalsSource();
        if (from != null && document().mapAttribute(from) instanceof Value.Rows rows) {
            for (Map<String, Value> row : rows.rows()) {
                if (row.get("id") instanceof Value.Text id) {
                    String label = row.get("label") instanceof Value.Text l && !l.value().isBlank() ? l.value() : id.value();
                    String stance = row.get("stance") instanceof Value.Text st ? st.value() : "";
                    out.add(new Goal(id.value(), label, stance));
                }
            }
        }
        return out;
    }

    private String goalsSource() {
        for (var t : schema().nodeTypes().values()) {
            AttributeDef a = t.attribute(GOALS);
            if (a != null && a.optionsFrom() != null) {
                return a.optionsFrom();
            }
        }
        return null;
    }

    public boolean holdsGoal(Element actor, String goalId) {
        return actor.attribute(GOALS) instanceof Value.TextList l && l.values().contains(goalId);
    }

    /** Adds or removes one goal of an actor. */
    public boolean toggleGoal(String actorId, String goalId) {
        Element actor = document().element(actorId);
        if (actor == null) {
            return false;
        }
        List<String> goals = new ArrayList<>(actor.attribute(GOALS) instanceof Value.TextList l ? l.values() : List.of());
        if (!goals.remove(goalId)) {
            goals.add(goalId);
        }
        return setAttribute(actorId, GOALS, new Value.TextList(goals));
    }

    /** Defines a new goal with a stance on the map and gives it to an actor, in one undo step. */
    public boolean addGoal(String actorId, String label, String stance) {
        String from = goalsSource();
        Element actor = document().element(actorId);
        if (from == null || actor == null || label.isBlank()) {
            return false;
        }
        List<Map<String, Value>> rows = new ArrayList<>(
                document().mapAttribute(from) instanceof Value.Rows r ? r.rows() : List.of());
        String id = Ids.newId("g");
        Map<String, Value> row = new LinkedHashMap<>();
        row.put("id", new Value.Text(id));
        row.put("label", new Value.Text(label.strip()));
        if (stance != null) {
            row.put("stance", new Value.Text(stance));
        }
        rows.add(row);
        List<String> goals = new ArrayList<>(actor.attribute(GOALS) instanceof Value.TextList l ? l.values() : List.of());
        goals.add(id);
        return apply("Add goal \"" + label.strip() + "\"", List.of(Change.setMapAttribute(from, new Value.Rows(rows)),
                Change.setAttribute(actorId, GOALS, new Value.TextList(goals))));
    }

    // ----- the parts, for the method-specific members above (the methods lane moves those out; then this goes) ----

    private void select(Collection<String> ids) {
        selection.select(ids);
    }

    private double snap(double v) {
        return viewing.snap(v);
    }

    private void clearPreview() {
        previewTower.clear();
        preview.clear();
    }

    private boolean setAttribute(String id, String name, Value value) {
        return edits.setAttribute(id, name, value);
    }

    private boolean setMapAttribute(String name, Value value) {
        return edits.setMapAttribute(name, value);
    }

    private Element withRequiredDefaults(Element e) {
        return edits.withRequiredDefaults(e);
    }

    /**
     * The method-specific members write {@link #previewTower}, {@link #previewMap} (the preview's own map) and
     * {@link #labelEdit}, then fire: hand what they wrote to the parts, which tell the listeners.
     */
    private void fire(Aspect aspect) {
        if (aspect == Aspect.PREVIEW) {
            previewTower.forEach((id, v) -> preview.showAttribute(id, INFLUENCE, v));
            previewTower.clear();
            if (!previewMap.isEmpty()) {
                preview.changed();
            }
        } else if (aspect == Aspect.LABEL_EDIT && labelEdit != null) {
            labels.begin(labelEdit, (edit, label) -> edit.kind() == ElementKind.ANNOTATION ? createText(edit, label)
                    : createLinkedNode(edit, label));
            labelEdit = null;
        } else {
            changed(aspect);
        }
    }
}
