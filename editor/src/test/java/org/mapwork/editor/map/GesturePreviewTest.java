package org.mapwork.editor.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.Value;

/** A gesture's preview: laid over the model for the canvas, never in it. */
class GesturePreviewTest {

    private final MapSession session = TestMaps.threeActors();
    private final MapViewModel vm = TestMaps.viewModel(session);

    @Test
    void an_attribute_preview_shows_over_the_model_lifts_the_node_with_its_links_and_clear_ends_it() {
        String link = vm.edits().connect("a", "b").orElseThrow();
        MapDocument model = session.document();
        List<MapViewModel.Aspect> heard = new ArrayList<>();
        vm.addListener(heard::add);

        vm.preview().showAttribute("a", "influence", new Value.Int(3));
        assertEquals(new Value.Int(3), vm.displayed().element("a").attribute("influence"));
        assertSame(model, session.document(), "the model is not touched");
        assertEquals(Set.of("a", link), vm.preview().lifted());

        vm.preview().showGeometry("b", Geometry.box(500, 500, 140, 60));
        assertEquals(500, vm.displayed().element("b").geometry().x());
        assertEquals(new Value.Int(3), vm.displayed().element("a").attribute("influence"),
                "a resize leaves the attribute preview as it is");

        vm.preview().clear();
        assertSame(model, vm.displayed());
        assertEquals(Set.of(), vm.preview().lifted());
        assertEquals(List.of(MapViewModel.Aspect.PREVIEW, MapViewModel.Aspect.PREVIEW, MapViewModel.Aspect.PREVIEW),
                heard);
    }

    @Test
    void a_map_attribute_preview_is_read_back_and_shown() {
        vm.preview().showMapAttribute("ceilingY", new Value.Decimal(120));
        assertEquals(new Value.Decimal(120), vm.preview().mapAttribute("ceilingY"));
        vm.preview().clear();
        assertEquals(null, vm.preview().mapAttribute("ceilingY"));
    }
}
