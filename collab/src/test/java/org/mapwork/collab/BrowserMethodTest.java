package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapwork.collab.Loopback.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.collab.net.JoinAddress;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.Value;
import org.mapwork.templates.FacilitationStep;
import org.mapwork.templates.MethodAction;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * What a method adds, in the browser client (docs/protocol.md section 8, the palette's method parts): Net-Map's goals
 * and stances in an actor's sheet, and the theory of change's "add precondition below", indicators, the ceiling of
 * accountability and the facilitation steps. Each edit reaches a desktop on the same hub as the change the desktop's
 * own method action makes.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BrowserMethodTest {

    private static final MethodTemplate NET_MAP = Methods.byId("net-map").orElseThrow();
    private static final MethodTemplate TOC = Methods.byId("theory-of-change").orElseThrow();
    /** Where the phone-width screenshots go (docs/screenshots/browser has the ones looked at). */
    private static final Path SHOTS = Path.of("target", "screenshots", "browser");
    private static BrowserDriver browser;

    @RegisterExtension
    final Closing open = new Closing();
    private final ExecutorService desktopThread = open.keepThread(Executors.newSingleThreadExecutor(r -> new Thread(r, "session-desktop")));
    private HubClient desktop;

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
            browser.driver.get("about:blank");
            browser.driver.manage().window().setSize(new Dimension(1280, 860));
        }
    }

    /** A hub sharing {@code map}, a desktop in it and the page joined as Bea; the page's address. */
    private HubServer share(MapDocument map, MethodTemplate method) throws Exception {
        HubCore core = new HubCore(map, method.schema(), TestMaps.TOKEN);
        HubServer server = HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(core));
        open.keep(server);
        String address = server.browserJoinUrl(map.id(), TestMaps.TOKEN).toString();
        desktop = HubClient.join(JoinAddress.parse(address), "desk", "Dana", Methods::schemaOrNull, desktopThread,
                Loopback.FAST).get(30, TimeUnit.SECONDS);
        open.keep(desktop);
        browser.join(address, "Bea");
        await("the page shows the map", () -> "online".equals(browser.status())
                && browser.keys().containsAll(map.nodes().map(Element::id).toList()), () -> browser.keys().toString());
        return server;
    }

    private MapDocument desktopMap() {
        try {
            return onDesktop(() -> desktop.core().session().document());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T onDesktop(Callable<T> task) throws Exception {
        return desktopThread.submit(task).get(20, TimeUnit.SECONDS);
    }

    private WebElement byCss(String css) {
        return browser.driver.findElement(By.cssSelector(css));
    }

    private boolean shows(String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Whether the sheet's box of a goal is ticked (read in one go: the sheet is redrawn with every change). */
    private boolean ticked(String goal) {
        return Boolean.TRUE.equals(browser.js("const i = document.querySelector(`#sheet li[data-goal=\"${arguments[0]}\"] input`);"
                + "return !!i && i.checked;", goal));
    }

    /** The map after the desktop's own method action {@code id} on {@code selected}, carried out by {@code choose}. */
    private static MapDocument afterDesktopAction(MethodTemplate method, MapDocument doc, String id, String selected,
                                                  java.util.function.Function<MethodAction.Effect, MethodAction.Effect> choose) {
        MethodAction action = method.actions(Locale.ENGLISH).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
        MethodAction.Effect effect = choose.apply(action.perform().apply(new MethodAction.Context(doc, List.of(selected))));
        ChangeSet changes = assertInstanceOf(MethodAction.Apply.class, effect).changes();
        return new MapSession(doc, method.schema(), "desktop", 0).apply(changes).after();
    }

    private static Map<String, Value> goalRow(MapDocument doc, String label) {
        return ((Value.Rows) doc.mapAttribute("goals")).rows().stream()
                .filter(r -> r.get("label").equals(new Value.Text(label))).findFirst().orElse(null);
    }

    @Test
    void an_actors_sheet_shows_its_goals_and_stances_and_sets_them_as_the_desktop_does() throws Exception {
        MapDocument example = NET_MAP.starter(true, Locale.ENGLISH);
        share(example, NET_MAP);
        browser.group("mayor").click();
        int goals = ((Value.Rows) example.mapAttribute("goals")).rows().size();
        await("the mayor's sheet lists the map's goals", () -> shows("#sheet")
                && browser.driver.findElements(By.cssSelector("#sheet li[data-goal]")).size() == goals);
        assertTrue(ticked("budget"), "the mayor holds the budget goal");
        assertTrue(!ticked("pass"), "and not the ordinance");
        assertEquals("neutral", new Select(byCss("#sheet li[data-goal='budget'] select")).getFirstSelectedOption()
                .getAttribute("value"), "with the goal's stance");

        // ticking a goal: the desktop gets what its own goals menu would have made
        MapDocument expected = afterDesktopAction(NET_MAP, desktopMap(), "goals", "mayor", menu ->
                ((MethodAction.Choose) menu).choices().stream().filter(c -> c.label().startsWith("Pass a paid"))
                        .findFirst().orElseThrow().chosen().apply(desktopMap()));
        byCss("#sheet li[data-goal='pass'] input").click();
        await("the desktop's mayor holds the ordinance", () -> desktopMap().element("mayor").attribute("goals")
                .equals(expected.element("mayor").attribute("goals")), () -> String.valueOf(desktopMap().element("mayor")));

        // a goal's stance set
        new Select(byCss("#sheet li[data-goal='budget'] select")).selectByValue("against");
        await("the desktop sees the budget goal against", () -> goalRow(desktopMap(), "Keep city enforcement costs down")
                .get("stance").equals(new Value.Text("against")));
        assertEquals(goals, ((Value.Rows) desktopMap().mapAttribute("goals")).rows().size(), "no goal lost");

        // a new goal with its stance, held by the mayor, in one step
        byCss("#new-goal").sendKeys("Fund outreach in five languages");
        new Select(byCss("#new-goal-stance")).selectByValue("for");
        byCss("#new-goal").sendKeys(Keys.ENTER);
        await("the desktop has the new goal", () -> goalRow(desktopMap(), "Fund outreach in five languages") != null);
        Map<String, Value> row = goalRow(desktopMap(), "Fund outreach in five languages");
        assertEquals(new Value.Text("for"), row.get("stance"));
        assertTrue(((Value.TextList) desktopMap().element("mayor").attribute("goals")).values()
                .contains(((Value.Text) row.get("id")).value()), "and the mayor holds it");
        await("the page lists it", () -> browser.driver.findElements(By.cssSelector("#sheet li[data-goal]")).size() == goals + 1);

        // the desktop takes a goal away: the page's sheet follows
        onDesktop(() -> desktop.core().session().apply("Take", Change.setAttribute("mayor", "goals",
                new Value.TextList(List.of("budget")))));
        await("the page's tick follows the desktop", () -> !ticked("pass"));

        List<String> problems = browser.console().stream().filter(l -> l.contains("SEVERE") || l.contains("Content Security")).toList();
        assertEquals(List.of(), problems, "the sheet runs under the page's policy");
        shot("net-map-goals-phone.png", "mayor");
    }

    @Test
    void a_theory_of_change_adds_below_takes_indicators_moves_its_ceiling_and_shows_its_steps() throws Exception {
        MapDocument example = TOC.starter(true, Locale.ENGLISH);
        share(example, TOC);

        // the facilitation steps with their questions
        List<FacilitationStep> steps = TOC.steps(Locale.ENGLISH);
        await("the first step shows", () -> shows("#step")
                && byCss("#step-title").getText().equals(steps.get(0).title()));
        assertEquals(steps.get(0).question(), byCss("#step-question").getText());
        byCss("#step-next").click();
        assertEquals(steps.get(1).title(), byCss("#step-title").getText());

        // add precondition below the long-term outcome: the desktop's action's change, named the same
        browser.group("lto").click();
        await("the page offers a precondition below", () -> shows("#below"));
        MapDocument before = desktopMap();
        MapDocument expected = afterDesktopAction(TOC, before, "add-precondition", "lto", e -> {
            MethodAction.NameInPlace named = (MethodAction.NameInPlace) e;
            return named.named().named(before, "Employers face fines", named.near());
        });
        Element expectedNode = expected.nodes().filter(n -> n.label().equals("Employers face fines")).findFirst().orElseThrow();
        Element expectedLink = expected.linksOf(expectedNode.id()).get(0);
        byCss("#below").click();
        byCss("#label-input").sendKeys("Employers face fines", Keys.ENTER);
        await("the desktop has the precondition", () -> desktopMap().nodes().anyMatch(n -> n.label().equals("Employers face fines")));
        await("the hub has handled everything the page sent", () -> (Boolean) browser.js("return !document"
                + ".getElementById('undo').disabled;"));
        assertEquals(1, desktopMap().nodes().filter(n -> n.label().equals("Employers face fines")).count(),
                "one precondition for one Enter");
        Element node = desktopMap().nodes().filter(n -> n.label().equals("Employers face fines")).findFirst().orElseThrow();
        assertEquals(expectedNode.type(), node.type());
        List<Element> links = desktopMap().linksOf(node.id());
        assertEquals(1, links.size(), "one causal link: " + links);
        assertEquals(List.of(expectedLink.type(), node.id(), "lto"), List.of(links.get(0).type(), links.get(0).source(),
                links.get(0).target()), "from the precondition into the outcome");
        Geometry lto = before.element("lto").geometry();
        assertTrue(node.geometry().y() >= lto.y() + lto.height(), "below the outcome: " + node.geometry());

        // an indicator added to a precondition; its other rows keep their cells and types (a date stays a date)
        browser.group("p-rights").click();
        await("the precondition's sheet lists its indicator", () -> shows("#sheet [data-rows='indicators']")
                && byCss("#sheet [data-rows='indicators'] li").getText().contains("Trained workers"));
        Value rowsBefore = before.element("p-rights").attribute("indicators");
        byCss("#new-row-indicators").sendKeys("Workers using the hours card", Keys.ENTER);
        await("the desktop has the second indicator", () -> ((Value.Rows) desktopMap().element("p-rights")
                .attribute("indicators")).rows().size() == 2);
        List<Map<String, Value>> rows = ((Value.Rows) desktopMap().element("p-rights").attribute("indicators")).rows();
        assertEquals(((Value.Rows) rowsBefore).rows().get(0), rows.get(0), "the first indicator as it was");
        assertEquals(Map.of("measure", new Value.Text("Workers using the hours card")), rows.get(1));

        // the ceiling of accountability a step down, as the desktop's Alt+Down
        MapDocument now = desktopMap();
        MapDocument lowered = afterDesktopAction(TOC, now, "line-down", "p-rights", e -> e);
        await("the page offers the ceiling", () -> shows("#line"));
        byCss("#line-down").click();
        await("the desktop sees the ceiling lower", () -> desktopMap().mapAttribute("ceilingY")
                .equals(lowered.mapAttribute("ceilingY")), () -> String.valueOf(desktopMap().mapAttribute("ceilingY")));
        await("the ceiling's move is confirmed", () -> (Boolean) browser.js("return !document.getElementById('undo').disabled;"));
        byCss("#map").sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_UP));
        await("Alt+Up puts it back a step, as on the desktop", () -> desktopMap().mapAttribute("ceilingY")
                .equals(now.mapAttribute("ceilingY")), () -> String.valueOf(desktopMap().mapAttribute("ceilingY")));

        List<String> problems = browser.console().stream().filter(l -> l.contains("SEVERE") || l.contains("Content Security")).toList();
        assertEquals(List.of(), problems, "the method's parts run under the page's policy");
        shot("toc-phone.png", "lto");
    }

    @Test
    void a_pen_stroke_by_mouse_and_by_finger_and_a_stamped_pictogram_reach_the_desktop_as_its_tools_make_them()
            throws Exception {
        MethodTemplate rich = Methods.byId("rich-picture").orElseThrow();
        MapDocument example = rich.starter(true, Locale.ENGLISH);
        share(example, rich);
        shared = example;
        await("the page offers the pen and the stamp", () -> shows("#pen") && shows("#stamp"));

        // a freehand stroke with the mouse, then one with a finger: one stroke annotation each
        byCss("#pen").click();
        WebElement map = byCss("#map");
        new org.openqa.selenium.interactions.Actions(browser.driver).moveToElement(map, -120, -60).clickAndHold()
                .moveByOffset(40, 10).moveByOffset(40, 25).moveByOffset(40, -5).release().perform();
        await("the desktop has the mouse's stroke", () -> strokes().size() == 1, () -> strokes().toString());
        org.openqa.selenium.Rectangle box = map.getRect();
        int x = box.getX() + box.getWidth() / 2;
        int y = box.getY() + box.getHeight() / 2;
        org.openqa.selenium.interactions.PointerInput finger = new org.openqa.selenium.interactions.PointerInput(
                org.openqa.selenium.interactions.PointerInput.Kind.TOUCH, "finger");
        org.openqa.selenium.interactions.Sequence touch = new org.openqa.selenium.interactions.Sequence(finger, 0);
        org.openqa.selenium.interactions.PointerInput.Origin viewport = org.openqa.selenium.interactions.PointerInput.Origin.viewport();
        touch.addAction(finger.createPointerMove(java.time.Duration.ZERO, viewport, x, y));
        touch.addAction(finger.createPointerDown(0));
        for (int i = 1; i <= 5; i++) {
            touch.addAction(finger.createPointerMove(java.time.Duration.ofMillis(20), viewport, x + 15 * i, y + 8 * i));
        }
        touch.addAction(finger.createPointerUp(0));
        browser.driver.perform(List.of(touch));
        await("the desktop has the finger's stroke", () -> strokes().size() == 2, () -> strokes().toString());
        for (Element stroke : strokes()) {
            Geometry g = stroke.geometry();
            assertTrue(g.points().size() >= 3, "a stroke through its points: " + g);
            assertEquals(Geometry.stroke(g.points()), g, "its box around its points, as the desktop's pen makes it");
        }
        byCss("#pen").click();

        // a pictogram stamped: the desktop's stamp tool's sticker
        new Select(byCss("#pictogram")).selectByValue("worker");
        byCss("#stamp-button").click();
        await("the desktop has the sticker", () -> desktopMap().nodes().anyMatch(n -> !example.contains(n.id())));
        Element sticker = desktopMap().nodes().filter(n -> !example.contains(n.id())).findFirst().orElseThrow();
        Element expected = ((Change.AddElement) rich.pictograms().orElseThrow()
                .stamp(example, "worker", Geometry.box(0, 0, 64, 64)).orElseThrow().changes().get(0)).element();
        assertEquals(List.of(expected.type(), expected.attributes(), 64.0, 64.0), List.of(sticker.type(),
                sticker.attributes(), sticker.geometry().width(), sticker.geometry().height()));
        await("the page shows the hub's drawing of it", () -> browser.keys().contains(sticker.id()));
    }

    private MapDocument shared;

    /** The strokes drawn since the map was shared. */
    private List<Element> strokes() {
        return desktopMap().elements().stream().filter(e -> e.type().equals("stroke") && !shared.contains(e.id())).toList();
    }

    /** The page at phone width with {@code key} selected, to look at (docs/screenshots/browser/). */
    private void shot(String file, String key) throws Exception {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        await("resized", () -> ((Number) browser.js("return window.innerWidth;")).intValue() <= 400);
        browser.driver.navigate().refresh(); // as a phone opens it: the map fitted to its width
        await("rejoined", () -> "online".equals(browser.status()) && browser.keys().contains(key));
        browser.group(key).click();
        await("the sheet shows", () -> shows("#sheet") || shows("#below"));
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(file), browser.driver.getScreenshotAs(OutputType.BYTES));
    }
}
