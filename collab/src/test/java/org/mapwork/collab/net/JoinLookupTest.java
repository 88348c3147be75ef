package org.mapwork.collab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.mapwork.collab.HubCore;
import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.Schema;

/** What a person types on the Join screen, resolved against a real hub on loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JoinLookupTest {

    private static final String TOKEN = "t0k3n-0123456789abcdefghij";
    private HubServer server;
    private String mapId;
    private JoinCode code;
    private final JoinLookup lookup = new JoinLookup(Duration.ofSeconds(5));

    @BeforeEach
    void share() throws Exception {
        MapDocument doc = MapDocument.empty("shared-1", "Power map of Eastside", "lookup-test", java.time.Instant.parse("2026-12-03T10:00:00Z"));
        HubCore core = new HubCore(doc, Schema.builder("lookup-test").node(org.mapwork.model.schema.NodeType.of("actor")).build(), TOKEN);
        server = HubServer.start(InetAddress.getByName("127.0.0.1"), 0, HubLimits.defaults(), List.of(core));
        mapId = doc.id();
        code = server.issueCode(mapId, doc.title(), TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aHubsAddressAndItsCodeGiveTheJoinAddress() throws Exception {
        JoinAddress expected = JoinAddress.parse(server.joinUrl(mapId, TOKEN).toString());
        String hostPort = "127.0.0.1:" + server.port();
        for (String typed : List.of(hostPort + " " + code, hostPort + " " + code.value().toLowerCase(),
                hostPort + "/" + code.value(), server.codeUri(code).toString())) {
            JoinLookup.Found found = lookup.resolve(typed, List.of());
            assertEquals(expected, found.address(), typed);
            assertEquals("Power map of Eastside", found.title());
        }
    }

    @Test
    void aCodeAloneIsAskedOfTheHubsFoundNearby() throws Exception {
        LanDiscovery.Nearby silent = new LanDiscovery.Nearby("Gone", "m-x", "127.0.0.1", freePort());
        LanDiscovery.Nearby ours = new LanDiscovery.Nearby("Power map of Eastside", mapId, "127.0.0.1", server.port());
        JoinLookup.Found found = lookup.resolve(code.toString(), List.of(silent, ours));
        assertEquals(TOKEN, found.address().token());
        assertEquals(mapId, found.address().mapId());

        JoinLookup.Failure none = assertThrows(JoinLookup.Failure.class, () -> lookup.resolve(code.toString(), List.of()));
        assertEquals(JoinLookup.Reason.NO_HUB_NEARBY, none.reason());
    }

    @Test
    void aWrongCodeAnUnreachableHubAndNonsenseEachSaySo() throws Exception {
        String other = code.value().startsWith("0") ? "1111-1111" : "0000-0000";
        JoinLookup.Failure wrong = assertThrows(JoinLookup.Failure.class,
                () -> lookup.resolve("127.0.0.1:" + server.port() + " " + other, List.of()));
        assertEquals(JoinLookup.Reason.NO_SUCH_CODE, wrong.reason());

        JoinLookup.Failure unreachable = assertThrows(JoinLookup.Failure.class,
                () -> lookup.resolve("127.0.0.1:" + freePort() + " " + code, List.of()));
        assertEquals(JoinLookup.Reason.UNREACHABLE, unreachable.reason());

        for (String nonsense : List.of("", "hello", "127.0.0.1:7 xyz", "ws://127.0.0.1:7/elsewhere#t", "ftp://x/maps/a#t")) {
            JoinLookup.Failure f = assertThrows(JoinLookup.Failure.class, () -> lookup.resolve(nonsense, List.of()), nonsense);
            assertEquals(JoinLookup.Reason.NOT_AN_ADDRESS, f.reason(), nonsense);
        }
        JoinAddress pasted = lookup.resolve(server.joinUrl(mapId, TOKEN).toString(), List.of()).address();
        assertEquals(TOKEN, pasted.token(), "a pasted join address needs no lookup");
        assertEquals(pasted, lookup.resolve(pasted.toUri().toString().replace("ws://", "http://"), List.of()).address(),
                "the http:// form a browser opens is the same address");
    }

    @Test
    void theCodeAnswerIsNeverCachedAndOtherPathsAreNotFound() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(server.codeUri(code)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        assertEquals("no-store", answer.headers().firstValue("cache-control").orElse(""));
        assertEquals("no-referrer", answer.headers().firstValue("referrer-policy").orElse(""));
        URI elsewhere = URI.create("http://127.0.0.1:" + server.port() + "/secrets");
        assertEquals(404, http.send(HttpRequest.newBuilder(elsewhere).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.codeUri(code))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
