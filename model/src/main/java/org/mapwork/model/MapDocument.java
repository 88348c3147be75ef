package org.mapwork.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.PMap;
import org.pcollections.PSet;
import org.pcollections.PSortedMap;
import org.pcollections.PSortedSet;
import org.pcollections.TreePMap;
import org.pcollections.TreePSet;

/**
 * An immutable snapshot of one map. Elements live in persistent collections, so a changed snapshot shares almost
 * everything with the one before it: one change costs about log n, not n. Documents change only through
 * {@link ChangeEngine#apply} (usually via a {@link MapSession}).
 */
public final class MapDocument {

    /** The native format version this code writes. */
    public static final int FORMAT_VERSION = 1;

    private final String id;
    private final String title;
    private final String methodId;
    private final int formatVersion;
    private final Instant created;
    private final Map<String, Value> mapAttributes;
    private final PSortedMap<String, Element> elements;
    /** node id → ids of the links that touch it. */
    private final PMap<String, PSet<String>> incidentLinks;
    /** (order, id) of every element, in draw order. */
    private final PSortedSet<DrawKey> drawOrder;

    /** How many structural updates back a document remembers what it was made from ({@link #changedSince}). */
    static final int LINEAGE = 64;
    /**
     * The document this one was made from by one structural update (at most {@link #LINEAGE} back from the last
     * document built whole), or {@code null}; and the id of the element that update put or removed ({@code null} for
     * the title or a map attribute). Not part of the document's value: {@link #equals} ignores it.
     */
    private final MapDocument parent;
    private final String touched;
    private final int depth;

    /** Draw order: by ordering key, ties broken by id. */
    record DrawKey(String order, String id) implements Comparable<DrawKey> {
        @Override
        public int compareTo(DrawKey o) {
            int c = order.compareTo(o.order);
            return c != 0 ? c : id.compareTo(o.id);
        }
    }

    private MapDocument(String id, String title, String methodId, int formatVersion, Instant created,
                        Map<String, Value> mapAttributes, PSortedMap<String, Element> elements,
                        PMap<String, PSet<String>> incidentLinks, PSortedSet<DrawKey> drawOrder) {
        this(id, title, methodId, formatVersion, created, mapAttributes, elements, incidentLinks, drawOrder, null, null);
    }

    /** A document made from {@code parent} by one update that touched element {@code touched} (or none). */
    private MapDocument(String id, String title, String methodId, int formatVersion, Instant created,
                        Map<String, Value> mapAttributes, PSortedMap<String, Element> elements,
                        PMap<String, PSet<String>> incidentLinks, PSortedSet<DrawKey> drawOrder,
                        MapDocument parent, String touched) {
        boolean remembered = parent != null && parent.depth < LINEAGE;
        this.parent = remembered ? parent : null;
        this.touched = remembered ? touched : null;
        this.depth = remembered ? parent.depth + 1 : 0;
        this.id = id;
        this.title = title;
        this.methodId = methodId;
        this.formatVersion = formatVersion;
        this.created = created;
        this.mapAttributes = mapAttributes;
        this.elements = elements;
        this.incidentLinks = incidentLinks;
        this.drawOrder = drawOrder;
    }

    /** A new map with no elements. */
    public static MapDocument empty(String id, String title, String methodId, Instant created) {
        if (!Ids.isValid(id)) {
            throw new IllegalArgumentException("not a valid map id: \"" + id + '"');
        }
        return new MapDocument(id, Objects.requireNonNull(title, "title"), Objects.requireNonNull(methodId, "methodId"),
                FORMAT_VERSION, Objects.requireNonNull(created, "created"), Map.of(),
                TreePMap.empty(), HashTreePMap.empty(), TreePSet.empty());
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** Which template (workshop method) this map follows, e.g. {@code net-map}. */
    public String methodId() {
        return methodId;
    }

    public int formatVersion() {
        return formatVersion;
    }

    public Instant created() {
        return created;
    }

    /** The map's own attributes (sorted by name, unmodifiable). */
    public Map<String, Value> mapAttributes() {
        return mapAttributes;
    }

    public Value mapAttribute(String name) {
        return mapAttributes.get(name);
    }

    /** The element with this id, or {@code null}. */
    public Element element(String elementId) {
        return elements.get(elementId);
    }

    public boolean contains(String elementId) {
        return elements.containsKey(elementId);
    }

    public int size() {
        return elements.size();
    }

    /** All elements, sorted by id. */
    public Collection<Element> elements() {
        return Collections.unmodifiableCollection(elements.values());
    }

    public Stream<Element> nodes() {
        return elements.values().stream().filter(Element::isNode);
    }

    public Stream<Element> links() {
        return elements.values().stream().filter(Element::isLink);
    }

    public Stream<Element> annotations() {
        return elements.values().stream().filter(Element::isAnnotation);
    }

    /** All elements in draw order (by ordering key, then id): back to front. */
    public List<Element> inDrawOrder() {
        List<Element> out = new ArrayList<>(elements.size());
        for (DrawKey k : drawOrder) {
            out.add(elements.get(k.id()));
        }
        return out;
    }

    /** The ordering key of the front-most element, or {@code null} for an empty map. */
    public String frontOrderKey() {
        return drawOrder.isEmpty() ? null : drawOrder.last().order();
    }

    /** The ordering key of the back-most element, or {@code null} for an empty map. */
    public String backOrderKey() {
        return drawOrder.isEmpty() ? null : drawOrder.first().order();
    }

    /** An ordering key in front of every element: for adding an element on top. */
    public String nextOrderKey() {
        return OrderKey.between(frontOrderKey(), null);
    }

    /**
     * The ids of the elements added, replaced or removed on the way from {@code earlier} to this document, when this
     * document was made from {@code earlier} by at most {@value #LINEAGE} structural updates (one per change applied);
     * empty otherwise (another map, a document built whole, or too far back). What lets a reader of two snapshots
     * (the painter, bringing its picture from one to the next) look at the few elements that changed instead of
     * comparing all of them. The title and the map attributes are not counted: compare those directly.
     */
    public Optional<Set<String>> changedSince(MapDocument earlier) {
        Set<String> ids = new java.util.TreeSet<>();
        for (MapDocument d = this; d != null; d = d.parent) {
            if (d == earlier) {
                return Optional.of(Collections.unmodifiableSet(ids));
            }
            if (d.touched != null) {
                ids.add(d.touched);
            }
        }
        return Optional.empty();
    }

    /** Whether an element other than {@code exceptId} has the ordering key {@code key}. */
    public boolean orderKeyTaken(String key, String exceptId) {
        for (DrawKey k : drawOrder.subSet(new DrawKey(key, ""), new DrawKey(key, "\uffff"))) {
            if (!k.id().equals(exceptId)) {
                return true;
            }
        }
        return false;
    }

    /** The smallest ordering key in use that is greater than {@code key}, or {@code null} when there is none. */
    public String orderKeyAfter(String key) {
        java.util.SortedSet<DrawKey> tail = drawOrder.tailSet(new DrawKey(key, "\uffff"));
        return tail.isEmpty() ? null : tail.first().order();
    }

    /** The links touching a node (as source or target), sorted by id. */
    public List<Element> linksOf(String nodeId) {
        PSet<String> ids = incidentLinks.get(nodeId);
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<Element> out = new ArrayList<>(ids.size());
        for (String linkId : new java.util.TreeSet<>(ids)) {
            out.add(elements.get(linkId));
        }
        return out;
    }

    // ----- structural updates, used only by ChangeEngine -----

    MapDocument withTitle(String newTitle) {
        return new MapDocument(id, newTitle, methodId, formatVersion, created, mapAttributes, elements, incidentLinks, drawOrder,
                this, null);
    }

    MapDocument withMapAttribute(String name, Value value) {
        Map<String, Value> copy = new TreeMap<>(mapAttributes);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new MapDocument(id, title, methodId, formatVersion, created, Collections.unmodifiableMap(copy),
                elements, incidentLinks, drawOrder, this, null);
    }

    /** Puts (adds or replaces) an element, keeping the indexes right. */
    MapDocument put(Element e) {
        Element old = elements.get(e.id());
        PMap<String, PSet<String>> incident = incidentLinks;
        PSortedSet<DrawKey> order = drawOrder;
        if (old != null) {
            if (old.isLink()) {
                incident = unlink(incident, old);
            }
            if (!old.order().equals(e.order())) {
                order = order.minus(new DrawKey(old.order(), old.id()));
            }
        }
        if (e.isLink()) {
            incident = link(incident, e);
        }
        order = order.plus(new DrawKey(e.order(), e.id()));
        return new MapDocument(id, title, methodId, formatVersion, created, mapAttributes,
                elements.plus(e.id(), e), incident, order, this, e.id());
    }

    /**
     * This (empty) document holding exactly {@code all}, built in one go rather than one persistent update per
     * element. Unchecked: only {@link ChangeEngine#addAll} calls it, after checking every element.
     */
    MapDocument withAll(List<Element> all) {
        if (!elements.isEmpty()) {
            throw new IllegalStateException("withAll builds a document from empty");
        }
        java.util.TreeMap<String, Element> byId = new java.util.TreeMap<>();
        java.util.Map<String, java.util.Set<String>> incident = new java.util.HashMap<>();
        java.util.TreeSet<DrawKey> order = new java.util.TreeSet<>();
        for (Element e : all) {
            byId.put(e.id(), e);
            order.add(new DrawKey(e.order(), e.id()));
            if (e.isLink()) {
                incident.computeIfAbsent(e.source(), k -> new java.util.HashSet<>()).add(e.id());
                incident.computeIfAbsent(e.target(), k -> new java.util.HashSet<>()).add(e.id());
            }
        }
        java.util.Map<String, PSet<String>> persistentIncident = new java.util.HashMap<>();
        incident.forEach((node, links) -> persistentIncident.put(node, HashTreePSet.from(links)));
        return new MapDocument(id, title, methodId, formatVersion, created, mapAttributes,
                TreePMap.fromSortedMap(byId), HashTreePMap.from(persistentIncident), TreePSet.fromSortedSet(order));
    }

    /** Removes one element (not its links: the engine removes those first). */
    MapDocument minus(String elementId) {
        Element old = elements.get(elementId);
        if (old == null) {
            return this;
        }
        PMap<String, PSet<String>> incident = incidentLinks;
        if (old.isLink()) {
            incident = unlink(incident, old);
        } else if (old.isNode()) {
            incident = incident.minus(elementId);
        }
        return new MapDocument(id, title, methodId, formatVersion, created, mapAttributes,
                elements.minus(elementId), incident, drawOrder.minus(new DrawKey(old.order(), old.id())), this, elementId);
    }

    private static PMap<String, PSet<String>> link(PMap<String, PSet<String>> incident, Element linkElement) {
        incident = incident.plus(linkElement.source(),
                incident.getOrDefault(linkElement.source(), HashTreePSet.empty()).plus(linkElement.id()));
        return incident.plus(linkElement.target(),
                incident.getOrDefault(linkElement.target(), HashTreePSet.empty()).plus(linkElement.id()));
    }

    private static PMap<String, PSet<String>> unlink(PMap<String, PSet<String>> incident, Element linkElement) {
        for (String end : new String[] {linkElement.source(), linkElement.target()}) {
            PSet<String> ids = incident.get(end);
            if (ids != null) {
                PSet<String> rest = ids.minus(linkElement.id());
                incident = rest.isEmpty() ? incident.minus(end) : incident.plus(end, rest);
            }
        }
        return incident;
    }

    /** Two documents are equal when their header, map attributes and elements are equal. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MapDocument d)) {
            return false;
        }
        return formatVersion == d.formatVersion && id.equals(d.id) && title.equals(d.title)
                && methodId.equals(d.methodId) && created.equals(d.created)
                && mapAttributes.equals(d.mapAttributes) && elements.equals(d.elements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, title, methodId, created, mapAttributes, elements.size());
    }

    @Override
    public String toString() {
        return "MapDocument[" + id + " \"" + title + "\" " + methodId + ", " + elements.size() + " elements]";
    }
}
