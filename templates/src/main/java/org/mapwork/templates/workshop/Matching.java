package org.mapwork.templates.workshop;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.Schema;

/**
 * Which elements of several teams' maps are the same thing: nodes and annotations of one type whose names match
 * (after case, accents and spacing are set aside, by Levenshtein similarity), and links of one type between
 * matched ends. The facilitator confirms or refuses pairings ({@link Rules}); compare shows each match with its
 * score so that they can. What both {@code compare} and {@code merge} stand on.
 */
public final class Matching {

    /** Names at least this similar (1 = the same after normalising) are joined unless refused. */
    public static final double DEFAULT_THRESHOLD = 0.8;
    /** Names this similar but under the threshold are shown as possible matches to confirm. */
    public static final double NEAR_MISS = 0.6;

    /** Two names, as the facilitator typed them ({@code "City council=City Council"}). */
    public record Pair(String first, String second) {

        /** Parses {@code A name=B name}. */
        public static Pair parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1 || text.indexOf('=', eq + 1) >= 0) {
                throw new IllegalArgumentException("a pairing is written \"name in one map=name in another\", not \"" + text + '"');
            }
            return new Pair(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
        }

        boolean names(String a, String b) {
            String x = normalise(first), y = normalise(second), na = normalise(a), nb = normalise(b);
            return x.equals(na) && y.equals(nb) || x.equals(nb) && y.equals(na);
        }
    }

    /** What the facilitator decided: pairings to join whatever their score, pairings never to join, the threshold. */
    public record Rules(List<Pair> join, List<Pair> keepApart, double threshold) {
        public Rules {
            join = List.copyOf(join);
            keepApart = List.copyOf(keepApart);
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("a match threshold is above 0 and at most 1, not " + threshold);
            }
        }

        /** Names matched by similarity alone. */
        public static Rules automatic() {
            return new Rules(List.of(), List.of(), DEFAULT_THRESHOLD);
        }
    }

    /** How an element came to be joined to its group. */
    public enum How { FIRST, SAME_NAME, SIMILAR, CONFIRMED }

    /** One team's element in a group, with how similar its name is to the group's first. */
    public record Member(int team, Element element, double score, How how) {
    }

    /** Elements of several teams that are one thing; at most one per team, the first team's first. */
    public record Group(int index, List<Member> members) {
        public Element first() {
            return members.get(0).element();
        }

        /** The member drawn by a team, or {@code null}. */
        public Member of(int team) {
            for (Member m : members) {
                if (m.team() == team) {
                    return m;
                }
            }
            return null;
        }

        public boolean drawnBy(int team) {
            return of(team) != null;
        }
    }

    /** A pairing that was not made, whose names are close enough that the facilitator may want to confirm it. */
    public record NearMiss(Group group, int team, Element element, double score) {
    }

    private final List<TeamMap> teams;
    private final Rules rules;
    private final List<Group> groups = new ArrayList<>();
    private final List<Group> linkGroups = new ArrayList<>();
    private final List<NearMiss> nearMisses = new ArrayList<>();
    /** team index → element id → its group (nodes, annotations and links). */
    private final List<Map<String, Group>> byElement = new ArrayList<>();

    private Matching(List<TeamMap> teams, Rules rules) {
        this.teams = List.copyOf(teams);
        this.rules = rules;
    }

    /**
     * Matches the elements of teams' maps of one method.
     *
     * @throws IllegalArgumentException when there are fewer than two maps or they follow different methods
     */
    public static Matching of(List<TeamMap> teams, Schema schema, Rules rules) {
        if (teams.size() < 2) {
            throw new IllegalArgumentException("comparing needs at least two teams' maps, got " + teams.size());
        }
        for (TeamMap t : teams) {
            if (!t.doc().methodId().equals(schema.methodId())) {
                throw new IllegalArgumentException("team " + t.team() + "'s map is a " + t.doc().methodId()
                        + " map, the others " + schema.methodId() + ": only maps of one method compare");
            }
        }
        Matching m = new Matching(teams, rules);
        for (int t = 0; t < teams.size(); t++) {
            m.byElement.add(new HashMap<>());
            m.matchShapes(t);
        }
        for (int t = 0; t < teams.size(); t++) {
            m.matchLinks(t, schema);
        }
        return m;
    }

    /** Lower case, accents and marks dropped, runs of spaces (and line breaks) as one space. */
    public static String normalise(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /**
     * 1 for names that are the same after {@link #normalise}, down to 0: one minus the edit distance per character;
     * but for names of as many words (two or more) where a pair of words is less than half alike, that pair's
     * similarity, so that one whole word apart is not a typo ("Council Member Lee" / "Council Member Kim": 0.833 by
     * characters, 0 by words; "Labor" / "Labour" is a typo and keeps its 0.962).
     */
    public static double similarity(String a, String b) {
        String x = normalise(a), y = normalise(b);
        if (x.equals(y)) {
            return 1;
        }
        double score = characters(x, y);
        String[] xs = x.split(" "), ys = y.split(" ");
        if (xs.length == ys.length && xs.length > 1) {
            for (int i = 0; i < xs.length; i++) {
                double word = characters(xs[i], ys[i]);
                if (word < 0.5) {
                    score = Math.min(score, word);
                }
            }
        }
        return score;
    }

    private static double characters(String x, String y) {
        int longest = Math.max(x.length(), y.length());
        return longest == 0 ? 1 : 1 - (double) LevenshteinDistance.getDefaultInstance().apply(x, y) / longest;
    }

    private void matchShapes(int team) {
        record Candidate(Group group, Element element, double score, boolean confirmed) {
        }
        List<Element> own = teams.get(team).doc().elements().stream().filter(e -> !e.isLink()).toList();
        List<Candidate> candidates = new ArrayList<>();
        for (Group g : groups) {
            if (g.drawnBy(team) || g.first().label().isBlank()) {
                continue;
            }
            for (Element e : own) {
                if (!e.type().equals(g.first().type()) || e.label().isBlank()) {
                    continue;
                }
                String a = g.first().label(), b = e.label();
                if (rules.keepApart().stream().anyMatch(p -> p.names(a, b))) {
                    continue;
                }
                boolean confirmed = rules.join().stream().anyMatch(p -> p.names(a, b));
                double score = similarity(a, b);
                if (confirmed || score >= NEAR_MISS) {
                    candidates.add(new Candidate(g, e, score, confirmed));
                }
            }
        }
        // confirmed pairings first, then the most similar: each element and each group is taken once
        candidates.sort(Comparator.comparing((Candidate c) -> !c.confirmed()).thenComparing(c -> -c.score())
                .thenComparing(c -> c.group().index()).thenComparing(c -> c.element().id()));
        Map<String, Group> mine = byElement.get(team);
        List<Candidate> missed = new ArrayList<>();
        for (Candidate c : candidates) {
            if (mine.containsKey(c.element().id()) || c.group().drawnBy(team)) {
                continue;
            }
            if (c.confirmed() || c.score() >= rules.threshold()) {
                How how = c.confirmed() ? How.CONFIRMED : c.score() == 1 ? How.SAME_NAME : How.SIMILAR;
                c.group().members().add(new Member(team, c.element(), c.score(), how));
                mine.put(c.element().id(), c.group());
            } else {
                missed.add(c);
            }
        }
        for (Element e : own) {
            if (!mine.containsKey(e.id())) {
                Group g = new Group(groups.size(), new ArrayList<>(List.of(new Member(team, e, 1, How.FIRST))));
                groups.add(g);
                mine.put(e.id(), g);
            }
        }
        for (Candidate c : missed) {
            // only a pairing still open is worth confirming: not one whose element found a closer name
            if (mine.get(c.element().id()).members().size() == 1 && !c.group().drawnBy(team)) {
                nearMisses.add(new NearMiss(c.group(), team, c.element(), c.score()));
            }
        }
    }

    private void matchLinks(int team, Schema schema) {
        MapDocument doc = teams.get(team).doc();
        Map<String, LinkType> types = schema.linkTypesOf(doc.mapAttributes());
        Map<String, Group> mine = byElement.get(team);
        Map<String, Group> byKey = new LinkedHashMap<>();
        for (Group g : linkGroups) {
            byKey.put(key(g.first().type(), groupOf(g.members().get(0).team(), g.first().source()),
                    groupOf(g.members().get(0).team(), g.first().target()), types), g);
        }
        for (Element link : doc.links().toList()) {
            String key = key(link.type(), mine.get(link.source()), mine.get(link.target()), types);
            Group g = byKey.get(key);
            if (g == null || g.drawnBy(team)) {
                g = new Group(linkGroups.size(), new ArrayList<>());
                linkGroups.add(g);
                byKey.putIfAbsent(key, g);
                g.members().add(new Member(team, link, 1, How.FIRST));
            } else {
                g.members().add(new Member(team, link, 1, How.SAME_NAME));
            }
            mine.put(link.id(), g);
        }
    }

    private static String key(String type, Group source, Group target, Map<String, LinkType> types) {
        int s = source == null ? -1 : source.index(), t = target == null ? -1 : target.index();
        LinkType lt = types.get(type);
        if (lt != null && !lt.directed() && s > t) {
            int swap = s;
            s = t;
            t = swap;
        }
        return type + '|' + s + '|' + t;
    }

    /** The teams' maps, in the order given. */
    public List<TeamMap> teams() {
        return teams;
    }

    /** The groups of nodes and annotations, in the order first drawn (the first team's elements first). */
    public List<Group> groups() {
        return groups;
    }

    /** The groups of links: one per type and pair of matched ends. */
    public List<Group> links() {
        return linkGroups;
    }

    /** Pairings close to the threshold that were not made, for the facilitator to confirm. */
    public List<NearMiss> nearMisses() {
        return nearMisses;
    }

    /** The group an element of a team's map belongs to, or {@code null} when it has no such element. */
    public Group groupOf(int team, String elementId) {
        return byElement.get(team).get(elementId);
    }

    /** Whether every team drew something of this group. */
    public boolean shared(Group g) {
        return g.members().size() == teams.size();
    }

    /** The names of the teams that drew something of this group, in team order. */
    public List<String> teamsOf(Group g) {
        return g.members().stream().map(m -> teams.get(m.team()).team()).toList();
    }

    /** The names of the teams that did not. */
    public List<String> teamsWithout(Group g) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < teams.size(); t++) {
            if (!g.drawnBy(t)) {
                out.add(teams.get(t).team());
            }
        }
        return out;
    }
}
