package org.mapwork.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.common.LayoutSupport;
import org.mapwork.templates.common.LayoutSupport.Box;
import org.mapwork.templates.common.MapBuilder;
import org.mapwork.templates.netmap.NetMapTemplate;

/** Layout laws on random input (jqwik). */
class LayoutPropertiesTest {

    private static MapDocument apply(MapDocument doc, ChangeSet cs) {
        return LayoutsTest.apply(doc, cs);
    }

    private static void assertNoOverlap(MapDocument doc) {
        LayoutsTest.assertNoOverlap(doc);
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 60)
    void separatingBoxesLeavesNoOverlapAndNeverMovesFixedOnes(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 60) int count) {
        java.util.Random r = new java.util.Random(seed);
        Map<String, Box> boxes = new java.util.LinkedHashMap<>();
        Set<String> movable = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            boxes.put("n" + i, new Box(r.nextInt(300), r.nextInt(300), 20 + r.nextInt(150), 20 + r.nextInt(80)));
            if (r.nextInt(4) > 0) {
                movable.add("n" + i);
            }
        }
        // fixed boxes may overlap each other (the user put them there); only movable ones are guaranteed apart
        Map<String, Box> before = new java.util.LinkedHashMap<>(boxes);
        LayoutSupport.separate(boxes, movable, 10);
        for (String a : boxes.keySet()) {
            if (!movable.contains(a)) {
                assertEquals(before.get(a), boxes.get(a));
            }
            for (String b : boxes.keySet()) {
                if (a.compareTo(b) < 0 && (movable.contains(a) || movable.contains(b))) {
                    assertTrue(!boxes.get(a).overlaps(boxes.get(b), 0), a + " " + b);
                }
            }
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs();
    }

    @Property(tries = 25)
    void netMapLayoutOfRandomNetworksHasNoOverlap(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 40) int actors) {
        java.util.Random r = new java.util.Random(seed);
        MethodTemplate m = Methods.byId("net-map").orElseThrow();
        MapBuilder b = MapBuilder.of(m.schema(), "random", Locale.ENGLISH)
                .mapAttribute("linkTypes", NetMapTemplate.defaultLinkTypes(((org.mapwork.templates.AbstractMethodTemplate) m).textsIn(Locale.ENGLISH)));
        for (int i = 0; i < actors; i++) {
            b.node("a" + i, "actor", "Actor " + i, 0, 0, 120, 50, Map.of("influence", Value.integer(r.nextInt(12))));
        }
        String[] types = {"funding", "information", "conflict", "partnership"};
        for (int k = 0; k < r.nextInt(actors * 2 + 1); k++) {
            int s = r.nextInt(actors), t = r.nextInt(actors);
            if (s != t) {
                b.link("l" + k, types[r.nextInt(types.length)], "a" + s, "a" + t, Map.of());
            }
        }
        MapDocument doc = b.build();
        assertNoOverlap(apply(doc, m.layout(doc, Set.of())));
    }

    @Property(tries = 25)
    void problemTreeLayoutOfRandomTreesHasNoOverlap(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 40) int causes) {
        java.util.Random r = new java.util.Random(seed);
        MethodTemplate m = Methods.byId("problem-tree").orElseThrow();
        MapBuilder b = MapBuilder.of(m.schema(), "random", Locale.ENGLISH).node("p", "problem", "P", 0, 0, 240, 80, Map.of());
        for (int i = 0; i < causes; i++) {
            b.node("c" + i, i % 3 == 0 ? "effect" : "cause", "n" + i, 0, 0, 150 + r.nextInt(100), 50 + r.nextInt(30), Map.of());
            String other = i == 0 || r.nextInt(3) == 0 ? "p" : "c" + r.nextInt(i);
            if (i % 3 == 0) {
                b.link("l" + i, "causes", other, "c" + i, Map.of());
            } else {
                b.link("l" + i, "causes", "c" + i, other, Map.of());
            }
        }
        MapDocument doc = b.build();
        assertNoOverlap(apply(doc, m.layout(doc, Set.of())));
    }

    @Property(tries = 25)
    void theoryOfChangeLayoutOfRandomPathwaysHasNoOverlapAndKeepsTheCeilingBetween(@ForAll("seeds") long seed,
                                                                                    @ForAll @IntRange(min = 0, max = 30) int preconditions) {
        java.util.Random r = new java.util.Random(seed);
        MethodTemplate m = Methods.byId("theory-of-change").orElseThrow();
        MapBuilder b = MapBuilder.of(m.schema(), "random", Locale.ENGLISH)
                .node("impact", "impact", "I", 0, 0, 200, 70, Map.of()).node("lto", "long-term-outcome", "L", 0, 0, 200, 70, Map.of())
                .link("c-impact", "causal", "lto", "impact", Map.of());
        for (int i = 0; i < preconditions; i++) {
            b.node("p" + i, "precondition", "p" + i, 0, 0, 150 + r.nextInt(100), 50 + r.nextInt(40), Map.of());
            String to = i == 0 || r.nextInt(3) == 0 ? "lto" : "p" + r.nextInt(i);
            b.link("c" + i, "causal", "p" + i, to, Map.of());
            if (r.nextInt(3) == 0) {
                b.node("i" + i, "intervention", "i" + i, 0, 0, 180, 60, Map.of("attachedTo", Value.text(r.nextBoolean() ? "p" + i : "c" + i)));
            }
        }
        MapDocument doc = b.build();
        MapDocument after = apply(doc, m.layout(doc, Set.of()));
        assertNoOverlap(after);
        double ceiling = ((Value.Decimal) after.mapAttribute("ceilingY")).value();
        assertTrue(after.element("impact").geometry().y() + after.element("impact").geometry().height() <= ceiling);
        assertTrue(ceiling <= after.element("lto").geometry().y());
    }

    @Property(tries = 25)
    void fishboneLayoutOfRandomCausesHasNoOverlap(@ForAll("seeds") long seed, @ForAll @IntRange(min = 0, max = 40) int causes) {
        java.util.Random r = new java.util.Random(seed);
        MethodTemplate m = Methods.byId("fishbone").orElseThrow();
        MapBuilder b = MapBuilder.of(m.schema(), "random", Locale.ENGLISH).node("head", "head", "H", 0, 0, 200, 80, Map.of());
        int categories = 1 + r.nextInt(8);
        for (int c = 0; c < categories; c++) {
            b.node("cat" + c, "category", "c" + c, c, 0, 170, 50, Map.of());
        }
        for (int i = 0; i < causes; i++) {
            boolean sub = i > 0 && r.nextInt(3) == 0;
            b.node("k" + i, sub ? "subcause" : "cause", "k" + i, 0, 0, 180, 46, Map.of());
            if (r.nextInt(8) > 0) {
                b.link("on" + i, "on", "k" + i, sub ? "k" + r.nextInt(i) : "cat" + r.nextInt(categories), Map.of());
            }
        }
        MapDocument doc = b.build();
        assertNoOverlap(apply(doc, m.layout(doc, Set.of())));
    }
}
