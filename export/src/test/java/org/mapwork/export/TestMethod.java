package org.mapwork.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Function;

import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.Backdrop;
import org.mapwork.templates.Badge;
import org.mapwork.templates.FacilitationStep;
import org.mapwork.templates.Finding;
import org.mapwork.templates.LegendEntry;
import org.mapwork.templates.LinkLook;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.NodeLook;
import org.mapwork.templates.Presentation;

/** A small power-mapping method of our own, so export tests do not depend on the real templates. */
public final class TestMethod implements MethodTemplate {

    public static final String ID = "test-net";

    public static final Schema SCHEMA = Schema.builder(ID)
            .node(NodeType.of("actor", AttributeDef.integer("influence", 0L, 10L),
                    AttributeDef.choice("stance", List.of("for", "against", "unsure")),
                    AttributeDef.longText("notes"),
                    AttributeDef.choices("tags", List.of("union", "state", "employer", "ngo")),
                    AttributeDef.decimal("budget", 0.0, null),
                    AttributeDef.date("due"),
                    AttributeDef.bool("active"),
                    AttributeDef.rows("indicators", List.of(AttributeDef.text("what").asRequired(), AttributeDef.integer("target", null, null)))))
            .node(NodeType.of("issue", AttributeDef.longText("notes")))
            .link(LinkType.any("funding", true, AttributeDef.decimal("amount", 0.0, null)))
            .link(LinkType.any("advice", false))
            .link(LinkType.any("conflict", true))
            .mapAttribute(AttributeDef.text("team"))
            .mapAttribute(AttributeDef.text("question"))
            .build();

    public static final SchemaRegistry REGISTRY = SchemaRegistry.of(SCHEMA);
    public static final TestMethod INSTANCE = new TestMethod(doc -> defaultBackdrops(doc));

    /** How test painters find the method. */
    public static final Function<String, Optional<MethodTemplate>> LOOKUP =
            id -> ID.equals(id) ? Optional.of(INSTANCE) : Optional.empty();

    private final Function<MapDocument, List<Backdrop>> backdrops;

    public TestMethod(Function<MapDocument, List<Backdrop>> backdrops) {
        this.backdrops = backdrops;
    }

    static List<Backdrop> defaultBackdrops(MapDocument doc) {
        List<Backdrop> out = new ArrayList<>();
        if (doc.mapAttribute("question") instanceof Value.Text q) {
            out.add(new Backdrop.Heading(q.value()));
        }
        return out;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public ResourceBundle texts(Locale locale) {
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"method.name", "Test power map"}, {"method.description", "A method for tests."}};
            }
        };
    }

    @Override
    public List<FacilitationStep> steps(Locale locale) {
        return List.of();
    }

    @Override
    public Presentation presentation() {
        return new Presentation() {
            @Override
            public NodeLook nodeLook(MapDocument doc, Element node) {
                return node.type().equals("actor")
                        ? new NodeLook("rounded", "#d6e8f5", "#0072b2", "#10263a", null, null)
                        : new NodeLook("ellipse", "#fbe3bf", "#b36b00", "#3a2500", null, "Issue");
            }

            @Override
            public LinkLook linkLook(MapDocument doc, Element link) {
                return switch (link.type()) {
                    case "funding" -> new LinkLook("#0072b2", true, "solid", 2, "Funding");
                    case "advice" -> new LinkLook("#009e73", false, "dotted", 2, "Advice");
                    default -> new LinkLook("#d55e00", true, "dashed", 2, "Conflict");
                };
            }

            @Override
            public OptionalLong tower(Element node) {
                return node.attribute("influence") instanceof Value.Int i ? OptionalLong.of(i.value()) : OptionalLong.empty();
            }

            @Override
            public List<Badge> badges(MapDocument doc, Element node) {
                if (node.attribute("stance") instanceof Value.Text s) {
                    return switch (s.value()) {
                        case "for" -> List.of(new Badge("+", "#009e73", "for"));
                        case "against" -> List.of(new Badge("−", "#d55e00", "against"));
                        default -> List.of(new Badge("?", "#777777", "unsure"));
                    };
                }
                return List.of();
            }

            @Override
            public List<Backdrop> backdrops(MapDocument doc) {
                return backdrops.apply(doc);
            }

            @Override
            public List<LegendEntry> legend(MapDocument doc) {
                List<LegendEntry> out = new ArrayList<>();
                if (doc.nodes().anyMatch(e -> e.type().equals("actor"))) {
                    out.add(new LegendEntry(LegendEntry.Kind.NODE, "Actor", "#d6e8f5", "rounded", null, null, false));
                }
                if (doc.nodes().anyMatch(e -> e.type().equals("issue"))) {
                    out.add(new LegendEntry(LegendEntry.Kind.NODE, "Issue", "#fbe3bf", "ellipse", null, null, false));
                }
                for (String t : List.of("funding", "advice", "conflict")) {
                    if (doc.links().anyMatch(e -> e.type().equals(t))) {
                        LinkLook l = linkLook(doc, doc.links().filter(e -> e.type().equals(t)).findFirst().orElseThrow());
                        out.add(new LegendEntry(LegendEntry.Kind.LINK, l.typeLabel(), l.colour(), null, null, l.dash(), l.directed()));
                    }
                }
                return out;
            }
        };
    }

    @Override
    public List<Finding> check(MapDocument doc) {
        return List.of();
    }

    @Override
    public AnalysisReport analyze(MapDocument doc) {
        List<List<String>> rows = doc.nodes()
                .sorted(Comparator.comparing((Element e) -> doc.linksOf(e.id()).size()).reversed().thenComparing(Element::label))
                .map(e -> List.of(e.label(), Integer.toString(doc.linksOf(e.id()).size())))
                .toList();
        return new AnalysisReport(List.of(new AnalysisReport.Table("Links per actor", List.of("Actor", "Links"), rows)));
    }

    @Override
    public ChangeSet layout(MapDocument doc, Set<String> selection) {
        return ChangeSet.of("layout", List.of());
    }

    @Override
    public MapDocument starter(boolean example, Locale locale) {
        return example ? TestMaps.workersCentre() : MapDocument.empty("m-empty", "", ID, Instant.parse("2026-11-22T09:00:00Z"));
    }
}
