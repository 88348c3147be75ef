package org.mapwork.editor.map;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.mapwork.editor.canvas.Camera;
import org.mapwork.editor.canvas.HitTester;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeRejected;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.OrderKey;
import org.mapwork.model.Point;
import org.mapwork.model.Value;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.ElementType;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;
import org.mapwork.templates.MethodTemplate;

/**
 * The map window's view model: the open map (through its {@link MapSession}, the one write path), the selection,
 * the camera, the palette's current types, and the preview of a gesture in progress. Tools and panels call it; it
 * never touches JavaFX, so everything here runs in plain unit tests.
 *
 * <p>Every edit becomes one {@link ChangeSet} applied through {@link MapSession#apply}: one gesture, one undo step.
 * During a drag only the preview changes; the model changes once, on release.
 */
public final class MapViewModel {

    /** What changed, so that views redraw only what they must. */
    public enum Aspect { DOCUMENT, SELECTION, VIEW, PREVIEW, LABEL_EDIT, STATUS, PALETTE }

    public static final double NODE_WIDTH = 140;
    public static final double NODE_HEIGHT = 60;
    public static final double GRID = 20;

    private final MapSession session;
    private final MethodTemplate template;
    private final SchemaRegistry schemas;
    private final HitTester hitTester;
    private final ClipboardPort clipboard;
    private final Camera camera = new Camera();
    private final Set<String> selection = new LinkedHashSet<>();
    private final List<Consumer<Aspect>> listeners = new CopyOnWriteArrayList<>();

    // the preview of a gesture in progress: never in the model until the gesture ends
    private final Map<String, Geometry> previewGeometry = new LinkedHashMap<>();
    private final Map<String, Value.Int> previewTower = new LinkedHashMap<>();
    private final Map<String, Value> previewMap = new LinkedHashMap<>();
    private Rectangle2D rubberBand;
    private String connectFrom;
    private Point connectTo;
    private String connectTarget;
    private List<Point> strokePreview = List.of();
    private MapDocument displayedFor;
    private int previewVersion;
    private int displayedVersion = -1;
    private MapDocument displayed;

    private String nodeType;
    private String linkType;
    private String pictogram;
    private boolean grid;
    private boolean snap;
    private LabelEdit labelEdit;
    private String status = "";
    private java.util.function.Function<MapDocument, Rectangle2D> extent;

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
        this.schemas = schemas;
        this.hitTester = hitTester;
        this.clipboard = clipboard;
        List<String> nodeTypes = schema().typeNames(org.mapwork.model.ElementKind.NODE, Map.of());
        this.nodeType = nodeTypes.isEmpty() ? null : nodeTypes.get(0);
        List<String> links = linkTypeNames();
        this.linkType = links.isEmpty() ? null : links.get(0);
        session.addListener(this::applied);
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

    public Camera camera() {
        return camera;
    }

    public HitTester hitTester() {
        return hitTester;
    }

    /**
     * The document as the canvas shows it: the model with the preview of the gesture in progress laid over it.
     * Built with the change engine on a copy, so the session's document stays as it is.
     */
    public MapDocument displayed() {
        MapDocument doc = session.document();
        if (previewGeometry.isEmpty() && previewTower.isEmpty() && previewMap.isEmpty()) {
            return doc;
        }
        if (displayed != null && displayedFor == doc && displayedVersion == previewVersion) {
            return displayed;
        }
        List<Change> preview = new ArrayList<>();
        previewGeometry.forEach((id, g) -> {
            if (doc.contains(id)) {
                preview.add(Change.setGeometry(id, g));
            }
        });
        previewTower.forEach((id, v) -> {
            if (doc.contains(id)) {
                preview.add(Change.setAttribute(id, towerAttribute(), v));
            }
        });
        previewMap.forEach((name, v) -> preview.add(Change.setMapAttribute(name, v)));
        try {
            displayed = ChangeEngine.apply(doc, schema(), ChangeSet.of("preview", preview)).after();
        } catch (ChangeRejected e) {
            displayed = doc;
        }
        displayedFor = doc;
        displayedVersion = previewVersion;
        return displayed;
    }

    /**
     * The elements a gesture in progress moves, resizes or raises, with the links attached to them: the canvas draws
     * them from {@link #displayed()} over a picture of the rest of the map, which the gesture leaves alone. Empty when
     * no such gesture runs.
     */
    public Set<String> liftedElements() {
        if (previewGeometry.isEmpty() && previewTower.isEmpty()) {
            return Set.of();
        }
        if (lifted != null && liftedVersion == previewVersion && liftedFor == session.document()) {
            return lifted;
        }
        MapDocument doc = session.document();
        Set<String> ids = new LinkedHashSet<>();
        for (String id : previewGeometry.keySet()) {
            addWithLinks(doc, id, ids);
        }
        for (String id : previewTower.keySet()) {
            addWithLinks(doc, id, ids);
        }
        lifted = Set.copyOf(ids);
        liftedVersion = previewVersion;
        liftedFor = doc;
        return lifted;
    }

    private static void addWithLinks(MapDocument doc, String id, Set<String> out) {
        Element e = doc.element(id);
        if (e == null) {
            return;
        }
        out.add(id);
        if (e.isNode()) {
            for (Element link : doc.linksOf(id)) {
                out.add(link.id());
            }
        }
    }

    private Set<String> lifted;
    private int liftedVersion = -1;
    private MapDocument liftedFor;

    public Set<String> selection() {
        return Set.copyOf(selection);
    }

    /** The selection in the order it was made (the first is the "anchor" for align). */
    public List<String> selectionInOrder() {
        return List.copyOf(selection);
    }

    public boolean isSelected(String id) {
        return selection.contains(id);
    }

    public Rectangle2D rubberBand() {
        return rubberBand;
    }

    public String connectFrom() {
        return connectFrom;
    }

    public Point connectTo() {
        return connectTo;
    }

    public String connectTarget() {
        return connectTarget;
    }

    public List<Point> strokePreview() {
        return strokePreview;
    }

    public LabelEdit labelEdit() {
        return labelEdit;
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

    public boolean gridShown() {
        return grid;
    }

    public boolean snapping() {
        return snap;
    }

    public List<String> nodeTypeNames() {
        return schema().typeNames(org.mapwork.model.ElementKind.NODE, document().mapAttributes());
    }

    public List<String> linkTypeNames() {
        return schema().typeNames(org.mapwork.model.ElementKind.LINK, document().mapAttributes());
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

    // ----- listening -----

    public void addListener(Consumer<Aspect> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Aspect> listener) {
        listeners.remove(listener);
    }

    private void fire(Aspect aspect) {
        for (Consumer<Aspect> l : listeners) {
            l.accept(aspect);
        }
    }

    /** Every applied change set, from any origin: forget what no longer exists, then tell the views. */
    private void applied(MapSession.Event event) {
        MapDocument doc = event.document();
        boolean selectionChanged = selection.removeIf(id -> !doc.contains(id));
        if (labelEdit != null && !labelEdit.isNewNode() && !doc.contains(labelEdit.elementId())) {
            labelEdit = null;
            fire(Aspect.LABEL_EDIT);
        }
        if (linkType != null && !linkTypeNames().contains(linkType)) {
            List<String> names = linkTypeNames();
            linkType = names.isEmpty() ? null : names.get(0);
            fire(Aspect.PALETTE);
        }
        fire(Aspect.DOCUMENT);
        if (selectionChanged) {
            fire(Aspect.SELECTION);
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
            setStatus("Not done: " + e.getMessage());
            return false;
        }
    }

    public void setStatus(String text) {
        status = text == null ? "" : text;
        fire(Aspect.STATUS);
    }

    public boolean undo() {
        try {
            Optional<String> what = session.history().undoSummary();
            boolean done = session.undo().isPresent();
            setStatus(done ? "Undone: " + what.orElse("") : "Nothing to undo");
            return done;
        } catch (ChangeRejected e) {
            setStatus("Cannot undo: " + e.getMessage());
            return false;
        }
    }

    public boolean redo() {
        try {
            Optional<String> what = session.history().redoSummary();
            boolean done = session.redo().isPresent();
            setStatus(done ? "Redone: " + what.orElse("") : "Nothing to redo");
            return done;
        } catch (ChangeRejected e) {
            setStatus("Cannot redo: " + e.getMessage());
            return false;
        }
    }

    // ----- selection -----

    public void select(Collection<String> ids) {
        selection.clear();
        selection.addAll(ids);
        fire(Aspect.SELECTION);
    }

    public void addToSelection(Collection<String> ids) {
        selection.addAll(ids);
        fire(Aspect.SELECTION);
    }

    public void toggleSelected(String id) {
        if (!selection.remove(id)) {
            selection.add(id);
        }
        fire(Aspect.SELECTION);
    }

    public void clearSelection() {
        if (!selection.isEmpty()) {
            selection.clear();
            fire(Aspect.SELECTION);
        }
    }

    public void selectAll() {
        select(document().elements().stream().map(Element::id).toList());
    }

    private List<Element> selectedBoxes() {
        MapDocument doc = document();
        List<Element> out = new ArrayList<>();
        for (String id : selection) {
            Element e = doc.element(id);
            if (e != null && !e.isLink()) {
                out.add(e);
            }
        }
        return out;
    }

    // ----- palette and view options -----

    public void setNodeType(String type) {
        nodeType = type;
        fire(Aspect.PALETTE);
    }

    /**
     * Chooses the link type for new links; when links are selected, it also changes their type (one undo step).
     */
    public void setLinkType(String type) {
        linkType = type;
        fire(Aspect.PALETTE);
        List<Change> changes = new ArrayList<>();
        for (String id : selection) {
            Element e = document().element(id);
            if (e != null && e.isLink() && !e.type().equals(type)) {
                changes.add(Change.setType(id, type));
            }
        }
        apply("Change link type to " + type, changes);
    }

    public void setPictogram(String name) {
        pictogram = name;
        fire(Aspect.PALETTE);
    }

    public void setGrid(boolean on) {
        grid = on;
        snap = on;
        fire(Aspect.VIEW);
    }

    public double snap(double v) {
        return snap ? Math.round(v / GRID) * GRID : v;
    }

    public void viewChanged() {
        fire(Aspect.VIEW);
    }

    // ----- previews (gesture in progress) -----

    /** Shows the given elements moved by (dx, dy) without changing the model. */
    public void previewMove(Collection<String> ids, Map<String, Geometry> start, double dx, double dy) {
        previewGeometry.clear();
        for (String id : ids) {
            Geometry g = start.get(id);
            if (g != null) {
                previewGeometry.put(id, g.movedBy(dx, dy));
            }
        }
        previewVersion++;
        fire(Aspect.PREVIEW);
    }

    public void previewGeometry(String id, Geometry g) {
        previewGeometry.clear();
        previewGeometry.put(id, g);
        previewVersion++;
        fire(Aspect.PREVIEW);
    }

    public void previewTower(String id, long value) {
        previewTower.clear();
        previewTower.put(id, new Value.Int(value));
        previewVersion++;
        fire(Aspect.PREVIEW);
    }

    public void previewRubberBand(Rectangle2D band) {
        rubberBand = band;
        fire(Aspect.PREVIEW);
    }

    public void previewConnect(String from, Point to, String target) {
        connectFrom = from;
        connectTo = to;
        connectTarget = target;
        fire(Aspect.PREVIEW);
    }

    public void previewStroke(List<Point> points) {
        strokePreview = List.copyOf(points);
        fire(Aspect.PREVIEW);
    }

    public void clearPreview() {
        previewGeometry.clear();
        previewTower.clear();
        previewMap.clear();
        rubberBand = null;
        connectFrom = null;
        connectTo = null;
        connectTarget = null;
        strokePreview = List.of();
        previewVersion++;
        fire(Aspect.PREVIEW);
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
        clearPreview();
        return apply(changes.size() == 1 ? "Move " + labelOf(changes.get(0).elementId())
                : "Move " + changes.size() + " elements", changes);
    }

    public boolean commitGeometry(String id, Geometry g, String summary) {
        clearPreview();
        if (!document().contains(id) || document().element(id).geometry().equals(g)) {
            return false;
        }
        return apply(summary, List.of(Change.setGeometry(id, g)));
    }

    /** Links two nodes with the current link type (several types may link the same pair). */
    public Optional<String> connect(String from, String to) {
        clearPreview();
        MapDocument doc = document();
        if (from == null || to == null || from.equals(to) || !doc.contains(from) || !doc.contains(to)) {
            return Optional.empty();
        }
        String type = linkTypeFor(doc.element(from), doc.element(to));
        if (type == null) {
            setStatus("No link type fits " + doc.element(from).type() + " → " + doc.element(to).type());
            return Optional.empty();
        }
        String id = Ids.newId("l");
        boolean done = apply("Link " + labelOf(from) + " → " + labelOf(to) + " (" + type + ")",
                List.of(Change.add(Element.link(id, type, from, to, doc.nextOrderKey()))));
        return done ? Optional.of(id) : Optional.empty();
    }

    /** The current link type when it fits the two ends, else the first type that does. */
    private String linkTypeFor(Element from, Element to) {
        Map<String, LinkType> types = schema().linkTypesOf(document().mapAttributes());
        LinkType current = linkType == null ? null : types.get(linkType);
        if (current != null && current.allows(from.type(), to.type())) {
            return current.name();
        }
        return types.values().stream().filter(t -> t.allows(from.type(), to.type())).map(LinkType::name)
                .findFirst().orElse(null);
    }

    /** Adds a node of the current type with a label at a map point (centred there). */
    public Optional<String> createNode(String type, String label, double cx, double cy) {
        if (type == null) {
            setStatus("This method has no node types");
            return Optional.empty();
        }
        String id = Ids.newId("n");
        Geometry g = Geometry.box(snap(cx - NODE_WIDTH / 2), snap(cy - NODE_HEIGHT / 2), NODE_WIDTH, NODE_HEIGHT);
        Element node = withRequiredDefaults(Element.node(id, type, label, g, document().nextOrderKey()));
        boolean done = apply("Add " + type + (label.isEmpty() ? "" : " \"" + label + "\""), List.of(Change.add(node)));
        if (done) {
            select(List.of(id));
        }
        return done ? Optional.of(id) : Optional.empty();
    }

    /** Fills required attributes a new element must carry with the plainest fitting value. */
    private Element withRequiredDefaults(Element e) {
        ElementType type = schema().type(e.kind(), e.type(), document().mapAttributes());
        if (type == null) {
            return e;
        }
        for (AttributeDef a : type.attributes()) {
            if (a.required() && e.attribute(a.name()) == null) {
                Value v = plainValue(a, document().mapAttributes());
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
        if (names.isEmpty() || nodeType == null) {
            return List.of();
        }
        Rectangle2D view = camera.visibleArea();
        int perRow = Math.max(1, (int) ((view.getWidth() - 40) / (NODE_WIDTH + 20)));
        List<Geometry> places = FreePlaces.find(document(), names.size(), snap(view.getX() + 40),
                snap(view.getY() + 40), NODE_WIDTH, NODE_HEIGHT, perRow);
        List<Change> changes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String order = document().nextOrderKey();
        for (int i = 0; i < names.size(); i++) {
            String id = Ids.newId("n");
            ids.add(id);
            changes.add(Change.add(withRequiredDefaults(Element.node(id, nodeType, names.get(i), places.get(i), order))));
            order = OrderKey.after(order);
        }
        if (apply("Quick add " + names.size() + " " + nodeType + (names.size() == 1 ? "" : "s"), changes)) {
            select(ids);
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
        return apply("Delete " + (n == 1 ? labelOf(changes.get(0).elementId()) : n + " elements"), changes);
    }

    public boolean copySelection() {
        if (selectedBoxes().isEmpty()) {
            setStatus("Select something to copy");
            return false;
        }
        clipboard.putMapJson(MapFragment.copy(document(), schema(), selection));
        setStatus("Copied " + selectedBoxes().size() + " element(s)");
        return true;
    }

    public boolean cutSelection() {
        return copySelection() && deleteSelection();
    }

    /**
     * Pastes the clipboard: a Mapwork fragment (from this or another map) arrives beside its origin, selected;
     * plain text becomes one node per line (quick add).
     */
    public List<String> paste() {
        Optional<String> text = clipboard.text();
        if (text.isEmpty() || text.get().isBlank()) {
            setStatus("The clipboard is empty");
            return List.of();
        }
        if (!MapFragment.looksLikeMap(text.get())) {
            return quickAdd(text.get());
        }
        return pasteFragment(text.get(), 24, 24, true);
    }

    private List<String> pasteFragment(String json, double dx, double dy) {
        return pasteFragment(json, dx, dy, false);
    }

    /**
     * @param intoView whether elements that would land outside the visible area (copied in another map, or far
     *                 from here) are brought into the middle of the view, keeping their arrangement
     */
    private List<String> pasteFragment(String json, double dx, double dy, boolean intoView) {
        try {
            MapFragment.Paste p = MapFragment.paste(json, schemasWithOwn(), document(), schema(), dx, dy);
            Rectangle2D landing = intoView ? boxesOf(p.changes()) : null;
            if (landing != null && !landing.intersects(camera.visibleArea())) {
                Rectangle2D view = camera.visibleArea();
                p = MapFragment.paste(json, schemasWithOwn(), document(), schema(),
                        dx + snap(view.getCenterX() - landing.getCenterX()),
                        dy + snap(view.getCenterY() - landing.getCenterY()));
            }
            if (p.changes().isEmpty()) {
                setStatus("Nothing on the clipboard fits a " + schema().methodId() + " map");
                return List.of();
            }
            if (apply("Paste " + p.newIds().size() + " element(s)", p.changes())) {
                select(p.newIds());
                if (p.leftOut() > 0) {
                    setStatus("Pasted; " + p.leftOut() + " element(s) of types this map does not have were left out");
                }
                return p.newIds();
            }
        } catch (MapFormatException e) {
            setStatus("Cannot paste: " + e.getMessage());
        }
        return List.of();
    }

    /** The bounds of the nodes and annotations a paste would add, or null when it adds none. */
    private Rectangle2D boxesOf(List<Change> changes) {
        List<Element> added = new ArrayList<>();
        for (Change c : changes) {
            if (c instanceof Change.AddElement a && !a.element().isLink()) {
                added.add(a.element());
            }
        }
        return boundsOf(added);
    }

    private SchemaRegistry schemasWithOwn() {
        Schema own = schema();
        return new SchemaRegistry() {
            @Override
            public Optional<Schema> schema(String methodId) {
                return own.methodId().equals(methodId) ? Optional.of(own) : schemas.schema(methodId);
            }

            @Override
            public Collection<String> methodIds() {
                Set<String> ids = new LinkedHashSet<>(schemas.methodIds());
                ids.add(own.methodId());
                return ids;
            }
        };
    }

    /** Duplicates the selection beside itself, without touching the clipboard. */
    public List<String> duplicateSelection() {
        if (selectedBoxes().isEmpty()) {
            return List.of();
        }
        return pasteFragment(MapFragment.copy(document(), schema(), selection), 24, 24);
    }

    public boolean align(Arrangement.Align how) {
        return apply("Align " + how.name().toLowerCase(java.util.Locale.ROOT), Arrangement.align(selectedBoxes(), how));
    }

    public boolean distribute(boolean horizontally) {
        return apply("Distribute " + (horizontally ? "horizontally" : "vertically"),
                Arrangement.distribute(selectedBoxes(), horizontally));
    }

    /** Brings the selection to the front (keeping its own stacking), one undo step. */
    public boolean bringToFront() {
        MapDocument doc = document();
        List<Element> chosen = selectedInDrawOrder(doc);
        List<Change> changes = new ArrayList<>();
        String key = doc.frontOrderKey();
        for (Element e : chosen) {
            key = OrderKey.after(key);
            changes.add(Change.setOrder(e.id(), key));
        }
        return apply("Bring to front", changes);
    }

    public boolean sendToBack() {
        MapDocument doc = document();
        List<Element> chosen = selectedInDrawOrder(doc);
        List<Change> changes = new ArrayList<>();
        String key = doc.backOrderKey();
        for (int i = chosen.size() - 1; i >= 0; i--) {
            key = key == null ? OrderKey.first() : OrderKey.before(key);
            changes.add(Change.setOrder(chosen.get(i).id(), key));
        }
        return apply("Send to back", changes);
    }

    private List<Element> selectedInDrawOrder(MapDocument doc) {
        List<Element> out = new ArrayList<>();
        for (String id : selection) {
            if (doc.contains(id)) {
                out.add(doc.element(id));
            }
        }
        out.sort(Comparator.comparing(Element::order).thenComparing(Element::id));
        return out;
    }

    /** Lays out the whole map, or only the selected nodes, with the method's layout. */
    public boolean autoLayout() {
        if (template == null) {
            setStatus("No layout for this method");
            return false;
        }
        Set<String> nodes = new LinkedHashSet<>();
        for (String id : selection) {
            Element e = document().element(id);
            if (e != null && e.isNode()) {
                nodes.add(id);
            }
        }
        ChangeSet layout = template.layout(document(), nodes);
        return apply(nodes.isEmpty() ? "Lay out the map" : "Lay out " + nodes.size() + " nodes", layout.changes());
    }

    /** Resizes the single selected node or annotation by (dw, dh) map units (keyboard path for resizing). */
    public boolean resizeSelection(double dw, double dh) {
        List<Change> changes = new ArrayList<>();
        for (Element e : selectedBoxes()) {
            Geometry g = e.geometry();
            if (!g.points().isEmpty()) {
                continue;
            }
            changes.add(Change.setGeometry(e.id(), g.resized(Math.max(20, g.width() + dw), Math.max(20, g.height() + dh))));
        }
        return apply("Resize", changes);
    }

    /** Moves the selection by (dx, dy) map units (arrow keys with a modifier). */
    public boolean nudgeSelection(double dx, double dy) {
        List<Change> changes = new ArrayList<>();
        for (Element e : selectedBoxes()) {
            changes.add(Change.setGeometry(e.id(), e.geometry().movedBy(dx, dy)));
        }
        return apply("Move", changes);
    }

    // ----- labels -----

    /** Starts editing the label of an element in place. */
    public boolean beginLabelEdit(String id) {
        Element e = document().element(id);
        if (e == null) {
            return false;
        }
        Geometry g = e.geometry();
        if (e.isLink()) {
            Element s = document().element(e.source());
            Element t = document().element(e.target());
            double cx = (s.geometry().centerX() + t.geometry().centerX()) / 2;
            double cy = (s.geometry().centerY() + t.geometry().centerY()) / 2;
            g = Geometry.box(cx - 60, cy - 12, 120, 24);
        }
        labelEdit = new LabelEdit(id, e.type(), g.x(), g.y(), Math.max(g.width(), 120), e.label());
        fire(Aspect.LABEL_EDIT);
        return true;
    }

    /** Starts naming a new node of the current type at a map point; nothing is added until the name is committed. */
    public boolean beginNewNode(double cx, double cy) {
        if (nodeType == null) {
            setStatus("This method has no node types");
            return false;
        }
        labelEdit = new LabelEdit(null, nodeType, snap(cx - NODE_WIDTH / 2), snap(cy - NODE_HEIGHT / 2), NODE_WIDTH, "");
        fire(Aspect.LABEL_EDIT);
        return true;
    }

    /** Starts naming a new node in the middle of the visible area (the keyboard path). */
    public boolean beginNewNodeInView() {
        Rectangle2D v = camera.visibleArea();
        List<Geometry> place = FreePlaces.find(document(), 1, v.getCenterX() - NODE_WIDTH / 2,
                v.getCenterY() - NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT, 4);
        Geometry g = place.isEmpty() ? Geometry.box(v.getCenterX(), v.getCenterY(), 0, 0) : place.get(0);
        return beginNewNode(g.centerX(), g.centerY());
    }

    /** Commits the label edit: renames the element, or creates the new node with this name. Empty names add nothing. */
    public boolean commitLabel(String text) {
        LabelEdit edit = labelEdit;
        labelEdit = null;
        fire(Aspect.LABEL_EDIT);
        if (edit == null) {
            return false;
        }
        String label = text == null ? "" : text.strip();
        if (edit.isNewNode()) {
            if (label.isEmpty()) {
                return false;
            }
            if (edit.kind() == org.mapwork.model.ElementKind.ANNOTATION) {
                return createText(edit, label);
            }
            if (edit.naming() != null) {
                return createNamedNode(edit, label);
            }
            return createNode(edit.nodeType(), label, edit.x() + NODE_WIDTH / 2, edit.y() + NODE_HEIGHT / 2).isPresent();
        }
        Element e = document().element(edit.elementId());
        if (e == null || e.label().equals(label)) {
            return false;
        }
        return apply("Rename \"" + e.label() + "\" to \"" + label + "\"", List.of(Change.setLabel(e.id(), label)));
    }

    public void cancelLabelEdit() {
        if (labelEdit != null) {
            labelEdit = null;
            fire(Aspect.LABEL_EDIT);
        }
    }

    // ----- attributes (properties panel, towers, goals) -----

    public boolean setAttribute(String id, String name, Value value) {
        Element e = document().element(id);
        if (e == null || java.util.Objects.equals(e.attribute(name), value)) {
            return false;
        }
        return apply((value == null ? "Clear " : "Set ") + name + " of " + labelOf(id),
                List.of(Change.setAttribute(id, name, value)));
    }

    public boolean setMapAttribute(String name, Value value) {
        if (java.util.Objects.equals(document().mapAttribute(name), value)) {
            return false;
        }
        return apply("Set " + name, List.of(Change.setMapAttribute(name, value)));
    }

    public boolean setTitle(String title) {
        if (document().title().equals(title)) {
            return false;
        }
        return apply("Rename map", List.of(Change.setTitle(title)));
    }

    // ----- the method's tower (Net-Map's influence): its handle and its drag -----

    private Optional<org.mapwork.templates.TowerHandle> tower() {
        return template == null ? Optional.empty() : template.tower();
    }

    private String towerAttribute() {
        return tower().map(org.mapwork.templates.TowerHandle::attribute).orElse("");
    }

    /** Whether a node carries the method's tower (a handle the select tool drags up and down). */
    public boolean hasTower(Element e) {
        return tower().map(t -> t.carries(document(), e)).orElse(false);
    }

    public long towerOf(Element e) {
        return tower().map(t -> t.height(e)).orElse(0L);
    }

    /** The tallest tower a node may have. */
    public long towerMax(Element e) {
        return tower().map(t -> t.max(document(), e)).orElse(org.mapwork.templates.TowerHandle.DEFAULT_MAX);
    }

    /** Ends a tower drag: one undo step, summarised in the method's words. */
    public boolean setTower(String id, long value) {
        clearPreview();
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
        return apply(arrow ? "Draw an arrow" : "Draw a stroke", List.of(Change.add(stroke))) ? Optional.of(id)
                : Optional.empty();
    }

    /**
     * Starts writing a text annotation at a map point; the text is added with what was typed when the edit is
     * committed (one undo step; Escape or nothing typed adds nothing).
     */
    public boolean addText(double x, double y) {
        if (!schema().annotationTypes().containsKey("text")) {
            setStatus(org.mapwork.editor.i18n.Ui.text("method.text.none"));
            return false;
        }
        labelEdit = new LabelEdit(null, "text", snap(x), snap(y), 160, "", null,
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

    private Optional<org.mapwork.templates.PictogramStamp> stamp() {
        return template == null ? Optional.empty() : template.pictograms();
    }

    /** The node type a stamped pictogram becomes, if the method takes pictograms (the rich picture's stickers). */
    public Optional<String> pictogramNodeType() {
        return stamp().map(org.mapwork.templates.PictogramStamp::nodeType);
    }

    /** Stamps the current pictogram at a map point, as the method's pictogram node, in one undo step. */
    public Optional<String> stampPictogram(double cx, double cy) {
        Optional<ChangeSet> stamped = pictogram == null ? Optional.empty() : stamp().flatMap(s -> s.stamp(document(),
                pictogram, Geometry.box(snap(cx - 32), snap(cy - 32), 64, 64)));
        if (stamped.isEmpty()) {
            setStatus(org.mapwork.editor.i18n.Ui.text("method.stamp.choose"));
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
    public boolean beginNaming(org.mapwork.templates.MethodAction.NameInPlace naming) {
        Geometry near = naming.near();
        List<Geometry> place = FreePlaces.find(document(), 1, near.x(), near.y(), near.width(), near.height(), 6);
        Geometry at = place.isEmpty() ? near : place.get(0);
        // the label editor keeps only the top-left corner and width; the method gets the whole place back
        labelEdit = new LabelEdit(null, naming.nodeType(), at.x(), at.y(), at.width(), "",
                (doc, name, ignored) -> naming.named().named(doc, name, at), org.mapwork.model.ElementKind.NODE);
        fire(Aspect.LABEL_EDIT);
        return true;
    }

    /** Commits a name typed for a method's new node: the method's change set, and the new node selected. */
    private boolean createNamedNode(LabelEdit edit, String label) {
        var effect = edit.naming().named(document(), label, Geometry.box(edit.x(), edit.y(), edit.width(), NODE_HEIGHT));
        if (effect instanceof org.mapwork.templates.MethodAction.Refuse r) {
            setStatus(r.message());
            return false;
        }
        if (!(effect instanceof org.mapwork.templates.MethodAction.Apply a)
                || !apply(a.changes().summary(), a.changes().changes())) {
            return false;
        }
        select(a.changes().changes().stream().filter(c -> c instanceof Change.AddElement add && add.element().isNode())
                .map(Change::elementId).toList());
        return true;
    }

    private Optional<org.mapwork.templates.LineHandle> line() {
        return template == null ? Optional.empty() : template.line();
    }

    /** Where the method's line (the ceiling of accountability) is drawn (map y), if the map has one. */
    public Optional<Double> lineY() {
        return line().flatMap(l -> l.y(displayed()));
    }

    /** Where a line drag in progress would put the line (map y), if one runs. */
    public Optional<Double> linePreview() {
        return line().flatMap(l -> previewMap.get(l.mapAttribute()) instanceof Value.Decimal d
                ? Optional.of(d.value()) : Optional.empty());
    }

    /** The line's name in the map's language, for the guide drawn while it is dragged. */
    public String lineName() {
        return line().map(l -> l.name(document())).orElse("");
    }

    /** Whether a preview changes the map's own attributes in a way the canvas cannot draw apart (none but the line). */
    public boolean previewsMapAttributes() {
        String drawnApart = line().map(org.mapwork.templates.LineHandle::mapAttribute).orElse(null);
        return previewMap.keySet().stream().anyMatch(k -> !k.equals(drawnApart));
    }

    public void previewLine(double y) {
        line().ifPresent(l -> {
            previewMap.put(l.mapAttribute(), new Value.Decimal(y));
            previewVersion++;
            fire(Aspect.PREVIEW);
        });
    }

    /** Ends a line drag: one undo step, summarised in the method's words. */
    public boolean setLine(double y) {
        clearPreview();
        Optional<ChangeSet> moved = line().flatMap(l -> l.moveTo(document(), y));
        return moved.isPresent() && apply(moved.get().summary(), moved.get().changes());
    }

    // ----- camera -----

    /**
     * How far the map reaches, for zoom to fit; the window sets the painter's extent (which counts headings, lanes
     * and quadrants), tests keep the elements' bounds.
     */
    public void setExtent(java.util.function.Function<MapDocument, Rectangle2D> extent) {
        this.extent = extent;
    }

    public void zoomToFit() {
        Rectangle2D bounds = extent != null ? extent.apply(document()) : boundsOf(document().elements());
        if (bounds != null && bounds.isEmpty()) {
            bounds = boundsOf(document().elements());
        }
        camera.fit(bounds, 40, false);
        fire(Aspect.VIEW);
    }

    public void zoomToSelection() {
        List<Element> chosen = new ArrayList<>();
        for (String id : selection) {
            if (document().contains(id)) {
                chosen.add(document().element(id));
            }
        }
        if (chosen.isEmpty()) {
            zoomToFit();
            return;
        }
        camera.fit(boundsOf(chosen), 60, true);
        fire(Aspect.VIEW);
    }

    public void zoomBy(double factor) {
        camera.zoomBy(factor);
        fire(Aspect.VIEW);
    }

    public void zoomAt(double sx, double sy, double factor) {
        camera.zoomAt(sx, sy, camera.scale() * factor);
        fire(Aspect.VIEW);
    }

    public void panByScreen(double dx, double dy) {
        camera.panByScreen(dx, dy);
        fire(Aspect.VIEW);
    }

    private Rectangle2D boundsOf(Collection<Element> elements) {
        Rectangle2D r = null;
        for (Element e : elements) {
            if (e.isLink()) {
                continue;
            }
            Geometry g = e.geometry();
            Rectangle2D b = new Rectangle2D.Double(g.x(), g.y(), g.width(), g.height());
            if (r == null) {
                r = b;
            } else {
                r.add(b);
            }
        }
        return r;
    }

    /** The label of an element for messages, or its id when it has none. */
    public String labelOf(String id) {
        Element e = document().element(id);
        if (e == null) {
            return id;
        }
        return e.label().isBlank() ? e.type() : "\"" + e.label() + "\"";
    }
}
