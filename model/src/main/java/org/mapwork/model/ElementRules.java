package org.mapwork.model;

import java.util.Map;

import org.mapwork.model.schema.AnnotationType;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.ElementType;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.Schema;

/**
 * The rules every element must meet in a document of a given schema. Used by {@link ChangeEngine} on every change
 * and by the JSON reader on every element, so a file and a gesture are held to the same rules.
 */
public final class ElementRules {

    /** Longest label accepted (characters); far above any real label, low enough to keep a map drawable. */
    public static final int MAX_LABEL_LENGTH = 100_000;
    /** Most points in one freehand stroke. */
    public static final int MAX_STROKE_POINTS = 100_000;
    /** Largest absolute coordinate accepted. */
    public static final double MAX_COORDINATE = 10_000_000;

    /** One thing wrong with an element: the property (as in {@link Change#property()}) and what was wrong. */
    public record Problem(String property, String message) {
    }

    private ElementRules() {
    }

    /**
     * What is wrong with {@code e} as an element of {@code doc} (whose other elements are taken as they are), or
     * {@code null} when nothing is.
     */
    public static Problem check(MapDocument doc, Schema schema, Element e) {
        if (!Ids.isValid(e.id())) {
            return new Problem("id", "expected an id of letters, digits and -_.: (at most 128), got \"" + e.id() + '"');
        }
        Map<String, Value> mapAttrs = doc.mapAttributes();
        ElementType type = schema.type(e.kind(), e.type(), mapAttrs);
        if (type == null) {
            return new Problem("type", "unknown " + e.kind().jsonName() + " type \"" + e.type() + "\" in method "
                    + schema.methodId() + "; known: " + schema.typeNames(e.kind(), mapAttrs));
        }
        if (e.label().length() > MAX_LABEL_LENGTH) {
            return new Problem("label", "label has " + e.label().length() + " characters; at most " + MAX_LABEL_LENGTH);
        }
        String u = Unicode.problem(e.label());
        if (u != null) {
            return new Problem("label", u);
        }
        String g = geometryProblem(e.geometry(), type);
        if (g != null) {
            return new Problem("geometry", g);
        }
        String s = e.style().problem();
        if (s != null) {
            return new Problem("style", s);
        }
        if (!OrderKey.isValid(e.order())) {
            return new Problem("order", "expected an ordering key of base-62 digits not ending in 0, got \"" + e.order() + '"');
        }
        for (Map.Entry<String, Value> a : e.attributes().entrySet()) {
            AttributeDef def = type.attribute(a.getKey());
            if (def == null) {
                return new Problem("attributes." + a.getKey(), "type " + e.type() + " has no attribute \"" + a.getKey()
                        + "\"; known: " + type.attributes().stream().map(AttributeDef::name).toList());
            }
            String p = def.problem(a.getValue(), mapAttrs);
            if (p != null) {
                return new Problem("attributes." + a.getKey(), p);
            }
        }
        for (AttributeDef def : type.attributes()) {
            if (def.required() && !e.attributes().containsKey(def.name())) {
                return new Problem("attributes." + def.name(), "required: expected " + def.expectation());
            }
        }
        if (type instanceof LinkType lt) {
            return endpointProblem(doc, e, lt);
        }
        return null;
    }

    /** What is wrong with the endpoints of link {@code e}, or {@code null}. */
    static Problem endpointProblem(MapDocument doc, Element e, LinkType lt) {
        if (e.source() == null || e.target() == null) {
            return new Problem("endpoints", "a link needs a source and a target");
        }
        Element source = doc.element(e.source());
        Element target = doc.element(e.target());
        if (source == null || !source.isNode()) {
            return new Problem("endpoints", "source \"" + e.source() + "\" is not a node of this map");
        }
        if (target == null || !target.isNode()) {
            return new Problem("endpoints", "target \"" + e.target() + "\" is not a node of this map");
        }
        if (e.source().equals(e.target())) {
            return new Problem("endpoints", "a link joins two different nodes, got " + e.source() + " twice");
        }
        if (!lt.allows(source.type(), target.type())) {
            return new Problem("endpoints", "a " + lt.name() + " link cannot join " + source.type() + " → " + target.type()
                    + " (allowed: " + (lt.sourceTypes().isEmpty() ? "any" : lt.sourceTypes()) + " → "
                    + (lt.targetTypes().isEmpty() ? "any" : lt.targetTypes()) + ")");
        }
        return null;
    }

    private static String geometryProblem(Geometry g, ElementType type) {
        if (!fine(g.x()) || !fine(g.y()) || !fine(g.width()) || !fine(g.height())) {
            return "coordinates must be finite numbers within ±" + (long) MAX_COORDINATE;
        }
        if (g.width() < 0 || g.height() < 0) {
            return "width and height must not be negative, got " + g.width() + " × " + g.height();
        }
        if (g.points().size() > MAX_STROKE_POINTS) {
            return "a stroke has at most " + MAX_STROKE_POINTS + " points, got " + g.points().size();
        }
        for (Point p : g.points()) {
            if (!fine(p.x()) || !fine(p.y())) {
                return "stroke points must be finite numbers within ±" + (long) MAX_COORDINATE;
            }
        }
        if (type instanceof AnnotationType at && at.form() == AnnotationType.Form.STROKE && g.points().size() < 2) {
            return "a stroke needs at least 2 points, got " + g.points().size();
        }
        return null;
    }

    private static boolean fine(double v) {
        return Double.isFinite(v) && Math.abs(v) <= MAX_COORDINATE;
    }
}
