package org.mapwork.templates;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.AttributeType;
import org.mapwork.model.schema.ElementType;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.common.Texts;

/**
 * A whole number ≥ 0 on a node that the map draws as a tower and the editor lets people drag up and down or raise
 * with keys (Net-Map's influence towers). The nodes that carry one are those whose type has the integer attribute.
 *
 * <p>Texts it reads from the method's bundle: {@code action.tower.raise}, {@code action.tower.lower} (menu
 * labels), {@code edit.tower.raise}, {@code edit.tower.lower}, {@code edit.tower.set} ({0}: the node; undo
 * summaries) and {@code edit.tower.none} (why nothing happened).
 *
 * @param schema    the method's schema (where the attribute's maximum is declared)
 * @param attribute the integer attribute the tower shows
 * @param texts     the method's texts in the language a map speaks
 */
public record TowerHandle(Schema schema, String attribute, Function<MapDocument, Texts> texts) {

    /** The tallest tower when the attribute declares no maximum. */
    public static final long DEFAULT_MAX = 99;

    /** Whether a node carries a tower: its type has the integer attribute. */
    public boolean carries(MapDocument doc, Element e) {
        AttributeDef a = definition(doc, e);
        return e != null && e.isNode() && a != null && a.type() == AttributeType.INTEGER;
    }

    /** The tower's height (0 when unset). */
    public long height(Element e) {
        return e.attribute(attribute) instanceof Value.Int i ? i.value() : 0;
    }

    /** The tallest the node's tower may be. */
    public long max(MapDocument doc, Element e) {
        AttributeDef a = definition(doc, e);
        return a == null || a.max() == null ? DEFAULT_MAX : a.max().longValue();
    }

    private AttributeDef definition(MapDocument doc, Element e) {
        if (e == null) {
            return null;
        }
        ElementType type = schema.type(e.kind(), e.type(), doc.mapAttributes());
        return type == null ? null : type.attribute(attribute);
    }

    /** Sets one node's tower (the end of a drag), kept within 0 and its maximum; empty when nothing changes. */
    public Optional<ChangeSet> set(MapDocument doc, String nodeId, long height) {
        Element e = doc.element(nodeId);
        if (!carries(doc, e)) {
            return Optional.empty();
        }
        long v = Math.max(0, Math.min(max(doc, e), height));
        if (v == height(e) && e.attribute(attribute) != null) {
            return Optional.empty();
        }
        return Optional.of(ChangeSet.of(texts.apply(doc).format("edit.tower.set", AbstractMethodTemplate.name(e)),
                Change.setAttribute(nodeId, attribute, new Value.Int(v))));
    }

    /** Raises ({@code by} > 0) or lowers every selected tower by {@code by} levels in one step. */
    public MethodAction.Effect raise(MapDocument doc, Collection<String> ids, int by) {
        List<Change> changes = new ArrayList<>();
        for (String id : ids) {
            Element e = doc.element(id);
            if (carries(doc, e)) {
                long v = Math.max(0, Math.min(max(doc, e), height(e) + by));
                if (v != height(e) || e.attribute(attribute) == null) {
                    changes.add(Change.setAttribute(id, attribute, new Value.Int(v)));
                }
            }
        }
        Texts t = texts.apply(doc);
        if (changes.isEmpty()) {
            return new MethodAction.Refuse(t.get("edit.tower.none"));
        }
        return new MethodAction.Apply(ChangeSet.of(t.get(by > 0 ? "edit.tower.raise" : "edit.tower.lower"), changes));
    }

    /** Raise and lower as actions: + and − (also the keypad's), for a selection with a tower in it. */
    public List<MethodAction> actions(Texts labels) {
        return List.of(
                new MethodAction("raise-tower", labels.get("action.tower.raise"),
                        MethodAction.Keys.typed("+", "ADD", "+"), true, this::anyCarries,
                        c -> raise(c.document(), c.selection(), +1)),
                new MethodAction("lower-tower", labels.get("action.tower.lower"),
                        MethodAction.Keys.typed("-", "SUBTRACT", "\u2212"), true, this::anyCarries,
                        c -> raise(c.document(), c.selection(), -1)));
    }

    private boolean anyCarries(MethodAction.Context c) {
        return c.selected().stream().anyMatch(e -> carries(c.document(), e));
    }
}
