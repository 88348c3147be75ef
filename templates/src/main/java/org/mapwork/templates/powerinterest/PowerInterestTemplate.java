package org.mapwork.templates.powerinterest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.AbstractMethodTemplate;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.Backdrop;
import org.mapwork.templates.Finding;
import org.mapwork.templates.MethodAction;
import org.mapwork.templates.Presentation;
import org.mapwork.templates.TowerHandle;
import org.mapwork.templates.common.LayoutSupport;
import org.mapwork.templates.common.LayoutSupport.Box;
import org.mapwork.templates.common.MapBuilder;
import org.mapwork.templates.common.Texts;
import org.mapwork.templates.netmap.Actors;
import org.mapwork.templates.netmap.NetMapEdits;
import org.mapwork.templates.netmap.NetMapPresentation;

/**
 * The power/interest grid: the same actors as a Net-Map, placed by influence (up) and interest or stance (right)
 * in four labelled quadrants: keep satisfied, manage closely, monitor, keep informed.
 */
public final class PowerInterestTemplate extends AbstractMethodTemplate {

    public static final String ID = "power-interest";
    public static final String INTEREST = "interest";
    /** The map attribute that says what the horizontal axis shows: {@code interest} (0..10) or {@code stance}. */
    public static final String X_AXIS = "xAxis";

    /** The grid's frame in map coordinates. */
    public static final double GRID_X = 80, GRID_Y = 100, GRID_W = 960, GRID_H = 640;
    static final double NODE_W = 140, NODE_H = 50;

    public static final Schema SCHEMA = buildSchema();

    private final Presentation presentation;
    private final NetMapEdits edits = new NetMapEdits(SCHEMA, this::textsOf);

    public PowerInterestTemplate() {
        super(ID, SCHEMA, List.of(
                new StepDef("actors", List.of(Actors.TYPE), 15),
                new StepDef("influence", List.of(Actors.TYPE), 15),
                new StepDef("interest", List.of(Actors.TYPE), 15),
                new StepDef("strategy", List.of(), 20)));
        this.presentation = new NetMapPresentation(SCHEMA, this::textsOf) {
            @Override
            public List<Backdrop> backdrops(MapDocument doc) {
                List<Backdrop> out = new ArrayList<>(super.backdrops(doc));
                Texts t = textsOf(doc);
                String axis = stanceAxis(doc) ? "stance" : "interest";
                out.add(new Backdrop.Quadrants(GRID_X, GRID_Y, GRID_W, GRID_H, t.get("quadrant." + axis + ".topLeft"),
                        t.get("quadrant." + axis + ".topRight"), t.get("quadrant." + axis + ".bottomLeft"),
                        t.get("quadrant." + axis + ".bottomRight"), t.get("axis." + axis), t.get("axis.influence")));
                return out;
            }
        };
    }

    private static Schema buildSchema() {
        List<AttributeDef> attrs = new ArrayList<>(Actors.attributes());
        attrs.add(AttributeDef.integer(INTEREST, 0L, 10L));
        return Schema.builder(ID)
                .node(new NodeType(Actors.TYPE, attrs))
                .mapAttribute(Texts.languageAttribute())
                .mapAttribute(org.mapwork.templates.workshop.Provenance.attribute())
                .mapAttribute(AttributeDef.text(Actors.FRAMING_QUESTION))
                .mapAttribute(Actors.goalsAttribute())
                .mapAttribute(AttributeDef.choice(X_AXIS, List.of("interest", "stance")))
                .build();
    }

    static boolean stanceAxis(MapDocument doc) {
        return doc.mapAttribute(X_AXIS) instanceof Value.Text t && t.value().equals("stance");
    }

    static long interest(Element e) {
        return e.attribute(INTEREST) instanceof Value.Int i ? i.value() : -1;
    }

    /** Raise and lower towers, the goals menu. */
    @Override
    public List<MethodAction> actions(Locale locale) {
        return edits.actions(textsIn(locale));
    }

    @Override
    public java.util.Optional<TowerHandle> tower() {
        return java.util.Optional.of(edits.tower());
    }

    @Override
    public Presentation presentation() {
        return presentation;
    }

    @Override
    public Optional<String> framingQuestion(MapDocument doc) {
        return Actors.framingQuestion(doc, textsOf(doc));
    }

    @Override
    protected MapDocument emptyStarter(Locale locale) {
        Texts t = textsIn(locale);
        return MapBuilder.of(SCHEMA, t.get("starter.title"), locale)
                .mapAttribute(Actors.FRAMING_QUESTION, Value.text(t.get("starter.framingQuestion")))
                .mapAttribute(Actors.GOALS, new Value.Rows(List.of()))
                .mapAttribute(X_AXIS, Value.text("interest"))
                .build();
    }

    @Override
    protected List<Finding> check(MapDocument doc, Texts t) {
        List<Finding> out = new ArrayList<>();
        boolean stance = stanceAxis(doc);
        doc.nodes().filter(n -> n.type().equals(Actors.TYPE)).forEach(a -> {
            String name = a.label().isBlank() ? a.id() : a.label();
            if (Actors.influence(a) < 0) {
                out.add(new Finding(Finding.Severity.WARNING, "power-interest.actor-without-influence", List.of(a.id()),
                        t.format("finding.actor-without-influence", name)));
            }
            if (!stance && interest(a) < 0) {
                out.add(new Finding(Finding.Severity.WARNING, "power-interest.actor-without-interest", List.of(a.id()),
                        t.format("finding.actor-without-interest", name)));
            }
            if (Actors.goalsOf(doc, a).isEmpty() && !Actors.goalUnknown(a)) {
                out.add(new Finding(Finding.Severity.WARNING, "power-interest.actor-without-goal", List.of(a.id()),
                        t.format("finding.actor-without-goal", name)));
            }
        });
        return out;
    }

    /** The highest influence the grid's top stands for: 10, or the tallest tower when taller. */
    static long scaleTop(MapDocument doc) {
        return Math.max(10, doc.nodes().mapToLong(Actors::influence).max().orElse(10));
    }

    /** Where an actor belongs on the grid: its box centre as fractions (0..1) across and up. */
    static double[] position(MapDocument doc, Element a) {
        double up = Math.max(0, Actors.influence(a)) / (double) scaleTop(doc);
        double across;
        if (stanceAxis(doc)) {
            across = switch (Actors.stance(doc, a)) {
                case AGAINST -> 0.15;
                case FOR -> 0.85;
                default -> 0.5;
            };
        } else {
            across = Math.max(0, interest(a)) / 10.0;
        }
        return new double[]{across, up};
    }

    @Override
    protected AnalysisReport analyze(MapDocument doc, Texts t) {
        String axis = stanceAxis(doc) ? "stance" : "interest";
        Map<String, List<String>> quadrants = new LinkedHashMap<>();
        for (String q : List.of("topRight", "topLeft", "bottomRight", "bottomLeft")) {
            quadrants.put(q, new ArrayList<>());
        }
        doc.nodes().filter(n -> n.type().equals(Actors.TYPE))
                .sorted(java.util.Comparator.comparing(Element::label))
                .forEach(a -> {
                    double[] p = position(doc, a);
                    String q = (p[1] >= 0.5 ? "top" : "bottom") + (p[0] >= 0.5 ? "Right" : "Left");
                    quadrants.get(q).add(a.label());
                });
        List<List<String>> rows = new ArrayList<>();
        quadrants.forEach((q, names) -> rows.add(List.of(t.get("quadrant." + axis + "." + q), Integer.toString(names.size()),
                String.join(", ", names))));
        return new AnalysisReport(List.of(new AnalysisReport.Table(t.get("analysis.quadrants"),
                List.of(t.get("col.quadrant"), t.get("col.count"), t.get("col.actors")), rows)));
    }

    @Override
    protected ChangeSet layoutOf(MapDocument doc, Set<String> selection) {
        Map<String, Box> all = LayoutSupport.boxes(doc);
        Set<String> moving = new java.util.LinkedHashSet<>();
        doc.nodes().filter(n -> selection.isEmpty() || selection.contains(n.id())).forEach(a -> {
            double[] p = position(doc, a);
            double cx = GRID_X + p[0] * GRID_W, cy = GRID_Y + GRID_H - p[1] * GRID_H;
            double x = Math.min(Math.max(cx - NODE_W / 2, GRID_X + 4), GRID_X + GRID_W - NODE_W - 4);
            double y = Math.min(Math.max(cy - NODE_H / 2, GRID_Y + 4), GRID_Y + GRID_H - NODE_H - 4);
            all.put(a.id(), new Box(x, y, NODE_W, NODE_H));
            moving.add(a.id());
        });
        LayoutSupport.separate(all, moving, 12);
        return LayoutSupport.changeSet(doc, all, "place on the grid", List.of());
    }
}
