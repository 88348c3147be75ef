package org.mapwork.bench.collab;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.mapwork.collab.HubCore;
import org.mapwork.collab.TestMaps;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;

/**
 * Load on the hub over loopback (127.0.0.1 only), side by side with a plain Jetty echo of the same messages (the
 * floor): N clients ({@link LoadClient}) each rename an element every 2 s (randomised phase), and every few seconds
 * one of them lays out 500 elements in one change set. Measures, for each change set and each other client, the time
 * from the send to that client's decode; the server's CPU time (its threads, by ThreadMXBean) and the heap used after
 * a GC with everyone connected. Then the offline catch-up: a real {@code HubClient} device that missed 10,000 changes,
 * from start to ONLINE with its map equal to the hub's ({@link CatchUp}).
 *
 * <pre>java -cp bench/target/benchmarks.jar org.mapwork.bench.collab.CollabLoad --clients=40,400</pre>
 *
 * Options: {@code --clients=40[,400…]}, {@code --seconds=30} (measured, per configuration and server, after
 * {@code --warm-up=5} seconds of the same load that are not counted), {@code --edit-ms=2000},
 * {@code --layout-s=5}, {@code --layout-size=500}, {@code --seed=1}, {@code --catch-up=10000} (0: skip),
 * {@code --only=both|hub|echo}, {@code --decode=mark|full} (mark: the clients read only the send time out of the
 * changes they receive; full: they decode every message as a device does, which costs the shared cores more than
 * either server does with 400 clients).
 */
public final class CollabLoad {

    record Options(int[] clients, int seconds, int warmUp, int editMs, int layoutS, int layoutSize, long seed, int catchUp, String only, boolean fullDecode) {
    }

    /** What one server did under one configuration. */
    record Result(String server, int clients, double seconds, long[] edits, long[] layouts, long editsSent, long layoutsSent,
                  long serverCpuNs, long clientCpuNs, long processCpuNs, long heapAfterGc, long heapBefore, long problems,
                  String extra) {
        long expected() {
            return (editsSent + layoutsSent) * (clients - 1);
        }

        long receipts() {
            return edits.length + layouts.length;
        }

        long[] all() {
            long[] a = Arrays.copyOf(edits, edits.length + layouts.length);
            System.arraycopy(layouts, 0, a, edits.length, layouts.length);
            Arrays.sort(a);
            return a;
        }
    }

    private CollabLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        System.out.printf("collab load on %s: %d processors, load average %.2f at start, Java %s%n", loopback.getHostAddress(),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"));
        System.out.printf("each client renames an element every %d ms (random phase); a layout of %d elements every %d s; "
                + "%d s measured per server and configuration after %d s of warm-up; clients decode %s%n", o.editMs(), o.layoutSize(),
                o.layoutS(), o.seconds(), o.warmUp(), o.fullDecode() ? "every message (--decode=full)" : "only the send time of changes (--decode=mark)");
        for (int n : o.clients()) {
            Result hub = o.only().equals("echo") ? null : run(true, n, o, loopback);
            Result echo = o.only().equals("hub") ? null : run(false, n, o, loopback);
            report(n, hub, echo);
        }
        if (o.catchUp() > 0) {
            CatchUp.run(loopback, o.catchUp(), loadMap(o.layoutSize()), 3);
        }
        System.out.printf("load average at the end %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.exit(0); // the JDK's HttpClient selector threads linger
    }

    /** The starter map with {@code size} more actors n0…n(size-1), which the edits rename and the layouts move. */
    static MapDocument loadMap(int size) {
        MapDocument start = TestMaps.starter();
        List<Change> adds = new ArrayList<>(size);
        String key = start.nextOrderKey();
        for (int i = 0; i < size; i++) {
            adds.add(Change.add(Element.node("n" + i, "actor", "Actor " + i, Geometry.box(i % 25 * 140, i / 25 * 90, 100, 50), key)));
            key = org.mapwork.model.OrderKey.after(key);
        }
        return ChangeEngine.apply(start, TestMaps.SCHEMA, ChangeSet.of("load map", adds)).after();
    }

    static Result run(boolean hubServer, int n, Options o, InetAddress loopback) throws Exception {
        String name = hubServer ? "hub" : "echo";
        MapDocument map = loadMap(o.layoutSize());
        long heapBefore = heapAfterGc();
        HubCore core = hubServer ? new HubCore(map, TestMaps.SCHEMA, TestMaps.TOKEN) : null;
        AutoCloseable server;
        URI uri;
        if (hubServer) {
            HubServer hs = HubServer.start(loopback, 0, HubLimits.defaults(), List.of(core));
            server = hs;
            uri = hs.mapUri(map.id());
        } else {
            EchoServer es = new EchoServer(loopback);
            server = es;
            uri = es.uri();
        }
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService clientThreads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "load-client-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // one selector thread per HttpClient reads all of its sockets: one per core, so that reading is not one thread
        HttpClient[] http = new HttpClient[Runtime.getRuntime().availableProcessors()];
        for (int i = 0; i < http.length; i++) {
            http[i] = HttpClient.newBuilder().executor(clientThreads).build();
        }
        LoadClient.Latencies edits = new LoadClient.Latencies();
        LoadClient.Latencies layouts = new LoadClient.Latencies();
        AtomicLong problems = new AtomicLong();
        LoadClient.Latencies commits = new LoadClient.Latencies();
        List<LoadClient> clients = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LoadClient c = new LoadClient("load" + i, hubServer, o.fullDecode(), edits, layouts, problems);
            c.commitLatencies = commits;
            clients.add(c);
        }
        // connect in groups of 50, so the acceptor is not the thing measured
        for (int from = 0; from < n; from += 50) {
            List<CompletableFuture<Void>> joins = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 50); i++) {
                joins.add(clients.get(i).connect(http[i % http.length], uri, map.id(), TestMaps.TOKEN));
            }
            CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        List<String> ids = map.nodes().map(Element::id).filter(id -> id.startsWith("n")).toList();
        Random rnd = new Random(o.seed());
        ScheduledExecutorService edit = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-edits");
            t.setDaemon(true);
            return t;
        });
        AtomicLong editsSent = new AtomicLong();
        AtomicLong layoutsSent = new AtomicLong();
        for (LoadClient c : clients) {
            edit.scheduleAtFixedRate(() -> {
                c.rename(ids.get(rnd.nextInt(ids.size())), (int) editsSent.incrementAndGet());
            }, rnd.nextInt(o.editMs()), o.editMs(), TimeUnit.MILLISECONDS);
        }
        edit.scheduleAtFixedRate(() -> clients.get(rnd.nextInt(n)).layout(ids, (int) layoutsSent.incrementAndGet()),
                o.layoutS() * 500L, o.layoutS() * 1000L, TimeUnit.MILLISECONDS);
        Thread.sleep(o.warmUp() * 1000L);
        long measured = System.nanoTime();
        edits.from = measured;
        layouts.from = measured;
        commits.from = measured;
        long sentBefore = editsSent.get() + layoutsSent.get();
        Map<Long, Long> cpuStart = threadCpu();
        long processStart = processCpu();
        long t0 = System.nanoTime();
        long editsAtStart = editsSent.get();
        long layoutsAtStart = layoutsSent.get();
        Thread.sleep(o.seconds() * 1000L);
        edit.shutdownNow();
        edit.awaitTermination(5, TimeUnit.SECONDS);
        // let what is on its way arrive: until nothing more comes for 1 s, at most 30 s
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long last = -1;
        long expected = (editsSent.get() + layoutsSent.get() - sentBefore) * (n - 1);
        while (System.nanoTime() < deadline) {
            long now = edits.count() + layouts.count();
            if (now >= expected || now == last) {
                break;
            }
            last = now;
            Thread.sleep(1000);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long processCpu = processCpu() - processStart;
        long[] cpu = cpuSince(cpuStart, name + "-", "load-");
        long heap = heapAfterGc();
        long[] own = commits.toArray();
        Arrays.sort(own);
        String extra = hubServer ? String.format("hub: %d entries, %d refused, %d commits heard; send -> own commit p50 %.2f p99 %.2f ms",
                core.serverSeq(), core.refusals(), clients.stream().mapToLong(c -> c.commits).sum(), pct(own, 50), pct(own, 99)) : "";
        clients.forEach(LoadClient::close);
        Thread.sleep(300);
        server.close();
        clientThreads.shutdownNow();
        long[] e = edits.toArray();
        long[] l = layouts.toArray();
        Arrays.sort(e);
        Arrays.sort(l);
        return new Result(name, n, seconds, e, l, editsSent.get() - editsAtStart, layoutsSent.get() - layoutsAtStart, cpu[0], cpu[1], processCpu, heap,
                heapBefore, problems.get(), extra);
    }

    static void report(int n, Result hub, Result echo) {
        System.out.printf("%n== %d clients ==%n", n);
        for (Result r : new Result[] {hub, echo}) {
            if (r == null) {
                continue;
            }
            System.out.printf("%-4s: %d edits + %d layouts sent in %.1f s; %d of %d receipts (%d problems) %s%n", r.server(),
                    r.editsSent(), r.layoutsSent(), r.seconds(), r.receipts(), r.expected(), r.problems(), r.extra());
        }
        System.out.printf("%-34s %10s %10s %8s%n", "send -> other client's decode, ms", "hub", "echo", "hub/echo");
        row("edits p50", hub == null ? null : hub.edits(), echo == null ? null : echo.edits(), 50);
        row("edits p95", hub == null ? null : hub.edits(), echo == null ? null : echo.edits(), 95);
        row("edits p99", hub == null ? null : hub.edits(), echo == null ? null : echo.edits(), 99);
        row("layouts (500) p50", hub == null ? null : hub.layouts(), echo == null ? null : echo.layouts(), 50);
        row("layouts (500) p99", hub == null ? null : hub.layouts(), echo == null ? null : echo.layouts(), 99);
        row("all p50", hub == null ? null : hub.all(), echo == null ? null : echo.all(), 50);
        row("all p95", hub == null ? null : hub.all(), echo == null ? null : echo.all(), 95);
        row("all p99", hub == null ? null : hub.all(), echo == null ? null : echo.all(), 99);
        row("all max", hub == null ? null : hub.all(), echo == null ? null : echo.all(), 100);
        line("server CPU, s (its threads)", hub == null ? Double.NaN : hub.serverCpuNs() / 1e9, echo == null ? Double.NaN : echo.serverCpuNs() / 1e9);
        line("  per second of run, %", hub == null ? Double.NaN : hub.serverCpuNs() / 1e7 / hub.seconds(),
                echo == null ? Double.NaN : echo.serverCpuNs() / 1e7 / echo.seconds());
        line("clients' CPU, s (load-* threads)", hub == null ? Double.NaN : hub.clientCpuNs() / 1e9, echo == null ? Double.NaN : echo.clientCpuNs() / 1e9);
        line("process CPU, s", hub == null ? Double.NaN : hub.processCpuNs() / 1e9, echo == null ? Double.NaN : echo.processCpuNs() / 1e9);
        line("heap after GC, MB (everyone on)", hub == null ? Double.NaN : hub.heapAfterGc() / 1e6, echo == null ? Double.NaN : echo.heapAfterGc() / 1e6);
        line("  minus before the server, MB", hub == null ? Double.NaN : (hub.heapAfterGc() - hub.heapBefore()) / 1e6,
                echo == null ? Double.NaN : (echo.heapAfterGc() - echo.heapBefore()) / 1e6);
    }

    private static void row(String what, long[] hub, long[] echo, int p) {
        line(what, hub == null ? Double.NaN : pct(hub, p), echo == null ? Double.NaN : pct(echo, p));
    }

    private static void line(String what, double hub, double echo) {
        System.out.printf("%-34s %10.2f %10.2f %8s%n", what, hub, echo,
                Double.isNaN(hub) || Double.isNaN(echo) || echo == 0 ? "" : String.format("%.2f", hub / echo));
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))] / 1e6;
    }

    private static Map<Long, Long> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> out = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            out.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        return out;
    }

    /** CPU time since {@code start} of the live threads named {@code serverPrefix…} and {@code clientPrefix…}. */
    private static long[] cpuSince(Map<Long, Long> start, String serverPrefix, String clientPrefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long server = 0;
        long client = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long used = Math.max(0, threads.getThreadCpuTime(info.getThreadId())) - start.getOrDefault(info.getThreadId(), 0L);
            if (info.getThreadName().startsWith(serverPrefix)) {
                server += used;
            } else if (info.getThreadName().startsWith(clientPrefix) || info.getThreadName().startsWith("HttpClient")) {
                client += used;
            }
        }
        return new long[] {server, client};
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static Options parse(String[] args) {
        int[] clients = {40};
        int warmUp = 5;
        int seconds = 30, editMs = 2000, layoutS = 5, layoutSize = 500, catchUp = 10_000;
        long seed = 1;
        String only = "both";
        String decode = "mark";
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("argument " + a + ": expected --name=value");
            }
            try {
                switch (kv[0]) {
                    case "--clients" -> clients = Arrays.stream(kv[1].split(",")).mapToInt(Integer::parseInt).toArray();
                    case "--seconds" -> seconds = Integer.parseInt(kv[1]);
                    case "--warm-up" -> warmUp = Integer.parseInt(kv[1]);
                    case "--edit-ms" -> editMs = Integer.parseInt(kv[1]);
                    case "--layout-s" -> layoutS = Integer.parseInt(kv[1]);
                    case "--layout-size" -> layoutSize = Integer.parseInt(kv[1]);
                    case "--seed" -> seed = Long.parseLong(kv[1]);
                    case "--catch-up" -> catchUp = Integer.parseInt(kv[1]);
                    case "--only" -> only = kv[1];
                    case "--decode" -> decode = kv[1];
                    default -> throw new IllegalArgumentException("unknown argument " + kv[0] + " (known: --clients, --seconds, --warm-up, "
                            + "--edit-ms, --layout-s, --layout-size, --seed, --catch-up, --only, --decode)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("argument " + a + ": not a number", e);
            }
        }
        if (!List.of("both", "hub", "echo").contains(only)) {
            throw new IllegalArgumentException("--only must be both, hub or echo, not " + only);
        }
        if (!List.of("mark", "full").contains(decode)) {
            throw new IllegalArgumentException("--decode must be mark or full, not " + decode);
        }
        if (Arrays.stream(clients).anyMatch(c -> c < 2 || c > 2000) || seconds < 1 || seconds > 3600 || editMs < 10
                || layoutS < 1 || layoutSize < 1 || catchUp < 0 || warmUp < 0 || warmUp > 600) {
            throw new IllegalArgumentException("out of range: clients 2..2000, seconds 1..3600, edit-ms ≥ 10, layout-s ≥ 1");
        }
        return new Options(clients, seconds, warmUp, editMs, layoutS, layoutSize, seed, catchUp, only, decode.equals("full"));
    }
}
