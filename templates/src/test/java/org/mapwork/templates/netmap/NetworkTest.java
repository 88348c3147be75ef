package org.mapwork.templates.netmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import org.mapwork.model.MapDocument;
import org.mapwork.templates.Methods;

/** Network measures against values worked out by hand, and against networkx on the example and on random graphs. */
class NetworkTest {

    private static final double EPS = 1e-9;

    private static List<String[]> arcs(String... ab) {
        List<String[]> out = new ArrayList<>();
        for (String s : ab) {
            out.add(s.split(">"));
        }
        return out;
    }

    @Test
    void directedPathHasOneBrokerInTheMiddle() {
        // a→b→c, d alone: only a→c passes through b; 1 of (n−1)(n−2) = 6 ordered pairs
        Network n = new Network(List.of("a", "b", "c", "d"), true, arcs("a>b", "b>c"));
        assertEquals(1.0 / 6, n.betweenness().get("b"), EPS);
        assertEquals(0.0, n.betweenness().get("a"), EPS);
        assertEquals(List.of("d"), n.isolates());
        assertEquals(1, n.inDegree("b"));
        assertEquals(1, n.outDegree("b"));
        assertEquals(Map.of("b", 2), n.brokers());
    }

    @Test
    void twoShortestPathsShareTheCredit() {
        // a→b→d and a→c→d: b carries half of a→d; 0.5 / 6
        Network n = new Network(List.of("a", "b", "c", "d"), true, arcs("a>b", "a>c", "b>d", "c>d"));
        assertEquals(0.5 / 6, n.betweenness().get("b"), EPS);
        assertEquals(0.5 / 6, n.betweenness().get("c"), EPS);
        assertEquals(Map.of(), n.brokers());
    }

    @Test
    void centreOfAMutualStarLiesOnEveryPath() {
        // 4 leaves: 6 unordered pairs, all through the centre; normalised by 2/((n−1)(n−2)) = 2/12 → 1.0
        Network n = new Network(List.of("c", "l1", "l2", "l3", "l4"), false, arcs("c>l1", "l2>c", "c>l3", "l4>c"));
        assertEquals(1.0, n.betweenness().get("c"), EPS);
        assertEquals(0.0, n.betweenness().get("l1"), EPS);
        assertEquals(4, n.outDegree("c"));
        assertEquals(Map.of("c", 4), n.brokers());
        assertEquals(4, n.size());
    }

    @Test
    void duplicateAndSelfLinksCountOnce() {
        Network n = new Network(List.of("a", "b"), true, arcs("a>b", "a>b", "a>a"));
        assertEquals(1, n.size());
        assertEquals(1, n.outDegree("a"));
    }

    // ---------------------------------------------------------------- networkx

    static final String NETWORKX = """
            import json, sys
            import networkx as nx
            out = []
            for g in json.load(sys.stdin):
                G = nx.DiGraph() if g['directed'] else nx.Graph()
                G.add_nodes_from(g['nodes'])
                G.add_edges_from([tuple(a) for a in g['arcs'] if a[0] != a[1]])
                U = G.to_undirected() if g['directed'] else G
                before = nx.number_connected_components(U)
                brokers = {}
                for v in nx.articulation_points(U):
                    H = U.copy(); H.remove_node(v)
                    brokers[v] = nx.number_connected_components(H) - before + 1
                r = {'betweenness': nx.betweenness_centrality(G, normalized=True), 'brokers': brokers,
                     'isolates': sorted(nx.isolates(G))}
                if g['directed']:
                    r['in'] = dict(G.in_degree()); r['out'] = dict(G.out_degree())
                else:
                    r['in'] = dict(G.degree()); r['out'] = dict(G.degree())
                out.append(r)
            json.dump(out, sys.stdout)
            """;

    static final Path PYTHON = Path.of("/usr/bin/python3");

    static boolean networkxPresent() {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import networkx").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static JsonNode networkx(List<Network> graphs) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode in = mapper.createArrayNode();
        for (Network g : graphs) {
            ObjectNode o = in.addObject();
            o.put("directed", g.directed());
            ArrayNode nodes = o.putArray("nodes");
            g.nodes().forEach(nodes::add);
            ArrayNode arcs = o.putArray("arcs");
            for (String a : g.nodes()) {
                for (String b : g.nodes()) {
                    if (g.hasArc(a, b) && (g.directed() || a.compareTo(b) < 0)) {
                        arcs.addArray().add(a).add(b);
                    }
                }
            }
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", NETWORKX).start();
        p.getOutputStream().write(mapper.writeValueAsBytes(in));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, err);
        return mapper.readTree(out);
    }

    static void assertAgree(Network g, JsonNode nx, String what) {
        Map<String, Double> b = g.betweenness();
        for (String v : g.nodes()) {
            assertEquals(nx.get("betweenness").get(v).asDouble(), b.get(v), EPS, what + " betweenness of " + v);
            assertEquals(nx.get("in").get(v).asInt(), g.directed() ? g.inDegree(v) : g.outDegree(v), what + " in-degree of " + v);
            assertEquals(nx.get("out").get(v).asInt(), g.outDegree(v), what + " out-degree of " + v);
        }
        Map<String, Integer> brokers = g.brokers();
        Set<String> nxBrokers = new TreeSet<>();
        nx.get("brokers").fieldNames().forEachRemaining(nxBrokers::add);
        assertEquals(nxBrokers, new TreeSet<>(brokers.keySet()), what + " brokers");
        nxBrokers.forEach(v -> assertEquals(nx.get("brokers").get(v).asInt(), brokers.get(v), what + " groups joined by " + v));
        List<String> iso = new ArrayList<>();
        nx.get("isolates").forEach(n -> iso.add(n.asText()));
        assertEquals(iso, g.isolates().stream().sorted().toList(), what + " isolates");
    }

    @Test
    void exampleNetMapAgreesWithNetworkxOverAllLinksAndPerLinkType() throws Exception {
        assumeTrue(networkxPresent(), "/usr/bin/python3 with networkx is not installed");
        MapDocument doc = Methods.byId("net-map").orElseThrow().starter(true, Locale.ENGLISH);
        List<Network> graphs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        graphs.add(NetMapAnalysis.overall(doc));
        names.add("all");
        for (String type : NetMapTemplate.linkTypes(doc).keySet()) {
            graphs.add(NetMapAnalysis.ofType(doc, type));
            names.add(type);
        }
        JsonNode nx = networkx(graphs);
        for (int i = 0; i < graphs.size(); i++) {
            assertAgree(graphs.get(i), nx.get(i), names.get(i));
        }
        // the comparison is not vacuous: the example has brokers and non-zero betweenness
        assertTrue(graphs.get(0).betweenness().values().stream().anyMatch(v -> v > 0.05));
        assertTrue(graphs.get(0).size() > 30);
    }

    @Test
    void randomGraphsAgreeWithNetworkx() throws Exception {
        assumeTrue(networkxPresent(), "/usr/bin/python3 with networkx is not installed");
        Random random = new Random(20261122);
        List<Network> graphs = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            int n = 3 + random.nextInt(25);
            List<String> nodes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                nodes.add("v" + i);
            }
            List<String[]> arcs = new ArrayList<>();
            int m = random.nextInt(n * 3);
            for (int i = 0; i < m; i++) {
                arcs.add(new String[]{nodes.get(random.nextInt(n)), nodes.get(random.nextInt(n))});
            }
            graphs.add(new Network(nodes, k % 2 == 0, arcs));
        }
        JsonNode nx = networkx(graphs);
        for (int i = 0; i < graphs.size(); i++) {
            assertAgree(graphs.get(i), nx.get(i), "random graph " + i);
        }
    }
}
