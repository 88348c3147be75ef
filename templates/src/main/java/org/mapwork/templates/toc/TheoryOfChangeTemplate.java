package org.mapwork.templates.toc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.AbstractMethodTemplate;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.Finding;
import org.mapwork.templates.LineHandle;
import org.mapwork.templates.MethodAction;
import org.mapwork.templates.Presentation;
import org.mapwork.templates.common.Digraph;
import org.mapwork.templates.common.MapBuilder;
import org.mapwork.templates.common.Texts;

/**
 * Theory of change (De Silva et al. 2014; ActKnowledge): an impact, one long-term outcome, preconditions linked by
 * causal arrows toward it, interventions, indicators per outcome, assumptions and rationale, a narrative, and the
 * ceiling of accountability between the impact and the long-term outcome.
 *
 * <p>An intervention is tied to what it acts on by its {@code attachedTo} attribute: the id of an outcome or of a
 * causal link. One attribute covers both cases (a link cannot end on a link); the map draws it as a connector and
 * a live check keeps it pointing at something that exists. Assumptions are text on outcomes and causal links.
 */
public final class TheoryOfChangeTemplate extends AbstractMethodTemplate {

    public static final String ID = "theory-of-change";
    public static final String IMPACT = "impact";
    public static final String LONG_TERM = "long-term-outcome";
    public static final String PRECONDITION = "precondition";
    public static final String INTERVENTION = "intervention";
    public static final String CAUSAL = "causal";
    public static final String INDICATORS = "indicators";
    public static final String RATIONALE = "rationale";
    public static final String ASSUMPTIONS = "assumptions";
    public static final String ATTACHED_TO = "attachedTo";
    public static final String NARRATIVE = "narrative";
    public static final String CEILING_Y = "ceilingY";
    public static final Set<String> OUTCOMES = Set.of(LONG_TERM, PRECONDITION);

    public static final Schema SCHEMA = buildSchema();

    private final Presentation presentation;
    private final TheoryOfChangeEdits edits = new TheoryOfChangeEdits(this::textsOf);

    public TheoryOfChangeTemplate() {
        super(ID, SCHEMA, List.of(
                new StepDef("long-term", List.of(LONG_TERM), 15),
                new StepDef("impact", List.of(IMPACT), 10),
                new StepDef("backwards", List.of(PRECONDITION, CAUSAL), 40),
                new StepDef("ceiling", List.of(), 10),
                new StepDef("interventions", List.of(INTERVENTION), 25),
                new StepDef("indicators", List.of(), 25),
                new StepDef("assumptions", List.of(), 15),
                new StepDef("narrative", List.of(), 15)));
        this.presentation = new TheoryOfChangePresentation(SCHEMA, this::textsOf);
    }

    private static Schema buildSchema() {
        AttributeDef indicators = AttributeDef.rows(INDICATORS, List.of(
                AttributeDef.text("measure").asRequired(), AttributeDef.text("population"), AttributeDef.text("target"),
                AttributeDef.text("threshold"), AttributeDef.date("byWhen")));
        AttributeDef rationale = AttributeDef.longText(RATIONALE);
        AttributeDef assumptions = AttributeDef.longText(ASSUMPTIONS);
        AttributeDef notes = AttributeDef.longText("notes");
        return Schema.builder(ID)
                .node(NodeType.of(IMPACT, rationale, notes))
                .node(NodeType.of(LONG_TERM, indicators, rationale, assumptions, notes))
                .node(NodeType.of(PRECONDITION, indicators, rationale, assumptions, notes))
                .node(NodeType.of(INTERVENTION, AttributeDef.text(ATTACHED_TO), AttributeDef.longText("description"),
                        rationale, assumptions))
                .link(new LinkType(CAUSAL, true, Set.of(PRECONDITION, LONG_TERM), Set.of(PRECONDITION, LONG_TERM, IMPACT),
                        List.of(rationale, assumptions)))
                .mapAttribute(Texts.languageAttribute())
                .mapAttribute(org.mapwork.templates.workshop.Provenance.attribute())
                .mapAttribute(AttributeDef.longText(NARRATIVE))
                .mapAttribute(AttributeDef.decimal(CEILING_Y, null, null))
                .build();
    }

    /** Add precondition below, the ceiling up and down. */
    @Override
    public List<MethodAction> actions(Locale locale) {
        return edits.actions(textsIn(locale));
    }

    /** An intervention dragged onto an outcome or a causal arrow acts on it (see {@link TheoryOfChangeEdits#tie}). */
    @Override
    public Optional<ChangeSet> tie(MapDocument doc, String fromId, String toId) {
        return edits.tie(doc, fromId, toId);
    }

    /** What an intervention may act on (its {@code attachedTo}): the outcomes by name, then the causal arrows. */
    @Override
    public Optional<Map<String, String>> references(MapDocument doc, String elementId, String attribute) {
        Element e = doc.element(elementId);
        if (e == null || !e.type().equals(INTERVENTION) || !attribute.equals(ATTACHED_TO)) {
            return Optional.empty();
        }
        Texts t = textsOf(doc);
        Map<String, String> out = new LinkedHashMap<>();
        doc.nodes().filter(n -> OUTCOMES.contains(n.type())).forEach(n -> out.put(n.id(), name(n)));
        doc.links().filter(l -> l.type().equals(CAUSAL)).forEach(l -> out.put(l.id(), TheoryOfChangeEdits.actsOnName(doc, l, t)));
        return Optional.of(out);
    }

    @Override
    public Optional<LineHandle> line() {
        return Optional.of(edits.ceiling());
    }

    @Override
    public Presentation presentation() {
        return presentation;
    }

    @Override
    protected MapDocument emptyStarter(Locale locale) {
        Texts t = textsIn(locale);
        // the method starts from the long-term outcome, so the empty map has one to fill in, under its impact
        return MapBuilder.of(SCHEMA, t.get("starter.title"), locale)
                .node("impact", IMPACT, t.get("starter.impact"), 300, 40, 220, 70, Map.of())
                .node("long-term-outcome", LONG_TERM, t.get("starter.longTerm"), 300, 200, 220, 70, Map.of())
                .link("causal-1", CAUSAL, "long-term-outcome", "impact", Map.of())
                .mapAttribute(CEILING_Y, Value.decimal(155.0))
                .build();
    }

    static Digraph causal(MapDocument doc) {
        return Digraph.of(doc, n -> !n.type().equals(INTERVENTION), l -> l.type().equals(CAUSAL));
    }

    /**
     * The outcome's indicators: its rows that name a measure. A row added but not filled in yet (an empty measure)
     * is not an indicator: it neither greens the badge nor clears the check.
     */
    static List<Map<String, Value>> indicators(Element e) {
        if (!(e.attribute(INDICATORS) instanceof Value.Rows r)) {
            return List.of();
        }
        return r.rows().stream().filter(row -> row.get("measure") instanceof Value.Text m && !m.value().isBlank()).toList();
    }

    /** What an intervention is tied to: an outcome or a causal link of the map, or {@code null}. */
    static Element attachment(MapDocument doc, Element intervention) {
        if (intervention.attribute(ATTACHED_TO) instanceof Value.Text t) {
            Element target = doc.element(t.value());
            if (target != null && (OUTCOMES.contains(target.type()) || target.type().equals(CAUSAL))) {
                return target;
            }
        }
        return null;
    }

    @Override
    protected List<Finding> check(MapDocument doc, Texts t) {
        List<Finding> out = new ArrayList<>();
        List<Element> longTerm = doc.nodes().filter(n -> n.type().equals(LONG_TERM)).toList();
        List<Element> impacts = doc.nodes().filter(n -> n.type().equals(IMPACT)).toList();
        if (longTerm.isEmpty()) {
            out.add(new Finding(Finding.Severity.ERROR, "toc.no-long-term-outcome", List.of(), t.get("finding.no-long-term-outcome")));
        } else if (longTerm.size() > 1) {
            out.add(new Finding(Finding.Severity.WARNING, "toc.several-long-term-outcomes", longTerm.stream().map(Element::id).toList(),
                    t.format("finding.several-long-term-outcomes", longTerm.size())));
        }
        if (impacts.isEmpty()) {
            out.add(new Finding(Finding.Severity.WARNING, "toc.no-impact", List.of(), t.get("finding.no-impact")));
        }
        Digraph g = causal(doc);
        Set<String> reaching = g.reaching(longTerm.stream().map(Element::id).toList());
        doc.nodes().filter(n -> n.type().equals(PRECONDITION) && !reaching.contains(n.id())).forEach(p ->
                out.add(new Finding(Finding.Severity.WARNING, "toc.precondition-not-leading", List.of(p.id()),
                        t.format("finding.precondition-not-leading", name(p)))));
        out.addAll(cycleFindings(doc, g, "toc.causal-cycle", "finding.causal-cycle", t));
        doc.nodes().filter(n -> OUTCOMES.contains(n.type()) && indicators(n).isEmpty()).forEach(o ->
                out.add(new Finding(Finding.Severity.WARNING, "toc.outcome-without-indicator", List.of(o.id()),
                        t.format("finding.outcome-without-indicator", name(o)))));
        doc.nodes().filter(n -> n.type().equals(INTERVENTION)).forEach(i -> {
            if (!(i.attribute(ATTACHED_TO) instanceof Value.Text a) || a.value().isBlank()) {
                out.add(new Finding(Finding.Severity.WARNING, "toc.intervention-not-tied", List.of(i.id()),
                        t.format("finding.intervention-not-tied", name(i))));
            } else if (attachment(doc, i) == null) {
                out.add(new Finding(Finding.Severity.ERROR, "toc.intervention-tied-to-nothing", List.of(i.id()),
                        t.format("finding.intervention-tied-to-nothing", name(i), a.value())));
            }
        });
        if (!(doc.mapAttribute(CEILING_Y) instanceof Value.Decimal ceiling)) {
            out.add(new Finding(Finding.Severity.WARNING, "toc.ceiling-not-placed", List.of(), t.get("finding.ceiling-not-placed")));
        } else if (!longTerm.isEmpty() && !impacts.isEmpty()) {
            double y = ceiling.value();
            List<String> wrongSide = new ArrayList<>();
            impacts.stream().filter(i -> i.geometry().y() + i.geometry().height() > y).forEach(i -> wrongSide.add(i.id()));
            longTerm.stream().filter(l -> l.geometry().y() < y).forEach(l -> wrongSide.add(l.id()));
            if (!wrongSide.isEmpty()) {
                out.add(new Finding(Finding.Severity.WARNING, "toc.ceiling-misplaced", wrongSide, t.get("finding.ceiling-misplaced")));
            }
        }
        return out;
    }

    @Override
    protected AnalysisReport analyze(MapDocument doc, Texts t) {
        Digraph g = causal(doc);
        Set<String> longTerm = new LinkedHashSet<>();
        doc.nodes().filter(n -> n.type().equals(LONG_TERM)).forEach(n -> longTerm.add(n.id()));
        List<List<String>> paths = new ArrayList<>();
        doc.nodes().filter(n -> n.type().equals(INTERVENTION)).forEach(i -> {
            Element at = attachment(doc, i);
            if (at == null) {
                paths.add(List.of(name(i), "", t.get("analysis.notTied"), ""));
                return;
            }
            String start = at.isLink() ? at.target() : at.id();
            String prefix = at.isLink() ? name(doc.element(at.source())) + " \u2192 " : "";
            String where = at.isLink() ? t.get("analysis.theLink") + " " + name(doc.element(at.source())) + " \u2192 "
                    + name(doc.element(at.target())) : name(at);
            List<List<String>> found = g.paths(start, longTerm, 20);
            if (found.isEmpty()) {
                paths.add(List.of(name(i), where, t.get("analysis.noPath"), ""));
            }
            for (List<String> p : found) {
                paths.add(List.of(name(i), where, prefix + String.join(" \u2192 ", p.stream().map(id -> name(doc.element(id))).toList()),
                        Integer.toString(p.size() - 1 + (at.isLink() ? 1 : 0))));
            }
        });
        List<List<String>> without = new ArrayList<>();
        List<List<String>> indicators = new ArrayList<>();
        doc.nodes().filter(n -> OUTCOMES.contains(n.type())).forEach(o -> {
            if (indicators(o).isEmpty()) {
                without.add(List.of(name(o), t.typeName(o.type())));
            }
            for (Map<String, Value> row : indicators(o)) {
                indicators.add(List.of(name(o), cell(row, "measure"), cell(row, "population"), cell(row, "target"),
                        cell(row, "threshold"), cell(row, "byWhen")));
            }
        });
        return new AnalysisReport(List.of(
                new AnalysisReport.Table(t.get("analysis.paths"), List.of(t.get("col.intervention"), t.get("col.actsOn"),
                        t.get("col.path"), t.get("col.steps")), paths),
                new AnalysisReport.Table(t.get("analysis.withoutIndicators"), List.of(t.get("col.outcome"), t.get("col.type")), without),
                new AnalysisReport.Table(t.get("analysis.indicators"), List.of(t.get("col.outcome"), t.get("attr.measure"),
                        t.get("attr.population"), t.get("attr.target"), t.get("attr.threshold"), t.get("attr.byWhen")), indicators)));
    }

    private static String cell(Map<String, Value> row, String column) {
        Value v = row.get(column);
        if (v == null) {
            return "";
        }
        if (v instanceof Value.Text tx) {
            return tx.value();
        }
        return v.describe();
    }

    /** Shared outcomes, differing preconditions and arrows. */
    @Override
    public AnalysisReport compare(org.mapwork.templates.workshop.Matching matching) {
        return new TheoryOfChangeComparison(new org.mapwork.templates.workshop.Comparison(this, matching),
                textsOf(matching.teams().get(0).doc())).report();
    }

    @Override
    protected ChangeSet layoutOf(MapDocument doc, Set<String> selection) {
        return TheoryOfChangeLayout.layout(doc, selection);
    }
}
