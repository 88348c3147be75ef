package org.mapwork.editor.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mapwork.editor.tool.CanvasInput.KeyDown;
import org.mapwork.editor.tool.CanvasInput.Modifiers;
import org.mapwork.model.MapSession;
import org.mapwork.model.Value;

/** The keyboard paths: each key reaches its action, and the sheet lists what the keys do. */
class ShortcutsTest {

    private MapSession session;
    private MapViewModel vm;
    private final List<String> window = new ArrayList<>();
    private Shortcuts shortcuts;

    @BeforeEach
    void setUp() {
        session = TestMaps.threeActors();
        vm = TestMaps.viewModel(session);
        shortcuts = new Shortcuts(vm, new Shortcuts.WindowActions() {
            public void showShortcuts() { window.add("sheet"); }
            public void quickAdd() { window.add("quick add"); }
            public void save() { window.add("save"); }
            public void saveAs() { window.add("save as"); }
            public void open() { window.add("open"); }
            public void exportMap() { window.add("export"); }
            public void importMap() { window.add("import"); }
            public void newMap() { window.add("new"); }
            public void togglePanels() { window.add("panels"); }
            public void chooseTool(String name) { window.add("tool " + name); }
            public void goalsMenu() { window.add("goals"); }
            public void contextMenu() { window.add("context menu"); }
            public void nextStep(int by) { window.add("step " + by); }
            public void toggleTimer() { window.add("timer"); }
            public void nextFinding() { window.add("finding"); }
            public void addPrecondition() { window.add("precondition"); }
            public void moveCeiling(int by) { window.add("ceiling " + by); }
            public void quit() { window.add("quit"); }
        });
    }

    private boolean key(String key, String text, Modifiers mods) {
        return shortcuts.dispatch(new KeyDown(key, text, mods));
    }

    private boolean key(String key, Modifiers mods) {
        return key(key, key.length() == 1 ? key.toLowerCase() : "", mods);
    }

    @Test
    void undo_and_both_redo_keys_walk_the_history() {
        vm.select(List.of("a"));
        vm.nudgeSelection(10, 0);
        assertTrue(key("Z", Modifiers.SHORTCUT));
        assertEquals(0, session.document().element("a").geometry().x(), 1e-9);
        assertTrue(key("Z", Modifiers.SHORTCUT_SHIFT));
        assertEquals(10, session.document().element("a").geometry().x(), 1e-9);
        key("Z", Modifiers.SHORTCUT);
        assertTrue(key("Y", Modifiers.SHORTCUT));
        assertEquals(10, session.document().element("a").geometry().x(), 1e-9);
    }

    @Test
    void selection_keys_select_all_delete_and_escape() {
        key("A", Modifiers.SHORTCUT);
        assertEquals(Set.of("a", "b", "c"), vm.selection());
        key("ESCAPE", Modifiers.NONE);
        assertEquals(Set.of(), vm.selection());
        vm.select(List.of("b"));
        key("DELETE", Modifiers.NONE);
        assertFalse(session.document().contains("b"));
    }

    @Test
    void l_links_the_two_selected_nodes_and_k_moves_to_the_next_link_type() {
        vm.select(List.of("c", "a"));
        key("L", Modifiers.NONE);
        var link = session.document().links().findFirst().orElseThrow();
        assertEquals("c", link.source());
        assertEquals("a", link.target());
        assertEquals("funding", link.type());
        key("K", Modifiers.NONE);
        assertEquals("information", vm.linkType());
    }

    @Test
    void n_starts_naming_a_new_node_and_f2_renames_the_selected_one() {
        key("N", Modifiers.NONE);
        assertTrue(vm.labelEdit().isNewNode());
        vm.cancelLabelEdit();
        vm.select(List.of("a"));
        key("F2", "", Modifiers.NONE);
        assertEquals("a", vm.labelEdit().elementId());
    }

    @Test
    void plus_and_minus_raise_and_lower_towers_while_ctrl_plus_and_minus_zoom() {
        vm.select(List.of("a"));
        key("ADD", "+", Modifiers.NONE);
        key("EQUALS", "+", Modifiers.SHIFT);
        assertEquals(new Value.Int(2), session.document().element("a").attribute(TestMethod.INFLUENCE));
        key("MINUS", "-", Modifiers.NONE);
        assertEquals(new Value.Int(1), session.document().element("a").attribute(TestMethod.INFLUENCE));
        key("EQUALS", "=", Modifiers.SHORTCUT);
        assertEquals(125, vm.camera().percent());
        key("MINUS", "-", Modifiers.SHORTCUT);
        assertEquals(100, vm.camera().percent());
        assertEquals(new Value.Int(1), session.document().element("a").attribute(TestMethod.INFLUENCE));
    }

    @Test
    void arrows_pan_and_shift_arrows_move_the_selection() {
        key("RIGHT", "", Modifiers.NONE);
        assertEquals(60, vm.camera().originX(), 1e-9, "the right arrow shows what lies to the right");
        vm.select(List.of("c"));
        key("DOWN", "", Modifiers.SHIFT);
        assertEquals(210, session.document().element("c").geometry().y(), 1e-9);
        key("RIGHT", "", Modifiers.SHORTCUT_SHIFT);
        assertEquals(110, session.document().element("c").geometry().width(), 1e-9);
    }

    @Test
    void window_keys_reach_the_window() {
        key("F1", "", Modifiers.NONE);
        key("SLASH", "?", Modifiers.SHIFT);
        key("Q", Modifiers.NONE);
        key("E", Modifiers.SHORTCUT);
        key("F11", "", Modifiers.NONE);
        key("P", Modifiers.ALT);
        key("UP", "", Modifiers.ALT);
        key("P", Modifiers.NONE);
        key("F8", "", Modifiers.NONE);
        key("F10", "", Modifiers.SHIFT);
        key("CONTEXT_MENU", "", Modifiers.NONE);
        // Alt+P and Alt+Up are the theory of change's own keys now (see the test below): this method has none
        assertEquals(List.of("sheet", "sheet", "quick add", "export", "panels", "tool Pen",
                "finding", "context menu", "context menu"), window);
    }

    @Test
    void a_methods_own_keys_reach_its_actions_alt_p_names_a_precondition_and_alt_up_moves_the_ceiling() {
        var toc = org.mapwork.templates.Methods.byId("theory-of-change").orElseThrow();
        MapSession s = new MapSession(toc.starter(false, java.util.Locale.ENGLISH), toc.schema(), "tester", 0);
        MapViewModel tocVm = new MapViewModel(s, toc, org.mapwork.templates.Methods.schemas(),
                new org.mapwork.editor.canvas.BoxHitTester(), ClipboardPort.inMemory());
        Shortcuts keys = new Shortcuts(tocVm, new Shortcuts.WindowActions() {
            public void showShortcuts() { }
            public void quickAdd() { }
            public void save() { }
            public void saveAs() { }
            public void open() { }
            public void exportMap() { }
            public void importMap() { }
            public void newMap() { }
            public void togglePanels() { }
            public void chooseTool(String name) { }
            public void contextMenu() { }
            public void nextStep(int by) { }
            public void toggleTimer() { }
            public void nextFinding() { }
            public void quit() { }
        });
        var outcome = s.document().nodes().filter(n -> n.type().equals("long-term-outcome")).findFirst().orElseThrow();
        tocVm.select(List.of(outcome.id()));
        assertTrue(keys.dispatch(new KeyDown("P", "", Modifiers.ALT)));
        assertEquals("precondition", tocVm.labelEdit().nodeType());
        tocVm.cancelLabelEdit();
        double y = tocVm.lineY().orElseThrow();
        assertTrue(keys.dispatch(new KeyDown("UP", "", Modifiers.ALT)));
        assertEquals(y - MapViewModel.GRID, tocVm.lineY().orElseThrow(), 1e-9);
    }

    @Test
    void the_sheet_lists_every_group_and_no_key_twice() {
        Set<String> groups = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Shortcuts.Shortcut s : shortcuts.sheet()) {
            groups.add(s.group());
            assertTrue(keys.add(s.keys()), "listed twice: " + s.keys());
            assertFalse(s.what().isBlank());
        }
        assertEquals(Set.of("Edit", "View", "Arrange", "Tools", "Method", "File"), groups);
    }
}
