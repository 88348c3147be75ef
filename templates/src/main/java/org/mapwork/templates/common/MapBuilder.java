package org.mapwork.templates.common;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.ElementKind;
import org.mapwork.model.Geometry;
import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.model.Style;
import org.mapwork.model.Value;
import org.mapwork.model.schema.Schema;

/**
 * Builds a map through the change engine (the only way a document changes), for starter maps and test fixtures.
 * Every element is checked against the schema as it would be in the editor.
 */
public final class MapBuilder {

    private final Schema schema;
    private final String title;
    private final List<Change> changes = new ArrayList<>();
    private String id = Ids.newId("map");
    private Instant created = Instant.now();
    private String lastOrder;

    private MapBuilder(Schema schema, String title) {
        this.schema = schema;
        this.title = title;
    }

    /** A map of the schema's method speaking {@code language}. */
    public static MapBuilder of(Schema schema, String title, Locale language) {
        return new MapBuilder(schema, title).mapAttribute(Texts.LANGUAGE, Value.text(Texts.supported(language).getLanguage()));
    }

    public MapBuilder id(String mapId) {
        this.id = mapId;
        return this;
    }

    public MapBuilder created(Instant instant) {
        this.created = instant;
        return this;
    }

    public MapBuilder mapAttribute(String name, Value value) {
        changes.add(Change.setMapAttribute(name, value));
        return this;
    }

    private String nextOrder() {
        lastOrder = lastOrder == null ? OrderKey.first() : OrderKey.after(lastOrder);
        return lastOrder;
    }

    public MapBuilder node(String elementId, String type, String label, double x, double y, double w, double h,
                           Map<String, Value> attributes) {
        changes.add(Change.add(new Element(elementId, ElementKind.NODE, type, label, attributes,
                Geometry.box(x, y, w, h), Style.DEFAULT, nextOrder(), null, null)));
        return this;
    }

    public MapBuilder link(String elementId, String type, String source, String target, Map<String, Value> attributes) {
        changes.add(Change.add(new Element(elementId, ElementKind.LINK, type, "", attributes, Geometry.NONE,
                Style.DEFAULT, nextOrder(), source, target)));
        return this;
    }

    public MapBuilder annotation(String elementId, String type, String label, Geometry geometry, Map<String, Value> attributes) {
        changes.add(Change.add(new Element(elementId, ElementKind.ANNOTATION, type, label, attributes, geometry,
                Style.DEFAULT, nextOrder(), null, null)));
        return this;
    }

    /** Applies everything; throws {@link org.mapwork.model.ChangeRejected} naming the element when a part is invalid. */
    public MapDocument build() {
        MapDocument empty = MapDocument.empty(id, title, schema.methodId(), created);
        return ChangeEngine.apply(empty, schema, ChangeSet.of("start " + schema.methodId(), changes)).after();
    }

    /** An attribute map out of name/value pairs, in order. */
    public static Map<String, Value> attrs(Object... nameValuePairs) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            m.put((String) nameValuePairs[i], (Value) nameValuePairs[i + 1]);
        }
        return m;
    }

    /** One row of a rows attribute out of name/value pairs. */
    public static Map<String, Value> row(Object... nameValuePairs) {
        return attrs(nameValuePairs);
    }
}
