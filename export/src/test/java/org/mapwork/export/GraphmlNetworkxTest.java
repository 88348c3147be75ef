package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.model.MapDocument;
import org.mapwork.templates.Methods;
import org.mapwork.templates.netmap.NetMapAnalysis;
import org.mapwork.templates.netmap.NetMapTemplate;
import org.mapwork.templates.netmap.Network;

/**
 * The GraphML export read by the consumer itself: Debian's networkx ({@code /usr/bin/python3}, installed by
 * {@code .ci/run}) opens the exported Net-Map example with {@code read_graphml}, and the degrees and betweenness it
 * computes from <em>that file</em> are Mapwork's own, over all links and for a mutual link type on its own.
 */
class GraphmlNetworkxTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** Reads the file, and per graph (all edges; the edges of each type) gives in/out degree and betweenness. */
    private static final String SCRIPT = """
            import json, sys
            import networkx as nx
            G = nx.read_graphml(sys.argv[1])
            out = {"directed": G.is_directed(), "multi": G.is_multigraph(), "graphs": {}}
            def measures(arcs):
                D = nx.DiGraph()
                D.add_nodes_from(n for n, d in G.nodes(data=True) if d.get("type") == "actor")
                D.add_edges_from((u, v) for u, v in arcs if u in D and v in D)
                return {"in": dict(D.in_degree()), "out": dict(D.out_degree()),
                        "betweenness": nx.betweenness_centrality(D)}
            edges = list(G.edges(data=True))
            out["graphs"]["*"] = measures((u, v) for u, v, _ in edges)
            for t in sorted({d.get("type") for _, _, d in edges}):
                out["graphs"][t] = measures((u, v) for u, v, d in edges if d.get("type") == t)
            json.dump(out, sys.stdout)
            """;

    @Test
    void networkxReadsTheNetMapExampleAndComputesMapworksMeasuresFromIt(@TempDir Path dir) throws Exception {
        assumeTrue(networkxPresent(), "/usr/bin/python3 with networkx is not installed (.ci/run installs python3-networkx)");
        MapDocument doc = Methods.byId("net-map").orElseThrow().starter(true, Locale.ENGLISH);
        Path file = new MapExporter().export(doc, ExportFormat.GRAPHML, dir.resolve("nm.graphml"), MapExporter.Options.defaults()).get(0);

        JsonNode nx = run(file, dir);
        assertTrue(nx.get("directed").asBoolean(), "a directed graph");

        Map<String, Boolean> types = NetMapTemplate.linkTypes(doc);
        assertTrue(types.containsValue(false), "the example has a mutual link type, so the pair is exercised");
        agree(NetMapAnalysis.overall(doc), nx.get("graphs").get("*"), "all links");
        int mutualChecked = 0;
        for (var t : types.entrySet()) {
            if (doc.links().noneMatch(l -> l.type().equals(t.getKey()))) {
                continue;
            }
            Network ofType = NetMapAnalysis.ofType(doc, t.getKey());
            // a mutual type's network is undirected; networkx sees each tie as a pair of arcs: same betweenness
            agree(ofType, nx.get("graphs").get(t.getKey()), "links of type " + t.getKey());
            mutualChecked += t.getValue() ? 0 : 1;
        }
        assertTrue(mutualChecked > 0);
        assertTrue(NetMapAnalysis.overall(doc).betweenness().values().stream().anyMatch(v -> v > 0.05), "not vacuous");
    }

    private static void agree(Network mapwork, JsonNode nx, String what) {
        Map<String, Double> b = mapwork.betweenness();
        for (String n : mapwork.nodes()) {
            int in = mapwork.directed() ? mapwork.inDegree(n) : mapwork.neighbours(n);
            int out = mapwork.directed() ? mapwork.outDegree(n) : mapwork.neighbours(n);
            assertEquals(in, nx.get("in").path(n).asInt(-1), what + ": in-degree of " + n);
            assertEquals(out, nx.get("out").path(n).asInt(-1), what + ": out-degree of " + n);
            assertEquals(b.get(n), nx.get("betweenness").path(n).asDouble(-1), 1e-9, what + ": betweenness of " + n);
        }
        assertEquals(mapwork.nodes().size(), nx.get("betweenness").size(), what + ": actors");
    }

    private static JsonNode run(Path graphml, Path dir) throws Exception {
        Path script = dir.resolve("measures.py");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), graphml.toString())
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "networkx finished");
        assertEquals(0, p.exitValue(), "networkx read the file: " + stderr);
        return new ObjectMapper().readTree(stdout);
    }

    private static boolean networkxPresent() {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import networkx").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
