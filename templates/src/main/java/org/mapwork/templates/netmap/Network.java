package org.mapwork.templates.netmap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simple graph of actors (no self-loops, at most one arc per ordered pair), directed or mutual, with the
 * measures a Net-Map analysis reports. Values follow networkx's definitions so that they can be checked against
 * it: degree as {@code in_degree}/{@code out_degree} (directed) or {@code degree} (mutual), betweenness by
 * Brandes' algorithm normalised like {@code betweenness_centrality(G, normalized=True)}.
 */
public final class Network {

    private final List<String> nodes;
    private final boolean directed;
    private final Map<String, Set<String>> out = new LinkedHashMap<>();
    private final Map<String, Set<String>> in = new LinkedHashMap<>();

    /**
     * @param nodes    every actor, linked or not (isolates count in n)
     * @param directed whether arcs are one-way; mutual pairs are stored both ways
     * @param pairs    source and target ids; pairs with unknown ends or a node twice are ignored
     */
    public Network(List<String> nodes, boolean directed, Collection<String[]> pairs) {
        this.nodes = List.copyOf(new LinkedHashSet<>(nodes));
        this.directed = directed;
        for (String n : this.nodes) {
            out.put(n, new LinkedHashSet<>());
            in.put(n, new LinkedHashSet<>());
        }
        for (String[] p : pairs) {
            if (!out.containsKey(p[0]) || !out.containsKey(p[1]) || p[0].equals(p[1])) {
                continue;
            }
            arc(p[0], p[1]);
            if (!directed) {
                arc(p[1], p[0]);
            }
        }
    }

    private void arc(String a, String b) {
        out.get(a).add(b);
        in.get(b).add(a);
    }

    public List<String> nodes() {
        return nodes;
    }

    public boolean directed() {
        return directed;
    }

    /** Number of distinct ties: arcs when directed, unordered pairs when mutual. */
    public int size() {
        int arcs = out.values().stream().mapToInt(Set::size).sum();
        return directed ? arcs : arcs / 2;
    }

    /** Whether there is an arc from a to b (both ways for a mutual tie). */
    public boolean hasArc(String a, String b) {
        return out.containsKey(a) && out.get(a).contains(b);
    }

    public int inDegree(String n) {
        return in.get(n).size();
    }

    public int outDegree(String n) {
        return out.get(n).size();
    }

    /** Number of distinct neighbours, either way. */
    public int neighbours(String n) {
        Set<String> all = new LinkedHashSet<>(out.get(n));
        all.addAll(in.get(n));
        return all.size();
    }

    /** Actors with no tie at all. */
    public List<String> isolates() {
        return nodes.stream().filter(n -> out.get(n).isEmpty() && in.get(n).isEmpty()).toList();
    }

    /**
     * Betweenness centrality by Brandes (2001): for every pair s ≠ t, the share of shortest s→t paths through v.
     * Normalised by 1/((n−1)(n−2)) over ordered pairs, which for a mutual graph equals networkx's
     * 2/((n−1)(n−2)) over unordered pairs.
     */
    public Map<String, Double> betweenness() {
        Map<String, Double> cb = new LinkedHashMap<>();
        nodes.forEach(n -> cb.put(n, 0.0));
        for (String s : nodes) {
            Deque<String> stack = new ArrayDeque<>();
            Map<String, List<String>> pred = new HashMap<>();
            Map<String, Double> sigma = new HashMap<>();
            Map<String, Integer> dist = new HashMap<>();
            sigma.put(s, 1.0);
            dist.put(s, 0);
            Deque<String> queue = new ArrayDeque<>();
            queue.add(s);
            while (!queue.isEmpty()) {
                String v = queue.poll();
                stack.push(v);
                for (String w : out.get(v)) {
                    if (!dist.containsKey(w)) {
                        dist.put(w, dist.get(v) + 1);
                        queue.add(w);
                    }
                    if (dist.get(w) == dist.get(v) + 1) {
                        sigma.merge(w, sigma.get(v), Double::sum);
                        pred.computeIfAbsent(w, k -> new ArrayList<>()).add(v);
                    }
                }
            }
            Map<String, Double> delta = new HashMap<>();
            while (!stack.isEmpty()) {
                String w = stack.pop();
                double dw = delta.getOrDefault(w, 0.0);
                for (String v : pred.getOrDefault(w, List.of())) {
                    delta.merge(v, sigma.get(v) / sigma.get(w) * (1 + dw), Double::sum);
                }
                if (!w.equals(s)) {
                    cb.merge(w, dw, Double::sum);
                }
            }
        }
        int n = nodes.size();
        if (n > 2) {
            double scale = 1.0 / ((n - 1.0) * (n - 2.0));
            cb.replaceAll((k, v) -> v * scale);
        }
        return cb;
    }

    /**
     * Brokers: actors whose removal splits the actors they are tied to into separate groups (articulation points of
     * the graph read without direction), with how many groups each would leave apart.
     */
    public Map<String, Integer> brokers() {
        Map<String, Integer> out = new LinkedHashMap<>();
        int before = components(null);
        for (String n : nodes) {
            if (neighbours(n) < 2) {
                continue;
            }
            // removing n also removes it as a component of its own, hence + 1
            int after = components(n) + 1;
            if (after > before + 1) {
                out.put(n, after - before);
            }
        }
        return out;
    }

    /** Connected components (direction ignored), leaving out {@code without}. */
    private int components(String without) {
        Set<String> seen = new LinkedHashSet<>();
        int count = 0;
        for (String start : nodes) {
            if (start.equals(without) || !seen.add(start)) {
                continue;
            }
            count++;
            Deque<String> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty()) {
                String v = todo.poll();
                Set<String> next = new LinkedHashSet<>(out.get(v));
                next.addAll(in.get(v));
                for (String w : next) {
                    if (!w.equals(without) && seen.add(w)) {
                        todo.add(w);
                    }
                }
            }
        }
        return count;
    }
}
