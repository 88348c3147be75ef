package org.mapwork.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One element of a map: a node, a link or an annotation. Elements are plain immutable values; per-type
 * behaviour lives in the templates, not here.
 *
 * @param id         stable unique id (letters, digits, {@code -_.:}), never reused within a map
 * @param kind       node, link or annotation
 * @param type       a type name from the method's schema (e.g. {@code actor}, {@code funding}, {@code stroke})
 * @param label      the visible text ({@code ""} when none)
 * @param attributes typed attribute values by attribute name (sorted, unmodifiable)
 * @param geometry   box (and points for strokes)
 * @param style      per-element style overrides
 * @param order      fractional ordering key (see {@link OrderKey}); draw order is (order, id)
 * @param source     for links, the id of the source node; otherwise {@code null}
 * @param target     for links, the id of the target node; otherwise {@code null}
 */
public record Element(String id, ElementKind kind, String type, String label, Map<String, Value> attributes,
                      Geometry geometry, Style style, String order, String source, String target) {

    public Element {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        label = label == null ? "" : label;
        attributes = attributes == null || attributes.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
        geometry = geometry == null ? Geometry.NONE : geometry;
        style = style == null ? Style.DEFAULT : style;
        Objects.requireNonNull(order, "order");
        if (kind != ElementKind.LINK && (source != null || target != null)) {
            throw new IllegalArgumentException("only links have a source and target: " + id);
        }
    }

    public static Element node(String id, String type, String label, Geometry geometry, String order) {
        return new Element(id, ElementKind.NODE, type, label, Map.of(), geometry, Style.DEFAULT, order, null, null);
    }

    public static Element link(String id, String type, String source, String target, String order) {
        return new Element(id, ElementKind.LINK, type, "", Map.of(), Geometry.NONE, Style.DEFAULT, order, source, target);
    }

    public static Element annotation(String id, String type, String label, Geometry geometry, String order) {
        return new Element(id, ElementKind.ANNOTATION, type, label, Map.of(), geometry, Style.DEFAULT, order, null, null);
    }

    public boolean isNode() {
        return kind == ElementKind.NODE;
    }

    public boolean isLink() {
        return kind == ElementKind.LINK;
    }

    public boolean isAnnotation() {
        return kind == ElementKind.ANNOTATION;
    }

    /** The value of one attribute, or {@code null} when unset. */
    public Value attribute(String name) {
        return attributes.get(name);
    }

    public Element withLabel(String newLabel) {
        return new Element(id, kind, type, newLabel, attributes, geometry, style, order, source, target);
    }

    public Element withType(String newType) {
        return new Element(id, kind, newType, label, attributes, geometry, style, order, source, target);
    }

    /** A copy with one attribute set, or removed when {@code value} is {@code null}. */
    public Element withAttribute(String name, Value value) {
        Map<String, Value> copy = new TreeMap<>(attributes);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new Element(id, kind, type, label, copy, geometry, style, order, source, target);
    }

    public Element withAttributes(Map<String, Value> newAttributes) {
        return new Element(id, kind, type, label, newAttributes, geometry, style, order, source, target);
    }

    public Element withGeometry(Geometry newGeometry) {
        return new Element(id, kind, type, label, attributes, newGeometry, style, order, source, target);
    }

    public Element withStyle(Style newStyle) {
        return new Element(id, kind, type, label, attributes, geometry, newStyle, order, source, target);
    }

    public Element withOrder(String newOrder) {
        return new Element(id, kind, type, label, attributes, geometry, style, newOrder, source, target);
    }

    public Element withId(String newId) {
        return new Element(newId, kind, type, label, attributes, geometry, style, order, source, target);
    }

    public Element withEndpoints(String newSource, String newTarget) {
        return new Element(id, kind, type, label, attributes, geometry, style, order, newSource, newTarget);
    }
}
