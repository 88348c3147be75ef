package org.mapwork.collab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import org.mapwork.model.MapDocument;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/** The palette's method parts (docs/protocol.md section 8) say what each method's schema and templates say. */
class BrowserPaletteTest {

    private static ObjectNode paletteOf(String methodId) {
        MethodTemplate method = Methods.byId(methodId).orElseThrow();
        MapDocument starter = method.starter(true, Locale.ENGLISH);
        return BrowserPalette.of(starter);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.path(field).asText()));
        return out;
    }

    @Test
    void net_map_offers_goals_held_by_actors_with_the_stances_of_the_goals_rows() {
        ObjectNode p = paletteOf("net-map");
        JsonNode held = p.path("held");
        assertEquals("goals", held.path("attribute").asText());
        assertEquals("goals", held.path("mapAttribute").asText());
        assertEquals(List.of("actor"), texts(held.path("types"), null));
        assertEquals("stance", held.path("choice").path("column").asText());
        assertTrue(texts(held.path("choice").path("options"), "value").containsAll(List.of("for", "against", "neutral")));
        assertEquals("a favor", held.path("choice").path("options").get(0).path("label").path("es").asText());
        assertFalse(p.has("below") || p.has("line") || p.has("pictograms"), "nothing of other methods: " + p);
        assertEquals(Methods.byId("net-map").orElseThrow().steps(Locale.ENGLISH).size(), p.path("steps").size());
    }

    @Test
    void a_theory_of_change_offers_preconditions_below_indicators_and_its_ceiling() {
        ObjectNode p = paletteOf("theory-of-change");
        assertEquals("precondition", p.path("below").path("type").asText());
        assertEquals("causal", p.path("below").path("links").path("long-term-outcome").asText());
        assertFalse(p.path("below").path("links").has("intervention"), "a precondition leads to no intervention");
        JsonNode indicators = p.path("rows").get(0);
        assertEquals("indicators", indicators.path("attribute").asText());
        assertEquals(List.of("measure", "population", "target", "threshold", "byWhen"), texts(indicators.path("columns"), "name"));
        assertEquals("date", indicators.path("columns").get(4).path("type").asText());
        assertEquals("ceilingY", p.path("line").path("attribute").asText());
        assertFalse(p.has("held"));
    }

    @Test
    void a_rich_picture_offers_its_pictograms_and_every_method_the_stroke() {
        ObjectNode p = paletteOf("rich-picture");
        assertEquals("sticker", p.path("pictograms").path("type").asText());
        assertTrue(texts(p.path("pictograms").path("names"), "value").contains("worker"));
        assertEquals("stroke", p.path("stroke").asText());
        assertEquals("stroke", paletteOf("net-map").path("stroke").asText());
    }
}
