package org.mapwork.templates.netmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.common.Texts;

/**
 * The Net-Map analysis: degree, betweenness, brokers and isolates over all links and per link type, and who sits
 * where in influence × stance.
 *
 * <p>Over all links, the network is directed: a directed link is one arc, a mutual link (e.g. partnership) is an
 * arc each way, several links between the same pair count once. Per link type, the network is directed or mutual
 * as the type is. Every actor counts in n, linked or not.
 */
public final class NetMapAnalysis {

    private final MapDocument doc;
    private final Texts t;
    private final List<String> actors;
    private final Map<String, Boolean> linkTypes;

    NetMapAnalysis(MapDocument doc, Schema schema, Texts t) {
        this.doc = doc;
        this.t = t;
        this.actors = NetMapTemplate.actorIds(doc);
        this.linkTypes = new LinkedHashMap<>();
        NetMapTemplate.linkTypes(doc).forEach((id, directed) -> {
            if (doc.links().anyMatch(l -> l.type().equals(id))) {
                linkTypes.put(id, directed);
            }
        });
    }

    /** The network over all links (mutual links both ways). */
    public static Network overall(MapDocument doc) {
        Map<String, Boolean> types = NetMapTemplate.linkTypes(doc);
        List<String[]> arcs = new ArrayList<>();
        doc.links().forEach(l -> {
            arcs.add(new String[]{l.source(), l.target()});
            if (!types.getOrDefault(l.type(), true)) {
                arcs.add(new String[]{l.target(), l.source()});
            }
        });
        return new Network(NetMapTemplate.actorIds(doc), true, arcs);
    }

    /** The network of one link type, directed or mutual as the type is. */
    public static Network ofType(MapDocument doc, String type) {
        boolean directed = NetMapTemplate.linkTypes(doc).getOrDefault(type, true);
        List<String[]> arcs = doc.links().filter(l -> l.type().equals(type))
                .map(l -> new String[]{l.source(), l.target()}).toList();
        return new Network(NetMapTemplate.actorIds(doc), directed, arcs);
    }

    AnalysisReport report() {
        Network all = overall(doc);
        Map<String, Network> byType = new LinkedHashMap<>();
        linkTypes.keySet().forEach(type -> byType.put(type, ofType(doc, type)));
        List<AnalysisReport.Table> tables = new ArrayList<>();
        tables.add(actorsTable(all));
        tables.add(betweennessByType(all, byType));
        tables.add(degreeByType(byType));
        tables.add(brokers(all, byType));
        tables.add(isolates(all, byType));
        tables.add(influenceByStance(all));
        return new AnalysisReport(tables);
    }

    private String name(String id) {
        return NetMapTemplate.name(doc.element(id));
    }

    private String typeLabel(String type) {
        return new NetMapPresentation(NetMapTemplate.SCHEMA, d -> t).linkLook(doc,
                doc.links().filter(l -> l.type().equals(type)).findFirst().orElseThrow()).typeLabel();
    }

    private AnalysisReport.Table actorsTable(Network all) {
        Map<String, Double> b = all.betweenness();
        List<String> order = new ArrayList<>(actors);
        order.sort(Comparator.comparing((String id) -> -b.get(id)));
        AnalysisReport.Rows rows = new AnalysisReport.Rows();
        for (String id : order) {
            Element a = doc.element(id);
            long h = Actors.influence(a);
            rows.row().text(name(id)).text(t.option(Actors.ACTOR_TYPE, Actors.actorType(a))).text(h < 0 ? "" : Long.toString(h))
                    .text(t.get("stance." + Actors.stance(doc, a).name().toLowerCase(Locale.ROOT)))
                    .text(Integer.toString(all.inDegree(id))).text(Integer.toString(all.outDegree(id))).number(b.get(id));
        }
        return rows.table(t.get("analysis.actors"), List.of(t.get("col.actor"), t.get("col.actorType"),
                t.get("col.influence"), t.get("col.stance"), t.get("col.in"), t.get("col.out"), t.get("col.betweenness")));
    }

    private AnalysisReport.Table betweennessByType(Network all, Map<String, Network> byType) {
        List<String> cols = new ArrayList<>(List.of(t.get("col.actor")));
        byType.keySet().forEach(type -> cols.add(typeLabel(type)));
        cols.add(t.get("col.all"));
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        byType.forEach((type, n) -> values.put(type, n.betweenness()));
        Map<String, Double> overall = all.betweenness();
        AnalysisReport.Rows rows = new AnalysisReport.Rows();
        for (String id : actors) {
            rows.row().text(name(id));
            byType.keySet().forEach(type -> rows.number(values.get(type).get(id)));
            rows.number(overall.get(id));
        }
        return rows.table(t.get("analysis.betweenness"), cols);
    }

    private AnalysisReport.Table degreeByType(Map<String, Network> byType) {
        List<String> cols = new ArrayList<>(List.of(t.get("col.actor")));
        byType.forEach((type, n) -> cols.add(typeLabel(type) + (n.directed() ? " " + t.get("col.inOut") : " " + t.get("col.degree"))));
        List<List<String>> rows = new ArrayList<>();
        for (String id : actors) {
            List<String> row = new ArrayList<>(List.of(name(id)));
            byType.values().forEach(n -> row.add(n.directed() ? n.inDegree(id) + "/" + n.outDegree(id) : Integer.toString(n.outDegree(id))));
            rows.add(row);
        }
        return new AnalysisReport.Table(t.get("analysis.degree"), cols, rows);
    }

    private AnalysisReport.Table brokers(Network all, Map<String, Network> byType) {
        List<List<String>> rows = new ArrayList<>();
        Map<String, Network> scopes = new LinkedHashMap<>();
        scopes.put(t.get("col.all"), all);
        byType.forEach((type, n) -> scopes.put(typeLabel(type), n));
        scopes.forEach((scope, n) -> n.brokers().forEach((id, groups) ->
                rows.add(List.of(scope, name(id), Integer.toString(groups)))));
        return new AnalysisReport.Table(t.get("analysis.brokers"), List.of(t.get("col.linkType"), t.get("col.actor"),
                t.get("col.groups")), rows);
    }

    private AnalysisReport.Table isolates(Network all, Map<String, Network> byType) {
        List<List<String>> rows = new ArrayList<>();
        Map<String, Network> scopes = new LinkedHashMap<>();
        scopes.put(t.get("col.all"), all);
        byType.forEach((type, n) -> scopes.put(typeLabel(type), n));
        scopes.forEach((scope, n) -> rows.add(List.of(scope, Integer.toString(n.isolates().size()),
                n.isolates().stream().map(this::name).collect(Collectors.joining(", ")))));
        return new AnalysisReport.Table(t.get("analysis.isolates"), List.of(t.get("col.linkType"), t.get("col.count"),
                t.get("col.actors")), rows);
    }

    /** The influence at or above which an actor counts as influential: the median tower of those with one (at least 1). */
    public static long influentialFrom(MapDocument doc) {
        List<Long> h = doc.nodes().filter(n -> n.type().equals(Actors.TYPE)).map(Actors::influence).filter(v -> v >= 0)
                .sorted().toList();
        if (h.isEmpty()) {
            return 1;
        }
        return Math.max(1, h.get((h.size() - 1) / 2));
    }

    private AnalysisReport.Table influenceByStance(Network all) {
        long threshold = influentialFrom(doc);
        Set<String> ours = actors.stream().filter(id -> Actors.isOurs(doc.element(id))).collect(Collectors.toSet());
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String key : List.of("influential-opponents", "influential-supporters", "influential-supporters-unlinked",
                "influential-undecided", "other-opponents", "other-supporters", "other-undecided")) {
            groups.put(key, new ArrayList<>());
        }
        for (String id : actors) {
            Element a = doc.element(id);
            boolean strong = Actors.influence(a) >= threshold;
            Actors.Stance s = Actors.stance(doc, a);
            String side = s == Actors.Stance.FOR ? "supporters" : s == Actors.Stance.AGAINST ? "opponents" : "undecided";
            groups.get((strong ? "influential-" : "other-") + side).add(name(id));
            if (strong && s == Actors.Stance.FOR && !ours.contains(id) && !ours.isEmpty()
                    && doc.linksOf(id).stream().noneMatch(l -> ours.contains(l.source()) || ours.contains(l.target()))) {
                groups.get("influential-supporters-unlinked").add(name(id));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        groups.forEach((key, names) -> rows.add(List.of(t.get("quadrant." + key), Integer.toString(names.size()), String.join(", ", names))));
        if (ours.isEmpty()) {
            rows.add(List.of(t.get("quadrant.no-us"), "", ""));
        }
        return new AnalysisReport.Table(t.format("analysis.influence-stance", threshold),
                List.of(t.get("col.group"), t.get("col.count"), t.get("col.actors")), rows);
    }
}
