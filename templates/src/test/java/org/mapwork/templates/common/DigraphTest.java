package org.mapwork.templates.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DigraphTest {

    private static Digraph graph(String... arcs) {
        Digraph g = new Digraph();
        for (String a : arcs) {
            String[] ab = a.split(">");
            g.addArc(ab[0], ab[1]);
        }
        return g;
    }

    @Test
    void aLoopIsReportedAsARealCycleNotAsItsComponentsNodes() {
        // a ⇄ b ⇄ c: one component {a, b, c}, but there is no arc c → a, so "a → b → c → a" would be false
        Digraph g = graph("a>b", "b>a", "b>c", "c>b", "c>d");
        assertEquals(List.of(List.of("a", "b", "c"), List.of("d")), g.stronglyConnectedComponents());
        List<Digraph.Loop> loops = g.loops();
        assertEquals(1, loops.size());
        assertEquals(List.of("a", "b", "c"), loops.get(0).component());
        assertEquals(List.of("a", "b"), loops.get(0).cycle());
    }

    @Test
    void theCycleIsAShortestOneThroughTheFirstNode() {
        Digraph g = graph("a>b", "b>c", "c>d", "d>a", "b>d");
        assertEquals(List.of("a", "b", "d"), g.loops().get(0).cycle());
    }

    @Test
    void anArrowFromANodeToItselfIsALoopAndANodeAloneIsNot() {
        Digraph g = graph("a>a", "b>c");
        List<Digraph.Loop> loops = g.loops();
        assertEquals(1, loops.size());
        assertEquals(List.of("a"), loops.get(0).cycle());
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")), g.stronglyConnectedComponents());
    }

    @Test
    void onRandomGraphsComponentsAreMutualReachabilityAndEveryCycleFollowsArcs() {
        Random random = new Random(20261203);
        for (int k = 0; k < 200; k++) {
            int n = 1 + random.nextInt(12);
            Digraph g = new Digraph();
            for (int i = 0; i < n; i++) {
                g.addNode("v" + i);
            }
            for (int i = random.nextInt(3 * n); i > 0; i--) {
                g.addArc("v" + random.nextInt(n), "v" + random.nextInt(n));
            }
            List<List<String>> components = g.stronglyConnectedComponents();
            Set<String> covered = new HashSet<>();
            for (List<String> c : components) {
                for (String v : c) {
                    assertTrue(covered.add(v), "each node in one component");
                    for (String w : g.nodes()) {
                        boolean mutual = g.reachableFrom(List.of(v)).contains(w) && g.reachableFrom(List.of(w)).contains(v);
                        assertEquals(mutual, c.contains(w), "graph " + k + ": " + v + " and " + w);
                    }
                }
            }
            assertEquals(g.nodes(), covered);
            int withLoop = 0;
            for (List<String> c : components) {
                if (c.size() > 1 || g.successors(c.get(0)).contains(c.get(0))) {
                    withLoop++;
                }
            }
            assertEquals(withLoop, g.loops().size());
            for (Digraph.Loop loop : g.loops()) {
                List<String> cycle = loop.cycle();
                assertEquals(loop.component().get(0), cycle.get(0));
                assertEquals(cycle.size(), new HashSet<>(cycle).size(), "a simple cycle");
                assertTrue(loop.component().containsAll(cycle));
                List<String> around = new ArrayList<>(cycle);
                around.add(cycle.get(0));
                for (int i = 0; i + 1 < around.size(); i++) {
                    assertTrue(g.successors(around.get(i)).contains(around.get(i + 1)),
                            "graph " + k + ": " + around.get(i) + " → " + around.get(i + 1) + " in " + cycle);
                }
            }
        }
    }
}
