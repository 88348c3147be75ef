package org.mapwork.templates.toc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.model.Value;
import org.mapwork.model.schema.LinkType;
import org.mapwork.templates.AbstractMethodTemplate;
import org.mapwork.templates.LineHandle;
import org.mapwork.templates.MethodAction;
import org.mapwork.templates.common.Texts;

/**
 * What a theory of change adds to the editor: a precondition added below an outcome, already linked to it by a
 * causal arrow (the method is worked backwards from the long-term outcome), and the ceiling of accountability
 * dragged or moved a step with Alt+Up and Alt+Down. Pure functions of the map, in the map's language.
 */
public final class TheoryOfChangeEdits {

    /** The size of a new precondition, and how far below its outcome it goes. */
    static final double WIDTH = 140, HEIGHT = 60, BELOW = 80;
    /** One key step of the ceiling (the editor's grid). */
    static final double CEILING_STEP = 20;

    private final Function<MapDocument, Texts> texts;
    private final LineHandle ceiling;

    public TheoryOfChangeEdits(Function<MapDocument, Texts> texts) {
        this.texts = texts;
        this.ceiling = new LineHandle(TheoryOfChangeTemplate.CEILING_Y, CEILING_STEP, texts);
    }

    public LineHandle ceiling() {
        return ceiling;
    }

    /** Add precondition below (Alt+P), then the ceiling up and down. */
    public List<MethodAction> actions(Texts labels) {
        List<MethodAction> out = new ArrayList<>();
        out.add(new MethodAction("add-precondition", labels.get("action.precondition"), MethodAction.Keys.alt("P", "Alt+P"),
                true, c -> c.selected().stream().anyMatch(Element::isNode), this::preconditionBelow));
        out.addAll(ceiling.actions(labels));
        return out;
    }

    /** The causal link type that lets a precondition lead to this element, if any. */
    static Optional<String> causalTo(MapDocument doc, Element outcome) {
        return causalInto(doc, outcome.type());
    }

    /** The causal link type that lets a precondition lead to an element of {@code outcomeType}, if any. */
    public static Optional<String> causalInto(MapDocument doc, String outcomeType) {
        for (LinkType t : TheoryOfChangeTemplate.SCHEMA.linkTypesOf(doc.mapAttributes()).values()) {
            if (t.allows(TheoryOfChangeTemplate.PRECONDITION, outcomeType)) {
                return Optional.of(t.name());
            }
        }
        return Optional.empty();
    }

    /**
     * What "add precondition below" needs to know to be done elsewhere (the browser builds the same change set):
     * the new node's type, its size and how far below its outcome it goes.
     */
    public record Below(String type, double width, double height, double gap) {
    }

    /** The shape of "add precondition below". */
    public static Below below() {
        return new Below(TheoryOfChangeTemplate.PRECONDITION, WIDTH, HEIGHT, BELOW);
    }

    /** Names a new precondition below the one selected outcome; refuses for anything a precondition cannot lead to. */
    public MethodAction.Effect preconditionBelow(MethodAction.Context c) {
        Texts t = texts.apply(c.document());
        Optional<Element> one = c.single();
        if (one.isEmpty()) {
            return new MethodAction.Refuse(t.get("edit.precondition.selectOne"));
        }
        Element outcome = one.get();
        if (!outcome.isNode() || causalTo(c.document(), outcome).isEmpty()) {
            return new MethodAction.Refuse(t.format("edit.precondition.cannotLead", AbstractMethodTemplate.name(outcome)));
        }
        Geometry g = outcome.geometry();
        Geometry near = Geometry.box(g.centerX() - WIDTH / 2, g.y() + g.height() + BELOW, WIDTH, HEIGHT);
        String outcomeId = outcome.id();
        return new MethodAction.NameInPlace(TheoryOfChangeTemplate.PRECONDITION, near,
                (doc, name, box) -> addPrecondition(doc, outcomeId, name, box)
                        .<MethodAction.Effect>map(MethodAction.Apply::new)
                        .orElseGet(() -> new MethodAction.Refuse(texts.apply(doc).get("edit.precondition.gone"))));
    }

    /** A precondition named {@code name} at {@code box}, with its causal link to the outcome, in one step. */
    public Optional<ChangeSet> addPrecondition(MapDocument doc, String outcomeId, String name, Geometry box) {
        Element outcome = doc.element(outcomeId);
        Optional<String> link = outcome == null ? Optional.empty() : causalTo(doc, outcome);
        if (link.isEmpty() || name == null || name.isBlank()) {
            return Optional.empty();
        }
        String id = Ids.newId("n");
        String order = doc.nextOrderKey();
        Element node = Element.node(id, TheoryOfChangeTemplate.PRECONDITION, name.strip(), box, order);
        Element causal = Element.link(Ids.newId("l"), link.get(), id, outcomeId, OrderKey.after(order));
        return Optional.of(ChangeSet.of(texts.apply(doc).format("edit.precondition.add", name.strip(),
                AbstractMethodTemplate.name(outcome)), Change.add(node), Change.add(causal)));
    }

    /**
     * Ties an intervention to what it acts on, an outcome or a causal arrow, by its {@code attachedTo} (one step);
     * empty when {@code fromId} is no intervention or {@code toId} nothing an intervention can act on. This is what
     * a connect drag from an intervention means: the method has no link type from interventions, since what one acts
     * on may be an arrow, and a link cannot end on a link.
     */
    public Optional<ChangeSet> tie(MapDocument doc, String fromId, String toId) {
        Element from = doc.element(fromId);
        Element to = doc.element(toId);
        if (from == null || to == null || !from.type().equals(TheoryOfChangeTemplate.INTERVENTION)
                || !(TheoryOfChangeTemplate.OUTCOMES.contains(to.type()) || to.type().equals(TheoryOfChangeTemplate.CAUSAL))) {
            return Optional.empty();
        }
        if (from.attribute(TheoryOfChangeTemplate.ATTACHED_TO) instanceof Value.Text t && t.value().equals(toId)) {
            return Optional.empty();
        }
        Texts t = texts.apply(doc);
        return Optional.of(ChangeSet.of(t.format("edit.tie", AbstractMethodTemplate.name(from), actsOnName(doc, to, t)),
                Change.setAttribute(fromId, TheoryOfChangeTemplate.ATTACHED_TO, new Value.Text(toId))));
    }

    /** What an intervention acts on, as people name it: an outcome's name, or "arrow A → B". */
    public static String actsOnName(MapDocument doc, Element target, Texts t) {
        if (target.isLink()) {
            Element s = doc.element(target.source());
            Element e = doc.element(target.target());
            return t.get("analysis.theLink") + " " + (s == null ? "?" : AbstractMethodTemplate.name(s)) + " \u2192 "
                    + (e == null ? "?" : AbstractMethodTemplate.name(e));
        }
        return AbstractMethodTemplate.name(target);
    }
}
