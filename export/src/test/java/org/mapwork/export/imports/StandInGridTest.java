package org.mapwork.export.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapwork.export.ExportFormat;
import org.mapwork.export.MapExporter;
import org.mapwork.export.MapImporter;
import org.mapwork.model.ElementRules;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.InputLimits;
import org.mapwork.model.json.MapJson;
import org.mapwork.templates.Methods;

/**
 * Nodes a file gives no place are placed inside the model's coordinates for any count the element limit allows: a
 * 1,000,000-row CSV was refused at row 666,674 on the place its own import gave it (issue 15, finding 6).
 */
class StandInGridTest {

    @TempDir
    Path dir;

    @Test
    void the_last_of_as_many_nodes_as_the_element_limit_allows_is_placed_inside_the_largest_coordinate() {
        int count = (int) InputLimits.current().maxElements();
        StandInGrid grid = new StandInGrid(count, 8, 200, 120);
        double x = 0, y = 0;
        for (int i = count - 1_000; i < count; i++) {
            x = Math.max(x, grid.x(i) + 160);
            y = Math.max(y, grid.y(i) + 64);
        }
        assertTrue(x <= ElementRules.MAX_COORDINATE && y <= ElementRules.MAX_COORDINATE, x + ", " + y);
        // the grid that ran off: 8 columns reach it long before
        assertTrue((count - 1) / 8 * 120.0 > ElementRules.MAX_COORDINATE);
        // a short sheet still reads as before, 8 to a row
        StandInGrid small = new StandInGrid(20, 8, 200, 120);
        assertEquals(List.of(1400.0, 0.0, 0.0, 120.0), List.of(small.x(7), small.y(7), small.x(8), small.y(8)));
    }

    @Test
    void a_csv_of_many_actors_without_places_gets_a_square_grid() throws Exception {
        StringBuilder csv = new StringBuilder("id,label\n");
        for (int i = 0; i < 400; i++) {
            csv.append('a').append(i).append(",Actor ").append(i).append('\n');
        }
        MapDocument doc = new CsvImport(new ImportContext(Methods.schemas(), "net-map")).read("actors.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), null, null).document();
        assertEquals(400, doc.nodes().count());
        // 20 × 20, not 8 × 50
        assertEquals(19 * 200.0, doc.element("a19").geometry().x());
        assertEquals(120.0, doc.element("a20").geometry().y());
        assertEquals(19 * 120.0, doc.element("a399").geometry().y());
    }

    @Test
    void a_map_with_coordinates_near_the_largest_goes_through_csv_and_back_unchanged() throws Exception {
        MapDocument example = Methods.byId("net-map").orElseThrow().starter(true, java.util.Locale.ENGLISH);
        var tree = MapJson.toTree(example);
        double max = ElementRules.MAX_COORDINATE;
        int k = 0;
        for (var e : tree.get("elements")) {
            if (e.path("kind").asText().equals("node")) {
                var g = (com.fasterxml.jackson.databind.node.ObjectNode) e.get("geometry");
                g.put("x", (k % 2 == 0 ? 1 : -1) * (max - 0.5 - k * 1234.25));
                g.put("y", (k % 3 == 0 ? -1 : 1) * (max - 170 - k));
                k++;
            }
        }
        assertTrue(k > 5);
        MapDocument far = new org.mapwork.model.json.MapJsonReader(Methods.schemas()).read("far", tree);
        List<Path> files = new MapExporter().export(far, ExportFormat.CSV, dir.resolve("far-nodes.csv"), MapExporter.Options.defaults());
        assertTrue(Files.readString(files.get(0)).contains("9999999.5"), "written as plain numbers");
        MapDocument back = new MapImporter(new ImportContext(Methods.schemas(), "net-map")).read(files.get(0)).document();
        assertEquals(MapJson.toJson(far), MapJson.toJson(back));
    }
}
