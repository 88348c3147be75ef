package org.mapwork.templates.workshop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.model.Value;
import org.mapwork.model.schema.ElementType;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.MethodTemplate;

/**
 * Teams' maps of one method merged into one workshop map: each group of matched elements becomes one element (the
 * first team's, keeping its id where it can), links are re-pointed to the joined ends, references between elements
 * (an intervention's {@code attachedTo}) follow, and rows the elements choose from (Net-Map's goals and link types)
 * are united by id. Where teams drew a joined element differently, the first team's value is kept and every team's
 * is written into the element's {@link Provenance} row (docs/adr/0020). The result is laid out by the method.
 */
public final class WorkshopMerge {

    private final MethodTemplate method;
    private final Matching matching;
    private final Schema schema;
    /** team → element id in its map → id in the merged map. */
    private final List<Map<String, String>> mergedIds = new ArrayList<>();
    private final Set<String> taken = new HashSet<>();
    /** team → map attribute → a row id of the team's → the id that row has in the merged map, where they differ. */
    private final List<Map<String, Map<String, String>>> rowIds = new ArrayList<>();
    private String order;

    private WorkshopMerge(MethodTemplate method, Matching matching) {
        this.method = method;
        this.matching = matching;
        this.schema = method.schema();
    }

    /** The merged map, titled {@code title}, valid against the method's schema and laid out. */
    public static MapDocument merge(MethodTemplate method, Matching matching, String title) {
        return new WorkshopMerge(method, matching).build(title);
    }

    private MapDocument build(String title) {
        List<TeamMap> teams = matching.teams();
        teams.forEach(t -> mergedIds.add(new LinkedHashMap<>()));
        List<Matching.Group> all = new ArrayList<>(matching.groups());
        all.addAll(matching.links());
        for (Matching.Group g : all) {
            String id = freeId(g);
            for (Matching.Member m : g.members()) {
                mergedIds.get(m.team()).put(m.element().id(), id);
            }
        }
        Map<String, Value> mapAttributes = mapAttributes();
        List<Element> elements = new ArrayList<>();
        List<Provenance.Entry> provenance = new ArrayList<>();
        for (Matching.Group g : all) {
            StringBuilder differences = new StringBuilder();
            elements.add(joined(g, differences));
            provenance.add(new Provenance.Entry(mergedIds.get(g.members().get(0).team()).get(g.first().id()),
                    matching.teamsOf(g), differences.toString()));
        }
        MapDocument first = teams.get(0).doc();
        List<Change> attributes = new ArrayList<>();
        mapAttributes.forEach((name, value) -> attributes.add(Change.setMapAttribute(name, value)));
        attributes.add(Change.setMapAttribute(Provenance.ATTRIBUTE, Provenance.rows(provenance)));
        MapDocument doc = MapDocument.empty(Ids.newId("map"), title, first.methodId(), Instant.now());
        doc = ChangeEngine.apply(doc, schema, ChangeSet.of("merge teams' maps", attributes)).after();
        doc = ChangeEngine.addAll(doc, schema, elements);
        ChangeSet layout = method.layout(doc, Set.of());
        return layout.changes().isEmpty() ? doc : ChangeEngine.apply(doc, schema, layout).after();
    }

    /**
     * A merged map as the combined picture shows it: each named element with the teams that drew it on a line under
     * its name, and each link not every team drew labelled with the teams that did. For a figure only; the merged map
     * itself keeps its names as the teams wrote them.
     */
    public static MapDocument markedByTeams(MethodTemplate method, MapDocument merged) {
        Map<String, Provenance.Entry> drawnBy = Provenance.of(merged);
        Set<String> allTeams = new java.util.LinkedHashSet<>();
        drawnBy.values().forEach(p -> allTeams.addAll(p.teams()));
        List<Change> marks = new ArrayList<>();
        for (Element e : merged.elements()) {
            Provenance.Entry p = drawnBy.get(e.id());
            if (p == null) {
                continue;
            }
            String teams = String.join(" + ", p.teams());
            if (e.isLink() && p.teams().size() < allTeams.size()) {
                marks.add(Change.setLabel(e.id(), teams));
            } else if (!e.isLink() && !e.label().isBlank()) {
                marks.add(Change.setLabel(e.id(), e.label() + "\n[" + teams + "]"));
            }
        }
        return marks.isEmpty() ? merged
                : ChangeEngine.apply(merged, method.schema(), ChangeSet.of("mark teams", marks)).after();
    }

    /** The first member's id, or the team's number before it when another team's element already has it. */
    private String freeId(Matching.Group g) {
        Matching.Member m = g.members().get(0);
        String id = m.element().id();
        if (taken.contains(id)) {
            id = "t" + (m.team() + 1) + "-" + id;
        }
        while (taken.contains(id) || !Ids.isValid(id)) {
            id = Ids.newId(m.element().isLink() ? "l" : "n");
        }
        taken.add(id);
        return id;
    }

    /** A group as one element: the first member, with what the others add; differences written down. */
    private Element joined(Matching.Group g, StringBuilder differences) {
        Matching.Member firstMember = g.members().get(0);
        Element base = firstMember.element();
        Map<String, Value> attributes = new LinkedHashMap<>(repointed(firstMember));
        Map<String, Map<String, Value>> valuesByTeam = new LinkedHashMap<>();
        for (Matching.Member m : g.members()) {
            valuesByTeam.put(matching.teams().get(m.team()).team(), repointed(m));
        }
        Set<String> names = new java.util.TreeSet<>();
        valuesByTeam.values().forEach(v -> names.addAll(v.keySet()));
        for (String name : names) {
            List<String> seen = new ArrayList<>();
            Set<Value> distinct = new HashSet<>();
            valuesByTeam.forEach((team, values) -> {
                Value v = values.get(name);
                distinct.add(v == null ? NONE : v);
                seen.add(team + " " + (v == null ? "\u2014" : text(v)));
            });
            if (distinct.size() > 1) {
                append(differences, name + ": " + String.join(", ", seen));
            }
            if (!attributes.containsKey(name)) {
                // the first team left it unset: the first team after it that set it gives it
                valuesByTeam.values().stream().map(v -> v.get(name)).filter(v -> v != null).findFirst()
                        .ifPresent(v -> attributes.put(name, v));
            }
        }
        List<String> labels = g.members().stream().map(m -> m.element().label()).distinct().toList();
        if (labels.size() > 1) {
            List<String> seen = new ArrayList<>();
            g.members().forEach(m -> seen.add(matching.teams().get(m.team()).team() + " \"" + m.element().label() + '"'));
            append(differences, "name: " + String.join(", ", seen));
        }
        order = order == null ? OrderKey.first() : OrderKey.after(order);
        Map<String, String> ids = mergedIds.get(firstMember.team());
        Element e = base.withId(ids.get(base.id())).withAttributes(attributes).withOrder(order);
        return base.isLink() ? e.withEndpoints(ids.get(base.source()), ids.get(base.target())).withType(linkType(firstMember)) : e;
    }

    private static final Value NONE = Value.text("\u0000none");

    private static void append(StringBuilder sb, String difference) {
        if (sb.length() > 0) {
            sb.append("; ");
        }
        sb.append(difference.replace('\n', ' '));
    }

    /**
     * A member's attributes with the ids of other elements it names turned into their ids in the merged map, and the
     * rows it chooses from (goals) into theirs.
     */
    private Map<String, Value> repointed(Matching.Member m) {
        MapDocument doc = matching.teams().get(m.team()).doc();
        Map<String, String> ids = mergedIds.get(m.team());
        Map<String, Map<String, String>> rows = rowIds.get(m.team());
        ElementType type = schema.type(m.element().kind(), m.element().type(), doc.mapAttributes());
        Map<String, Value> out = new LinkedHashMap<>(m.element().attributes());
        out.replaceAll((name, value) -> {
            if (value instanceof Value.Text t && ids.containsKey(t.value()) && method.references(doc, m.element().id(), name).isPresent()) {
                return Value.text(ids.get(t.value()));
            }
            String from = type == null || type.attribute(name) == null ? null : type.attribute(name).optionsFrom();
            Map<String, String> renamed = from == null ? null : rows.get(from);
            if (renamed == null) {
                return value;
            }
            if (value instanceof Value.TextList l) {
                return new Value.TextList(l.values().stream().map(v -> renamed.getOrDefault(v, v)).distinct().toList());
            }
            return value instanceof Value.Text t ? Value.text(renamed.getOrDefault(t.value(), t.value())) : value;
        });
        return out;
    }

    /** A link's type in the merged map: the map-defined link type it has there. */
    private String linkType(Matching.Member m) {
        var own = schema.mapDefinedLinkTypes();
        Map<String, String> renamed = own == null ? null : rowIds.get(m.team()).get(own.mapAttribute());
        return renamed == null ? m.element().type() : renamed.getOrDefault(m.element().type(), m.element().type());
    }

    /**
     * The first team's map attributes, with the rows the others add to rows chosen by id (goals, link types): a row
     * whose label another team already gave (case, accents and spacing aside) is that team's row; a row whose id
     * another team used for something else gets a new id; the team's elements follow ({@link #rowIds}).
     */
    private Map<String, Value> mapAttributes() {
        Map<String, Value> out = new LinkedHashMap<>();
        for (TeamMap team : matching.teams()) {
            Map<String, Map<String, String>> renamedRows = new LinkedHashMap<>();
            rowIds.add(renamedRows);
            team.doc().mapAttributes().forEach((name, value) -> {
                if (name.equals(Provenance.ATTRIBUTE)) {
                    return;
                }
                Value have = out.get(name);
                if (have == null) {
                    out.put(name, value);
                } else if (have instanceof Value.Rows mine && value instanceof Value.Rows theirs && !mine.ids().isEmpty()) {
                    Map<String, String> renamed = new LinkedHashMap<>();
                    out.put(name, new Value.Rows(unite(mine, theirs, renamed, matching.teams().indexOf(team))));
                    renamedRows.put(name, renamed);
                }
            });
        }
        return out;
    }

    private static List<Map<String, Value>> unite(Value.Rows mine, Value.Rows theirs, Map<String, String> renamed, int team) {
        List<Map<String, Value>> rows = new ArrayList<>(mine.rows());
        Map<String, String> idByLabel = new LinkedHashMap<>();
        Map<String, String> labelById = new LinkedHashMap<>();
        for (Map<String, Value> row : mine.rows()) {
            if (row.get("id") instanceof Value.Text id) {
                String label = row.get("label") instanceof Value.Text l ? Matching.normalise(l.value()) : "";
                labelById.put(id.value(), label);
                idByLabel.putIfAbsent(label, id.value());
            }
        }
        for (Map<String, Value> row : theirs.rows()) {
            if (!(row.get("id") instanceof Value.Text id)) {
                continue;
            }
            String label = row.get("label") instanceof Value.Text l ? Matching.normalise(l.value()) : "";
            String same = label.isEmpty() ? null : idByLabel.get(label);
            if (same != null) {
                if (!same.equals(id.value())) {
                    renamed.put(id.value(), same);
                }
                continue;
            }
            if (label.equals(labelById.get(id.value()))) {
                continue;
            }
            String newId = id.value();
            for (int n = team + 1; labelById.containsKey(newId); n++) {
                newId = id.value() + "-t" + n;
            }
            if (!newId.equals(id.value())) {
                renamed.put(id.value(), newId);
            }
            Map<String, Value> copy = new LinkedHashMap<>(row);
            copy.put("id", Value.text(newId));
            rows.add(copy);
            labelById.put(newId, label);
            idByLabel.putIfAbsent(label, newId);
        }
        return rows;
    }

    /** A value as a person reads it in the differences. */
    static String text(Value v) {
        if (v instanceof Value.Text t) {
            return t.value();
        }
        if (v instanceof Value.Int i) {
            return Long.toString(i.value());
        }
        if (v instanceof Value.Bool b) {
            return Boolean.toString(b.value());
        }
        if (v instanceof Value.TextList l) {
            return String.join("/", l.values());
        }
        return v.describe();
    }
}
