package org.mapwork.bench.collab;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.openqa.selenium.By;

import org.mapwork.bench.BigNetMap;
import org.mapwork.collab.BrowserDriver;
import org.mapwork.collab.HubCore;
import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.collab.net.JoinAddress;
import org.mapwork.export.format.SvgScene;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.model.Change;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.Value;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * Figures for the browser client (issue #12), each beside a desktop device as the peer, on one loopback hub: the
 * time from opening the join address to the whole map shown (the 61-element Net-Map example and a 1,000-actor map),
 * against a desktop's join (snapshot read into its session, nothing drawn); and the time from an edit to another
 * device applying it, p50/p95, for a browser's tower raise against a desktop's. Not run by {@code mvn verify}; never
 * asserted.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.mapwork.bench.collab.BrowserSpeed --edits=200 --joins=5</pre>
 */
public final class BrowserSpeed {

    private static final MethodTemplate NET_MAP = Methods.byId("net-map").orElseThrow();
    private static final String TOKEN = HubCore.newToken();

    private BrowserSpeed() {
    }

    public static void main(String[] args) throws Exception {
        int edits = intArg(args, "--edits=", 200);
        int joins = intArg(args, "--joins=", 5);
        if (BrowserDriver.missing() != null) {
            System.err.println(BrowserDriver.missing());
            System.exit(2);
        }
        try (BrowserDriver browser = BrowserDriver.start(1280, 860)) {
            MapDocument example = NET_MAP.starter(true, Locale.ENGLISH);
            joinFigures(browser, "Net-Map example (" + example.size() + " elements)", example, joins);
            MapDocument big = BigNetMap.generate(1000, 1500, 1);
            joinFigures(browser, "1,000 actors, 1,500 links", big, joins);
            editFigures(browser, example, edits);
        }
    }

    private static void joinFigures(BrowserDriver browser, String what, MapDocument doc, int joins) throws Exception {
        HubCore core = new HubCore(doc, NET_MAP.schema(), TOKEN);
        try (HubServer server = HubServer.start(InetAddress.getLoopbackAddress(), 0, HubLimits.defaults(), List.of(core))) {
            String address = server.browserJoinUrl(doc.id(), TOKEN).toString();
            double[] page = new double[joins];
            double[] desktop = new double[joins];
            double[] welcome = new double[joins];
            double[] received = new double[joins];
            double[] built = new double[joins];
            for (int i = -1; i < joins; i++) {
                browser.driver.get("about:blank");
                browser.driver.get(address.substring(0, address.indexOf('#')) + "#" + TOKEN);
                if (i == -1) {
                    browser.driver.executeScript("localStorage.setItem('mapwork.name', 'Bench')");
                    browser.driver.navigate().refresh();
                }
                double shown = ((Number) browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "const wait = () => { const m = performance.getEntriesByName('mapwork-scene-shown');"
                        + "  if (m.length) done(m[0].startTime); else setTimeout(wait, 5); }; wait();")).doubleValue();
                ExecutorService thread = Executors.newSingleThreadExecutor();
                long t0 = System.nanoTime();
                HubClient d = HubClient.join(JoinAddress.parse(address), "desk-" + i, "Desk", Methods::schemaOrNull, thread)
                        .get(60, TimeUnit.SECONDS);
                double joined = (System.nanoTime() - t0) / 1e6;
                if (i >= 0) { // the first round warms up (class loading, JIT, the browser's caches)
                    page[i] = shown;
                    desktop[i] = joined;
                    welcome[i] = markAt(browser, "mapwork-welcome");
                    received[i] = markAt(browser, "mapwork-scene-received");
                    built[i] = markAt(browser, "mapwork-scene-built");
                }
                d.close();
                thread.shutdown();
            }
            System.out.printf("%s: join to whole map shown in the browser, median %.0f ms (of %s); a desktop's join "
                            + "(snapshot into its session, nothing drawn) median %.0f ms; ratio %.1f%n", what,
                    median(page), round(page), median(desktop), median(page) / median(desktop));
            SvgScene painter = new SvgScene(new MapPainter());
            double[] drawing = new double[joins];
            for (int i = -1; i < joins; i++) {
                long t0 = System.nanoTime();
                painter.scene(doc);
                if (i >= 0) {
                    drawing[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            System.out.printf("  where the page's time goes (medians): page load to welcome %.0f ms, welcome to the whole scene "
                            + "received %.0f ms (the hub drawing it alone: %.0f ms), built into the page %.0f ms, then on screen %.0f ms%n",
                    median(welcome), median(received) - median(welcome), median(drawing), median(built) - median(received),
                    median(page) - median(built));
        }
        browser.driver.get("about:blank");
    }

    private static void editFigures(BrowserDriver browser, MapDocument doc, int edits) throws Exception {
        HubCore core = new HubCore(doc, NET_MAP.schema(), TOKEN);
        ExecutorService aThread = Executors.newSingleThreadExecutor();
        ExecutorService bThread = Executors.newSingleThreadExecutor();
        try (HubServer server = HubServer.start(InetAddress.getLoopbackAddress(), 0, HubLimits.defaults(), List.of(core))) {
            String address = server.browserJoinUrl(doc.id(), TOKEN).toString();
            HubClient a = HubClient.join(JoinAddress.parse(address), "desk-a", "A", Methods::schemaOrNull, aThread)
                    .get(60, TimeUnit.SECONDS);
            HubClient b = HubClient.join(JoinAddress.parse(address), "desk-b", "B", Methods::schemaOrNull, bThread)
                    .get(60, TimeUnit.SECONDS);
            AtomicReference<Instant> appliedAt = new AtomicReference<>();
            bThread.submit(() -> b.core().session().addListener(e -> {
                if (e.origin() == MapSession.Origin.REMOTE) {
                    appliedAt.set(Instant.now());
                }
            })).get();
            browser.driver.get(address);
            browser.driver.executeScript("localStorage.setItem('mapwork.name', 'Bench')"); // a new origin: no name yet
            browser.driver.navigate().refresh();
            browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "const wait = () => document.querySelector('#items [data-item=\"mayor\"]') ? done() : setTimeout(wait, 5);"
                    + "wait();");
            browser.driver.findElement(By.cssSelector("#items [data-item=\"mayor\"]")).click();
            double[] page = new double[edits];
            double[] desktop = new double[edits];
            for (int i = 0; i < edits; i++) {
                // the page raises and lowers the mayor's tower (8 in the example), the desktop the union's (5)
                appliedAt.set(null);
                String button = i % 2 == 0 ? "tower-raise" : "tower-lower";
                double sent = ((Number) browser.driver.executeScript("const t = performance.timeOrigin + performance.now();"
                        + "document.getElementById(arguments[0]).click(); return t;", button)).doubleValue();
                page[i] = waitApplied(appliedAt) - sent;
                awaitInfluence(bThread, b, "mayor", i % 2 == 0 ? 9 : 8);
                appliedAt.set(null);
                long union = i % 2 == 0 ? 6 : 5;
                Instant now = Instant.now();
                double t = now.toEpochMilli() + now.getNano() % 1_000_000 / 1e6;
                aThread.submit(() -> a.core().session().apply("Tower", Change.setAttribute("union", "influence",
                        new Value.Int(union)))).get();
                desktop[i] = waitApplied(appliedAt) - t;
                awaitInfluence(bThread, b, "union", union);
            }
            System.out.printf("edit to another device's apply, %d edits: browser tower click p50 %.1f ms, p95 %.1f ms; "
                            + "desktop edit p50 %.1f ms, p95 %.1f ms; ratio of p50s %.1f%n", edits,
                    percentile(page, 50), percentile(page, 95), percentile(desktop, 50), percentile(desktop, 95),
                    percentile(page, 50) / percentile(desktop, 50));
            a.close();
            b.close();
        } finally {
            aThread.shutdown();
            bThread.shutdown();
        }
    }

    /** When the page first set a performance mark, in ms since it began loading. */
    private static double markAt(BrowserDriver browser, String name) {
        return ((Number) browser.driver.executeScript("return performance.getEntriesByName(arguments[0])[0].startTime;",
                name)).doubleValue();
    }

    private static double waitApplied(AtomicReference<Instant> at) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (at.get() == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the edit did not arrive within 30 s");
            }
            Thread.sleep(0, 200_000);
        }
        Instant i = at.get();
        return i.toEpochMilli() + i.getNano() % 1_000_000 / 1e6;
    }

    private static void awaitInfluence(ExecutorService thread, HubClient c, String id, long height) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!thread.submit(() -> new Value.Int(height).equals(c.core().session().document().element(id)
                .attribute("influence"))).get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the tower of " + id + " did not reach " + height);
            }
            Thread.sleep(1);
        }
    }


    private static int intArg(String[] args, String prefix, int otherwise) {
        for (String a : args) {
            if (a.startsWith(prefix)) {
                return Integer.parseInt(a.substring(prefix.length()));
            }
        }
        return otherwise;
    }

    private static double median(double[] xs) {
        return percentile(xs, 50);
    }

    private static double percentile(double[] xs, int p) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    private static List<Long> round(double[] xs) {
        List<Long> out = new ArrayList<>();
        for (double x : xs) {
            out.add(Math.round(x));
        }
        return out;
    }
}
