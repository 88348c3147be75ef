package org.mapwork.templates.netmap;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.graph.SimpleGraph;

/**
 * A simple graph of actors (no self-loops, at most one arc per ordered pair), directed or mutual, with the
 * measures a Net-Map analysis reports. Immutable once built. Values follow networkx's definitions so that they can be checked against
 * it: degree as {@code in_degree}/{@code out_degree} (directed) or {@code degree} (mutual), betweenness by
 * Brandes' algorithm normalised like {@code betweenness_centrality(G, normalized=True)}. The graph and its
 * algorithms are JGraphT's (docs/adr/0005).
 */
public final class Network {

    private final List<String> nodes;
    private final boolean directed;
    private final Graph<String, DefaultEdge> graph;
    /** Computed once: the analysis reads it for several tables, and it costs a search from every actor. */
    private Map<String, Double> betweenness;

    /**
     * @param nodes    every actor, linked or not (isolates count in n)
     * @param directed whether arcs are one-way; a mutual tie is one edge either way
     * @param pairs    source and target ids; pairs with unknown ends or a node twice are ignored
     */
    public Network(List<String> nodes, boolean directed, Collection<String[]> pairs) {
        this.nodes = List.copyOf(new LinkedHashSet<>(nodes));
        this.directed = directed;
        this.graph = directed ? new SimpleDirectedGraph<>(DefaultEdge.class) : new SimpleGraph<>(DefaultEdge.class);
        this.nodes.forEach(graph::addVertex);
        for (String[] p : pairs) {
            if (graph.containsVertex(p[0]) && graph.containsVertex(p[1]) && !p[0].equals(p[1])) {
                graph.addEdge(p[0], p[1]);
            }
        }
    }

    public List<String> nodes() {
        return nodes;
    }

    public boolean directed() {
        return directed;
    }

    /** Number of distinct ties: arcs when directed, unordered pairs when mutual. */
    public int size() {
        return graph.edgeSet().size();
    }

    /** Whether there is an arc from a to b (both ways for a mutual tie). */
    public boolean hasArc(String a, String b) {
        return graph.containsVertex(a) && graph.containsVertex(b) && graph.containsEdge(a, b);
    }

    /** Ties coming in; for a mutual graph, every tie. */
    public int inDegree(String n) {
        return graph.inDegreeOf(n);
    }

    /** Ties going out; for a mutual graph, every tie. */
    public int outDegree(String n) {
        return graph.outDegreeOf(n);
    }

    /** Number of distinct neighbours, either way. */
    public int neighbours(String n) {
        return Graphs.neighborSetOf(graph, n).size();
    }

    /** Actors with no tie at all. */
    public List<String> isolates() {
        return nodes.stream().filter(n -> graph.degreeOf(n) == 0).toList();
    }

    /**
     * Betweenness centrality by Brandes (2001): for every pair s ≠ t, the share of shortest s→t paths through v,
     * normalised like networkx: by 1/((n−1)(n−2)) over ordered pairs when directed, 2/((n−1)(n−2)) over unordered
     * pairs when mutual. JGraphT's own normalisation divides a mutual graph's scores by (n−1)(n−2) too, half of
     * networkx's figure, so the scores are taken raw and normalised here.
     */
    public Map<String, Double> betweenness() {
        if (betweenness != null) {
            return betweenness;
        }
        Map<String, Double> raw = new BetweennessCentrality<>(graph, false).getScores();
        int n = nodes.size();
        double scale = n > 2 ? (directed ? 1.0 : 2.0) / ((n - 1.0) * (n - 2.0)) : 1.0;
        Map<String, Double> cb = new LinkedHashMap<>();
        nodes.forEach(v -> cb.put(v, raw.get(v) * scale));
        betweenness = Collections.unmodifiableMap(cb);
        return betweenness;
    }

    /**
     * Brokers: actors whose removal splits the actors they are tied to into separate groups (cut points of the
     * graph read without direction), with how many groups each would leave apart: the blocks (biconnected
     * components) that meet at it.
     */
    public Map<String, Integer> brokers() {
        Graph<String, DefaultEdge> undirected = new SimpleGraph<>(DefaultEdge.class);
        Graphs.addGraph(undirected, graph);
        BiconnectivityInspector<String, DefaultEdge> blocks = new BiconnectivityInspector<>(undirected);
        Set<String> cutPoints = blocks.getCutpoints();
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String n : nodes) {
            if (cutPoints.contains(n)) {
                out.put(n, blocks.getBlocks(n).size());
            }
        }
        return out;
    }
}
