package org.mapwork.editor.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.tool.CanvasInput.KeyDown;

/**
 * Every keyboard path of the map window in one table: the window dispatches keys through it and the shortcut sheet
 * (F1 or ?) is printed from it, so the two cannot disagree.
 */
public final class Shortcuts {

    /**
     * What the window itself does (dialogs, files, panels); the map's own edits go to the view model, the method's to
     * its actions (whose menus and questions the window shows, as {@link MethodCommands.Prompts}).
     */
    public interface WindowActions extends MethodCommands.Prompts {
        void showShortcuts();

        void quickAdd();

        void save();

        void saveAs();

        void open();

        void exportMap();

        void importMap();

        /** File → Share on this network… (a hub inside this Mapwork for the map). */
        default void share() {
        }

        void newMap();

        void togglePanels();

        void chooseTool(String name);

        /** The context menu of the selection (what a right-click shows). */
        void contextMenu();

        void nextStep(int by);

        void toggleTimer();

        void nextFinding();

        /** Closes every window and quits (the library finishes writing first). */
        void quit();

        /** Whether the side panels show (F11 hides them for projecting): the View menu ticks its item by it. */
        default boolean panelsShown() {
            return true;
        }
    }

    /**
     * One shortcut.
     *
     * @param id       a stable name for menus to look its key up by ({@link #keyOf})
     * @param keys     how it reads on the sheet, e.g. "Ctrl+Z" (empty when it shares the line above)
     * @param what     what it does, as the sheet says (empty when it shares the line above)
     * @param group    the sheet's section and the menu it is in
     * @param matches  which key presses trigger it
     * @param action   what runs (null for keys the canvas or the tools handle themselves)
     * @param key      its own key, as a menu names it
     * @param menuText its words in a menu
     */
    public record Shortcut(String id, String keys, String what, String group, Predicate<KeyDown> matches,
                           Runnable action, String key, String menuText) {
    }

    private final List<Shortcut> all = new ArrayList<>();

    public Shortcuts(MapViewModel vm, WindowActions w) {
        this.vm = vm;
        MapEdits edits = vm.edits();
        Clipboard clipboard = vm.clipboard();
        Viewing view = vm.viewing();
        String g = Ui.text("keys.group.edit");
        add("undo", "Ctrl+Z", Ui.text("keys.undo"), g, key("Z").ctrl(), edits::undo);
        add("redo", "Ctrl+Shift+Z", Ui.text("keys.redo"), g, key("Z").ctrl().shift(), edits::redo);
        add("redo-y", "Ctrl+Y", Ui.text("keys.redo"), g, key("Y").ctrl(), edits::redo);
        add("select-all", "Ctrl+A", Ui.text("keys.select-all"), g, key("A").ctrl(), vm.selection()::selectAll);
        add("escape", "Escape", Ui.text("keys.escape"), g, key("ESCAPE"), vm.selection()::clear);
        add("delete", "Delete", Ui.text("keys.delete"), g, key("DELETE", "BACK_SPACE"), edits::deleteSelection);
        add("copy", "Ctrl+C", Ui.text("keys.copy"), g, key("C").ctrl(), clipboard::copySelection);
        add("cut", "Ctrl+X", Ui.text("keys.cut"), g, key("X").ctrl(), clipboard::cutSelection);
        add("paste", "Ctrl+V", Ui.text("keys.paste"), g, key("V").ctrl(), clipboard::paste);
        add("duplicate", "Ctrl+D", Ui.text("keys.duplicate"), g, key("D").ctrl(), clipboard::duplicateSelection);
        add("rename", Ui.text("keys.rename.keys"), Ui.text("keys.rename"), g, key("F2", "ENTER"), () -> editLabel(vm));
        add("new-node", "N", Ui.text("keys.new-node"), g, key("N"), vm.labels()::beginNewNodeInView);
        add("quick-add", "Q", Ui.text("keys.quick-add"), g, key("Q"), w::quickAdd);
        add("link", "L", Ui.text("keys.link"), g, key("L"), () -> linkSelected(vm));
        add("link-type", "K", Ui.text("keys.link-type"), g, key("K"), () -> cycleLinkType(vm));
        add("node-type", "Shift+N", Ui.text("keys.node-type"), g, key("N").shift(), () -> cycleNodeType(vm));
        add("context-menu", Ui.text("keys.context-menu.keys"), Ui.text("keys.context-menu"), g,
                k -> key("F10").shift().test(k) || key("CONTEXT_MENU").test(k), w::contextMenu);
        // the window walks the selection on Tab itself (only while the canvas has the focus); listed for the sheet
        add("next-element", Ui.text("keys.next-element.keys"), Ui.text("keys.next-element"), g, k -> false, null);
        add("nudge", Ui.text("keys.nudge.keys"), Ui.text("keys.nudge"), g, arrows().shift(), null);
        add("resize", Ui.text("keys.resize.keys"), Ui.text("keys.resize"), g, arrows().ctrl().shift(), null);

        g = Ui.text("keys.group.view");
        add("pan", Ui.text("keys.pan.keys"), Ui.text("keys.pan"), g, arrows(), null);
        add("zoom-in", "Ctrl++", Ui.text("keys.zoom-in"), g, key("PLUS", "ADD", "EQUALS").ctrl().anyShift(), () -> view.zoomBy(1.25));
        add("zoom-out", "Ctrl+−", Ui.text("keys.zoom-out"), g, key("MINUS", "SUBTRACT").ctrl(), () -> view.zoomBy(0.8));
        add("zoom-fit", "Ctrl+0", Ui.text("keys.zoom-fit"), g, key("DIGIT0", "NUMPAD0").ctrl(), view::zoomToFit);
        add("zoom-100", "Ctrl+1", Ui.text("keys.zoom-100"), g, key("DIGIT1", "NUMPAD1").ctrl(),
                () -> view.zoomBy(1 / view.camera().scale()));
        add("zoom-selection", "Ctrl+2", Ui.text("keys.zoom-selection"), g, key("DIGIT2", "NUMPAD2").ctrl(), view::zoomToSelection);
        add("grid", "G", Ui.text("keys.grid"), g, key("G"), () -> view.setGrid(!view.gridShown()));
        add("panels", "F11", Ui.text("keys.panels"), g, key("F11"), w::togglePanels);
        add("pan-drag", Ui.text("keys.pan-drag.keys"), Ui.text("keys.pan-drag"), g, k -> false, null);

        g = Ui.text("keys.group.arrange");
        add("front", "Ctrl+]", Ui.text("keys.front"), g, key("CLOSE_BRACKET").ctrl(), edits::bringToFront);
        add("back", "Ctrl+[", Ui.text("keys.back"), g, key("OPEN_BRACKET").ctrl(), edits::sendToBack);
        add("align-left", "Alt+L / Alt+C / Alt+R", Ui.text("keys.align-horizontally"), g, key("L").alt(),
                () -> edits.align(Arrangement.Align.LEFT), "Alt+L", Ui.text("keys.align-left"));
        add("align-center", "", "", g, key("C").alt(), () -> edits.align(Arrangement.Align.CENTER), "Alt+C",
                Ui.text("keys.align-center"));
        add("align-right", "", "", g, key("R").alt(), () -> edits.align(Arrangement.Align.RIGHT), "Alt+R",
                Ui.text("keys.align-right"));
        add("align-top", "Alt+T / Alt+M / Alt+B", Ui.text("keys.align-vertically"), g, key("T").alt(),
                () -> edits.align(Arrangement.Align.TOP), "Alt+T", Ui.text("keys.align-top"));
        add("align-middle", "", "", g, key("M").alt(), () -> edits.align(Arrangement.Align.MIDDLE), "Alt+M",
                Ui.text("keys.align-middle"));
        add("align-bottom", "", "", g, key("B").alt(), () -> edits.align(Arrangement.Align.BOTTOM), "Alt+B",
                Ui.text("keys.align-bottom"));
        add("distribute-h", "Alt+H / Alt+V", Ui.text("keys.distribute"), g, key("H").alt(), () -> edits.distribute(true),
                "Alt+H", Ui.text("keys.distribute-h"));
        add("distribute-v", "", "", g, key("V").alt(), () -> edits.distribute(false), "Alt+V", Ui.text("keys.distribute-v"));
        add("layout", "Ctrl+Shift+L", Ui.text("keys.layout"), g, key("L").ctrl().shift(), edits::autoLayout);

        g = Ui.text("keys.group.tools");
        add("tool-select", "V", Ui.text("keys.tool-select"), g, key("V"), () -> w.chooseTool("Select"));
        add("tool-pen", "P", Ui.text("keys.tool-pen"), g, key("P"), () -> w.chooseTool("Pen"));
        add("tool-arrow", "W", Ui.text("keys.tool-arrow"), g, key("W"), () -> w.chooseTool("Arrow"));
        add("tool-text", "T", Ui.text("keys.tool-text"), g, key("T"), () -> w.chooseTool("Text"));
        add("tool-stamp", "S", Ui.text("keys.tool-stamp"), g, key("S"), () -> w.chooseTool("Pictogram"));
        // the tools take Enter before this table does (the text and stamp tools place in the middle of the view)
        add("place", Ui.text("keys.place.keys"), Ui.text("keys.place"), g, k -> false, null);

        g = Ui.text("keys.group.method");
        // the open map's method says what it adds (towers, goals, preconditions, the ceiling...) and on which keys
        this.methodCommands = new MethodCommands(vm, w);
        for (org.mapwork.templates.MethodAction a : methodCommands.actions()) {
            if (a.keys() != null) {
                add("method." + a.id(), a.keys().shown(), a.label(), g, k -> a.keys().matches(k.key(), k.text(),
                        k.mods().shift(), k.mods().shortcut(), k.mods().alt()), () -> methodCommands.run(a));
            }
        }
        add("next-step", "F6 / Shift+F6", Ui.text("keys.steps"), g, key("F6"), () -> w.nextStep(+1), "F6",
                Ui.text("keys.next-step"));
        add("previous-step", "", "", g, key("F6").shift(), () -> w.nextStep(-1), "Shift+F6", Ui.text("keys.previous-step"));
        add("timer", "F7", Ui.text("keys.timer"), g, key("F7"), w::toggleTimer);
        add("next-finding", "F8", Ui.text("keys.next-finding"), g, key("F8"), w::nextFinding);

        g = Ui.text("keys.group.file");
        add("save", "Ctrl+S", Ui.text("keys.save"), g, key("S").ctrl(), w::save);
        add("save-as", "Ctrl+Shift+S", Ui.text("keys.save-as"), g, key("S").ctrl().shift(), w::saveAs);
        add("open", "Ctrl+O", Ui.text("keys.open"), g, key("O").ctrl(), w::open);
        add("export", "Ctrl+E", Ui.text("keys.export"), g, key("E").ctrl(), w::exportMap);
        add("import", "Ctrl+I", Ui.text("keys.import"), g, key("I").ctrl(), w::importMap);
        add("share", "Ctrl+Shift+H", Ui.text("collab.menu.share"), g, key("H").ctrl().shift(), w::share);
        add("new-map", "Ctrl+N", Ui.text("keys.new-map"), g, key("N").ctrl(), w::newMap);
        add("quit", "Ctrl+Q", Ui.text("keys.quit"), g, key("Q").ctrl(), w::quit);
        add("sheet", Ui.text("keys.sheet.keys"), Ui.text("keys.sheet"), g, k -> k.key().equals("F1") || k.text().equals("?"),
                w::showShortcuts);
    }

    private final MapViewModel vm;
    private final MethodCommands methodCommands;

    /** How the method's actions are carried out (the context menu runs them through the same). */
    public MethodCommands methodCommands() {
        return methodCommands;
    }

    /** An entry on a line of its own: its menu item reads as the sheet does, and its first key names it. */
    private void add(String id, String keys, String what, String group, Predicate<KeyDown> matches, Runnable action) {
        String first = keys.contains(" / ") ? keys.substring(0, keys.indexOf(" / ")) : keys;
        all.add(new Shortcut(id, keys, what, group, matches, action, first, what));
    }

    /** An entry that shares a line of the sheet with others: its own key and menu text. */
    private void add(String id, String keys, String what, String group, Predicate<KeyDown> matches, Runnable action,
                     String key, String menuText) {
        all.add(new Shortcut(id, keys, what, group, matches, action, key, menuText));
    }

    /**
     * The key that runs an entry, as menus name it (the first of several, e.g. "F2" of "F2 / Enter").
     *
     * @throws IllegalArgumentException when no entry has this id (a menu naming an action the table lacks)
     */
    public String keyOf(String id) {
        return all.stream().filter(s -> s.id().equals(id)).findFirst().map(Shortcut::key)
                .orElseThrow(() -> new IllegalArgumentException("no shortcut " + id));
    }

    /** How a menu item of this entry reads: its words and its key. */
    public static String menuLabel(Shortcut s) {
        return s.menuText().equals(s.what()) && !s.keys().isEmpty() ? s.what() + "   " + s.keys()
                : s.menuText() + " (" + s.key() + ")";
    }

    /** The entries a menu shows: every action with its own text (several may share one line of the sheet). */
    public List<Shortcut> menuEntries() {
        return all.stream().filter(s -> s.action() != null && !s.menuText().isEmpty()).toList();
    }

    /** The shortcuts as the sheet lists them (one line per entry that has a description). */
    public List<Shortcut> sheet() {
        return all.stream().filter(s -> !s.keys().isEmpty()).toList();
    }

    /** Runs the first shortcut that matches; returns whether one did. */
    public boolean dispatch(KeyDown k) {
        int[] dir = arrowDir(k);
        if (dir != null) {
            return arrows(k, dir);
        }
        for (Shortcut s : all) {
            if (s.action() != null && s.matches().test(k)) {
                s.action().run();
                return true;
            }
        }
        return false;
    }

    private boolean arrows(KeyDown k, int[] dir) {
        if (k.mods().shift() && k.mods().shortcut()) {
            return vm.edits().resizeSelection(dir[0] * 10, dir[1] * 10);
        }
        if (k.mods().shift()) {
            double step = k.mods().alt() ? 1 : 10;
            return vm.edits().nudgeSelection(dir[0] * step, dir[1] * step);
        }
        if (k.mods().alt() || k.mods().shortcut()) {
            return false;
        }
        vm.viewing().panByScreen(-dir[0] * 60, -dir[1] * 60);
        return true;
    }

    private static int[] arrowDir(KeyDown k) {
        return switch (k.key()) {
            case "LEFT" -> new int[] {-1, 0};
            case "RIGHT" -> new int[] {1, 0};
            case "UP" -> k.mods().alt() && !k.mods().shift() ? null : new int[] {0, -1};
            case "DOWN" -> k.mods().alt() && !k.mods().shift() ? null : new int[] {0, 1};
            default -> null;
        };
    }

    private static void editLabel(MapViewModel vm) {
        if (vm.selection().size() == 1) {
            vm.labels().beginLabelEdit(vm.selection().iterator().next());
        } else {
            vm.setStatus(Ui.text("map.status.rename-one"));
        }
    }

    private static void linkSelected(MapViewModel vm) {
        List<String> nodes = vm.selection().inOrder().stream()
                .filter(id -> vm.document().contains(id) && vm.document().element(id).isNode()).toList();
        if (nodes.size() != 2) {
            vm.setStatus(Ui.text("map.status.link-two"));
            return;
        }
        vm.edits().connect(nodes.get(0), nodes.get(1));
        vm.selection().select(nodes);
    }

    private static void cycleLinkType(MapViewModel vm) {
        List<String> types = vm.linkTypeNames();
        if (!types.isEmpty()) {
            int i = types.indexOf(vm.linkType());
            vm.retypeSelectedLinks(types.get((i + 1) % types.size()));
        }
    }

    private static void cycleNodeType(MapViewModel vm) {
        List<String> types = vm.nodeTypeNames();
        if (!types.isEmpty()) {
            int i = types.indexOf(vm.nodeType());
            vm.setNodeType(types.get((i + 1) % types.size()));
            vm.setStatus(Ui.text("map.status.new-nodes", vm.nodeType()));
        }
    }

    // ----- matching -----

    private static Match key(String... names) {
        return new Match(Set.of(names), false, false, false, false);
    }

    private static Match arrows() {
        return new Match(Set.of("LEFT", "RIGHT", "UP", "DOWN"), false, false, false, false);
    }

    /** Matches key names with exactly the given modifiers ({@code anyShift}: shift either way). */
    private record Match(Set<String> names, boolean withCtrl, boolean withShift, boolean withAlt, boolean shiftEitherWay)
            implements Predicate<KeyDown> {
        Match ctrl() {
            return new Match(names, true, withShift, withAlt, shiftEitherWay);
        }

        Match shift() {
            return new Match(names, withCtrl, true, withAlt, shiftEitherWay);
        }

        Match alt() {
            return new Match(names, withCtrl, withShift, true, shiftEitherWay);
        }

        Match anyShift() {
            return new Match(names, withCtrl, withShift, withAlt, true);
        }

        @Override
        public boolean test(KeyDown k) {
            return names.contains(k.key().toUpperCase(Locale.ROOT)) && k.mods().shortcut() == withCtrl
                    && (shiftEitherWay || k.mods().shift() == withShift) && k.mods().alt() == withAlt;
        }
    }
}
