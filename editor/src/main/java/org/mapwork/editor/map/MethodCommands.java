package org.mapwork.editor.map;

import java.util.List;
import java.util.Optional;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.tool.CanvasInput.KeyDown;
import org.mapwork.templates.MethodAction;
import org.mapwork.templates.MethodAction.Effect;

/**
 * The one place where the editor carries out what a method's {@linkplain MethodAction actions} ask for: it lists
 * the open map's method actions (labelled in the editor's language), matches their keys, runs them on the selection,
 * and does what their {@link Effect} says: applies a change set as one undo step, shows why not, names a new node in
 * place, or hands a menu or a question to the window ({@link Prompts}). Nothing here knows a method by name.
 */
public final class MethodCommands {

    /** What only a window can do for an action: show its short menu, ask its question. */
    public interface Prompts {
        /** Shows the choices beside the element; the window calls {@link MethodCommands#carryOut} with the chosen one's effect. */
        default void choose(MethodAction.Choose menu, MethodCommands commands) {
        }

        /** Asks the question; the window calls {@link MethodCommands#carryOut} with the effect of the answer. */
        default void ask(MethodAction.Ask question, MethodCommands commands) {
        }
    }

    private final MapViewModel vm;
    private final Prompts prompts;

    public MethodCommands(MapViewModel vm, Prompts prompts) {
        this.vm = vm;
        this.prompts = prompts;
    }

    /** The open map's method actions, labelled in the editor's language; none when the method is unknown. */
    public List<MethodAction> actions() {
        return vm.template().map(t -> t.actions(Ui.locale())).orElse(List.of());
    }

    /** The actions the context menu of the current selection shows. */
    public List<MethodAction> forSelection() {
        MethodAction.Context c = context();
        return actions().stream().filter(a -> a.onElements() && a.appliesTo().test(c)).toList();
    }

    /** The action a key press runs, if any. */
    public Optional<MethodAction> forKey(KeyDown k) {
        return actions().stream().filter(a -> a.keys() != null
                && a.keys().matches(k.key(), k.text(), k.mods().shift(), k.mods().shortcut(), k.mods().alt())).findFirst();
    }

    public MethodAction.Context context() {
        return new MethodAction.Context(vm.document(), vm.selectionInOrder());
    }

    /** Runs the action with this id on the selection; false when the method has none or it did nothing. */
    public boolean run(String actionId) {
        return actions().stream().filter(a -> a.id().equals(actionId)).findFirst().map(this::run).orElse(false);
    }

    public boolean run(MethodAction action) {
        return carryOut(action.perform().apply(context()));
    }

    /** Does what an effect says; returns whether something changed or was started. */
    public boolean carryOut(Effect effect) {
        if (effect instanceof MethodAction.Apply a) {
            return vm.apply(a.changes().summary(), a.changes().changes());
        }
        if (effect instanceof MethodAction.Refuse r) {
            if (!r.message().isEmpty()) {
                vm.setStatus(r.message());
            }
            return false;
        }
        if (effect instanceof MethodAction.NameInPlace n) {
            return vm.beginNaming(n);
        }
        if (effect instanceof MethodAction.Choose c) {
            prompts.choose(c, this);
            return true;
        }
        if (effect instanceof MethodAction.Ask q) {
            prompts.ask(q, this);
            return true;
        }
        return false;
    }
}
