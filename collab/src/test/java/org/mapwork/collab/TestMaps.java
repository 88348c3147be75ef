package org.mapwork.collab;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.MapDefinedLinkTypes;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;

/**
 * A small Net-Map-like method (every attribute kind, a fixed and map-defined link types) and a starter map. Public, in
 * collab's test-jar, for the bench's CollabFuzz and CollabLoad.
 */
public final class TestMaps {

    public static final Schema SCHEMA = Schema.builder("collab-test")
            .node(NodeType.of("actor",
                    AttributeDef.text("notes"),
                    AttributeDef.integer("influence", 0L, 10L),
                    AttributeDef.decimal("interest", 0.0, 1.0),
                    AttributeDef.bool("ally"),
                    AttributeDef.date("since"),
                    AttributeDef.choicesFromMap("goals", "goals"),
                    AttributeDef.rows("indicators", List.of(AttributeDef.text("measure").asRequired(),
                            AttributeDef.integer("target", 0L, null)))))
            .node(NodeType.of("issue"))
            .link(new LinkType("supports", true, Set.of("actor"), Set.of("actor", "issue"), List.of(AttributeDef.longText("rationale"))))
            .mapAttribute(AttributeDef.text("framingQuestion"))
            .mapAttribute(AttributeDef.rows("goals", List.of(AttributeDef.text("id").asRequired(), AttributeDef.text("label"))))
            .mapDefinedLinkTypes(new MapDefinedLinkTypes("linkTypes", LinkType.any("custom", true)))
            .build();

    public static final String TOKEN = "0123456789abcdef0123456789abcdef";

    /** The test method's schema for its id, or {@code null}: what a device's lookup of a map's method gives. */
    public static Schema schemaFor(String methodId) {
        return methodId.equals(SCHEMA.methodId()) ? SCHEMA : null;
    }

    private TestMaps() {
    }

    static Value.Rows rows(String... ids) {
        return new Value.Rows(java.util.Arrays.stream(ids)
                .map(id -> Map.<String, Value>of("id", Value.text(id), "label", Value.text("Row " + id))).toList());
    }

    /** Four actors, an issue, three links, goals and link types. */
    public static MapDocument starter() {
        MapDocument empty = MapDocument.empty("shared-1", "Sick leave", SCHEMA.methodId(), Instant.parse("2026-12-03T09:00:00Z"));
        ChangeSet cs = ChangeSet.of("start",
                Change.setMapAttribute("goals", rows("for", "against")),
                Change.setMapAttribute("linkTypes", rows("funding", "conflict")),
                Change.add(Element.node("a", "actor", "Union", Geometry.box(0, 0, 100, 50), "V")),
                Change.add(Element.node("b", "actor", "Employers", Geometry.box(200, 0, 100, 50), "W")),
                Change.add(Element.node("c", "actor", "Council", Geometry.box(400, 0, 100, 50), "X")),
                Change.add(Element.node("d", "actor", "Clinic", Geometry.box(0, 200, 100, 50), "Xa")),
                Change.add(Element.node("i", "issue", "Paid sick leave", Geometry.box(200, 200, 100, 50), "Y")),
                Change.add(Element.link("l1", "funding", "a", "b", "a")),
                Change.add(Element.link("l2", "supports", "b", "i", "b")),
                Change.add(Element.link("l3", "conflict", "c", "d", "c")));
        return ChangeEngine.apply(empty, SCHEMA, cs).after();
    }
}
