package org.mapwork.templates.workshop;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Predicate;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.MapDefinedLinkTypes;
import org.mapwork.templates.AbstractMethodTemplate;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.common.Texts;

/**
 * The tables every method's comparison of teams' maps shares: which names were matched (and which nearly were),
 * what only some teams drew, the links only some teams drew. A method adds its own ({@link MethodTemplate#compare}).
 * Words in the language of the first team's map.
 */
public final class Comparison {

    private final MethodTemplate method;
    private final Matching matching;
    private final Texts words;
    private final ResourceBundle methodWords;

    public Comparison(MethodTemplate method, Matching matching) {
        this.method = method;
        this.matching = matching;
        Locale language = Texts.of(matching.teams().get(0).doc());
        this.words = Texts.load(Comparison.class.getPackageName() + ".texts", language);
        this.methodWords = method.texts(language);
    }

    /** The shared tables alone: what a method without its own comparison shows. */
    public static AnalysisReport of(MethodTemplate method, Matching matching) {
        Comparison c = new Comparison(method, matching);
        return new AnalysisReport(List.of(c.matches(), c.onlySome(g -> true), c.linksOnlySome()));
    }

    /** A word of the comparison (the {@code workshop} bundle). */
    public String word(String key) {
        return words.get(key);
    }

    public Matching matching() {
        return matching;
    }

    /** The team names, in order. */
    public List<String> teamNames() {
        return matching.teams().stream().map(TeamMap::team).toList();
    }

    /**
     * Every joined pairing (a group's first name, the other team's name, score, how), least similar first so the
     * ones worth a second look lead, and then the near misses to confirm.
     */
    public AnalysisReport.Table matches() {
        AnalysisReport.Rows rows = new AnalysisReport.Rows();
        List<Matching.Group> joined = byName(matching.groups());
        joined.sort(java.util.Comparator.comparingDouble(g -> g.members().stream().mapToDouble(Matching.Member::score).min().orElse(1)));
        for (Matching.Group g : joined) {
            for (Matching.Member m : g.members().subList(1, g.members().size())) {
                rows.row().text(name(g.first())).text(team(m.team())).text(name(m.element())).number(m.score())
                        .text(words.get("how." + m.how().name()));
            }
        }
        for (Matching.NearMiss n : matching.nearMisses()) {
            rows.row().text(name(n.group().first())).text(team(n.team())).text(name(n.element())).number(n.score())
                    .text(words.get("how.possible"));
        }
        return rows.table(words.get("compare.matches"), List.of(words.get("column.name"), words.get("column.team"),
                words.get("column.their-name"), words.get("column.score"), words.get("column.how")));
    }

    /** The nodes and annotations that some teams drew and others did not, among those {@code which} keeps. */
    public AnalysisReport.Table onlySome(Predicate<Matching.Group> which) {
        AnalysisReport.Rows rows = new AnalysisReport.Rows();
        for (Matching.Group g : byName(matching.groups())) {
            if (!matching.shared(g) && which.test(g) && !g.first().label().isBlank()) {
                rows.row().text(name(g.first())).text(typeName(g.first().type())).text(teams(matching.teamsOf(g)))
                        .text(teams(matching.teamsWithout(g)));
            }
        }
        return rows.table(words.get("compare.elements"), List.of(words.get("column.name"), words.get("column.type"),
                words.get("column.drawn-by"), words.get("column.not-by")));
    }

    /** The links some teams drew and others did not: from, type, to (as the first team that drew it named them). */
    public AnalysisReport.Table linksOnlySome() {
        AnalysisReport.Rows rows = new AnalysisReport.Rows();
        for (Matching.Group g : matching.links()) {
            if (matching.shared(g)) {
                continue;
            }
            Matching.Member m = g.members().get(0);
            MapDocument doc = matching.teams().get(m.team()).doc();
            Element link = m.element();
            rows.row().text(endName(m.team(), link.source())).text(linkTypeName(doc, link.type()))
                    .text(endName(m.team(), link.target())).text(teams(matching.teamsOf(g)))
                    .text(teams(matching.teamsWithout(g)));
        }
        return rows.table(words.get("compare.links"), List.of(words.get("column.from"), words.get("column.link-type"),
                words.get("column.to"), words.get("column.drawn-by"), words.get("column.not-by")));
    }

    /** An end of a link by its group's name, so the same actor reads the same whichever team drew the link. */
    private String endName(int team, String nodeId) {
        Matching.Group g = matching.groupOf(team, nodeId);
        return g == null ? nodeId : name(g.first());
    }

    /** Groups in the order of their names (case set aside), for tables people scan. */
    public static List<Matching.Group> byName(List<Matching.Group> groups) {
        List<Matching.Group> out = new java.util.ArrayList<>(groups);
        out.sort(java.util.Comparator.comparing((Matching.Group g) -> Matching.normalise(name(g.first())))
                .thenComparing(Matching.Group::index));
        return out;
    }

    public String team(int index) {
        return matching.teams().get(index).team();
    }

    public static String teams(List<String> names) {
        return String.join(", ", names);
    }

    public static String name(Element e) {
        return AbstractMethodTemplate.name(e);
    }

    /** A type's name in the method's words. */
    public String typeName(String type) {
        String key = "type." + type;
        return methodWords.containsKey(key) ? methodWords.getString(key) : type;
    }

    /** A link type's name: a map-defined type by its row's label, a fixed one in the method's words. */
    public String linkTypeName(MapDocument doc, String type) {
        MapDefinedLinkTypes own = method.schema().mapDefinedLinkTypes();
        if (own != null && doc.mapAttribute(own.mapAttribute()) instanceof Value.Rows rows) {
            for (Map<String, Value> row : rows.rows()) {
                if (row.get("id") instanceof Value.Text id && id.value().equals(type)
                        && row.get("label") instanceof Value.Text label && !label.value().isBlank()) {
                    return label.value();
                }
            }
        }
        return typeName(type);
    }
}
