package org.mapwork.templates.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;

/**
 * The directed graph a method reads from a map (causes → problem, precondition → outcome): nodes in a stable
 * order, arcs from links. Used by live checks (reachability, loops) and analysis (paths). Held as a JGraphT graph
 * (one arc per ordered pair, an arc from a node to itself allowed), whose algorithms it uses (docs/adr/0005).
 */
public final class Digraph {

    private final Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);

    /**
     * A loop of arrows: a strongly connected component that holds a cycle (more than one node, or an arc from a node
     * to itself), and one real cycle through it, {@code cycle = [A, B, C]} meaning A → B → C → A.
     *
     * @param component the component's nodes in the graph's order
     * @param cycle     a shortest cycle through the component's first node, without repeating it at the end
     */
    public record Loop(List<String> component, List<String> cycle) {
        public Loop {
            component = List.copyOf(component);
            cycle = List.copyOf(cycle);
        }
    }

    /** The graph of the map's nodes accepted by {@code nodes} and the links accepted by {@code links}. */
    public static Digraph of(MapDocument doc, Predicate<Element> nodes, Predicate<Element> links) {
        Digraph g = new Digraph();
        doc.nodes().filter(nodes).forEach(n -> g.addNode(n.id()));
        doc.links().filter(links).forEach(l -> {
            if (g.graph.containsVertex(l.source()) && g.graph.containsVertex(l.target())) {
                g.addArc(l.source(), l.target());
            }
        });
        return g;
    }

    public void addNode(String id) {
        graph.addVertex(id);
    }

    public void addArc(String from, String to) {
        addNode(from);
        addNode(to);
        graph.addEdge(from, to);
    }

    public Set<String> nodes() {
        return Collections.unmodifiableSet(graph.vertexSet());
    }

    public Set<String> successors(String id) {
        return graph.containsVertex(id) ? new LinkedHashSet<>(Graphs.successorListOf(graph, id)) : Set.of();
    }

    public Set<String> predecessors(String id) {
        return graph.containsVertex(id) ? new LinkedHashSet<>(Graphs.predecessorListOf(graph, id)) : Set.of();
    }

    /** Every node reachable from {@code starts} along arcs (the starts included). */
    public Set<String> reachableFrom(Collection<String> starts) {
        return walk(starts, this::successors);
    }

    /** Every node from which one of {@code targets} can be reached (the targets included). */
    public Set<String> reaching(Collection<String> targets) {
        return walk(targets, this::predecessors);
    }

    private Set<String> walk(Collection<String> starts, Function<String, Set<String>> next) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String s : starts) {
            if (graph.containsVertex(s) && seen.add(s)) {
                todo.add(s);
            }
        }
        while (!todo.isEmpty()) {
            for (String n : next.apply(todo.poll())) {
                if (seen.add(n)) {
                    todo.add(n);
                }
            }
        }
        return seen;
    }

    /**
     * Every strongly connected component (nodes that can each reach the others), each in the graph's order of
     * nodes, ordered by their first node: a node in no loop is a component of its own.
     */
    public List<List<String>> stronglyConnectedComponents() {
        Map<String, Integer> position = new HashMap<>();
        for (String n : graph.vertexSet()) {
            position.put(n, position.size());
        }
        Comparator<String> inGraphOrder = Comparator.comparing(position::get);
        List<List<String>> components = new ArrayList<>();
        for (Set<String> c : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            List<String> sorted = new ArrayList<>(c);
            sorted.sort(inGraphOrder);
            components.add(sorted);
        }
        components.sort(Comparator.comparing(c -> position.get(c.get(0))));
        return components;
    }

    /** The loops of arrows, one per strongly connected component that holds a cycle, with a real cycle through it. */
    public List<Loop> loops() {
        List<Loop> loops = new ArrayList<>();
        for (List<String> component : stronglyConnectedComponents()) {
            String first = component.get(0);
            if (component.size() > 1 || graph.containsEdge(first, first)) {
                loops.add(new Loop(component, shortestCycleThrough(first, new LinkedHashSet<>(component))));
            }
        }
        return loops;
    }

    /** Breadth first from {@code start} within {@code within} back to {@code start}: a shortest cycle through it. */
    private List<String> shortestCycleThrough(String start, Set<String> within) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String at = todo.poll();
            for (String next : successors(at)) {
                if (next.equals(start)) {
                    List<String> cycle = new ArrayList<>();
                    for (String n = at; n != null; n = cameFrom.get(n)) {
                        cycle.add(n);
                    }
                    Collections.reverse(cycle);
                    return cycle;
                }
                if (within.contains(next) && !cameFrom.containsKey(next)) {
                    cameFrom.put(next, at);
                    todo.add(next);
                }
            }
        }
        throw new IllegalStateException(start + " is on no cycle within " + within);
    }

    /**
     * The simple paths from {@code from} to any of {@code targets}, at most {@code limit} of them (a dense map can
     * have very many), shortest first.
     */
    public List<List<String>> paths(String from, Set<String> targets, int limit) {
        List<List<String>> found = new ArrayList<>();
        Deque<String> path = new ArrayDeque<>();
        path.addLast(from);
        collect(from, targets, path, new LinkedHashSet<>(List.of(from)), found, limit * 10);
        found.sort(Comparator.comparingInt(List::size));
        return found.size() > limit ? new ArrayList<>(found.subList(0, limit)) : found;
    }

    private void collect(String at, Set<String> targets, Deque<String> path, Set<String> onPath,
                         List<List<String>> found, int cap) {
        if (found.size() >= cap) {
            return;
        }
        if (targets.contains(at)) {
            found.add(new ArrayList<>(path));
            return;
        }
        for (String next : successors(at)) {
            if (onPath.add(next)) {
                path.addLast(next);
                collect(next, targets, path, onPath, found, cap);
                path.removeLast();
                onPath.remove(next);
            }
        }
    }
}
