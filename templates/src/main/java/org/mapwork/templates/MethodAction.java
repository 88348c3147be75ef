package org.mapwork.templates;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;

/**
 * One edit a method adds to the editor (raise a tower, the goals menu, a precondition below an outcome, the ceiling
 * up a step): the editor lists it in the Method menu and the shortcut sheet, shows it in the context menu of a
 * selection it {@linkplain #appliesTo applies to}, and runs it from its key. What it does is a pure function of the
 * map and the selection that says what should happen next ({@link Effect}); the editor only carries that out, so a
 * method's behaviour is tested without a window and a new method needs no editor code.
 *
 * @param id         stable name within its method, e.g. {@code raise-tower} (tests and the editor's keys use it)
 * @param label      what the menu says, in the language the action was asked for (from the method's texts)
 * @param keys       the key that runs it, or null when it has none
 * @param onElements whether it belongs in the context menu of a selection (else only in the Method menu and keys)
 * @param appliesTo  whether it makes sense for this selection (the context menu shows only those)
 * @param perform    what it does; runs from its key whatever the selection, and refuses with a reason when it must
 */
public record MethodAction(String id, String label, Keys keys, boolean onElements, Predicate<Context> appliesTo,
                           Function<Context, Effect> perform) {

    /** The map and the selection (in the order it was made) that an action works on. */
    public record Context(MapDocument document, List<String> selection) {
        public Context {
            selection = List.copyOf(selection);
        }

        /** The selected elements that still exist, in selection order. */
        public List<Element> selected() {
            return selection.stream().filter(document::contains).map(document::element).toList();
        }

        /** The one selected element, when exactly one is selected. */
        public Optional<Element> single() {
            List<Element> s = selected();
            return s.size() == 1 && selection.size() == 1 ? Optional.of(s.get(0)) : Optional.empty();
        }
    }

    /**
     * A key press, without JavaFX: key names as JavaFX's {@code KeyCode} spells them ({@code G}, {@code UP},
     * {@code ADD}), or the character the key types (so "+" works on every keyboard layout).
     *
     * @param shown          how the sheet and menus write it, e.g. {@code Alt+G}
     * @param names          key names that match
     * @param typed          a character that matches whatever key typed it, or null
     * @param alt            whether Alt must be held
     * @param shiftEitherWay whether Shift may be held or not (else it must not be)
     */
    public record Keys(String shown, Set<String> names, String typed, boolean alt, boolean shiftEitherWay) {
        public Keys {
            names = Set.copyOf(names);
        }

        /** Alt and a key, e.g. {@code alt("G")} is Alt+G. */
        public static Keys alt(String name, String shown) {
            return new Keys(shown, Set.of(name), null, true, false);
        }

        /** A character typed without Ctrl or Alt (Shift as the layout needs it), or a key that means the same. */
        public static Keys typed(String character, String keyName, String shown) {
            return new Keys(shown, Set.of(keyName), character, false, true);
        }

        /** Whether a key press matches (the shortcut modifier, Ctrl or Cmd, never does: those keys are the editor's). */
        public boolean matches(String keyName, String text, boolean shiftDown, boolean shortcutDown, boolean altDown) {
            if (shortcutDown || altDown != alt || !shiftEitherWay && shiftDown) {
                return false;
            }
            return names.contains(keyName.toUpperCase(Locale.ROOT)) || typed != null && typed.equals(text);
        }
    }

    /** What the editor does once an action (or a step of it) has run. */
    public sealed interface Effect {
    }

    /** Apply these changes as one undo step; its summary is what undo says. */
    public record Apply(ChangeSet changes) implements Effect {
    }

    /** Do nothing and tell why (the status line). */
    public record Refuse(String message) implements Effect {
    }

    /**
     * Name a new node in place: the editor shows the label editor on a free place as near {@code near} as it finds
     * and, once a name is typed, carries out {@code named} (Escape or an empty name do nothing).
     */
    public record NameInPlace(String nodeType, Geometry near, Naming named) implements Effect {
    }

    /** What a name typed in place becomes, on the map as it is then, at the place the editor chose. */
    @FunctionalInterface
    public interface Naming {
        Effect named(MapDocument doc, String name, Geometry box);
    }

    /** Offer a short menu beside an element (e.g. the goals to tick); choosing one carries out its effect. */
    public record Choose(String nearElement, List<Choice> choices) implements Effect {
        public Choose {
            choices = List.copyOf(choices);
        }
    }

    /**
     * One entry of a {@link Choose} menu.
     *
     * @param ticked  whether it shows ticked, or null for a plain entry
     * @param chosen  what choosing it does, on the map as it is when chosen
     */
    public record Choice(String label, Boolean ticked, Function<MapDocument, Effect> chosen) {
    }

    /** Ask for a line of text in a small dialog, then carry out {@code answered} with it (Cancel does nothing). */
    public record Ask(String title, String question, java.util.function.BiFunction<MapDocument, String, Effect> answered)
            implements Effect {
    }

    /** An effect that applies {@code changes} when there are any, else refuses with {@code why}. */
    public static Effect applyOr(Optional<ChangeSet> changes, String why) {
        return changes.<Effect>map(Apply::new).orElseGet(() -> new Refuse(why));
    }
}
