package org.mapwork.templates.fishbone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.AbstractMethodTemplate;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.Backdrop;
import org.mapwork.templates.Finding;
import org.mapwork.templates.Presentation;
import org.mapwork.templates.common.Digraph;
import org.mapwork.templates.common.MapBuilder;
import org.mapwork.templates.common.Palette;
import org.mapwork.templates.common.Texts;
import org.mapwork.templates.common.TypedPresentation;

/**
 * The fishbone (Ishikawa) diagram: the problem as the head, cause categories as bones (People, Process, Policy,
 * Environment, Equipment/Materials, Management by default, all editable), causes on the bones, sub-causes on
 * causes. Every category belongs to the head; a cause sits on a bone by an "on" link to its category (a sub-cause
 * by one to its cause), so the spine and bones are drawn from the layout, not as links.
 */
public final class FishboneTemplate extends AbstractMethodTemplate {

    public static final String ID = "fishbone";
    public static final String HEAD = "head";
    public static final String CATEGORY = "category";
    public static final String CAUSE = "cause";
    public static final String SUBCAUSE = "subcause";
    public static final String ON = "on";
    public static final List<String> DEFAULT_CATEGORIES = List.of("people", "process", "policy", "environment",
            "equipment", "management");

    public static final Schema SCHEMA = Schema.builder(ID)
            .node(NodeType.of(HEAD, AttributeDef.longText("notes")))
            .node(NodeType.of(CATEGORY, AttributeDef.longText("notes")))
            .node(NodeType.of(CAUSE, AttributeDef.longText("evidence"), AttributeDef.longText("notes")))
            .node(NodeType.of(SUBCAUSE, AttributeDef.longText("evidence"), AttributeDef.longText("notes")))
            .link(new LinkType(ON, true, Set.of(CAUSE, SUBCAUSE), Set.of(CATEGORY, CAUSE, SUBCAUSE), List.of()))
            .mapAttribute(Texts.languageAttribute())
                .mapAttribute(org.mapwork.templates.workshop.Provenance.attribute())
            .build();

    private final Presentation presentation;

    public FishboneTemplate() {
        super(ID, SCHEMA, List.of(
                new StepDef("head", List.of(HEAD), 5),
                new StepDef("categories", List.of(CATEGORY), 10),
                new StepDef("causes", List.of(CAUSE, ON), 25),
                new StepDef("subcauses", List.of(SUBCAUSE, ON), 15),
                new StepDef("priorities", List.of(), 10)));
        presentation = new TypedPresentation(SCHEMA, this::textsOf, Map.of(
                HEAD, new TypedPresentation.NodeStyle("rectangle", Palette.TINT_VERMILLION, Palette.VERMILLION, Palette.TEXT, null),
                CATEGORY, new TypedPresentation.NodeStyle("rectangle", Palette.TINT_BLUE, Palette.BLUE, Palette.TEXT, null),
                CAUSE, new TypedPresentation.NodeStyle("rounded", Palette.TINT_ORANGE, Palette.ORANGE, Palette.TEXT, null),
                SUBCAUSE, new TypedPresentation.NodeStyle("rounded", Palette.TINT_YELLOW, Palette.ORANGE, Palette.TEXT, null)),
                Map.of(ON, new TypedPresentation.LinkStyle("#9A9A9A", false, "solid", 1.0))) {
            @Override
            public List<Backdrop> backdrops(MapDocument doc) {
                return FishboneLayout.backdrops(doc);
            }
        };
    }

    @Override
    public Presentation presentation() {
        return presentation;
    }

    @Override
    protected MapDocument emptyStarter(Locale locale) {
        Texts t = textsIn(locale);
        MapBuilder b = MapBuilder.of(SCHEMA, t.get("starter.title"), locale)
                .node("head", HEAD, t.get("starter.head"), 0, 0, 0, 0, Map.of());
        for (int i = 0; i < DEFAULT_CATEGORIES.size(); i++) {
            String c = DEFAULT_CATEGORIES.get(i);
            // x = index only orders the categories along the spine; the layout places them
            b.node("category-" + c, CATEGORY, t.get("category." + c), i, 0, 0, 0, Map.of());
        }
        MapDocument doc = b.build();
        return ChangeEngine.apply(doc, SCHEMA, FishboneLayout.layout(doc, Set.of())).after();
    }

    static Digraph bones(MapDocument doc) {
        return Digraph.of(doc, n -> true, l -> l.type().equals(ON));
    }

    @Override
    protected List<Finding> check(MapDocument doc, Texts t) {
        List<Finding> out = new ArrayList<>();
        List<String> heads = doc.nodes().filter(n -> n.type().equals(HEAD)).map(Element::id).toList();
        if (heads.isEmpty()) {
            out.add(new Finding(Finding.Severity.ERROR, "fishbone.no-head", List.of(), t.get("finding.no-head")));
        } else if (heads.size() > 1) {
            out.add(new Finding(Finding.Severity.ERROR, "fishbone.several-heads", heads, t.format("finding.several-heads", heads.size())));
        }
        Digraph g = bones(doc);
        List<String> categories = doc.nodes().filter(n -> n.type().equals(CATEGORY)).map(Element::id).toList();
        Set<String> onBones = g.reaching(categories);
        doc.nodes().filter(n -> (n.type().equals(CAUSE) || n.type().equals(SUBCAUSE)) && !onBones.contains(n.id()))
                .forEach(c -> out.add(new Finding(Finding.Severity.WARNING, "fishbone.cause-not-reaching", List.of(c.id()),
                        t.format("finding.cause-not-reaching", name(c)))));
        for (String c : categories) {
            if (g.predecessors(c).isEmpty()) {
                out.add(new Finding(Finding.Severity.INFO, "fishbone.empty-category", List.of(c),
                        t.format("finding.empty-category", name(doc.element(c)))));
            }
        }
        out.addAll(cycleFindings(doc, g, "fishbone.cycle", "finding.cycle", t));
        return out;
    }

    @Override
    protected AnalysisReport analyze(MapDocument doc, Texts t) {
        Digraph g = bones(doc);
        List<List<String>> rows = new ArrayList<>();
        doc.nodes().filter(n -> n.type().equals(CATEGORY)).sorted(Comparator.comparingDouble(n -> n.geometry().x()))
                .forEach(c -> {
                    Set<String> all = new LinkedHashSet<>(g.reaching(List.of(c.id())));
                    all.remove(c.id());
                    List<String> causes = g.predecessors(c.id()).stream().map(id -> name(doc.element(id))).toList();
                    long subs = all.stream().filter(id -> doc.element(id).type().equals(SUBCAUSE)).count();
                    rows.add(List.of(name(c), Integer.toString(causes.size()), Long.toString(subs), String.join("; ", causes)));
                });
        return new AnalysisReport(List.of(new AnalysisReport.Table(t.get("analysis.categories"),
                List.of(t.get("col.category"), t.get("col.causes"), t.get("col.subcauses"), t.get("col.list")), rows)));
    }

    @Override
    protected ChangeSet layoutOf(MapDocument doc, Set<String> selection) {
        return FishboneLayout.layout(doc, selection);
    }

    /** Categories ordered along the spine (current x, then id), for a stable layout. */
    static List<Element> categories(MapDocument doc) {
        Map<String, Element> byId = new LinkedHashMap<>();
        doc.nodes().filter(n -> n.type().equals(CATEGORY))
                .sorted(Comparator.comparingDouble((Element n) -> n.geometry().x()).thenComparing(Element::id))
                .forEach(n -> byId.put(n.id(), n));
        return new ArrayList<>(byId.values());
    }
}
