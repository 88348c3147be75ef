package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.collab.net.JoinAddress;

/** The hub serves the browser client's page and files over plain HTTP, each with its security headers. */
class BrowserPageTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private HubServer server;
    private String base;

    @BeforeEach
    void start() {
        server = HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(),
                List.of(new HubCore(TestMaps.starter(), TestMaps.SCHEMA, TestMaps.TOKEN)));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_join_address_of_a_map_opens_the_page_with_a_strict_policy() throws Exception {
        HttpResponse<String> page = get("/maps/shared-1");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<script type=\"module\" src=\"/web/app.js\">"), "the page loads its module");
        assertFalse(page.body().contains("style=\""), "no inline style in the page");
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && csp.contains("connect-src 'self'")
                && !csp.contains("unsafe-inline"), csp);
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void the_client_files_come_from_the_jar_and_nothing_else_does() throws Exception {
        for (String file : List.of("app.js", "hub.js", "mirror.js", "canvas.js", "panels.js", "method.js", "draw.js", "places.js", "texts.js", "page.css")) {
            HttpResponse<String> r = get("/web/" + file);
            assertEquals(200, r.statusCode(), file);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), file);
            assertTrue(r.headers().firstValue("Content-Security-Policy").isPresent(), file);
        }
        assertTrue(get("/web/app.js").headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        HttpResponse<String> font = get("/web/map-font.ttf");
        assertEquals(200, font.statusCode(), "the painter's font, for labels placed as it measured them");
        assertEquals("font/ttf", font.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, get("/web/other-font.ttf").statusCode());
        assertEquals(404, get("/web/missing.js").statusCode());
        assertEquals(404, get("/web/index.html").statusCode(), "the page only at a shared map's address");
        int outside = get("/web/..%2Fnet%2FHubServer.class").statusCode();
        assertTrue(outside == 400 || outside == 404, "nothing outside the client's folder: " + outside);
        assertEquals(404, get("/maps/not-shared").statusCode(), "a map not shared here has no page");
    }

    @Test
    void the_browser_join_address_is_a_join_address_for_desktops_too() {
        URI browser = server.browserJoinUrl("shared-1", TestMaps.TOKEN);
        assertEquals("http", browser.getScheme());
        JoinAddress read = JoinAddress.parse(browser.toString());
        assertEquals(server.mapUri("shared-1"), read.map(), "the desktop connects to the same WebSocket");
        assertEquals(TestMaps.TOKEN, read.token());
    }
}
