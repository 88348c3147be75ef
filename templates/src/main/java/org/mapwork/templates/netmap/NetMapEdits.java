package org.mapwork.templates.netmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.AbstractMethodTemplate;
import org.mapwork.templates.MethodAction;
import org.mapwork.templates.MethodAction.Choice;
import org.mapwork.templates.TowerHandle;
import org.mapwork.templates.common.Texts;

/**
 * What a power map adds to the editor (Net-Map and the power/interest grid): influence towers raised and lowered,
 * and the goals-and-stance menu of an actor, which ticks the map's goals the actor holds and defines a new goal with
 * its stance. Pure functions of the map: each returns the change set to apply, in the map's language.
 */
public final class NetMapEdits {

    /** The stances a new goal can be defined with from the menu ("unknown" is the actor's own checkbox). */
    static final List<String> NEW_GOAL_STANCES = List.of("for", "against", "neutral");

    private final Schema schema;
    private final Function<MapDocument, Texts> texts;
    private final TowerHandle tower;

    /**
     * @param schema the method's schema (its actors have {@value Actors#INFLUENCE} and {@value Actors#GOALS})
     * @param texts  the method's texts in the language a map speaks
     */
    public NetMapEdits(Schema schema, Function<MapDocument, Texts> texts) {
        this.schema = schema;
        this.texts = texts;
        this.tower = new TowerHandle(schema, Actors.INFLUENCE, texts);
    }

    public TowerHandle tower() {
        return tower;
    }

    /** Raise tower (+), lower tower (−), goals and stance (Alt+G), labelled with {@code labels}. */
    public List<MethodAction> actions(Texts labels) {
        List<MethodAction> out = new ArrayList<>(tower.actions(labels));
        out.add(new MethodAction("goals", labels.get("action.goals"), MethodAction.Keys.alt("G", "Alt+G"), true,
                c -> c.selected().stream().anyMatch(this::holdsGoals), this::goalsMenu));
        return out;
    }

    private boolean holdsGoals(Element e) {
        return e.isNode() && schema.nodeTypes().containsKey(e.type())
                && schema.nodeTypes().get(e.type()).attribute(Actors.GOALS) != null;
    }

    /** A goal defined on the map, with the stance it stands for ("" when none is set). */
    public record Goal(String id, String label, String stance) {
    }

    /** The map's goals in order. */
    public static List<Goal> goals(MapDocument doc) {
        List<Goal> out = new ArrayList<>();
        if (doc.mapAttribute(Actors.GOALS) instanceof Value.Rows rows) {
            for (Map<String, Value> row : rows.rows()) {
                if (row.get("id") instanceof Value.Text id) {
                    String label = row.get("label") instanceof Value.Text l && !l.value().isBlank() ? l.value() : id.value();
                    String stance = row.get("stance") instanceof Value.Text st ? st.value() : "";
                    out.add(new Goal(id.value(), label, stance));
                }
            }
        }
        return out;
    }

    public static boolean holdsGoal(Element actor, String goalId) {
        return heldGoals(actor).contains(goalId);
    }

    private static List<String> heldGoals(Element actor) {
        return actor.attribute(Actors.GOALS) instanceof Value.TextList l ? l.values() : List.of();
    }

    /**
     * The goals menu of the one selected actor: each goal of the map with its stance, ticked when the actor holds
     * it, then "New goal (for / against / neutral)…".
     */
    public MethodAction.Effect goalsMenu(MethodAction.Context c) {
        Texts t = texts.apply(c.document());
        Optional<Element> actor = c.single().filter(this::holdsGoals);
        if (actor.isEmpty()) {
            return new MethodAction.Refuse(t.get("edit.goals.selectOne"));
        }
        String id = actor.get().id();
        List<Choice> choices = new ArrayList<>();
        for (Goal g : goals(c.document())) {
            String label = g.label() + (g.stance().isEmpty() ? "" : " \u2014 " + t.option("stance", g.stance()));
            choices.add(new Choice(label, holdsGoal(actor.get(), g.id()),
                    doc -> MethodAction.applyOr(toggleGoal(doc, id, g.id()), "")));
        }
        for (String stance : NEW_GOAL_STANCES) {
            String s = t.option("stance", stance);
            choices.add(new Choice(t.format("action.goals.new", s), null, doc -> new MethodAction.Ask(
                    t.get("edit.goals.newTitle"), t.format("edit.goals.newQuestion", s),
                    (now, label) -> MethodAction.applyOr(addGoal(now, id, label, stance), ""))));
        }
        return new MethodAction.Choose(id, choices);
    }

    /** Gives an actor a goal it does not hold, or takes away one it holds. */
    public Optional<ChangeSet> toggleGoal(MapDocument doc, String actorId, String goalId) {
        Element actor = doc.element(actorId);
        if (actor == null) {
            return Optional.empty();
        }
        List<String> held = new ArrayList<>(heldGoals(actor));
        boolean giving = !held.remove(goalId);
        if (giving) {
            held.add(goalId);
        }
        String goal = goals(doc).stream().filter(g -> g.id().equals(goalId)).map(Goal::label).findFirst().orElse(goalId);
        return Optional.of(ChangeSet.of(texts.apply(doc).format(giving ? "edit.goals.give" : "edit.goals.take", goal,
                AbstractMethodTemplate.name(actor)), Change.setAttribute(actorId, Actors.GOALS, new Value.TextList(held))));
    }

    /** Defines a new goal with a stance on the map and gives it to an actor, in one step; empty for a blank label. */
    public Optional<ChangeSet> addGoal(MapDocument doc, String actorId, String label, String stance) {
        Element actor = doc.element(actorId);
        if (actor == null || label == null || label.isBlank()) {
            return Optional.empty();
        }
        List<Map<String, Value>> rows = new ArrayList<>(
                doc.mapAttribute(Actors.GOALS) instanceof Value.Rows r ? r.rows() : List.of());
        String id = Ids.newId("g");
        Map<String, Value> row = new LinkedHashMap<>();
        row.put("id", new Value.Text(id));
        row.put("label", new Value.Text(label.strip()));
        if (stance != null) {
            row.put("stance", new Value.Text(stance));
        }
        rows.add(row);
        List<String> held = new ArrayList<>(heldGoals(actor));
        held.add(id);
        return Optional.of(ChangeSet.of(texts.apply(doc).format("edit.goals.add", label.strip()),
                Change.setMapAttribute(Actors.GOALS, new Value.Rows(rows)),
                Change.setAttribute(actorId, Actors.GOALS, new Value.TextList(held))));
    }
}
