package org.mapwork.editor.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

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
    }

    /**
     * One shortcut.
     *
     * @param keys    how it reads on the sheet, e.g. "Ctrl+Z"
     * @param what    what it does
     * @param group   the sheet's section
     * @param matches which key presses trigger it
     * @param action  what runs
     */
    public record Shortcut(String keys, String what, String group, Predicate<KeyDown> matches, Runnable action,
                           String menuText) {
    }

    private final List<Shortcut> all = new ArrayList<>();

    public Shortcuts(MapViewModel vm, WindowActions w) {
        this.vm = vm;
        String g = "Edit";
        add("Ctrl+Z", "Undo", g, key("Z").ctrl(), vm::undo);
        add("Ctrl+Shift+Z", "Redo", g, key("Z").ctrl().shift(), vm::redo);
        add("Ctrl+Y", "Redo", g, key("Y").ctrl(), vm::redo);
        add("Ctrl+A", "Select everything", g, key("A").ctrl(), vm::selectAll);
        add("Escape", "Clear the selection (or cancel a gesture)", g, key("ESCAPE"), vm::clearSelection);
        add("Delete", "Delete the selection (links go with their nodes)", g, key("DELETE", "BACK_SPACE"), vm::deleteSelection);
        add("Ctrl+C", "Copy (as Mapwork JSON, pastes into any map)", g, key("C").ctrl(), vm::copySelection);
        add("Ctrl+X", "Cut", g, key("X").ctrl(), vm::cutSelection);
        add("Ctrl+V", "Paste (a list of names becomes one node each)", g, key("V").ctrl(), vm::paste);
        add("Ctrl+D", "Duplicate the selection", g, key("D").ctrl(), vm::duplicateSelection);
        add("F2 / Enter", "Edit the selected element's label in place", g, key("F2", "ENTER"), () -> editLabel(vm));
        add("N", "New node of the current type: type its name, Enter", g, key("N"), vm::beginNewNodeInView);
        add("Q", "Quick add: type or paste names, one per line", g, key("Q"), w::quickAdd);
        add("L", "Link the two selected nodes (first → second) with the current link type", g, key("L"), () -> linkSelected(vm));
        add("K", "Next link type (also changes the selected links)", g, key("K"), () -> cycleLinkType(vm));
        add("Shift+N", "Next node type", g, key("N").shift(), () -> cycleNodeType(vm));
        add("Shift+F10 / Menu", "The context menu of the selection (as a right-click)", g,
                k -> key("F10").shift().test(k) || key("CONTEXT_MENU").test(k), w::contextMenu);
        add("Shift+Arrows", "Move the selection by 10 (Alt+Shift: by 1)", g, arrows().shift(), null);
        add("Ctrl+Shift+Arrows", "Resize the selection", g, arrows().ctrl().shift(), null);

        g = "View";
        add("Arrows", "Pan", g, arrows(), null);
        add("Ctrl++", "Zoom in", g, key("PLUS", "ADD", "EQUALS").ctrl().anyShift(), () -> vm.zoomBy(1.25));
        add("Ctrl+−", "Zoom out", g, key("MINUS", "SUBTRACT").ctrl(), () -> vm.zoomBy(0.8));
        add("Ctrl+0", "Zoom to fit the map", g, key("DIGIT0", "NUMPAD0").ctrl(), vm::zoomToFit);
        add("Ctrl+1", "Zoom to 100 %", g, key("DIGIT1", "NUMPAD1").ctrl(), () -> vm.zoomBy(1 / vm.camera().scale()));
        add("Ctrl+2", "Zoom to the selection", g, key("DIGIT2", "NUMPAD2").ctrl(), vm::zoomToSelection);
        add("G", "Grid and snapping on/off", g, key("G"), () -> vm.setGrid(!vm.gridShown()));
        add("F11", "Hide or show the panels (for projecting)", g, key("F11"), w::togglePanels);
        add("Space+drag", "Pan with the mouse (or drag with the middle button)", g, k -> false, null);

        g = "Arrange";
        add("Ctrl+]", "Bring to front", g, key("CLOSE_BRACKET").ctrl(), vm::bringToFront);
        add("Ctrl+[", "Send to back", g, key("OPEN_BRACKET").ctrl(), vm::sendToBack);
        add("Alt+L / Alt+C / Alt+R", "Align left / centre / right", g, key("L").alt(), () -> vm.align(Arrangement.Align.LEFT), "Align left (Alt+L)");
        add("", "", g, key("C").alt(), () -> vm.align(Arrangement.Align.CENTER), "Align centre (Alt+C)");
        add("", "", g, key("R").alt(), () -> vm.align(Arrangement.Align.RIGHT), "Align right (Alt+R)");
        add("Alt+T / Alt+M / Alt+B", "Align top / middle / bottom", g, key("T").alt(), () -> vm.align(Arrangement.Align.TOP), "Align top (Alt+T)");
        add("", "", g, key("M").alt(), () -> vm.align(Arrangement.Align.MIDDLE), "Align middle (Alt+M)");
        add("", "", g, key("B").alt(), () -> vm.align(Arrangement.Align.BOTTOM), "Align bottom (Alt+B)");
        add("Alt+H / Alt+V", "Distribute horizontally / vertically", g, key("H").alt(), () -> vm.distribute(true), "Distribute horizontally (Alt+H)");
        add("", "", g, key("V").alt(), () -> vm.distribute(false), "Distribute vertically (Alt+V)");
        add("Ctrl+Shift+L", "Auto-layout (the selection, or the whole map)", g, key("L").ctrl().shift(), vm::autoLayout);

        g = "Tools";
        add("V", "Select, move, connect", g, key("V"), () -> w.chooseTool("Select"));
        add("P", "Pen (freehand, smoothed)", g, key("P"), () -> w.chooseTool("Pen"));
        add("W", "Arrow", g, key("W"), () -> w.chooseTool("Arrow"));
        add("T", "Text", g, key("T"), () -> w.chooseTool("Text"));
        add("S", "Stamp the chosen pictogram", g, key("S"), () -> w.chooseTool("Pictogram"));
        // the tools take Enter before this table does (the text and stamp tools place in the middle of the view)
        add("Enter (Text, Stamp)", "Place a text or the chosen pictogram in the middle of the view (Tab to a "
                + "pictogram in the palette, Space chooses it)", g, k -> false, null);

        g = "Method";
        // the open map's method says what it adds (towers, goals, preconditions, the ceiling...) and on which keys
        this.methodCommands = new MethodCommands(vm, w);
        for (org.mapwork.templates.MethodAction a : methodCommands.actions()) {
            if (a.keys() != null) {
                add(a.keys().shown(), a.label(), g, k -> a.keys().matches(k.key(), k.text(), k.mods().shift(),
                        k.mods().shortcut(), k.mods().alt()), () -> methodCommands.run(a));
            }
        }
        add("F6 / Shift+F6", "Next / previous facilitation step", g, key("F6"), () -> w.nextStep(+1), "Next step (F6)");
        add("", "", g, key("F6").shift(), () -> w.nextStep(-1), "Previous step (Shift+F6)");
        add("F7", "Start or pause the step's countdown", g, key("F7"), w::toggleTimer);
        add("F8", "Select the elements of the next finding", g, key("F8"), w::nextFinding);

        g = "File";
        add("Ctrl+S", "Save a copy as a .mapwork.json file (work is kept without saving)", g, key("S").ctrl(), w::save);
        add("Ctrl+Shift+S", "Save as…", g, key("S").ctrl().shift(), w::saveAs);
        add("Ctrl+O", "Open a map file", g, key("O").ctrl(), w::open);
        add("Ctrl+E", "Export (SVG, PNG, PDF…) with a preview", g, key("E").ctrl(), w::exportMap);
        add("Ctrl+I", "Import", g, key("I").ctrl(), w::importMap);
        add("Ctrl+N", "Start screen: a new map", g, key("N").ctrl(), w::newMap);
        add("Ctrl+Q", "Quit (everything is already kept in the library)", g, key("Q").ctrl(), w::quit);
        add("F1 / ?", "This sheet", g, k -> k.key().equals("F1") || k.text().equals("?"), w::showShortcuts);

    }

    private final MapViewModel vm;
    private final MethodCommands methodCommands;

    /** How the method's actions are carried out (the context menu runs them through the same). */
    public MethodCommands methodCommands() {
        return methodCommands;
    }

    private void add(String keys, String what, String group, Predicate<KeyDown> matches, Runnable action) {
        add(keys, what, group, matches, action, what);
    }

    private void add(String keys, String what, String group, Predicate<KeyDown> matches, Runnable action,
                     String menuText) {
        all.add(new Shortcut(keys, what, group, matches, action, menuText));
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
            return vm.resizeSelection(dir[0] * 10, dir[1] * 10);
        }
        if (k.mods().shift()) {
            double step = k.mods().alt() ? 1 : 10;
            return vm.nudgeSelection(dir[0] * step, dir[1] * step);
        }
        if (k.mods().alt() || k.mods().shortcut()) {
            return false;
        }
        vm.panByScreen(-dir[0] * 60, -dir[1] * 60);
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
            vm.beginLabelEdit(vm.selection().iterator().next());
        } else {
            vm.setStatus("Select one element to rename it");
        }
    }

    private static void linkSelected(MapViewModel vm) {
        List<String> nodes = vm.selectionInOrder().stream()
                .filter(id -> vm.document().contains(id) && vm.document().element(id).isNode()).toList();
        if (nodes.size() != 2) {
            vm.setStatus("Select exactly two nodes to link them (the first one selected is the source)");
            return;
        }
        vm.connect(nodes.get(0), nodes.get(1));
        vm.select(nodes);
    }

    private static void cycleLinkType(MapViewModel vm) {
        List<String> types = vm.linkTypeNames();
        if (!types.isEmpty()) {
            int i = types.indexOf(vm.linkType());
            vm.setLinkType(types.get((i + 1) % types.size()));
        }
    }

    private static void cycleNodeType(MapViewModel vm) {
        List<String> types = vm.nodeTypeNames();
        if (!types.isEmpty()) {
            int i = types.indexOf(vm.nodeType());
            vm.setNodeType(types.get((i + 1) % types.size()));
            vm.setStatus("New nodes: " + vm.nodeType());
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
