package org.mapwork.templates.netmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.MapDefinedLinkTypes;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.AbstractMethodTemplate;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.Finding;
import org.mapwork.templates.MethodAction;
import org.mapwork.templates.Presentation;
import org.mapwork.templates.TowerHandle;
import org.mapwork.templates.common.MapBuilder;
import org.mapwork.templates.common.Palette;
import org.mapwork.templates.common.Texts;

/**
 * Net-Map power mapping (Schiffer 2007): actors with influence towers and goals, joined by link types each map
 * defines for itself (formal authority, funding, information, advice/support, conflict, partnership by default),
 * under a framing question ("Who can influence whether ...?").
 */
public final class NetMapTemplate extends AbstractMethodTemplate {

    public static final String ID = "net-map";
    public static final String LINK_TYPES = "linkTypes";

    /** The default link types: id, colour (Okabe–Ito), directed. */
    public static final List<Object[]> DEFAULT_LINK_TYPES = List.of(
            new Object[]{"formal-authority", Palette.BLUE, true},
            new Object[]{"funding", Palette.BLUISH_GREEN, true},
            new Object[]{"information", Palette.SKY_BLUE, true},
            new Object[]{"advice", Palette.REDDISH_PURPLE, true},
            new Object[]{"conflict", Palette.VERMILLION, false},
            new Object[]{"partnership", Palette.ORANGE, false});

    /** The Net-Map schema. */
    public static final Schema SCHEMA = buildSchema();

    private final NetMapPresentation presentation;
    private final NetMapEdits edits = new NetMapEdits(SCHEMA, this::textsOf);

    public NetMapTemplate() {
        super(ID, SCHEMA, List.of(
                new StepDef("actors", List.of(Actors.TYPE), 20),
                new StepDef("links", DEFAULT_LINK_TYPES.stream().map(r -> (String) r[0]).toList(), 30),
                new StepDef("goals", List.of(Actors.TYPE), 15),
                new StepDef("towers", List.of(Actors.TYPE), 15),
                new StepDef("strategy", List.of(), 20)));
        this.presentation = new NetMapPresentation(SCHEMA, this::textsOf);
    }

    private static Schema buildSchema() {
        return Schema.builder(ID)
                .node(new NodeType(Actors.TYPE, Actors.attributes()))
                .mapAttribute(Texts.languageAttribute())
                .mapAttribute(org.mapwork.templates.workshop.Provenance.attribute())
                .mapAttribute(AttributeDef.text(Actors.FRAMING_QUESTION))
                .mapAttribute(Actors.goalsAttribute())
                .mapDefinedLinkTypes(new MapDefinedLinkTypes(LINK_TYPES, new LinkType("link", true, Set.of(Actors.TYPE),
                        Set.of(Actors.TYPE), List.of(AttributeDef.longText("notes")))))
                .build();
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

    /** A network file without a method (GraphML, Kumu, CSV) is most often a power map. */
    @Override
    public boolean suitsPlainNetworks() {
        return true;
    }

    @Override
    public Presentation presentation() {
        return presentation;
    }

    /** The default link type rows, labelled in a language. */
    public static Value.Rows defaultLinkTypes(Texts t) {
        List<Map<String, Value>> rows = new ArrayList<>();
        for (Object[] r : DEFAULT_LINK_TYPES) {
            rows.add(MapBuilder.row("id", Value.text((String) r[0]), "label", Value.text(t.get("linkType." + r[0])),
                    "colour", Value.text((String) r[1]), "directed", Value.bool((Boolean) r[2])));
        }
        return new Value.Rows(rows);
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
                .mapAttribute(LINK_TYPES, defaultLinkTypes(t))
                .build();
    }

    @Override
    protected List<Finding> check(MapDocument doc, Texts t) {
        List<Finding> out = new ArrayList<>();
        if (!(doc.mapAttribute(Actors.FRAMING_QUESTION) instanceof Value.Text q) || q.value().isBlank()) {
            out.add(new Finding(Finding.Severity.WARNING, "net-map.no-framing-question", List.of(),
                    t.get("finding.no-framing-question")));
        }
        for (Actors.Goal g : Actors.goals(doc).values()) {
            if ("unknown".equals(g.stance())) {
                out.add(new Finding(Finding.Severity.INFO, "net-map.goal-without-stance", List.of(),
                        t.format("finding.goal-without-stance", g.label())));
            }
        }
        List<Element> actors = doc.nodes().filter(n -> n.type().equals(Actors.TYPE)).toList();
        for (Element a : actors) {
            String name = name(a);
            if (Actors.influence(a) < 0) {
                out.add(new Finding(Finding.Severity.WARNING, "net-map.actor-without-influence", List.of(a.id()),
                        t.format("finding.actor-without-influence", name)));
            }
            if (Actors.goalsOf(doc, a).isEmpty() && !Actors.goalUnknown(a)) {
                out.add(new Finding(Finding.Severity.WARNING, "net-map.actor-without-goal", List.of(a.id()),
                        t.format("finding.actor-without-goal", name)));
            }
            if (doc.linksOf(a.id()).isEmpty()) {
                out.add(new Finding(Finding.Severity.WARNING, "net-map.isolated-actor", List.of(a.id()),
                        t.format("finding.isolated-actor", name)));
            }
        }
        return out;
    }

    @Override
    protected AnalysisReport analyze(MapDocument doc, Texts t) {
        return new NetMapAnalysis(doc, SCHEMA, t).report();
    }

    /** Towers and stances side by side, links only some teams drew. */
    @Override
    public AnalysisReport compare(org.mapwork.templates.workshop.Matching matching) {
        return new NetMapComparison(new org.mapwork.templates.workshop.Comparison(this, matching),
                textsOf(matching.teams().get(0).doc())).report();
    }

    @Override
    protected ChangeSet layoutOf(MapDocument doc, Set<String> selection) {
        return NetMapLayout.layout(doc, selection);
    }

    /** The link types used in a map, with whether each is directed, in the map's order. */
    public static Map<String, Boolean> linkTypes(MapDocument doc) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        SCHEMA.linkTypesOf(doc.mapAttributes()).forEach((id, lt) -> out.put(id, lt.directed()));
        return out;
    }

    /** The actors' ids in label order (then id), for stable tables. */
    static List<String> actorIds(MapDocument doc) {
        Set<String> ids = new LinkedHashSet<>();
        doc.nodes().filter(n -> n.type().equals(Actors.TYPE))
                .sorted(java.util.Comparator.comparing((Element e) -> e.label().toLowerCase(Locale.ROOT)).thenComparing(Element::id))
                .forEach(n -> ids.add(n.id()));
        return new ArrayList<>(ids);
    }
}
