package org.mapwork.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.MapDefinedLinkTypes;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;

/** A small power-map-like schema exercising every attribute kind, for the model's own tests. */
final class Fixtures {

    static final String METHOD = "test-map";

    static final Schema SCHEMA = Schema.builder(METHOD)
            .node(NodeType.of("actor",
                    AttributeDef.text("notes"),
                    AttributeDef.longText("quotes"),
                    AttributeDef.integer("influence", 0L, 100L),
                    AttributeDef.decimal("interest", 0.0, 1.0),
                    AttributeDef.choice("actorType", List.of("union", "employer", "government")),
                    AttributeDef.choicesFromMap("goals", "goals"),
                    AttributeDef.bool("ally"),
                    AttributeDef.date("since"),
                    AttributeDef.rows("indicators", List.of(AttributeDef.text("measure").asRequired(),
                            AttributeDef.integer("target", 0L, null), AttributeDef.date("byWhen")))))
            .node(NodeType.of("issue"))
            .link(new LinkType("supports", true, java.util.Set.of("actor"), java.util.Set.of("actor", "issue"), List.of(AttributeDef.longText("rationale"))))
            .mapAttribute(AttributeDef.text("framingQuestion"))
            .mapAttribute(AttributeDef.rows("goals", List.of(AttributeDef.text("id").asRequired(), AttributeDef.text("label"))))
            .mapDefinedLinkTypes(new MapDefinedLinkTypes("linkTypes", LinkType.any("custom", true)))
            .build();

    static final SchemaRegistry REGISTRY = SchemaRegistry.of(SCHEMA);

    static final Instant CREATED = Instant.parse("2026-11-22T09:00:00Z");

    private Fixtures() {
    }

    static MapDocument empty() {
        return MapDocument.empty("map-1", "Sick leave map", METHOD, CREATED);
    }

    static Value.Rows goals(String... ids) {
        return new Value.Rows(java.util.Arrays.stream(ids).map(id -> Map.<String, Value>of("id", Value.text(id), "label", Value.text("Goal " + id))).toList());
    }

    static Value.Rows linkTypes(String... ids) {
        return new Value.Rows(java.util.Arrays.stream(ids).map(id -> Map.<String, Value>of("id", Value.text(id), "directed", Value.bool(true))).toList());
    }

    static Element actor(String id, double x, double y, String order) {
        return Element.node(id, "actor", "Actor " + id, Geometry.box(x, y, 120, 60), order);
    }

    /** A map with a few actors, links, an annotation and map attributes. */
    static MapDocument small() {
        MapDocument doc = empty();
        ChangeSet cs = ChangeSet.of("setup",
                Change.setMapAttribute("goals", goals("sick-leave", "against")),
                Change.setMapAttribute("linkTypes", linkTypes("funding", "conflict")),
                Change.setMapAttribute("framingQuestion", Value.text("Who can influence whether the ordinance passes?")),
                Change.add(actor("a", 0, 0, "V").withAttribute("influence", Value.integer(3))
                        .withAttribute("goals", Value.list("sick-leave"))),
                Change.add(actor("b", 200, 0, "W")),
                Change.add(actor("c", 400, 0, "X")),
                Change.add(Element.node("i", "issue", "Paid sick leave", Geometry.box(200, 200, 100, 40), "Y")),
                Change.add(Element.link("l1", "funding", "a", "b", "a")),
                Change.add(Element.link("l2", "conflict", "a", "b", "b")),
                Change.add(Element.link("l3", "supports", "b", "i", "c")),
                Change.add(Element.annotation("t", "text", "Note to self", Geometry.box(0, 300, 100, 30), "Z")),
                Change.add(Element.annotation("s", "stroke", "", Geometry.stroke(List.of(new Point(0, 0), new Point(10, 5), new Point(20, 0))), "Za")));
        return ChangeEngine.apply(doc, SCHEMA, cs).after();
    }
}
