package org.mapwork.bench.layout;

import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * Issue 15, finding 9: how many straight-line link crossings Mapwork's theory-of-change layout leaves, against
 * Graphviz's {@code dot} on the same graph in the same run (same boxes, same spacing, causes below what they
 * cause), over seeded random theories of change. Prints each map and the ratio of the totals.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.mapwork.bench.layout.TocCrossings [--maps=20] [--preconditions=60] [--seed=1]</pre>
 *
 * <p>{@code --maps} maps are made from seeds {@code --seed}, {@code --seed}+1, …; each has {@code --preconditions}
 * preconditions (about a sixth as many interventions again, an impact and a long-term outcome). Mapwork's layout
 * time is measured after one untimed layout of the first map (so class loading is left out); dot's includes
 * starting its process.
 *
 * Needs {@code dot} on the PATH (Debian: {@code apt-get install graphviz}). Crossings are counted between links
 * drawn as straight segments from box centre to box centre, leaving out pairs that share a box; an overlap is two
 * boxes whose rectangles intersect.
 */
public final class TocCrossings {

    private static final String TOC = "theory-of-change";
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int maps = 20, preconditions = 60;
        long seed = 1;
        for (String a : args) {
            if (a.equals("--help")) {
                System.out.println("usage: TocCrossings [--maps=20] [--preconditions=60] [--seed=1]  (needs dot on the PATH)");
                return;
            } else if (a.startsWith("--maps=")) {
                maps = Integer.parseInt(a.substring(7));
            } else if (a.startsWith("--preconditions=")) {
                preconditions = Integer.parseInt(a.substring(16));
            } else if (a.startsWith("--seed=")) {
                seed = Long.parseLong(a.substring(7));
            } else {
                throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        MethodTemplate toc = Methods.byId(TOC).orElseThrow();
        int mwTotal = 0, dotTotal = 0, mwThrough = 0, dotThrough = 0;
        long mwNanos = 0, dotNanos = 0, mwCpu = 0;
        toc.layout(randomToc(toc, preconditions, new Random(seed)), Set.of());
        System.out.printf(Locale.ROOT, "%-6s %-6s %6s  %-26s %-26s%n", "", "", "", "crossings / through a box", "overlapping boxes");
        System.out.printf(Locale.ROOT, "%-6s %-6s %6s  %12s %12s  %12s %12s%n", "seed", "nodes", "links", "mapwork", "dot", "mapwork", "dot");
        for (int m = 0; m < maps; m++) {
            long s = seed + m;
            MapDocument doc = randomToc(toc, preconditions, new Random(s));
            long c0 = CPU.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            ChangeSet layout = toc.layout(doc, Set.of());
            long t1 = System.nanoTime();
            mwCpu += CPU.getCurrentThreadCpuTime() - c0;
            MapDocument laid = ChangeEngine.apply(doc, toc.schema(), layout).after();
            Map<String, Rectangle2D> mw = boxes(laid);
            long t2 = System.nanoTime();
            Map<String, Rectangle2D> dot = dot(laid);
            long t3 = System.nanoTime();
            mwNanos += t1 - t0;
            dotNanos += t3 - t2;
            List<String[]> links = drawnLinks(laid);
            int cm = crossings(mw, links), cd = crossings(dot, links);
            mwTotal += cm;
            dotTotal += cd;
            mwThrough += through(mw, links);
            dotThrough += through(dot, links);
            System.out.printf(Locale.ROOT, "%-6d %-6d %6d  %6d / %-4d %6d / %-4d  %12d %12d%n", s, mw.size(), links.size(),
                    cm, through(mw, links), cd, through(dot, links), overlaps(mw), overlaps(dot));
        }
        System.out.printf(Locale.ROOT, "total crossings: mapwork %d, dot %d, ratio mapwork/dot %.2f%n", mwTotal, dotTotal,
                dotTotal == 0 ? Double.NaN : (double) mwTotal / dotTotal);
        System.out.printf(Locale.ROOT, "links drawn through a box that is not their end: mapwork %d, dot %d%n", mwThrough, dotThrough);
        System.out.printf(Locale.ROOT, "layout time per map (after one untimed layout): mapwork %.0f ms, dot %.0f ms (a process each)%n",
                mwNanos / 1e6 / maps, dotNanos / 1e6 / maps);
        // on a shared machine the wall time swings with the load; the layout thread's CPU time much less
        System.out.printf(Locale.ROOT, "mapwork layout CPU time per map (its thread): %.0f ms%n", mwCpu / 1e6 / maps);
    }

    /**
     * One impact, one long-term outcome, {@code n} preconditions in four to six ranks (each enabling one or two
     * outcomes a rank up, some two ranks up), and an intervention on about one precondition in six.
     */
    static MapDocument randomToc(MethodTemplate toc, int n, Random r) {
        MapDocument empty = MapDocument.empty("toc-random", "Random theory of change", TOC, java.time.Instant.parse("2026-12-03T00:00:00Z"));
        List<Change> changes = new ArrayList<>();
        int[] order = {0};
        java.util.function.Supplier<String> key = () -> String.format(Locale.ROOT, "%05dV", order[0]++);
        changes.add(Change.add(Element.node("impact", "impact", "Impact", Geometry.box(0, 0, 220, 70), key.get())));
        changes.add(Change.add(Element.node("lto", "long-term-outcome", "Long-term outcome", Geometry.box(0, 0, 220, 70), key.get())));
        changes.add(Change.add(Element.link("l-impact", "causal", "lto", "impact", key.get())));
        int ranks = 4 + r.nextInt(3);
        List<List<String>> byRank = new ArrayList<>();
        byRank.add(List.of("lto"));
        int made = 0, links = 0;
        for (int k = 1; k <= ranks; k++) {
            List<String> rank = new ArrayList<>();
            int size = k == ranks ? n - made : Math.max(1, Math.min(n - made, (int) Math.round(n * (0.6 + 0.8 * r.nextDouble()) / ranks)));
            for (int i = 0; i < size; i++) {
                String id = "p" + made++;
                rank.add(id);
                changes.add(Change.add(Element.node(id, "precondition", "Precondition " + id, Geometry.box(0, 0, 200, 70), key.get())));
                List<String> up = byRank.get(k - 1);
                String first = up.get(r.nextInt(up.size()));
                changes.add(Change.add(Element.link("l" + links++, "causal", id, first, key.get())));
                if (r.nextDouble() < 0.35) {
                    String second = up.get(r.nextInt(up.size()));
                    if (!second.equals(first)) {
                        changes.add(Change.add(Element.link("l" + links++, "causal", id, second, key.get())));
                    }
                }
                if (k >= 2 && r.nextDouble() < 0.1) {
                    List<String> upper = byRank.get(k - 2);
                    changes.add(Change.add(Element.link("l" + links++, "causal", id, upper.get(r.nextInt(upper.size())), key.get())));
                }
                if (r.nextDouble() < 1.0 / 6) {
                    changes.add(Change.add(Element.node("i" + id, "intervention", "Intervention on " + id,
                            Geometry.box(0, 0, 180, 60), key.get()).withAttribute("attachedTo", Value.text(id))));
                }
                if (made == n) {
                    break;
                }
            }
            byRank.add(rank);
            if (made == n) {
                break;
            }
        }
        return ChangeEngine.apply(empty, toc.schema(), ChangeSet.of("random theory of change", changes)).after();
    }

    /** The links as drawn: every link, and each intervention's connector to what it acts on. */
    static List<String[]> drawnLinks(MapDocument doc) {
        List<String[]> out = new ArrayList<>();
        doc.links().forEach(l -> out.add(new String[]{l.source(), l.target()}));
        doc.nodes().filter(n -> n.type().equals("intervention")).forEach(i -> {
            if (i.attribute("attachedTo") instanceof Value.Text t && doc.element(t.value()) != null) {
                out.add(new String[]{i.id(), t.value()});
            }
        });
        return out;
    }

    static Map<String, Rectangle2D> boxes(MapDocument doc) {
        Map<String, Rectangle2D> out = new LinkedHashMap<>();
        doc.nodes().forEach(n -> out.put(n.id(), new Rectangle2D.Double(n.geometry().x(), n.geometry().y(), n.geometry().width(), n.geometry().height())));
        return out;
    }

    /** The same graph laid out by dot: same box sizes (points), 40 between boxes, 70 between ranks, causes below. */
    static Map<String, Rectangle2D> dot(MapDocument doc) throws IOException, InterruptedException {
        StringBuilder g = new StringBuilder("digraph toc {\n  rankdir=BT; nodesep=0.556; ranksep=0.972; splines=line;\n");
        Map<String, Rectangle2D> mine = boxes(doc);
        mine.forEach((id, b) -> g.append(String.format(Locale.ROOT, "  \"%s\" [shape=box, fixedsize=true, width=%.4f, height=%.4f];%n",
                id, b.getWidth() / 72, b.getHeight() / 72)));
        for (String[] l : drawnLinks(doc)) {
            g.append("  \"").append(l[0]).append("\" -> \"").append(l[1]).append("\";\n");
        }
        g.append("}\n");
        Process p = new ProcessBuilder("dot", "-Tplain").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().write(g.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String plain = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("dot failed");
        }
        Map<String, Rectangle2D> out = new LinkedHashMap<>();
        for (String line : plain.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 6 && f[0].equals("node")) {
                String id = f[1].replace("\"", "");
                double x = Double.parseDouble(f[2]) * 72, y = -Double.parseDouble(f[3]) * 72;
                double w = Double.parseDouble(f[4]) * 72, h = Double.parseDouble(f[5]) * 72;
                out.put(id, new Rectangle2D.Double(x - w / 2, y - h / 2, w, h));
            }
        }
        return out;
    }

    static int crossings(Map<String, Rectangle2D> boxes, List<String[]> links) {
        int count = 0;
        for (int i = 0; i < links.size(); i++) {
            for (int j = i + 1; j < links.size(); j++) {
                String[] a = links.get(i), b = links.get(j);
                if (a[0].equals(b[0]) || a[0].equals(b[1]) || a[1].equals(b[0]) || a[1].equals(b[1])) {
                    continue;
                }
                Rectangle2D a0 = boxes.get(a[0]), a1 = boxes.get(a[1]), b0 = boxes.get(b[0]), b1 = boxes.get(b[1]);
                if (Line2D.linesIntersect(a0.getCenterX(), a0.getCenterY(), a1.getCenterX(), a1.getCenterY(),
                        b0.getCenterX(), b0.getCenterY(), b1.getCenterX(), b1.getCenterY())) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Pairs of a link and a box it is drawn through (not one of its own ends). */
    static int through(Map<String, Rectangle2D> boxes, List<String[]> links) {
        int count = 0;
        for (String[] l : links) {
            Rectangle2D a = boxes.get(l[0]), b = boxes.get(l[1]);
            Line2D line = new Line2D.Double(a.getCenterX(), a.getCenterY(), b.getCenterX(), b.getCenterY());
            for (Map.Entry<String, Rectangle2D> e : boxes.entrySet()) {
                Rectangle2D r = e.getValue();
                if (!e.getKey().equals(l[0]) && !e.getKey().equals(l[1])
                        && line.intersects(r.getX() + 2, r.getY() + 2, r.getWidth() - 4, r.getHeight() - 4)) {
                    count++;
                }
            }
        }
        return count;
    }

    static int overlaps(Map<String, Rectangle2D> boxes) {
        List<Rectangle2D> all = new ArrayList<>(boxes.values());
        int count = 0;
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Rectangle2D a = all.get(i), b = all.get(j);
                if (a.intersects(b.getX() + 0.5, b.getY() + 0.5, b.getWidth() - 1, b.getHeight() - 1)) {
                    count++;
                }
            }
        }
        return count;
    }
}
