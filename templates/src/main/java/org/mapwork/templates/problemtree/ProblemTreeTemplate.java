package org.mapwork.templates.problemtree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.AbstractMethodTemplate;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.Finding;
import org.mapwork.templates.Presentation;
import org.mapwork.templates.common.Digraph;
import org.mapwork.templates.common.Hierarchy;
import org.mapwork.templates.common.LayoutSupport;
import org.mapwork.templates.common.LayoutSupport.Box;
import org.mapwork.templates.common.MapBuilder;
import org.mapwork.templates.common.Palette;
import org.mapwork.templates.common.Texts;
import org.mapwork.templates.common.TypedPresentation;

/**
 * The problem tree: one focal problem in the trunk, its causes as roots below ("why?" chains of any depth) and its
 * effects as branches above, joined by "causes" arrows that point from cause to consequence.
 */
public final class ProblemTreeTemplate extends AbstractMethodTemplate {

    public static final String ID = "problem-tree";
    public static final String PROBLEM = "problem";
    public static final String CAUSE = "cause";
    public static final String EFFECT = "effect";
    public static final String CAUSES = "causes";

    public static final Schema SCHEMA = Schema.builder(ID)
            .node(NodeType.of(PROBLEM, AttributeDef.longText("evidence"), AttributeDef.longText("notes")))
            .node(NodeType.of(CAUSE, AttributeDef.longText("evidence"), AttributeDef.longText("notes")))
            .node(NodeType.of(EFFECT, AttributeDef.longText("evidence"), AttributeDef.longText("notes")))
            .link(LinkType.any(CAUSES, true))
            .mapAttribute(Texts.languageAttribute())
                .mapAttribute(org.mapwork.templates.workshop.Provenance.attribute())
            .build();

    private final Presentation presentation;

    public ProblemTreeTemplate() {
        super(ID, SCHEMA, List.of(
                new StepDef("problem", List.of(PROBLEM), 10),
                new StepDef("causes", List.of(CAUSE, CAUSES), 20),
                new StepDef("why", List.of(CAUSE, CAUSES), 20),
                new StepDef("effects", List.of(EFFECT, CAUSES), 15),
                new StepDef("review", List.of(), 10)));
        presentation = new TypedPresentation(SCHEMA, this::textsOf, Map.of(
                PROBLEM, new TypedPresentation.NodeStyle("rectangle", Palette.TINT_VERMILLION, Palette.VERMILLION, Palette.TEXT, null),
                CAUSE, new TypedPresentation.NodeStyle("rounded", Palette.TINT_ORANGE, Palette.ORANGE, Palette.TEXT, null),
                EFFECT, new TypedPresentation.NodeStyle("ellipse", Palette.TINT_SKY_BLUE, Palette.BLUE, Palette.TEXT, null)),
                Map.of(CAUSES, new TypedPresentation.LinkStyle("#333333", true, "solid", 1.6)));
    }

    @Override
    public Presentation presentation() {
        return presentation;
    }

    @Override
    protected MapDocument emptyStarter(Locale locale) {
        Texts t = textsIn(locale);
        return MapBuilder.of(SCHEMA, t.get("starter.title"), locale)
                .node("problem", PROBLEM, t.get("starter.problem"), 300, 300, 240, 80, Map.of())
                .build();
    }

    private static Digraph graph(MapDocument doc) {
        return Digraph.of(doc, n -> true, l -> l.type().equals(CAUSES));
    }

    @Override
    protected List<Finding> check(MapDocument doc, Texts t) {
        List<Finding> out = new ArrayList<>();
        List<String> problems = doc.nodes().filter(n -> n.type().equals(PROBLEM)).map(Element::id).toList();
        if (problems.isEmpty()) {
            out.add(new Finding(Finding.Severity.ERROR, "problem-tree.no-problem", List.of(), t.get("finding.no-problem")));
        } else if (problems.size() > 1) {
            out.add(new Finding(Finding.Severity.ERROR, "problem-tree.several-problems", problems,
                    t.format("finding.several-problems", problems.size())));
        }
        Digraph g = graph(doc);
        Set<String> reaching = g.reaching(problems);
        Set<String> reached = g.reachableFrom(problems);
        doc.nodes().filter(n -> n.type().equals(CAUSE) && !reaching.contains(n.id())).forEach(c ->
                out.add(new Finding(Finding.Severity.WARNING, "problem-tree.cause-not-reaching", List.of(c.id()),
                        t.format("finding.cause-not-reaching", name(c)))));
        doc.nodes().filter(n -> n.type().equals(EFFECT) && !reached.contains(n.id())).forEach(e ->
                out.add(new Finding(Finding.Severity.WARNING, "problem-tree.effect-not-reached", List.of(e.id()),
                        t.format("finding.effect-not-reached", name(e)))));
        out.addAll(cycleFindings(doc, g, "problem-tree.cycle", "finding.cycle", t));
        return out;
    }

    @Override
    protected AnalysisReport analyze(MapDocument doc, Texts t) {
        Digraph g = graph(doc);
        Set<String> problems = new LinkedHashSet<>();
        doc.nodes().filter(n -> n.type().equals(PROBLEM)).forEach(n -> problems.add(n.id()));
        List<List<String>> chains = new ArrayList<>();
        doc.nodes().filter(n -> n.type().equals(CAUSE) && g.predecessors(n.id()).isEmpty()).forEach(root -> {
            for (List<String> p : g.paths(root.id(), problems, 10)) {
                chains.add(List.of(name(root), String.join(" \u2192 ", p.stream().map(id -> name(doc.element(id))).toList()),
                        Integer.toString(p.size() - 1)));
            }
        });
        List<List<String>> effects = new ArrayList<>();
        Map<String, Integer> depth = depths(g, problems);
        doc.nodes().filter(n -> n.type().equals(EFFECT)).forEach(e -> effects.add(List.of(name(e),
                depth.containsKey(e.id()) ? Integer.toString(depth.get(e.id())) : t.get("analysis.notReached"))));
        return new AnalysisReport(List.of(
                new AnalysisReport.Table(t.get("analysis.rootCauses"), List.of(t.get("col.rootCause"), t.get("col.chain"), t.get("col.depth")), chains),
                new AnalysisReport.Table(t.get("analysis.effects"), List.of(t.get("col.effect"), t.get("col.depth")), effects)));
    }

    /** Steps from the problem to every node it leads to (breadth first). */
    private static Map<String, Integer> depths(Digraph g, Set<String> from) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
        from.forEach(f -> {
            depth.put(f, 0);
            todo.add(f);
        });
        while (!todo.isEmpty()) {
            String v = todo.poll();
            for (String w : g.successors(v)) {
                if (!depth.containsKey(w)) {
                    depth.put(w, depth.get(v) + 1);
                    todo.add(w);
                }
            }
        }
        return depth;
    }

    @Override
    protected ChangeSet layoutOf(MapDocument doc, Set<String> selection) {
        Map<String, Box> old = LayoutSupport.boxes(doc);
        Set<String> moving = new LinkedHashSet<>();
        old.keySet().stream().filter(id -> selection.isEmpty() || selection.contains(id)).forEach(moving::add);
        Map<String, Box> nodes = new LinkedHashMap<>();
        for (String id : moving) {
            Box b = old.get(id);
            nodes.put(id, new Box(0, 0, b.w() > 1 ? b.w() : 200, b.h() > 1 ? b.h() : 64));
        }
        List<String[]> arcs = doc.links().filter(l -> l.type().equals(CAUSES))
                .map(l -> new String[]{l.source(), l.target()}).toList();
        Map<String, Box> placed = Hierarchy.bottomUp(nodes, arcs, 30, 60);
        Map<String, Box> all = new LinkedHashMap<>(old);
        all.putAll(placed);
        if (selection.isEmpty()) {
            double minX = placed.values().stream().mapToDouble(Box::x).min().orElse(40);
            double minY = placed.values().stream().mapToDouble(Box::y).min().orElse(40);
            all.replaceAll((id, b) -> b.at(b.x() - minX + 40, b.y() - minY + 40));
        } else {
            LayoutSupport.keepInPlace(all, old, moving);
        }
        LayoutSupport.clearLinks(all, arcs, moving, 20);
        return LayoutSupport.changeSet(doc, all, "problem tree layout", List.of());
    }
}
