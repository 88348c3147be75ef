package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.collab.net.JoinAddress;
import org.mapwork.export.format.SvgScene;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.OrderKey;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * The drawn view a browser asks for (docs/protocol.md section 8), read off a raw WebSocket: the scene in parts under
 * the part size, then updates that bring it to exactly what the painter draws of the hub's map; devices that do not
 * ask get none of it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BrowserDrawnViewTest {

    private static final MethodTemplate NET_MAP = Methods.byId("net-map").orElseThrow();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The hub's part size (DrawnView.PART_BYTES) and the room a message needs around its fragments. */
    private static final int PART_BYTES = 1024 * 1024;

    @RegisterExtension
    final Closing open = new Closing();
    private final ExecutorService desktopThread = open.keepThread(Executors.newSingleThreadExecutor(r -> new Thread(r, "session-desktop")));

    /** A power map of {@code n} actors in a grid, each linked to the one before. */
    private static MapDocument largeMap(int n) {
        MapDocument doc = NET_MAP.starter(false, Locale.ENGLISH);
        List<Change> changes = new ArrayList<>();
        String order = OrderKey.first();
        for (int i = 0; i < n; i++) {
            changes.add(Change.add(Element.node("a" + i, "actor", "Actor number " + i + " of the workshop",
                    Geometry.box(200 * (i % 40), 120 * (i / 40), 150, 60), order)));
            order = OrderKey.after(order);
            if (i > 0) {
                changes.add(Change.add(Element.link("l" + i, "information", "a" + (i - 1), "a" + i, order)));
                order = OrderKey.after(order);
            }
        }
        return ChangeEngine.apply(doc, NET_MAP.schema(), ChangeSet.of("grid", changes.toArray(Change[]::new))).after();
    }

    private static String hello(boolean drawn) {
        return "{\"type\":\"hello\",\"protocol\":1,\"map\":\"MAP\",\"token\":\"" + TestMaps.TOKEN
                + "\",\"actor\":\"web-1\",\"name\":\"Bea\",\"since\":0" + (drawn ? ",\"view\":\"drawn\"" : "") + "}";
    }

    /** Reads messages until a whole scene arrived (its last part), checking every part's size. */
    private static SvgScene.Scene readScene(Loopback.Raw raw) throws Exception {
        List<SvgScene.Fragment> fragments = new ArrayList<>();
        int parts = 0;
        while (true) {
            String text = raw.next();
            JsonNode m = JSON.readTree(text);
            if (!m.get("type").asText().equals("scene")) {
                continue; // welcome, peers
            }
            parts++;
            assertTrue(text.getBytes(StandardCharsets.UTF_8).length < PART_BYTES + 64 * 1024, "a part stays under its size");
            m.get("fragments").forEach(f -> fragments.add(new SvgScene.Fragment(f.get("key").asText(), f.get("svg").asText())));
            if (!m.get("more").asBoolean()) {
                assertEquals(fragments.stream().map(SvgScene.Fragment::key).toList(), strings(m.get("order")), "the order");
                assertTrue(m.get("root").asText().contains("font-family"), "the fragments' defaults");
                assertTrue(parts > 1 || fragments.size() < 200, "a large map's scene comes in parts: " + parts);
                JsonNode e = m.get("extent");
                return new SvgScene.Scene(fragments, new SvgScene.Extent(e.get("x").asDouble(), e.get("y").asDouble(),
                        e.get("width").asDouble(), e.get("height").asDouble()));
            }
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void a_browser_gets_the_scene_in_parts_and_updates_that_bring_it_to_the_painters_drawing_of_the_hubs_map() throws Exception {
        MapDocument start = largeMap(1200);
        HubCore core = new HubCore(start, NET_MAP.schema(), TestMaps.TOKEN);
        HubServer server = open.keep(HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(core)));
        Loopback.Raw browser = Loopback.Raw.open(server.mapUri(start.id()), null);
        browser.send(hello(true).replace("MAP", start.id()));
        SvgScene.Scene shown = readScene(browser);
        SvgScene painter = new SvgScene(new MapPainter());
        assertEquals(painter.scene(start).fragments(), shown.fragments(), "the scene is what the painter draws");

        // a desktop makes many quick edits: the page's scene, updated, ends as the painter draws the hub's last map
        HubClient desktop = open.keep(HubClient.join(JoinAddress.parse(server.joinUrl(start.id(), TestMaps.TOKEN).toString()),
                "desk", "Dana", Methods::schemaOrNull, desktopThread,
                Loopback.FAST).get(30, TimeUnit.SECONDS));
        int edits = 25;
        for (int i = 0; i < edits; i++) {
            int n = i;
            desktopThread.submit(() -> desktop.core().session().apply("Move",
                    Change.setGeometry("a" + n, Geometry.box(200 * n, 5000, 150, 60)))).get(20, TimeUnit.SECONDS);
        }
        desktopThread.submit(() -> desktop.core().session().apply("Remove", Change.remove("a30"))).get(20, TimeUnit.SECONDS);
        Loopback.await("the hub has every edit", () -> core.serverSeq() == edits + 1);
        MapDocument last = HubSocketTest.hubDocument(server, start.id(), core);
        SvgScene.Scene expected = painter.scene(last);
        int updates = 0;
        while (!shown.fragments().equals(expected.fragments())) {
            JsonNode m = JSON.readTree(browser.next());
            if (!m.get("type").asText().equals("drawn")) {
                continue; // the entries (changes) the mirror keeps
            }
            updates++;
            List<SvgScene.Fragment> replaced = new ArrayList<>();
            m.get("fragments").forEach(f -> replaced.add(new SvgScene.Fragment(f.get("key").asText(), f.get("svg").asText())));
            assertTrue(m.has("removed") && !m.get("more").asBoolean(), "a small update is one message");
            List<String> order = m.has("order") ? strings(m.get("order")) : shown.order();
            shown = shown.apply(new SvgScene.Update(replaced, strings(m.get("removed")), order, shown.extent()));
            assertTrue(updates <= edits + 1, "at most one update a commit");
        }
        assertFalse(shown.order().contains("a30"), "the removed actor is gone from the page's scene");
        assertTrue(shown.order().contains("~legend"));
    }

    @Test
    void a_device_that_does_not_ask_for_the_drawing_gets_none_and_an_unknown_view_is_refused() throws Exception {
        MapDocument start = TestMaps.starter();
        HubCore core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        HubServer server = open.keep(HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of(core)));
        Loopback.Raw device = Loopback.Raw.open(server.mapUri(start.id()), null);
        device.send(hello(false).replace("MAP", start.id()));
        assertEquals("welcome", JSON.readTree(device.next()).get("type").asText());
        assertEquals("peers", JSON.readTree(device.next()).get("type").asText());
        Loopback.Raw browser = Loopback.Raw.open(server.mapUri(start.id()), null);
        browser.send(hello(true).replace("MAP", start.id()).replace("web-1", "web-2"));
        readScene(browser); // a browser beside it does get one
        assertEquals("joined", JSON.readTree(device.next()).get("type").asText());
        assertTrue(device.texts.isEmpty(), "no drawing for the device: " + device.texts);

        Loopback.Raw odd = Loopback.Raw.open(server.mapUri(start.id()), null);
        odd.send(hello(true).replace("MAP", start.id()).replace("\"drawn\"", "\"pixels\""));
        JsonNode error = JSON.readTree(odd.next());
        assertEquals("error", error.get("type").asText());
        assertTrue(error.get("reason").asText().contains("$.view"), error.get("reason").asText());
    }
}
