package org.mapwork.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.model.Point;
import org.mapwork.model.Style;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.MapDefinedLinkTypes;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;

/** A Net-Map-like method for the store's tests, and random edits of its maps. */
final class TestMaps {

    static final String METHOD = "test-power-map";

    static final Schema SCHEMA = Schema.builder(METHOD)
            .node(NodeType.of("actor", AttributeDef.integer("influence", 0L, 10L), AttributeDef.choicesFromMap("goals", "goals"),
                    AttributeDef.longText("note"), AttributeDef.date("since"), AttributeDef.decimal("share", 0.0, 1.0),
                    AttributeDef.bool("organised"),
                    AttributeDef.rows("contacts", List.of(AttributeDef.text("name"), AttributeDef.integer("year", 1900L, 2100L)))))
            .node(NodeType.of("group", AttributeDef.choice("size", List.of("small", "large"))))
            .link(LinkType.any("influences", true, AttributeDef.integer("strength", 1L, 3L)))
            .mapAttribute(AttributeDef.text("question"))
            .mapAttribute(AttributeDef.rows("goals", List.of(AttributeDef.text("id").asRequired(), AttributeDef.text("label"))))
            .mapDefinedLinkTypes(new MapDefinedLinkTypes("linkTypes", LinkType.any("prototype", true, AttributeDef.longText("note"))))
            .build();

    static final SchemaRegistry SCHEMAS = SchemaRegistry.of(SCHEMA);

    private TestMaps() {
    }

    static MapDocument empty(String id, String title) {
        return MapDocument.empty(id, title, METHOD, Instant.parse("2026-11-22T09:00:00Z"));
    }

    /** A few actors and links, with map attributes, like a starter map. */
    static ChangeSet starterContent() {
        List<Change> cs = new ArrayList<>();
        cs.add(Change.setMapAttribute("question", Value.text("Who decides about shift schedules?")));
        cs.add(Change.setMapAttribute("goals", new Value.Rows(List.of(Map.of("id", Value.text("pay"), "label", Value.text("Fair pay"))))));
        cs.add(Change.setMapAttribute("linkTypes", new Value.Rows(List.of(Map.of("id", Value.text("funding"), "directed", Value.bool(true))))));
        String order = OrderKey.first();
        cs.add(Change.add(Element.node("n-employer", "actor", "Employer", Geometry.box(10, 10, 120, 60), order)));
        order = OrderKey.after(order);
        cs.add(Change.add(Element.node("n-union", "actor", "Union", Geometry.box(200, 10, 120, 60), order)
                .withAttribute("influence", Value.integer(4)).withAttribute("goals", Value.list("pay"))));
        order = OrderKey.after(order);
        cs.add(Change.add(Element.link("l-1", "influences", "n-employer", "n-union", order).withAttribute("strength", Value.integer(2))));
        order = OrderKey.after(order);
        cs.add(Change.add(Element.link("l-2", "funding", "n-union", "n-employer", order)));
        return ChangeSet.of("Starter", cs);
    }

    /** Random valid-looking edits of a map: most apply, some are refused by the engine (callers skip those). */
    static final class RandomEdits {
        private final Random random;
        private int counter;

        RandomEdits(long seed) {
            this.random = new Random(seed);
        }

        ChangeSet next(MapDocument doc) {
            int n = 1 + random.nextInt(random.nextInt(10) == 0 ? 12 : 3);
            List<Change> changes = new ArrayList<>();
            MapDocument view = doc;
            for (int i = 0; i < n; i++) {
                Change c = one(view, changes);
                if (c != null) {
                    changes.add(c);
                }
            }
            return ChangeSet.of(random.nextInt(4) == 0 ? "" : "Edit " + (++counter), changes);
        }

        private Change one(MapDocument doc, List<Change> already) {
            List<Element> nodes = doc.nodes().toList();
            List<Element> all = new ArrayList<>(doc.elements());
            int pick = random.nextInt(16);
            if (nodes.size() < 2 || pick < 3) {
                String id = "n-" + (++counter) + "-" + random.nextInt(1000);
                Element e = Element.node(id, random.nextInt(5) == 0 ? "group" : "actor", label(),
                        Geometry.box(random.nextInt(2000) - 1000, random.nextInt(2000) - 1000, 40 + random.nextInt(200), 30 + random.nextInt(80)),
                        key(doc, already));
                if (e.type().equals("actor") && random.nextBoolean()) {
                    e = e.withAttribute("influence", Value.integer(random.nextInt(11)));
                }
                return Change.add(e);
            }
            Element a = nodes.get(random.nextInt(nodes.size()));
            Element b = nodes.get(random.nextInt(nodes.size()));
            Element any = all.get(random.nextInt(all.size()));
            switch (pick) {
                case 3:
                case 4:
                    if (a.id().equals(b.id())) {
                        return null;
                    }
                    return Change.add(Element.link("l-" + (++counter), random.nextBoolean() ? "influences" : "funding", a.id(), b.id(), key(doc, already)));
                case 5:
                    return Change.setLabel(any.id(), label());
                case 6:
                    return Change.setGeometry(any.id(), any.isLink() ? Geometry.NONE
                            : Geometry.box(random.nextDouble() * 1000, random.nextInt(1000) + 0.25, 100, 50));
                case 7:
                    return Change.remove(any.id());
                case 8:
                    return Change.setAttribute(a.id(), "note", random.nextBoolean() ? null : Value.text(label() + "\n" + label()));
                case 9:
                    return a.type().equals("actor")
                            ? Change.setAttribute(a.id(), "since", Value.date(LocalDate.of(2000 + random.nextInt(26), 1 + random.nextInt(12), 1)))
                            : Change.setAttribute(a.id(), "size", Value.text(random.nextBoolean() ? "small" : "large"));
                case 10:
                    return Change.setStyle(any.id(), random.nextBoolean() ? Style.DEFAULT : new Style("#1f77b4", random.nextBoolean() ? "ellipse" : null));
                case 11:
                    return Change.setOrder(any.id(), key(doc, already));
                case 12:
                    return Change.setTitle("Map " + label());
                case 13:
                    return Change.setMapAttribute("question", random.nextBoolean() ? null : Value.text(label()));
                case 14:
                    if (a.type().equals("actor")) {
                        return Change.setAttribute(a.id(), "contacts", new Value.Rows(List.of(
                                Map.of("name", Value.text(label()), "year", Value.integer(1990 + random.nextInt(30))))));
                    }
                    return Change.setType(a.id(), "actor");
                default:
                    List<Element> links = doc.links().toList();
                    if (links.isEmpty() || a.id().equals(b.id())) {
                        return Change.setAttribute(a.id(), "share", Value.decimal(random.nextDouble()));
                    }
                    return Change.setEndpoints(links.get(random.nextInt(links.size())).id(), a.id(), b.id());
            }
        }

        private String key(MapDocument doc, List<Change> already) {
            String front = doc.frontOrderKey();
            for (Change c : already) {
                if (c instanceof Change.AddElement add && (front == null || add.element().order().compareTo(front) > 0)) {
                    front = add.element().order();
                }
            }
            return OrderKey.between(front, null);
        }

        private String label() {
            String[] words = {"Employer", "Union", "Agency", "Platform", "City council", "Workers' centre", "Clinic", "Ñandú, \"quoted\"", "Inspector"};
            return words[random.nextInt(words.length)] + (random.nextInt(3) == 0 ? " " + random.nextInt(100) : "");
        }
    }
}
