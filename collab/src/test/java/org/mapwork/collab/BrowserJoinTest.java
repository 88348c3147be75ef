package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapwork.collab.Loopback.await;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.collab.net.JoinAddress;
import org.mapwork.export.format.PngExport;
import org.mapwork.export.format.SvgScene;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * The browser client in a real Chromium (docs/adr/0017): it opens the http join address, shows the Net-Map example as
 * the hub's painter draws it, and its edits reach a desktop device on the same hub, and the desktop's reach it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BrowserJoinTest {

    private static final MethodTemplate NET_MAP = Methods.byId("net-map").orElseThrow();
    private static BrowserDriver browser;

    private final MapDocument example = NET_MAP.starter(true, Locale.ENGLISH);
    @RegisterExtension
    final Closing open = new Closing();
    private final ExecutorService desktopThread = open.keepThread(Executors.newSingleThreadExecutor(r -> new Thread(r, "session-desktop")));

    /**
     * Without Chromium the tests are skipped, loudly; with {@code MAPWORK_REQUIRE_CHROMIUM=1} (CI, {@code .ci/run}) they
     * fail instead.
     */
    @BeforeAll
    static void startBrowser() throws Exception {
        browser = BrowserDriver.startOrSkip(1280, 860);
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void leaveThePage() throws Exception {
        if (browser != null) {
            browser.driver.get("about:blank"); // the page leaves the hub before the hub stops
        }
    }

    private <T> T onDesktop(Callable<T> task) throws Exception {
        return desktopThread.submit(task).get(20, TimeUnit.SECONDS);
    }

    private Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    private HubServer hub(HubCore core) {
        return open.keep(HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(core)));
    }

    private void join(String address, String name) {
        browser.join(address, name);
    }

    private List<String> keys() {
        return browser.keys();
    }

    /** The text the fragment of an element shows (its label, wrapped over lines), spaces taken out. */
    private String textOf(String key) {
        Object t = js("const g = document.querySelector(`#items [data-item=\"${arguments[0]}\"]`);"
                + "return g ? g.textContent : null;", key);
        return t == null ? null : t.toString().replaceAll("\\s+", "");
    }

    private WebElement group(String key) {
        return browser.group(key);
    }

    private String status() {
        return browser.status();
    }

    @Test
    void a_browser_sees_the_example_and_its_edits_reach_a_desktop_and_the_desktops_reach_it() throws Exception {
        HubCore core = new HubCore(example, NET_MAP.schema(), TestMaps.TOKEN);
        HubServer server = hub(core);
        String address = server.browserJoinUrl(example.id(), TestMaps.TOKEN).toString();
        assertTrue(address.startsWith("http://127.0.0.1:") && address.endsWith("#" + TestMaps.TOKEN), address);
        HubClient desktop = desktopClient = open.keep(HubClient.join(JoinAddress.parse(address), "desk", "Dana", Methods::schemaOrNull,
                desktopThread, Loopback.FAST).get(30, TimeUnit.SECONDS));

        join(address, "Bea");
        await("the page shows every element of the example", () -> status().equals("online")
                && new HashSet<>(keys()).containsAll(ids(example)), () -> status() + " " + keys().size());
        for (Element node : example.nodes().toList()) {
            String first = node.label().split("\\s+")[0];
            assertTrue(textOf(node.id()).contains(first), node.id() + " shows its label: " + textOf(node.id()));
        }
        assertTrue(keys().contains("~legend") && keys().contains("~background"), "the map's parts are drawn: " + keys());
        assertTrue(browser.driver.findElement(By.id("people")).getText().contains("Dana"), "who is in");
        await("the labels are in the painter's font, served by the hub", () -> (Boolean) js("return [...document.fonts]"
                + ".some(f => f.family.includes('DejaVu Sans') && f.status === 'loaded');"));
        int findings = NET_MAP.check(example).size();
        WebElement findingsButton = browser.driver.findElement(By.id("findings-button"));
        assertEquals(findings > 0, findingsButton.isDisplayed(), "the findings button shows when the method finds something");
        if (findings > 0) {
            assertEquals("Findings (" + findings + ")", findingsButton.getText());
            findingsButton.click();
            assertEquals(findings, browser.driver.findElements(By.cssSelector("#findings li")).size());
            findingsButton.click();
        }
        // the keyboard: Tab picks the first element, Escape lets it go
        browser.driver.findElement(By.id("map")).sendKeys(Keys.TAB);
        String first = keys().stream().filter(k -> !k.startsWith("~")).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, js("return document.getElementById('rename').disabled === false;"), "Tab selected " + first);
        browser.driver.findElement(By.id("map")).sendKeys(Keys.ESCAPE);
        List<String> problems = browser.console().stream().filter(l -> l.contains("SEVERE") || l.contains("Content Security")).toList();
        assertEquals(List.of(), problems, "the page runs under its policy without a complaint");

        // an actor added in the browser reaches the desktop
        new Select(browser.driver.findElement(By.id("node-type"))).selectByValue("actor");
        browser.driver.findElement(By.id("add")).click();
        browser.driver.findElement(By.id("label-input")).sendKeys("Press office", Keys.ENTER);
        await("the desktop has the browser's actor", () -> desktopNode("Press office") != null);
        String added = desktopNode("Press office").id();
        await("the page shows the hub's drawing of it", () -> keys().contains(added) && textOf(added).contains("Pressoffice"),
                () -> String.valueOf(textOf(added)));

        // a link drawn from it to the mayor
        new Select(browser.driver.findElement(By.id("link-type"))).selectByValue("information");
        browser.driver.findElement(By.id("connect")).click();
        group(added).click();
        group("mayor").click();
        await("the desktop has the browser's link", () -> desktopLink(added, "mayor") != null);
        assertEquals("information", desktopLink(added, "mayor").type());

        // presence both ways: the page sees the desktop's selection and cursor, the desktop the page's selection
        desktop.setPresence(PresenceState.of(300.0, 200.0, List.of("union"), null));
        await("the page shows where the desktop is", () -> (Boolean) js("return !!document.querySelector("
                + "'#others .their-selection[data-actor=\"desk\"]') && !!document.querySelector('#others .their-cursor');"));
        group("mayor").click();
        String pageActor = (String) js("return localStorage.getItem('mapwork.actor');");
        await("the desktop sees what the page selected", () -> desktop.peers().get(pageActor)
                .map(p -> p.state().selection().equals(List.of("mayor"))).orElse(false));

        // the tower raised, then undone
        long before = influence("mayor");
        browser.driver.findElement(By.id("tower-raise")).click();
        await("the desktop sees the tower one higher", () -> influence("mayor") == before + 1);
        await("the raise is confirmed, so it can be undone", () -> browser.driver.findElement(By.id("undo")).isEnabled());
        browser.driver.findElement(By.id("undo")).click();
        await("undo brings it back", () -> influence("mayor") == before);

        // a drag moves the node for everyone
        double x = desktopGeometryX("worker-center");
        new Actions(browser.driver).dragAndDropBy(group("worker-center"), 60, 0).perform();
        await("the desktop sees the move", () -> desktopGeometryX("worker-center") > x + 20,
                () -> String.valueOf(desktopGeometryX("worker-center")));

        // the desktop renames an actor: the page shows it
        onDesktop(() -> desktop.core().session().apply("Rename", Change.setLabel("mayor", "Mayor Quimby")));
        await("the page shows the desktop's change", () -> String.valueOf(textOf("mayor")).contains("MayorQuimby"),
                () -> String.valueOf(textOf("mayor")));

        // in the end the browser, the desktop and the hub hold one map
        await("desktop equals hub", () -> {
            try {
                return onDesktop(() -> desktop.core().pending() == 0
                        && desktop.core().session().document().equals(HubSocketTest.hubDocument(server, example.id(), core)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Set<String> hubKeys = new HashSet<>(ids(HubSocketTest.hubDocument(server, example.id(), core)));
        Set<String> pageKeys = new HashSet<>(keys());
        pageKeys.removeIf(k -> k.startsWith("~"));
        assertEquals(hubKeys, pageKeys, "the page draws exactly the hub's elements");
    }

    @Test
    void a_wrong_token_is_refused_and_the_page_receives_nothing() throws Exception {
        HubCore core = new HubCore(example, NET_MAP.schema(), TestMaps.TOKEN);
        HubServer server = hub(core);
        String address = server.browserJoinUrl(example.id(), "x" + TestMaps.TOKEN.substring(1)).toString();
        join(address, "Eve");
        await("the page says the key is wrong", () -> "refused".equals(status()),
                () -> status() + " " + browser.driver.findElement(By.id("status")).getText());
        assertTrue(browser.driver.findElement(By.id("status")).getText().contains("wrong key"),
                browser.driver.findElement(By.id("status")).getText());
        assertEquals(List.of(), keys(), "no fragment reached the page");
        assertEquals("", browser.driver.findElement(By.id("title")).getText().replace("Mapwork", ""), "nor the title");
        assertFalse(browser.driver.findElement(By.id("tools")).isDisplayed());
    }

    @Test
    void a_short_disconnect_keeps_the_pages_edit_and_a_reload_rejoins_as_the_same_person() throws Exception {
        HubCore core = new HubCore(example, NET_MAP.schema(), TestMaps.TOKEN);
        HubServer first = HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(core));
        int port = first.port();
        String address = first.browserJoinUrl(example.id(), TestMaps.TOKEN).toString();
        join(address, "Bea");
        await("online", () -> "online".equals(status()) && keys().contains("mayor"));
        String actor = (String) js("return localStorage.getItem('mapwork.actor');");
        long before = core.document().element("mayor").attribute("influence") instanceof Value.Int i ? i.value() : 0;

        first.close();
        await("the page is offline", () -> "offline".equals(status()), this::status);
        group("mayor").click();
        browser.driver.findElement(By.id("tower-raise")).click();
        await("it says the change is kept", () -> browser.driver.findElement(By.id("status")).getText().contains("1 to send"),
                () -> browser.driver.findElement(By.id("status")).getText());

        HubServer again = open.keep(HubServer.start(Loopback.loopback(), port, HubLimits.defaults(), List.of(core)));
        await("the kept change reaches the hub when it is back", () -> HubSocketTest.hubDocument(again, example.id(), core)
                .element("mayor").attribute("influence").equals(new Value.Int(before + 1)));
        await("online again", () -> "online".equals(status()), this::status);
        String colour = (String) js("return document.querySelector('#people .dot').style.backgroundColor;");

        browser.driver.navigate().refresh();
        await("a reload rejoins without asking the name", () -> "online".equals(status()) && keys().contains("mayor"));
        assertEquals(actor, js("return localStorage.getItem('mapwork.actor');"), "the same device id");
        assertEquals(colour, js("return document.querySelector('#people .dot').style.backgroundColor;"), "the same colour");
        CompletableFutureList people = new CompletableFutureList();
        again.onMapThread(example.id(), () -> people.complete(core.people()));
        assertEquals(List.of(new Message.Person(actor, "Bea")), people.get(), "one person, with the name kept");
        assertEquals(new Value.Int(before + 1), HubSocketTest.hubDocument(again, example.id(), core).element("mayor")
                .attribute("influence"), "the kept change went in once");
    }

    /** A future of the people in a map (read on its thread). */
    private static final class CompletableFutureList extends java.util.concurrent.CompletableFuture<List<Message.Person>> {
        @Override
        public List<Message.Person> get() {
            return orTimeout(20, TimeUnit.SECONDS).join();
        }
    }

    @Test
    void two_browsers_and_a_desktop_edit_one_map_together_and_end_equal() throws Exception {
        HubCore core = new HubCore(example, NET_MAP.schema(), TestMaps.TOKEN);
        HubServer server = hub(core);
        String address = server.browserJoinUrl(example.id(), TestMaps.TOKEN).toString();
        HubClient desktop = desktopClient = open.keep(HubClient.join(JoinAddress.parse(address), "desk", "Dana",
                Methods::schemaOrNull, desktopThread, Loopback.FAST).get(30, TimeUnit.SECONDS));
        join(address, "Bea");
        await("Bea's page is in", () -> "online".equals(status()) && keys().contains("mayor"));
        String bea = browser.driver.getWindowHandle();
        // another origin (localhost for 127.0.0.1), so another device: its own storage, so its own actor
        browser.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        String cam = browser.driver.getWindowHandle();
        join(address.replace("127.0.0.1", "localhost"), "Cam");
        await("Cam's page is in", () -> "online".equals(status()) && keys().contains("mayor"));
        try {
            // all three at once: Cam renames, Bea raises a tower, the desktop moves and removes
            group("cm-hart").click();
            browser.driver.findElement(By.id("rename")).click();
            WebElement input = browser.driver.findElement(By.id("label-input"));
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Council Member Hart (chair)", Keys.ENTER);
            browser.driver.switchTo().window(bea);
            group("worker-center").click();
            browser.driver.findElement(By.id("tower-raise")).click();
            browser.driver.findElement(By.id("tower-raise")).click();
            onDesktop(() -> desktop.core().session().apply("Remove", Change.remove("newspaper")));
            MapDocument[] hub = new MapDocument[1];
            await("the hub has all three's changes", () -> {
                hub[0] = HubSocketTest.hubDocument(server, example.id(), core);
                return hub[0].element("newspaper") == null && hub[0].element("cm-hart").label().endsWith("(chair)")
                        && hub[0].element("worker-center").attribute("influence").equals(new Value.Int(6));
            });
            List<String> drawnOrder = new org.mapwork.export.format.SvgScene(new org.mapwork.export.paint.MapPainter())
                    .scene(hub[0]).order();
            for (String window : List.of(bea, cam)) {
                browser.driver.switchTo().window(window);
                await("each page draws the hub's map, in the painter's order", () -> keys().equals(drawnOrder)
                        && textOf("cm-hart").contains("(chair)"), () -> keys().size() + " " + drawnOrder.size());
            }
            await("the desktop holds the hub's map", () -> {
                try {
                    return onDesktop(() -> desktop.core().session().document().equals(
                            HubSocketTest.hubDocument(server, example.id(), core)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            browser.driver.switchTo().window(cam).close();
            browser.driver.switchTo().window(bea);
        }
    }

    /**
     * One painter: the page's drawing of the example at one pixel per map unit against the PNG export at 96 dpi (mean
     * channel difference over the picture and over one actor's box), with a control: the export of the map with that
     * actor moved must differ clearly more.
     */
    @Test
    void the_page_draws_what_the_png_export_draws() throws Exception {
        HubServer server = hub(new HubCore(example, NET_MAP.schema(), TestMaps.TOKEN));
        SvgScene.Extent e = new SvgScene(new MapPainter()).scene(example).extent();
        int w = (int) Math.ceil(e.width()), h = (int) Math.ceil(e.height());
        org.openqa.selenium.Dimension before = browser.driver.manage().window().getSize();
        try {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(w + 80, h + 200));
            join(server.browserJoinUrl(example.id(), TestMaps.TOKEN).toString(), "Bea");
            await("the map is shown", () -> keys().contains("mayor") && "online".equals(status()));
            await("in the painter's font", () -> (Boolean) js("return document.fonts.status === 'loaded';"));
            // only the map, at one CSS pixel per map unit, its corner at the picture's (through the CSSOM, as the page does)
            js("for (const id of ['bar', 'tools', 'hint']) document.getElementById(id).style.display = 'none';"
                    + "const svg = document.getElementById('map'); svg.style.width = arguments[0] + 'px';"
                    + "svg.style.height = arguments[1] + 'px'; svg.style.outline = 'none'; svg.blur();"
                    + "document.getElementById('viewport').setAttribute('transform', `translate(${-arguments[2]} ${-arguments[3]})`);",
                    w, h, e.x(), e.y());
            BufferedImage page = ImageIO.read(new ByteArrayInputStream(
                    browser.driver.findElement(By.id("map")).getScreenshotAs(OutputType.BYTES)));
            assertEquals(w, page.getWidth());
            assertEquals(h, page.getHeight());
            BufferedImage png = PngExport.render(example, new MapPainter(), RenderOptions.file(), 96);
            Element mayor = example.element("mayor");
            MapDocument moved = org.mapwork.model.ChangeEngine.apply(example, NET_MAP.schema(), org.mapwork.model.ChangeSet.of(
                    "move", Change.setGeometry("mayor", mayor.geometry().movedBy(160, 0)))).after();
            BufferedImage control = PngExport.render(moved, new MapPainter(), RenderOptions.file(), 96);
            java.awt.Rectangle box = new java.awt.Rectangle((int) (mayor.geometry().x() - e.x()),
                    (int) (mayor.geometry().y() - e.y()), (int) mayor.geometry().width(), (int) mayor.geometry().height());
            double same = meanDifference(page, png, null), sameBox = meanDifference(page, png, box);
            double other = meanDifference(page, control, null), otherBox = meanDifference(page, control, box);
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots", "browser"));
            ImageIO.write(page, "png", dir.resolve("pixels-page.png").toFile());
            ImageIO.write(png, "png", dir.resolve("pixels-export.png").toFile());
            System.out.printf("page against the PNG export: mean channel difference %.2f (mayor's box %.2f); against the"
                    + " export with the mayor moved: %.2f (box %.2f)%n", same, sameBox, other, otherBox);
            assertTrue(same < 4.0 && sameBox < 12.0, "the page draws what the export draws: " + same + ", box " + sameBox);
            assertTrue(otherBox > 3 * sameBox && other > same, "the control differs: " + other + ", box " + otherBox);
        } finally {
            browser.driver.manage().window().setSize(before);
        }
    }

    /** The mean absolute difference of the red, green and blue channels (0–255), over {@code area} or all of it. */
    private static double meanDifference(BufferedImage a, BufferedImage b, java.awt.Rectangle area) {
        java.awt.Rectangle r = area != null ? area : new java.awt.Rectangle(0, 0, a.getWidth(), a.getHeight());
        long sum = 0;
        long n = 0;
        for (int y = Math.max(0, r.y); y < Math.min(Math.min(a.getHeight(), b.getHeight()), r.y + r.height); y++) {
            for (int x = Math.max(0, r.x); x < Math.min(Math.min(a.getWidth(), b.getWidth()), r.x + r.width); x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
                }
                n += 3;
            }
        }
        return (double) sum / n;
    }

    /**
     * The page at desktop width and at phone width (390×844), with an actor selected, as PNGs in
     * collab/target/screenshots/browser (docs/screenshots/browser has the ones looked at). Checks the page fits the
     * phone's width without scrolling sideways.
     */
    @Test
    void screenshots_at_desktop_and_phone_width() throws Exception {
        HubServer server = hub(new HubCore(example, NET_MAP.schema(), TestMaps.TOKEN));
        join(server.browserJoinUrl(example.id(), TestMaps.TOKEN).toString(), "Bea");
        await("the map is shown", () -> keys().contains("mayor"));
        java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots", "browser");
        java.nio.file.Files.createDirectories(dir);
        org.openqa.selenium.Dimension before = browser.driver.manage().window().getSize();
        try {
            for (int[] size : new int[][] {{1280, 860}, {390, 844}}) {
                browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
                browser.driver.navigate().refresh(); // fitted to the new size; joins again with the name kept
                await("the map is shown again", () -> keys().contains("mayor") && "online".equals(status()));
                group("mayor").click();
                await("the tower buttons show", () -> browser.driver.findElement(By.id("tower-raise")).isDisplayed());
                long scrollWidth = (Long) js("return document.documentElement.scrollWidth;");
                long width = (Long) js("return document.documentElement.clientWidth;");
                assertTrue(scrollWidth <= width, "no sideways scrolling at " + size[0] + " px: " + scrollWidth);
                byte[] png = browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
                java.nio.file.Files.write(dir.resolve("net-map-" + size[0] + ".png"), png);
            }
        } finally {
            browser.driver.manage().window().setSize(before);
        }
    }

    private Element desktopNode(String label) {
        try {
            return onDesktop(() -> desktop().nodes().filter(n -> n.label().equals(label)).findFirst().orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Element desktopLink(String source, String target) {
        try {
            return onDesktop(() -> desktop().links()
                    .filter(l -> l.source().equals(source) && l.target().equals(target)).findFirst().orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long influence(String id) {
        try {
            return onDesktop(() -> desktop().element(id).attribute("influence") instanceof Value.Int i ? i.value() : 0L);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private double desktopGeometryX(String id) {
        try {
            return onDesktop(() -> desktop().element(id).geometry().x());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HubClient desktopClient;

    private static Set<String> ids(MapDocument doc) {
        Set<String> out = new HashSet<>();
        doc.elements().forEach(e -> out.add(e.id()));
        return out;
    }

    private MapDocument desktop() {
        return desktopClient.core().session().document();
    }
}
