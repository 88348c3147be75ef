package org.mapwork.editor.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mapwork.editor.canvas.BoxHitTester;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.Value;

/** The map view model's editing commands: each one change set, each undoable as one step. */
class MapViewModelTest {

    private MapSession session;
    private MapViewModel vm;

    @BeforeEach
    void setUp() {
        session = TestMaps.threeActors();
        vm = TestMaps.viewModel(session);
    }

    @Test
    void quick_add_makes_one_node_per_line_none_overlapping_in_one_undo_step() {
        List<String> ids = vm.edits().quickAdd("Temp agency\n\n  Gig platform \nLabour inspectorate\n");
        assertEquals(3, ids.size());
        MapDocument doc = session.document();
        assertEquals(List.of("Temp agency", "Gig platform", "Labour inspectorate"),
                ids.stream().map(id -> doc.element(id).label()).toList());
        List<Element> nodes = doc.nodes().toList();
        for (Element a : nodes) {
            for (Element b : nodes) {
                if (a != b) {
                    Geometry g = b.geometry();
                    assertFalse(a.geometry().intersects(g.x(), g.y(), g.width(), g.height()),
                            a.label() + " overlaps " + b.label());
                }
            }
        }
        assertEquals(1, session.history().undoDepth());
        assertEquals(Set.copyOf(ids), vm.selection().ids());
        vm.edits().undo();
        assertEquals(3, session.document().size());
        vm.edits().redo();
        assertEquals(6, session.document().size());
    }

    @Test
    void delete_takes_links_along_and_undo_restores_them() {
        vm.edits().connect("a", "b");
        vm.selection().select(List.of("a"));
        vm.edits().deleteSelection();
        assertFalse(session.document().contains("a"));
        assertEquals(0, session.document().links().count());
        vm.edits().undo();
        assertTrue(session.document().contains("a"));
        assertEquals(1, session.document().links().count());
    }

    @Test
    void copy_and_paste_between_two_maps_brings_nodes_and_the_link_between_them() {
        String link = vm.edits().connect("a", "b").orElseThrow();
        vm.selection().select(List.of("a", "b", link));
        ClipboardPort clipboard = ClipboardPort.inMemory();
        MapViewModel source = new MapViewModel(session, null, TestMaps.SCHEMAS, new BoxHitTester(), clipboard);
        source.selection().select(List.of("a", "b"));
        assertTrue(source.clipboard().copySelection());
        assertTrue(clipboard.text().orElseThrow().contains("\"format\""), "native Mapwork JSON");

        MapSession other = new MapSession(TestMaps.empty(), TestMaps.SCHEMA, "tester", 0);
        MapViewModel target = new MapViewModel(other, null, TestMaps.SCHEMAS, new BoxHitTester(), clipboard);
        List<String> pasted = target.clipboard().paste();
        assertEquals(3, pasted.size());
        MapDocument doc = other.document();
        assertEquals(Set.of("Employers", "Union"), doc.nodes().map(Element::label).collect(java.util.stream.Collectors.toSet()));
        Element l = doc.links().findFirst().orElseThrow();
        assertTrue(doc.contains(l.source()) && doc.contains(l.target()));
        assertFalse(doc.contains("a"), "pasted elements get new ids");
        assertEquals(1, other.history().undoDepth());
    }

    @Test
    void pasting_plain_text_quick_adds_one_node_per_line() {
        ClipboardPort clipboard = ClipboardPort.inMemory();
        clipboard.putMapJson("Neighbours\nChurch");
        MapViewModel v = new MapViewModel(session, null, TestMaps.SCHEMAS, new BoxHitTester(), clipboard);
        assertEquals(2, v.clipboard().paste().size());
    }

    @Test
    void pasting_a_broken_fragment_says_why_and_changes_nothing() {
        ClipboardPort clipboard = ClipboardPort.inMemory();
        clipboard.putMapJson("{\"format\": \"mapwork\", \"version\": 1, \"elements\": 3}");
        MapViewModel v = new MapViewModel(session, null, TestMaps.SCHEMAS, new BoxHitTester(), clipboard);
        MapDocument before = session.document();
        assertEquals(List.of(), v.clipboard().paste());
        assertTrue(v.status().startsWith("Cannot paste: "), v.status());
        assertEquals(before, session.document());
    }

    @Test
    void duplicate_places_a_copy_beside_the_original() {
        vm.selection().select(List.of("c"));
        List<String> copy = vm.clipboard().duplicateSelection();
        assertEquals(1, copy.size());
        Element dup = session.document().element(copy.get(0));
        assertEquals("Clinic", dup.label());
        assertEquals(24, dup.geometry().x(), 1e-9);
        assertEquals(Set.copyOf(copy), vm.selection().ids());
    }

    @Test
    void align_and_distribute_are_one_step_each() {
        session.apply("wide", Change.add(Element.node("d", "actor", "D", Geometry.box(900, 40, 100, 50), "4")));
        vm.selection().select(List.of("a", "b", "d"));
        vm.edits().align(Arrangement.Align.BOTTOM);
        assertEquals(90, session.document().element("a").geometry().y() + 50, 1e-9);
        assertEquals(40, session.document().element("b").geometry().y(), 1e-9);
        session.apply("skew", Change.setGeometry("b", Geometry.box(150, 40, 100, 50)));
        vm.edits().distribute(true);
        // a: 0..100, d: 900..1000; three boxes of 100 leave gaps of 350
        assertEquals(450, session.document().element("b").geometry().x(), 1e-9);
        vm.edits().undo();
        assertEquals(150, session.document().element("b").geometry().x(), 1e-9);
    }

    @Test
    void bring_to_front_and_send_to_back_reorder_with_order_keys() {
        vm.selection().select(List.of("a"));
        vm.edits().bringToFront();
        List<Element> order = session.document().inDrawOrder();
        assertEquals("a", order.get(order.size() - 1).id());
        vm.selection().select(List.of("c"));
        vm.edits().sendToBack();
        assertEquals("c", session.document().inDrawOrder().get(0).id());
    }

    @Test
    void retyping_the_selected_links_changes_their_type_and_the_type_of_the_next_link() {
        String l = vm.edits().connect("a", "b").orElseThrow();
        vm.selection().select(List.of(l));
        vm.retypeSelectedLinks("information");
        assertEquals("information", session.document().element(l).type());
        assertEquals("information", vm.linkType());
    }

    @Test
    void choosing_the_link_type_for_the_next_link_leaves_the_selected_link_as_it_is() {
        String l = vm.edits().connect("a", "b").orElseThrow();
        String drawn = session.document().element(l).type();
        vm.selection().select(List.of(l));
        int depth = session.history().undoDepth();
        vm.setLinkType("information");
        assertEquals(drawn, session.document().element(l).type());
        assertEquals("information", vm.linkType());
        assertEquals(depth, session.history().undoDepth());
    }

    @Test
    void towers_rise_and_fall_with_keys_within_their_range() {
        MethodCommands method = new MethodCommands(vm, new MethodCommands.Prompts() {
        });
        vm.selection().select(List.of("a", "b"));
        method.run("raise-tower");
        method.run("raise-tower");
        assertEquals(new Value.Int(2), session.document().element("a").attribute(TestMethod.INFLUENCE));
        method.run("lower-tower");
        assertEquals(new Value.Int(1), session.document().element("b").attribute(TestMethod.INFLUENCE));
        for (int i = 0; i < 15; i++) {
            method.run("raise-tower");
        }
        assertEquals(new Value.Int(10), session.document().element("a").attribute(TestMethod.INFLUENCE), "capped at the maximum");
    }

    @Test
    void a_refused_change_leaves_the_map_and_says_why() {
        MapDocument before = session.document();
        assertFalse(vm.edits().setAttribute("a", TestMethod.INFLUENCE, new Value.Int(-4)));
        assertEquals(before, session.document());
        assertTrue(vm.status().startsWith("Not done: "), vm.status());
    }

    @Test
    void every_applied_change_set_reaches_the_views_whatever_its_origin() {
        List<MapViewModel.Aspect> heard = new ArrayList<>();
        vm.addListener(heard::add);
        vm.selection().select(List.of("a"));
        vm.edits().nudgeSelection(10, 0);
        vm.edits().undo();
        vm.edits().redo();
        session.applyRemote(TestMaps.remote(Change.setLabel("c", "Free clinic")));
        assertEquals(4, heard.stream().filter(a -> a == MapViewModel.Aspect.DOCUMENT).count());
    }

    @Test
    void zoom_stays_between_ten_and_eight_hundred_percent() {
        for (int i = 0; i < 40; i++) {
            vm.viewing().zoomBy(1.25);
        }
        assertEquals(800, vm.camera().percent());
        for (int i = 0; i < 60; i++) {
            vm.viewing().zoomBy(0.8);
        }
        assertEquals(10, vm.camera().percent());
        vm.viewing().zoomToFit();
        assertTrue(vm.camera().visibleArea().contains(0, 0) && vm.camera().visibleArea().contains(400, 250));
    }

    @Test
    void zoom_to_fit_shows_a_small_map_at_its_natural_size_not_closer() {
        vm.viewing().zoomBy(0.5);
        vm.viewing().zoomToFit();
        assertEquals(100, vm.camera().percent(), "a few nodes open at 100 %, whatever room the window has");
        assertTrue(vm.camera().visibleArea().contains(0, 0) && vm.camera().visibleArea().contains(400, 250));
    }
}
