package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.templates.Methods;

/**
 * The native reader makes each element as it meets it in the file; a file whose keys come in another order than
 * Mapwork writes them (the header, or Net-Map's link types in the map's attributes, after the elements) still reads
 * as the same map, and its problems are still named by their JSON path. Net-Map, because its links' types are
 * defined by the map's attributes.
 */
class MapFileOrderTest {

    private final MapJsonReader reader = new MapJsonReader(Methods.schemas());
    private final ObjectMapper json = new ObjectMapper();

    private static MapDocument example() {
        return Methods.byId("net-map").orElseThrow().starter(true, Locale.ENGLISH);
    }

    /** The map's JSON with its root keys in {@code order} (the others after them, as written). */
    private String reordered(MapDocument doc, List<String> order) {
        ObjectNode written = MapJson.toTree(doc);
        ObjectNode root = json.createObjectNode();
        for (String k : order) {
            root.set(k, written.get(k));
        }
        written.properties().forEach(f -> root.putIfAbsent(f.getKey(), f.getValue()));
        return root.toPrettyString();
    }

    @Test
    void the_header_or_the_link_types_after_the_elements_read_as_the_same_map() throws Exception {
        MapDocument doc = example();
        assertTrue(doc.links().count() > 5 && doc.mapAttributes().containsKey("linkTypes"), "links whose types the map defines");
        List<List<String>> orders = List.of(List.of(), List.of("elements"), List.of("format", "version", "id", "title",
                "method", "created", "elements"), List.of("method", "elements", "attributes"));
        for (List<String> order : orders) {
            String text = reordered(doc, order);
            assertEquals(doc, reader.read("reordered", text), "keys in the order " + order);
        }
    }

    @Test
    void a_bad_link_read_after_its_link_types_is_named_by_its_path_wherever_it_stands() throws Exception {
        MapDocument doc = example();
        ObjectNode tree = MapJson.toTree(doc);
        List<Integer> links = new ArrayList<>();
        for (int i = 0; i < tree.get("elements").size(); i++) {
            if (tree.get("elements").get(i).path("kind").asText().equals("link")) {
                links.add(i);
            }
        }
        int bad = links.get(links.size() / 2);
        ((ObjectNode) tree.get("elements").get(bad)).put("type", "no-such-link-type");
        for (List<String> order : List.of(List.<String>of(), List.of("elements"))) {
            ObjectNode root = json.createObjectNode();
            order.forEach(k -> root.set(k, tree.get(k)));
            tree.properties().forEach(f -> root.putIfAbsent(f.getKey(), f.getValue()));
            MapFormatException e = assertThrows(MapFormatException.class, () -> reader.read("bad", root.toPrettyString()));
            assertEquals("$.elements[" + bad + "].type", e.location(), order + ": " + e.getMessage());
            assertTrue(e.problem().contains("unknown link type \"no-such-link-type\""), e.problem());
        }
        JsonNode unchanged = MapJson.toTree(doc);
        assertEquals(doc, reader.read("tree", unchanged), "a tree handed to read(source, tree) is left as it was");
        assertEquals(MapJson.toTree(doc), unchanged);
    }
}
