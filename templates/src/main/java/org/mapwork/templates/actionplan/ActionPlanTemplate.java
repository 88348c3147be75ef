package org.mapwork.templates.actionplan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
import org.mapwork.templates.Backdrop;
import org.mapwork.templates.Badge;
import org.mapwork.templates.Finding;
import org.mapwork.templates.Presentation;
import org.mapwork.templates.common.LayoutSupport;
import org.mapwork.templates.common.LayoutSupport.Box;
import org.mapwork.templates.common.MapBuilder;
import org.mapwork.templates.common.Palette;
import org.mapwork.templates.common.Texts;
import org.mapwork.templates.common.TypedPresentation;

/**
 * The action plan: actions with owner, partners, start and due dates, status, resources and what they serve in the
 * theory of change ({@code serves}: the id or label of an intervention or outcome there), shown in lanes by status
 * or by owner (map attribute {@code laneBy}).
 */
public final class ActionPlanTemplate extends AbstractMethodTemplate {

    public static final String ID = "action-plan";
    public static final String ACTION = "action";
    public static final String THEN = "then";
    public static final String LANE_BY = "laneBy";
    public static final List<String> STATUSES = List.of("planned", "doing", "done", "blocked");

    static final double LANE_LABEL_W = 170, LANE_H = 120, TOP = 40, ACTION_W = 210, ACTION_H = 72, GAP = 30;

    public static final Schema SCHEMA = Schema.builder(ID)
            .node(NodeType.of(ACTION, AttributeDef.text("owner"), AttributeDef.text("partners"), AttributeDef.date("start"),
                    AttributeDef.date("due"), AttributeDef.choice("status", STATUSES), AttributeDef.longText("resources"),
                    AttributeDef.text("serves"), AttributeDef.longText("notes")))
            .link(new LinkType(THEN, true, Set.of(ACTION), Set.of(ACTION), List.of()))
            .mapAttribute(Texts.languageAttribute())
                .mapAttribute(org.mapwork.templates.workshop.Provenance.attribute())
            .mapAttribute(AttributeDef.choice(LANE_BY, List.of("status", "owner")))
            .mapAttribute(AttributeDef.text("theoryOfChange"))
            .build();

    private final Presentation presentation;

    public ActionPlanTemplate() {
        super(ID, SCHEMA, List.of(
                new StepDef("actions", List.of(ACTION), 20),
                new StepDef("owners", List.of(ACTION), 10),
                new StepDef("dates", List.of(ACTION), 10),
                new StepDef("order", List.of(THEN), 10),
                new StepDef("review", List.of(), 10)));
        presentation = new TypedPresentation(SCHEMA, this::textsOf, Map.of(),
                Map.of(THEN, new TypedPresentation.LinkStyle("#333333", true, "solid", 1.5))) {
            @Override
            protected NodeStyle nodeStyle(MapDocument doc, Element node) {
                String fill = switch (text(node, "status")) {
                    case "doing" -> Palette.TINT_YELLOW;
                    case "done" -> Palette.TINT_GREEN;
                    case "blocked" -> Palette.TINT_VERMILLION;
                    default -> Palette.TINT_SKY_BLUE;
                };
                return new NodeStyle("rounded", fill, "#555555", Palette.TEXT, null);
            }

            @Override
            protected String typeLabel(MapDocument doc, Element node) {
                String s = text(node, "status");
                return s.isEmpty() ? null : textsOf(doc).option("status", s);
            }

            @Override
            public List<Badge> badges(MapDocument doc, Element node) {
                String owner = text(node, "owner");
                if (owner.isBlank()) {
                    return List.of(new Badge("?", Palette.YELLOW, textsOf(doc).get("badge.noOwner")));
                }
                return List.of(new Badge(initials(owner), Palette.TINT_GREY, textsOf(doc).get("attr.owner") + ": " + owner));
            }

            @Override
            public List<Backdrop> backdrops(MapDocument doc) {
                return List.of(new Backdrop.Lanes(lanes(doc)));
            }
        };
    }

    static String text(Element e, String attribute) {
        return e.attribute(attribute) instanceof Value.Text t ? t.value() : "";
    }

    static LocalDate date(Element e, String attribute) {
        return e.attribute(attribute) instanceof Value.Date d ? d.value() : null;
    }

    static String initials(String owner) {
        StringBuilder sb = new StringBuilder();
        for (String w : owner.trim().split("\\s+")) {
            if (!w.isEmpty() && Character.isLetterOrDigit(w.codePointAt(0)) && sb.length() < 2) {
                sb.appendCodePoint(Character.toUpperCase(w.codePointAt(0)));
            }
        }
        return sb.length() == 0 ? "?" : sb.toString();
    }

    static boolean byOwner(MapDocument doc) {
        return doc.mapAttribute(LANE_BY) instanceof Value.Text t && t.value().equals("owner");
    }

    /** Lane keys in order: the statuses, or the owners alphabetically with "no owner" last. */
    static List<String> laneKeys(MapDocument doc) {
        if (!byOwner(doc)) {
            return STATUSES;
        }
        TreeSet<String> owners = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        boolean none = false;
        for (Element a : doc.nodes().toList()) {
            String o = text(a, "owner").trim();
            if (o.isEmpty()) {
                none = true;
            } else {
                owners.add(o);
            }
        }
        List<String> out = new ArrayList<>(owners);
        if (none) {
            out.add("");
        }
        return out;
    }

    static String laneOf(MapDocument doc, Element a) {
        if (byOwner(doc)) {
            return text(a, "owner").trim();
        }
        String s = text(a, "status");
        return s.isEmpty() ? "planned" : s;
    }

    /** The lanes: fixed rows, as wide as the widest row of actions. */
    static List<Backdrop.Lane> lanes(MapDocument doc) {
        Texts t = Texts.load(ActionPlanTemplate.class.getPackageName() + ".texts", Texts.of(doc));
        List<String> keys = laneKeys(doc);
        double right = doc.nodes().mapToDouble(n -> n.geometry().x() + n.geometry().width()).max().orElse(0);
        double width = Math.max(900, right + GAP);
        List<Backdrop.Lane> lanes = new ArrayList<>();
        String[] fills = {"#F4F8FB", "#FBFAF0"};
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            String label = byOwner(doc) ? (k.isEmpty() ? t.get("lane.noOwner") : k) : t.option("status", k);
            lanes.add(new Backdrop.Lane(label, 0, TOP + i * LANE_H, width, LANE_H, fills[i % 2]));
        }
        return lanes;
    }

    @Override
    public Presentation presentation() {
        return presentation;
    }

    @Override
    protected MapDocument emptyStarter(Locale locale) {
        Texts t = textsIn(locale);
        return MapBuilder.of(SCHEMA, t.get("starter.title"), locale)
                .mapAttribute(LANE_BY, Value.text("status"))
                .build();
    }

    @Override
    protected List<Finding> check(MapDocument doc, Texts t) {
        List<Finding> out = new ArrayList<>();
        doc.nodes().filter(n -> n.type().equals(ACTION)).forEach(a -> {
            if (text(a, "owner").isBlank()) {
                out.add(new Finding(Finding.Severity.WARNING, "action-plan.no-owner", List.of(a.id()), t.format("finding.no-owner", name(a))));
            }
            LocalDate due = date(a, "due"), start = date(a, "start");
            if (due == null) {
                out.add(new Finding(Finding.Severity.WARNING, "action-plan.no-due-date", List.of(a.id()), t.format("finding.no-due-date", name(a))));
            } else if (start != null && due.isBefore(start)) {
                out.add(new Finding(Finding.Severity.ERROR, "action-plan.due-before-start", List.of(a.id()),
                        t.format("finding.due-before-start", name(a), due.toString(), start.toString())));
            }
            if (text(a, "serves").isBlank()) {
                out.add(new Finding(Finding.Severity.INFO, "action-plan.serves-nothing", List.of(a.id()), t.format("finding.serves-nothing", name(a))));
            }
        });
        return out;
    }

    @Override
    protected AnalysisReport analyze(MapDocument doc, Texts t) {
        List<Element> actions = doc.nodes().filter(n -> n.type().equals(ACTION))
                .sorted(Comparator.comparing((Element a) -> date(a, "due"), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Element::label)).toList();
        List<List<String>> rows = new ArrayList<>();
        for (Element a : actions) {
            LocalDate s = date(a, "start"), d = date(a, "due");
            rows.add(List.of(name(a), text(a, "owner"), text(a, "partners"), s == null ? "" : s.toString(), d == null ? "" : d.toString(),
                    t.option("status", text(a, "status")), text(a, "serves")));
        }
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(s -> byStatus.put(s, 0));
        actions.forEach(a -> byStatus.merge(text(a, "status").isEmpty() ? "planned" : text(a, "status"), 1, Integer::sum));
        List<List<String>> counts = new ArrayList<>();
        byStatus.forEach((s, n) -> counts.add(List.of(t.option("status", s), Integer.toString(n))));
        return new AnalysisReport(List.of(
                new AnalysisReport.Table(t.get("analysis.actions"), List.of(t.get("col.action"), t.get("attr.owner"), t.get("attr.partners"),
                        t.get("attr.start"), t.get("attr.due"), t.get("attr.status"), t.get("attr.serves")), rows),
                new AnalysisReport.Table(t.get("analysis.byStatus"), List.of(t.get("attr.status"), t.get("col.count")), counts)));
    }

    /** Each action into its lane, in order of start date (then due date) from left to right. */
    @Override
    protected ChangeSet layoutOf(MapDocument doc, Set<String> selection) {
        Map<String, Box> all = LayoutSupport.boxes(doc);
        List<String> keys = laneKeys(doc);
        Set<String> moving = new LinkedHashSet<>();
        Map<String, Integer> nextSlot = new LinkedHashMap<>();
        doc.nodes().filter(n -> selection.isEmpty() || selection.contains(n.id()))
                .sorted(Comparator.comparing((Element a) -> date(a, "start"), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(a -> date(a, "due"), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Element::id))
                .forEach(a -> {
                    int lane = Math.max(0, keys.indexOf(laneOf(doc, a)));
                    int slot = nextSlot.merge(keys.get(lane), 1, Integer::sum) - 1;
                    all.put(a.id(), new Box(LANE_LABEL_W + slot * (ACTION_W + GAP), TOP + lane * LANE_H + (LANE_H - ACTION_H) / 2,
                            ACTION_W, ACTION_H));
                    moving.add(a.id());
                });
        LayoutSupport.separate(all, moving, 12);
        return LayoutSupport.changeSet(doc, all, "lanes by " + (byOwner(doc) ? "owner" : "status"), List.of());
    }
}
