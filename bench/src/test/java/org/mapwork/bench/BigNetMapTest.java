package org.mapwork.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mapwork.model.Element;
import org.mapwork.model.ElementRules;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.Finding;
import org.mapwork.templates.Methods;

class BigNetMapTest {

    private final MapDocument map = BigNetMap.generate(300, 450, 7);

    @Test
    void has_the_requested_actors_and_links_of_the_net_map_method() {
        assertEquals("net-map", map.methodId());
        assertEquals(300, map.nodes().count());
        assertEquals(450, map.links().count());
        assertTrue(map.nodes().allMatch(n -> n.type().equals("actor")));
    }

    @Test
    void every_element_meets_the_schema_rules() {
        for (Element e : map.elements()) {
            assertNull(ElementRules.check(map, BigNetMap.schema(), e), e.id());
        }
    }

    @Test
    void links_use_the_maps_own_link_types_and_towers_and_goals_are_there() {
        var types = BigNetMap.schema().linkTypesOf(map.mapAttributes()).keySet();
        assertTrue(map.links().allMatch(l -> types.contains(l.type())), "link types come from the map's linkTypes rows");
        assertTrue(map.nodes().anyMatch(n -> n.attribute("influence") != null), "some actors have an influence tower");
        assertTrue(map.nodes().anyMatch(n -> n.attribute("goals") != null), "some actors hold goals");
        List<Finding> findings = Methods.byId("net-map").orElseThrow().check(map);
        assertTrue(findings.stream().noneMatch(f -> f.rule().equals("net-map.no-framing-question")), findings.toString());
    }

    @Test
    void the_same_seed_gives_the_same_map() {
        MapDocument again = BigNetMap.generate(300, 450, 7);
        // the starter stamps its own id and creation time; the content is what must repeat
        assertEquals(List.copyOf(map.elements()), List.copyOf(again.elements()));
        assertEquals(map.mapAttributes(), again.mapAttributes());
    }
}
