package org.mapwork.editor.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.map.TestMaps;
import org.mapwork.editor.map.TestMethod;
import org.mapwork.editor.tool.CanvasInput.Button;
import org.mapwork.editor.tool.CanvasInput.KeyDown;
import org.mapwork.editor.tool.CanvasInput.KeyUp;
import org.mapwork.editor.tool.CanvasInput.Modifiers;
import org.mapwork.editor.tool.CanvasInput.PointerDown;
import org.mapwork.editor.tool.CanvasInput.PointerMove;
import org.mapwork.editor.tool.CanvasInput.PointerUp;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.Value;

/** The select tool's state machine, driven with synthetic events (camera at 100 %, so screen = map). */
class SelectToolTest {

    private MapSession session;
    private MapViewModel vm;
    private SelectTool tool;

    @BeforeEach
    void setUp() {
        session = TestMaps.threeActors();
        vm = TestMaps.viewModel(session);
        tool = new SelectTool(vm);
    }

    private void down(double x, double y, Modifiers mods) {
        tool.handle(new PointerDown(x, y, x, y, Button.PRIMARY, 1, mods));
    }

    private void down(double x, double y) {
        down(x, y, Modifiers.NONE);
    }

    private void move(double x, double y) {
        tool.handle(new PointerMove(x, y, x, y, Modifiers.NONE));
    }

    private void up(double x, double y) {
        tool.handle(new PointerUp(x, y, x, y, Button.PRIMARY, Modifiers.NONE));
    }

    private void doubleClick(double x, double y) {
        tool.handle(new PointerDown(x, y, x, y, Button.PRIMARY, 2, Modifiers.NONE));
        up(x, y);
    }

    @Test
    void click_selects_shift_click_adds_and_click_on_empty_clears() {
        down(50, 25);
        assertEquals(ToolState.POINTING, tool.state());
        up(50, 25);
        assertEquals(ToolState.IDLE, tool.state());
        assertEquals(Set.of("a"), vm.selection());

        down(350, 25, Modifiers.SHIFT);
        up(350, 25);
        assertEquals(Set.of("a", "b"), vm.selection());

        down(350, 25, Modifiers.SHIFT);
        up(350, 25);
        assertEquals(Set.of("a"), vm.selection(), "shift-click on a selected node takes it out");

        down(600, 500);
        up(600, 500);
        assertEquals(Set.of(), vm.selection());
    }

    @Test
    void dragging_previews_without_touching_the_model_and_commits_one_undo_step_on_release() {
        MapDocument before = session.document();
        down(50, 25);
        move(60, 25);
        assertEquals(ToolState.DRAGGING, tool.state());
        move(150, 125);
        assertEquals(before, session.document(), "the model must not change during the drag");
        assertEquals(100, vm.displayed().element("a").geometry().x(), 1e-9, "the preview shows the node moved");
        up(150, 125);

        assertEquals(ToolState.IDLE, tool.state());
        assertEquals(Geometry.box(100, 100, 100, 50), session.document().element("a").geometry());
        assertEquals(1, session.history().undoDepth(), "one drag, one undo step");
        assertEquals(1, session.history().undoSummary().map(s -> 1).orElse(0));
        vm.undo();
        assertEquals(before, session.document());
    }

    @Test
    void dragging_one_of_several_selected_moves_them_all() {
        vm.select(List.of("a", "b"));
        down(50, 25);
        move(50, 75);
        up(50, 75);
        assertEquals(50, session.document().element("a").geometry().y(), 1e-9);
        assertEquals(50, session.document().element("b").geometry().y(), 1e-9);
        assertEquals(0, session.document().element("c").geometry().x(), 1e-9);
        assertEquals(1, session.history().undoDepth());
    }

    @Test
    void a_remote_change_mid_drag_neither_breaks_the_drag_nor_enters_undo() {
        down(50, 25);
        move(80, 25);
        // another device renames b and adds a node while the local user is still dragging a
        session.applyRemote(TestMaps.remote(Change.setLabel("b", "Trade union"),
                Change.add(Element.node("d", "actor", "City council", Geometry.box(500, 300, 100, 50), "4"))));
        assertEquals(ToolState.DRAGGING, tool.state());
        assertEquals("Trade union", vm.displayed().element("b").label(), "the remote change shows at once");
        assertTrue(vm.displayed().contains("d"));
        move(250, 325);
        assertEquals(200, vm.displayed().element("a").geometry().x(), 1e-9, "the preview still follows the pointer");
        up(250, 325);

        assertEquals(Geometry.box(200, 300, 100, 50), session.document().element("a").geometry());
        assertEquals("Trade union", session.document().element("b").label());
        assertEquals(1, session.history().undoDepth(), "only the local drag is undoable");
        vm.undo();
        assertEquals(Geometry.box(0, 0, 100, 50), session.document().element("a").geometry());
        assertEquals("Trade union", session.document().element("b").label(), "undo leaves the remote change alone");
        assertTrue(session.document().contains("d"));
    }

    @Test
    void a_node_removed_remotely_mid_drag_is_left_out_of_the_commit() {
        vm.select(List.of("a", "c"));
        down(50, 25);
        move(50, 100);
        session.applyRemote(TestMaps.remote(Change.remove("c")));
        up(50, 100);
        assertFalse(session.document().contains("c"));
        assertEquals(75, session.document().element("a").geometry().y(), 1e-9);
    }

    @Test
    void rubber_band_selects_what_it_touches_and_replaces_the_selection() {
        vm.select(List.of("b"));
        down(-10, -10);
        move(120, 260);
        assertEquals(ToolState.RUBBER_BAND, tool.state());
        assertNotNull(vm.rubberBand());
        up(120, 260);
        assertEquals(Set.of("a", "c"), vm.selection());
        assertNull(vm.rubberBand());
        assertEquals(0, session.history().undoDepth(), "selecting changes nothing in the map");
    }

    @Test
    void dragging_from_a_node_edge_links_it_with_the_current_link_type_and_a_second_type_can_join_the_pair() {
        down(98, 25); // the right edge of a
        assertEquals(ToolState.CONNECTING, tool.state());
        move(200, 25);
        move(350, 25);
        assertEquals("b", vm.connectTarget());
        up(350, 25);
        List<Element> links = session.document().links().toList();
        assertEquals(1, links.size());
        assertEquals("funding", links.get(0).type());
        assertEquals("a", links.get(0).source());
        assertEquals("b", links.get(0).target());

        vm.clearSelection();
        vm.setLinkType("information");
        down(98, 25);
        move(350, 25);
        up(350, 25);
        assertEquals(Set.of("funding", "information"),
                session.document().links().map(Element::type).collect(java.util.stream.Collectors.toSet()));
        assertEquals(2, session.history().undoDepth());
    }

    @Test
    void connecting_onto_empty_space_adds_nothing() {
        down(98, 25);
        move(600, 500);
        up(600, 500);
        assertEquals(0, session.document().links().count());
        assertNull(vm.connectFrom());
    }

    @Test
    void the_connect_handle_of_a_selected_node_starts_a_link() {
        vm.select(List.of("c"));
        Handle h = Handle.of(vm).stream().filter(x -> x.kind() == Handle.Kind.CONNECT).findFirst().orElseThrow();
        down(h.sx(), h.sy());
        assertEquals(ToolState.CONNECTING, tool.state());
        move(50, 25);
        up(50, 25);
        Element link = session.document().links().findFirst().orElseThrow();
        assertEquals("c", link.source());
        assertEquals("a", link.target());
    }

    @Test
    void escape_abandons_a_drag_and_leaves_the_map_as_it_was() {
        MapDocument before = session.document();
        down(50, 25);
        move(200, 200);
        assertTrue(tool.handle(new KeyDown("ESCAPE", "", Modifiers.NONE)));
        assertEquals(ToolState.IDLE, tool.state());
        up(200, 200);
        assertEquals(before, session.document());
        assertEquals(before, vm.displayed());
        assertEquals(0, session.history().undoDepth());
    }

    @Test
    void space_drag_and_middle_drag_pan_the_view_without_touching_the_map() {
        tool.handle(new KeyDown("SPACE", " ", Modifiers.NONE));
        down(50, 25);
        assertEquals(ToolState.PANNING, tool.state(), "space + press pans even over a node");
        move(150, 75);
        up(150, 75);
        tool.handle(new KeyUp("SPACE", Modifiers.NONE));
        assertEquals(-100, vm.camera().originX(), 1e-9);
        assertEquals(-50, vm.camera().originY(), 1e-9);

        tool.handle(new PointerDown(0, 0, 0, 0, Button.MIDDLE, 1, Modifiers.NONE));
        assertEquals(ToolState.PANNING, tool.state());
        tool.handle(new PointerMove(0, 0, 10, 20, Modifiers.NONE));
        tool.handle(new PointerUp(0, 0, 10, 20, Button.MIDDLE, Modifiers.NONE));
        assertEquals(-110, vm.camera().originX(), 1e-9);
        assertEquals(0, session.history().undoDepth());
        assertEquals(Geometry.box(0, 0, 100, 50), session.document().element("a").geometry());
    }

    @Test
    void double_click_on_empty_canvas_names_a_new_node_in_one_undo_step_and_escape_adds_nothing() {
        doubleClick(600, 400);
        assertEquals(ToolState.EDITING_TEXT, tool.state());
        assertTrue(vm.labelEdit().isNewNode());
        vm.cancelLabelEdit();
        assertEquals(3, session.document().size());

        doubleClick(600, 400);
        vm.commitLabel("Health inspectors");
        assertEquals(ToolState.IDLE, tool.state());
        Element added = session.document().nodes().filter(e -> e.label().equals("Health inspectors"))
                .findFirst().orElseThrow();
        assertEquals(600, added.geometry().centerX(), 1e-9);
        assertEquals(1, session.history().undoDepth());
    }

    @Test
    void a_quick_second_press_that_drags_moves_the_node_and_opens_no_label_editor() {
        down(50, 25);
        up(50, 25);
        tool.handle(new PointerDown(50, 25, 50, 25, Button.PRIMARY, 2, Modifiers.NONE));
        move(80, 45);
        up(80, 45);
        assertNull(vm.labelEdit());
        assertEquals(Geometry.box(30, 20, 100, 50), session.document().element("a").geometry());
        assertEquals(1, session.history().undoDepth());
    }

    @Test
    void double_click_on_a_node_edits_its_label_in_place() {
        doubleClick(50, 25);
        assertEquals("a", vm.labelEdit().elementId());
        assertEquals("Employers", vm.labelEdit().text());
        vm.commitLabel("Big employers");
        assertEquals("Big employers", session.document().element("a").label());
    }

    @Test
    void the_resize_handle_resizes_in_one_step() {
        vm.select(List.of("a"));
        down(100, 50);
        assertEquals(ToolState.RESIZING, tool.state());
        move(140, 70);
        assertEquals(100, session.document().element("a").geometry().width(), 1e-9);
        up(160, 90);
        assertEquals(Geometry.box(0, 0, 160, 90), session.document().element("a").geometry());
        assertEquals(1, session.history().undoDepth());
    }

    @Test
    void dragging_the_tower_handle_raises_the_influence_by_one_level_per_step() {
        vm.select(List.of("b"));
        Handle h = Handle.of(vm).stream().filter(x -> x.kind() == Handle.Kind.TOWER).findFirst().orElseThrow();
        down(h.sx(), h.sy());
        assertEquals(ToolState.RAISING_TOWER, tool.state());
        move(h.sx(), h.sy() - 3 * SelectTool.TOWER_STEP);
        assertEquals(new Value.Int(3), vm.displayed().element("b").attribute(TestMethod.INFLUENCE));
        assertNull(session.document().element("b").attribute(TestMethod.INFLUENCE));
        up(h.sx(), h.sy() - 3 * SelectTool.TOWER_STEP);
        assertEquals(new Value.Int(3), session.document().element("b").attribute(TestMethod.INFLUENCE));
        assertEquals(1, session.history().undoDepth());
    }

    @Test
    void with_the_grid_on_a_dragged_node_snaps_to_it() {
        vm.setGrid(true);
        down(50, 25);
        move(83, 47);
        up(83, 47);
        Geometry g = session.document().element("a").geometry();
        assertEquals(40, g.x(), 1e-9);
        assertEquals(20, g.y(), 1e-9);
    }
}
