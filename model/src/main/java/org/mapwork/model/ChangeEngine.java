package org.mapwork.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.ElementType;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.MapDefinedLinkTypes;
import org.mapwork.model.schema.Schema;

/**
 * The one write path: checks a change set against a document and its method's schema and applies it whole, or
 * refuses it whole with a {@link ChangeRejected} naming the change, element and property. Pure: documents are
 * immutable, so a refused change set leaves nothing behind.
 */
public final class ChangeEngine {

    private ChangeEngine() {
    }

    /**
     * Applies {@code changeSet} to {@code doc}.
     *
     * @return the new document and the applied (normalized) change set
     * @throws ChangeRejected when any change is invalid; {@code doc} is unchanged
     */
    public static Applied apply(MapDocument doc, Schema schema, ChangeSet changeSet) {
        if (!schema.methodId().equals(doc.methodId())) {
            throw new IllegalArgumentException("schema " + schema.methodId() + " does not belong to a " + doc.methodId() + " map");
        }
        MapDocument current = doc;
        List<Change> applied = new ArrayList<>(changeSet.size());
        for (int i = 0; i < changeSet.changes().size(); i++) {
            Change c = changeSet.changes().get(i);
            Step step = step(current, schema, c, i);
            current = step.doc;
            applied.add(step.applied);
        }
        return new Applied(doc, current, new ChangeSet(applied, changeSet.summary(), changeSet.time()));
    }

    /**
     * How a lenient apply treats changes that do not fit: it leaves them out (and reports them in
     * {@link Applied#dropped()}) instead of refusing the whole change set.
     *
     * @param expectOldValues drop a change whose recorded old value is no longer the current one (undo and redo: never
     *                        write back an old value over someone else's newer one). Removals are not checked: undoing
     *                        an add removes the element even when someone edited it since.
     * @param uniqueOrderKeys give an added or reordered element a fresh ordering key when another element already has
     *                        its key (two devices that add on top at once pick the same key); the hub does this, so
     *                        every device ends with the hub's keys
     * @param mergeLists      when a list value (the map's goals or link types, an element's multi-choice attribute) has
     *                        changed since the change's author saw it, merge the author's additions and removals into
     *                        the current list instead of writing the author's list over it (see {@link ListMerge})
     */
    public record Merge(boolean expectOldValues, boolean uniqueOrderKeys, boolean mergeLists) {
        /** A change set from another device: leave out what no longer fits. */
        public static final Merge REMOTE = new Merge(false, false, false);
        /** Undo or redo: also leave out changes to values someone else has changed since. */
        public static final Merge CONDITIONAL = new Merge(true, false, false);

        /** The same, with ordering keys kept unique (what the hub applies). */
        public Merge withUniqueOrderKeys() {
            return new Merge(expectOldValues, true, mergeLists);
        }

        /** The same, with concurrent edits of list values merged (what the hub applies, and a device's rebase). */
        public Merge withListsMerged() {
            return new Merge(expectOldValues, uniqueOrderKeys, true);
        }
    }

    /**
     * Applies what fits of {@code changeSet} to {@code doc}, in order, and leaves out each change that does not
     * (each one checked against the document as the changes before it left it).
     *
     * @return the new document, the applied changes, and the dropped ones with their reasons
     */
    public static Applied applyLenient(MapDocument doc, Schema schema, ChangeSet changeSet, Merge merge) {
        if (!schema.methodId().equals(doc.methodId())) {
            throw new IllegalArgumentException("schema " + schema.methodId() + " does not belong to a " + doc.methodId() + " map");
        }
        MapDocument current = doc;
        List<Change> applied = new ArrayList<>(changeSet.size());
        List<Dropped> dropped = new ArrayList<>();
        for (int i = 0; i < changeSet.changes().size(); i++) {
            Change c = changeSet.changes().get(i);
            if (merge.uniqueOrderKeys()) {
                c = withUniqueOrderKey(current, c);
            }
            Change offered = c;
            if (merge.mergeLists()) {
                c = withListsMerged(current, c);
            }
            try {
                Step step = step(current, schema, c, i);
                // a merged list was written knowing the current value: its old-value check is the merge itself
                boolean checkOld = merge.expectOldValues() && offered == c && !(c instanceof Change.RemoveElement);
                if (checkOld && !step.applied.equals(c)) {
                    throw new ChangeRejected(i, c.elementId(), c.property(),
                            "someone else has changed it since; left as it is");
                }
                current = step.doc;
                applied.add(step.applied);
            } catch (ChangeRejected rejected) {
                dropped.add(new Dropped(c, rejected));
            }
        }
        return new Applied(doc, current, new ChangeSet(applied, changeSet.summary(), changeSet.time()), dropped);
    }

    /** {@code c}, or when it gives an element an ordering key that another element has, the same with a fresh key. */
    private static Change withUniqueOrderKey(MapDocument doc, Change c) {
        if (c instanceof Change.AddElement a) {
            String key = a.element().order();
            if (OrderKey.isValid(key) && doc.orderKeyTaken(key, a.element().id())) {
                return new Change.AddElement(a.element().withOrder(freeKeyAfter(doc, key)), a.stamp());
            }
        } else if (c instanceof Change.SetOrder s) {
            if (OrderKey.isValid(s.value()) && doc.orderKeyTaken(s.value(), s.elementId())) {
                return new Change.SetOrder(s.elementId(), freeKeyAfter(doc, s.value()), s.old(), s.stamp());
            }
        }
        return c;
    }

    /** {@code c}, or when it writes a list value someone changed since its author saw it, the merged list. */
    private static Change withListsMerged(MapDocument doc, Change c) {
        if (c instanceof Change.SetMapAttribute s) {
            Value merged = ListMerge.merge(s.old(), s.value(), doc.mapAttribute(s.name()));
            return merged == null ? c : new Change.SetMapAttribute(s.name(), merged, s.old(), s.stamp());
        }
        if (c instanceof Change.SetAttribute s) {
            Element e = doc.element(s.elementId());
            Value merged = e == null ? null : ListMerge.merge(s.old(), s.value(), e.attribute(s.name()));
            return merged == null ? c : new Change.SetAttribute(s.elementId(), s.name(), merged, s.old(), s.stamp());
        }
        return c;
    }

    /** A key just after {@code key} and before the next key in use: nobody has it, and the draw order barely moves. */
    private static String freeKeyAfter(MapDocument doc, String key) {
        return OrderKey.between(key, doc.orderKeyAfter(key));
    }

    /**
     * Adds many elements to a map that has none yet (reading a file, opening a snapshot): the same checks as applying
     * an {@link Change.AddElement} for each in order — so a link must come after both its nodes — but the document
     * is built once instead of once per element.
     *
     * @throws ChangeRejected naming the index in {@code elements} of the first bad element; nothing is built
     */
    public static MapDocument addAll(MapDocument doc, Schema schema, List<Element> elements) {
        if (doc.size() != 0) {
            throw new IllegalArgumentException("addAll adds to a map without elements; this one has " + doc.size());
        }
        if (!schema.methodId().equals(doc.methodId())) {
            throw new IllegalArgumentException("schema " + schema.methodId() + " does not belong to a " + doc.methodId() + " map");
        }
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        List<Element> nodesAndAnnotations = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            if (index.putIfAbsent(e.id(), i) != null) {
                throw new ChangeRejected(i, e.id(), "element", "an element with id " + e.id() + " already exists");
            }
            if (!e.isLink()) {
                require(i, e.id(), ElementRules.check(doc, schema, e));
                nodesAndAnnotations.add(e);
            }
        }
        MapDocument nodes = doc.withAll(nodesAndAnnotations);
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            if (e.isLink()) {
                // as if applied in order: an end that comes later in the list is not there yet
                boolean sourceLater = e.source() != null && index.getOrDefault(e.source(), -1) > i;
                boolean targetLater = e.target() != null && index.getOrDefault(e.target(), -1) > i;
                MapDocument seen = sourceLater || targetLater ? without(nodes, e, sourceLater, targetLater) : nodes;
                require(i, e.id(), ElementRules.check(seen, schema, e));
            }
        }
        return doc.withAll(elements);
    }

    private static MapDocument without(MapDocument nodes, Element link, boolean source, boolean target) {
        MapDocument d = nodes;
        if (source) {
            d = d.minus(link.source());
        }
        if (target) {
            d = d.minus(link.target());
        }
        return d;
    }

    private record Step(MapDocument doc, Change applied) {
    }

    private static Step step(MapDocument doc, Schema schema, Change change, int index) {
        return change.accept(new Apply(doc, schema, index));
    }

    /** Checks and applies one change of the change set at {@code index} to {@code doc}. */
    private static final class Apply implements Change.Visitor<Step> {
        private final MapDocument doc;
        private final Schema schema;
        private final int index;

        Apply(MapDocument doc, Schema schema, int index) {
            this.doc = doc;
            this.schema = schema;
            this.index = index;
        }

        @Override
        public Step visit(Change.AddElement a) {
            Element e = a.element();
            if (doc.contains(e.id())) {
                throw new ChangeRejected(index, e.id(), "element", "an element with id " + e.id() + " already exists");
            }
            require(index, e.id(), ElementRules.check(doc, schema, e));
            return new Step(doc.put(e), a);
        }

        @Override
        public Step visit(Change.RemoveElement r) {
            Element old = existing(doc, index, r.elementId(), "element");
            List<Element> links = old.isNode() ? doc.linksOf(old.id()) : List.of();
            MapDocument next = doc;
            for (Element link : links) {
                next = next.minus(link.id());
            }
            return new Step(next.minus(old.id()), new Change.RemoveElement(old.id(), old, links, r.stamp()));
        }

        @Override
        public Step visit(Change.SetLabel s) {
            Element old = existing(doc, index, s.elementId(), s.property());
            if (s.value() == null) {
                throw new ChangeRejected(index, s.elementId(), s.property(), "a label cannot be null; use \"\" for none");
            }
            return replace(doc, schema, index, s, old.withLabel(s.value()),
                    new Change.SetLabel(s.elementId(), s.value(), old.label(), s.stamp()));
        }

        @Override
        public Step visit(Change.SetType s) {
            Element old = existing(doc, index, s.elementId(), s.property());
            if (s.value() == null) {
                throw new ChangeRejected(index, s.elementId(), s.property(), "a type cannot be null");
            }
            Step step = replace(doc, schema, index, s, old.withType(s.value()),
                    new Change.SetType(s.elementId(), s.value(), old.type(), s.stamp()));
            if (old.isNode()) {
                checkIncidentLinks(step.doc, schema, index, s);
            }
            return step;
        }

        @Override
        public Step visit(Change.SetAttribute s) {
            Element old = existing(doc, index, s.elementId(), s.property());
            return replace(doc, schema, index, s, old.withAttribute(s.name(), s.value()),
                    new Change.SetAttribute(s.elementId(), s.name(), s.value(), old.attribute(s.name()), s.stamp()));
        }

        @Override
        public Step visit(Change.SetGeometry s) {
            Element old = existing(doc, index, s.elementId(), s.property());
            if (s.value() == null) {
                throw new ChangeRejected(index, s.elementId(), s.property(), "geometry cannot be null");
            }
            return replace(doc, schema, index, s, old.withGeometry(s.value()),
                    new Change.SetGeometry(s.elementId(), s.value(), old.geometry(), s.stamp()));
        }

        @Override
        public Step visit(Change.SetStyle s) {
            Element old = existing(doc, index, s.elementId(), s.property());
            Style style = s.value() == null ? Style.DEFAULT : s.value();
            return replace(doc, schema, index, s, old.withStyle(style),
                    new Change.SetStyle(s.elementId(), style, old.style(), s.stamp()));
        }

        @Override
        public Step visit(Change.SetOrder s) {
            Element old = existing(doc, index, s.elementId(), s.property());
            if (s.value() == null) {
                throw new ChangeRejected(index, s.elementId(), s.property(), "an ordering key cannot be null");
            }
            return replace(doc, schema, index, s, old.withOrder(s.value()),
                    new Change.SetOrder(s.elementId(), s.value(), old.order(), s.stamp()));
        }

        @Override
        public Step visit(Change.SetEndpoints s) {
            Element old = existing(doc, index, s.elementId(), s.property());
            if (!old.isLink()) {
                throw new ChangeRejected(index, s.elementId(), s.property(), "only links have endpoints; this is a " + old.kind().jsonName());
            }
            return replace(doc, schema, index, s, old.withEndpoints(s.source(), s.target()),
                    new Change.SetEndpoints(s.elementId(), s.source(), s.target(), old.source(), old.target(), s.stamp()));
        }

        @Override
        public Step visit(Change.SetTitle s) {
            if (s.value() == null) {
                throw new ChangeRejected(index, null, s.property(), "a title cannot be null; use \"\" for none");
            }
            if (s.value().length() > 1000) {
                throw new ChangeRejected(index, null, s.property(), "a title has at most 1000 characters, got " + s.value().length());
            }
            String u = Unicode.problem(s.value());
            if (u != null) {
                throw new ChangeRejected(index, null, s.property(), u);
            }
            return new Step(doc.withTitle(s.value()), new Change.SetTitle(s.value(), doc.title(), s.stamp()));
        }

        @Override
        public Step visit(Change.SetMapAttribute s) {
            AttributeDef def = schema.mapAttributes().get(s.name());
            if (def == null) {
                throw new ChangeRejected(index, null, s.property(), "method " + schema.methodId() + " has no map attribute \""
                        + s.name() + "\"; known: " + schema.mapAttributes().keySet());
            }
            if (s.value() == null && def.required()) {
                throw new ChangeRejected(index, null, s.property(), "required: expected " + def.expectation());
            }
            if (s.value() != null) {
                String p = def.problem(s.value(), doc.mapAttributes());
                if (p != null) {
                    throw new ChangeRejected(index, null, s.property(), p);
                }
            }
            MapDocument next = doc.withMapAttribute(s.name(), s.value());
            checkDependents(next, schema, index, s.name());
            return new Step(next, new Change.SetMapAttribute(s.name(), s.value(), doc.mapAttribute(s.name()), s.stamp()));
        }
    }

    private static Element existing(MapDocument doc, int index, String elementId, String property) {
        Element e = elementId == null ? null : doc.element(elementId);
        if (e == null) {
            throw new ChangeRejected(index, elementId, property, "no element with id " + elementId + " in this map");
        }
        return e;
    }

    private static Step replace(MapDocument doc, Schema schema, int index, Change change, Element updated, Change applied) {
        require(index, updated.id(), ElementRules.check(doc, schema, updated), change.property());
        return new Step(doc.put(updated), applied);
    }

    private static void require(int index, String elementId, ElementRules.Problem problem) {
        if (problem != null) {
            throw new ChangeRejected(index, elementId, problem.property(), problem.message());
        }
    }

    private static void require(int index, String elementId, ElementRules.Problem problem, String changedProperty) {
        if (problem != null) {
            // Name the property the change touched; add the rule's property when it is another one.
            String msg = problem.property().equals(changedProperty) ? problem.message()
                    : problem.property() + ": " + problem.message();
            throw new ChangeRejected(index, elementId, changedProperty, msg);
        }
    }

    private static void checkIncidentLinks(MapDocument doc, Schema schema, int index, Change change) {
        for (Element link : doc.linksOf(change.elementId())) {
            LinkType lt = (LinkType) schema.type(ElementKind.LINK, link.type(), doc.mapAttributes());
            ElementRules.Problem p = ElementRules.endpointProblem(doc, link, lt);
            if (p != null) {
                throw new ChangeRejected(index, change.elementId(), change.property(), "link " + link.id() + ": " + p.message());
            }
        }
    }

    /** After a map attribute changed, re-check the elements that depend on it (map-defined link types, options). */
    private static void checkDependents(MapDocument doc, Schema schema, int index, String mapAttribute) {
        MapDefinedLinkTypes mdl = schema.mapDefinedLinkTypes();
        boolean linkTypes = mdl != null && mdl.mapAttribute().equals(mapAttribute);
        boolean options = usedAsOptions(schema, mapAttribute);
        if (!linkTypes && !options) {
            return;
        }
        Map<String, Value> attrs = doc.mapAttributes();
        for (Element e : doc.elements()) {
            ElementType type = schema.type(e.kind(), e.type(), attrs);
            if (type == null) {
                throw new ChangeRejected(index, null, "map.attributes." + mapAttribute,
                        e.kind().jsonName() + " " + e.id() + " still uses " + e.kind().jsonName() + " type \"" + e.type()
                                + "\"; change or remove it first");
            }
            if (options) {
                for (Map.Entry<String, Value> a : e.attributes().entrySet()) {
                    AttributeDef def = type.attribute(a.getKey());
                    if (def != null && mapAttribute.equals(def.optionsFrom())) {
                        String p = def.problem(a.getValue(), attrs);
                        if (p != null) {
                            throw new ChangeRejected(index, null, "map.attributes." + mapAttribute,
                                    "element " + e.id() + " attribute " + a.getKey() + " would break: " + p);
                        }
                    }
                }
            }
        }
    }

    private static boolean usedAsOptions(Schema schema, String mapAttribute) {
        List<ElementType> types = new ArrayList<>();
        types.addAll(schema.nodeTypes().values());
        types.addAll(schema.linkTypes().values());
        types.addAll(schema.annotationTypes().values());
        if (schema.mapDefinedLinkTypes() != null) {
            types.add(schema.mapDefinedLinkTypes().prototype());
        }
        for (ElementType t : types) {
            for (AttributeDef a : t.attributes()) {
                if (mapAttribute.equals(a.optionsFrom())) {
                    return true;
                }
            }
        }
        return false;
    }
}
