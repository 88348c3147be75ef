package org.mapwork.templates;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.common.Texts;

/**
 * A horizontal line across the map, kept as a decimal map attribute (its y), that the editor lets people drag up
 * and down and move a step with keys: the theory of change's ceiling of accountability.
 *
 * <p>Texts it reads from the method's bundle: {@code line.name} (what the editor writes beside the line while it is
 * dragged), {@code action.line.up}, {@code action.line.down} (menu labels), {@code edit.line.move} (the undo
 * summary) and {@code edit.line.none} (the map has no line yet).
 *
 * @param mapAttribute the decimal map attribute holding the line's y
 * @param step         how far one key press moves it (map units)
 * @param texts        the method's texts in the language a map speaks
 */
public record LineHandle(String mapAttribute, double step, Function<MapDocument, Texts> texts) {

    /** Where the line is (map y), if the map has one. */
    public Optional<Double> y(MapDocument doc) {
        return doc.mapAttribute(mapAttribute) instanceof Value.Decimal d ? Optional.of(d.value()) : Optional.empty();
    }

    /** The line's name in the map's language. */
    public String name(MapDocument doc) {
        return texts.apply(doc).get("line.name");
    }

    /** Moves the line to {@code y} (to a tenth of a unit); empty when it is already there. */
    public Optional<ChangeSet> moveTo(MapDocument doc, double y) {
        Value.Decimal to = new Value.Decimal(Math.round(y * 10) / 10.0);
        if (to.equals(doc.mapAttribute(mapAttribute))) {
            return Optional.empty();
        }
        return Optional.of(ChangeSet.of(texts.apply(doc).get("edit.line.move"), Change.setMapAttribute(mapAttribute, to)));
    }

    /** Moves the line by {@code steps} key steps (negative: up). */
    public MethodAction.Effect moveBy(MapDocument doc, int steps) {
        Optional<Double> y = y(doc);
        if (y.isEmpty()) {
            return new MethodAction.Refuse(texts.apply(doc).get("edit.line.none"));
        }
        return moveTo(doc, y.get() + steps * step).<MethodAction.Effect>map(MethodAction.Apply::new)
                .orElseGet(() -> new MethodAction.Refuse(""));
    }

    /** Up and down a step as actions (Alt+Up, Alt+Down), in the Method menu and on the keys only. */
    public List<MethodAction> actions(Texts labels) {
        return List.of(
                new MethodAction("line-up", labels.get("action.line.up"), MethodAction.Keys.alt("UP", "Alt+Up"), false,
                        c -> y(c.document()).isPresent(), c -> moveBy(c.document(), -1)),
                new MethodAction("line-down", labels.get("action.line.down"), MethodAction.Keys.alt("DOWN", "Alt+Down"),
                        false, c -> y(c.document()).isPresent(), c -> moveBy(c.document(), +1)));
    }
}
