package org.mapwork.templates.netmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.templates.Badge;
import org.mapwork.templates.common.Palette;
import org.mapwork.templates.common.Texts;

/**
 * The actor of a power map, shared by Net-Map and the power/interest grid: its attributes, the map's goals (each
 * with a stance toward the framing question) and what an actor's goals say about where it stands.
 *
 * <p>Goals are rows of the map attribute {@code goals} (columns {@code id}, {@code label}, {@code stance}); an actor
 * holds several by id in its {@code goals} attribute. When nobody knows yet what an actor wants, the group ticks
 * {@code goalUnknown} — an explicit "we don't know", which the live check accepts and the map shows as "?".
 */
public final class Actors {

    public static final String TYPE = "actor";
    public static final String ACTOR_TYPE = "actorType";
    public static final String GOALS = "goals";
    public static final String GOAL_UNKNOWN = "goalUnknown";
    public static final String INFLUENCE = "influence";
    public static final String INFLUENCE_SOURCE = "influenceSource";
    public static final String NOTES = "notes";
    public static final String QUOTES = "quotes";
    public static final String OUR_ORGANISATION = "ourOrganisation";
    public static final String FRAMING_QUESTION = "framingQuestion";

    public static final List<String> ACTOR_TYPES = List.of("worker-center", "labor-union", "public-health",
            "healthcare", "employer", "government", "elected-official", "advocacy", "academic", "community-group",
            "legal-aid", "workforce-development", "media", "funder", "other");
    public static final List<String> STANCES = List.of("for", "against", "neutral", "unknown");

    /** Where an actor stands, summed up from its goals. */
    public enum Stance { FOR, AGAINST, MIXED, NEUTRAL, UNKNOWN }

    private Actors() {
    }

    /** The actor's attributes. */
    public static List<AttributeDef> attributes() {
        return List.of(AttributeDef.choice(ACTOR_TYPE, ACTOR_TYPES),
                AttributeDef.choicesFromMap(GOALS, GOALS),
                AttributeDef.bool(GOAL_UNKNOWN),
                AttributeDef.integer(INFLUENCE, 0L, null),
                AttributeDef.text(INFLUENCE_SOURCE),
                AttributeDef.longText(NOTES),
                AttributeDef.longText(QUOTES),
                AttributeDef.bool(OUR_ORGANISATION));
    }

    /** The map's goals: rows with an id, a label and a stance. */
    public static AttributeDef goalsAttribute() {
        return AttributeDef.rows(GOALS, List.of(AttributeDef.text("id").asRequired(), AttributeDef.text("label"),
                AttributeDef.choice("stance", STANCES)));
    }

    /** A goal defined on the map. */
    public record Goal(String id, String label, String stance) {
    }

    /** The map's goals by id, in order. */
    public static Map<String, Goal> goals(MapDocument doc) {
        Map<String, Goal> out = new LinkedHashMap<>();
        if (doc.mapAttribute(GOALS) instanceof Value.Rows rows) {
            for (Map<String, Value> row : rows.rows()) {
                if (row.get("id") instanceof Value.Text id) {
                    String label = row.get("label") instanceof Value.Text l && !l.value().isBlank() ? l.value() : id.value();
                    String stance = row.get("stance") instanceof Value.Text s ? s.value() : "unknown";
                    out.put(id.value(), new Goal(id.value(), label, stance));
                }
            }
        }
        return out;
    }

    /** The goals an actor holds. */
    public static List<Goal> goalsOf(MapDocument doc, Element actor) {
        Map<String, Goal> all = goals(doc);
        List<Goal> out = new ArrayList<>();
        if (actor.attribute(GOALS) instanceof Value.TextList l) {
            for (String id : l.values()) {
                Goal g = all.get(id);
                if (g != null) {
                    out.add(g);
                }
            }
        }
        return out;
    }

    public static boolean goalUnknown(Element actor) {
        return actor.attribute(GOAL_UNKNOWN) instanceof Value.Bool b && b.value();
    }

    public static boolean isOurs(Element actor) {
        return actor.attribute(OUR_ORGANISATION) instanceof Value.Bool b && b.value();
    }

    /** The influence tower height, or -1 when not set. */
    public static long influence(Element actor) {
        return actor.attribute(INFLUENCE) instanceof Value.Int i ? i.value() : -1;
    }

    public static String actorType(Element actor) {
        return actor.attribute(ACTOR_TYPE) instanceof Value.Text t ? t.value() : "other";
    }

    /** For when every goal it holds is "for"; against likewise; both is mixed; otherwise neutral or unknown. */
    public static Stance stance(MapDocument doc, Element actor) {
        boolean pro = false, contra = false, neutral = false;
        for (Goal g : goalsOf(doc, actor)) {
            switch (g.stance()) {
                case "for" -> pro = true;
                case "against" -> contra = true;
                case "neutral" -> neutral = true;
                default -> { }
            }
        }
        if (pro && contra) {
            return Stance.MIXED;
        }
        if (pro) {
            return Stance.FOR;
        }
        if (contra) {
            return Stance.AGAINST;
        }
        return neutral ? Stance.NEUTRAL : Stance.UNKNOWN;
    }

    /** The marker of the map's own organisation ("Us", titled "This is us"), first among an actor's badges. */
    public static Badge oursBadge(Texts t) {
        return new Badge(t.get("badge.ours"), Palette.BLACK, t.get("attr." + OUR_ORGANISATION), Badge.Kind.OURS);
    }

    /** "Us" when the actor is the map's own organisation, then one badge per goal held ("+" for, "−" against, "=" neutral, "?" unknown), or "?" when marked unknown. */
    public static List<Badge> badges(MapDocument doc, Element actor, Texts t) {
        List<Badge> out = new ArrayList<>();
        if (isOurs(actor)) {
            out.add(oursBadge(t));
        }
        for (Goal g : goalsOf(doc, actor)) {
            out.add(stanceBadge(g.stance(), t.option("stance", g.stance()) + ": " + g.label()));
        }
        if (out.size() == (isOurs(actor) ? 1 : 0) && goalUnknown(actor)) {
            out.add(stanceBadge("unknown", t.get("badge.goalUnknown")));
        }
        return out;
    }

    public static Badge stanceBadge(String stance, String title) {
        return switch (stance) {
            case "for" -> new Badge("+", Palette.BLUISH_GREEN, title);
            case "against" -> new Badge("\u2212", Palette.VERMILLION, title);
            case "neutral" -> new Badge("=", Palette.GREY, title);
            default -> new Badge("?", Palette.YELLOW, title);
        };
    }

    /** Fill and shape by family of actor type; the type name is shown on the node too, so colour is never alone. */
    public static String[] look(String actorType) {
        return switch (actorType) {
            case "worker-center", "labor-union", "advocacy", "community-group", "legal-aid" ->
                    new String[]{"rounded", Palette.TINT_ORANGE, Palette.ORANGE};
            case "public-health", "government", "elected-official", "workforce-development" ->
                    new String[]{"rectangle", Palette.TINT_BLUE, Palette.BLUE};
            case "employer" -> new String[]{"hexagon", Palette.TINT_VERMILLION, Palette.VERMILLION};
            case "healthcare", "academic" -> new String[]{"ellipse", Palette.TINT_GREEN, Palette.BLUISH_GREEN};
            default -> new String[]{"note", Palette.TINT_PURPLE, Palette.REDDISH_PURPLE};
        };
    }

    /** The map's framing question, unless it is blank or still the starter's placeholder (in the map's language). */
    public static java.util.Optional<String> framingQuestion(MapDocument doc, org.mapwork.templates.common.Texts t) {
        if (doc.mapAttribute(FRAMING_QUESTION) instanceof Value.Text q && !q.value().isBlank()
                && !q.value().strip().equals(t.get("starter.framingQuestion"))) {
            return java.util.Optional.of(q.value().strip());
        }
        return java.util.Optional.empty();
    }
}
