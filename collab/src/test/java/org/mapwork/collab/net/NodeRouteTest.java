package org.mapwork.collab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Where a client goes next among several hub nodes: a node's 307 answer, and the nodes it knows when one is gone. */
class NodeRouteTest {

    private static Throwable handshakeFailure(URI uri) {
        try {
            HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new java.net.http.WebSocket.Listener() { })
                    .orTimeout(20, TimeUnit.SECONDS).join().abort();
            return null;
        } catch (CompletionException e) {
            return e;
        }
    }

    @Test
    void a_node_that_does_not_serve_the_map_sends_the_client_to_the_owner_and_back_when_the_owner_is_gone() throws Exception {
        URI owner = URI.create("ws://127.0.0.1:9/maps/m-1");
        try (HubServer node = HubServer.start(InetAddress.getByName("127.0.0.1"), 0, HubLimits.defaults(), List.of())) {
            node.redirectWith(mapId -> mapId.equals("m-1") ? Optional.of(owner) : Optional.empty());
            URI here = node.mapUri("m-1");
            NodeRoute route = new NodeRoute(here);
            Throwable redirected = handshakeFailure(here);
            assertNotNull(redirected, "the node does not serve m-1");
            route.failed(redirected, here);
            assertEquals(owner, route.next(here), "the 307 answer's Location is where it goes next");
            route.failed(new java.net.ConnectException("refused"), owner);
            assertEquals(here, route.next(owner), "the owner gone, back to the node it joined at");

            URI other = node.mapUri("m-2");
            Throwable unknown = handshakeFailure(other);
            assertNotNull(unknown, "nobody serves m-2: 404");
            NodeRoute alone = new NodeRoute(other);
            alone.failed(unknown, other);
            assertEquals(other, alone.next(other), "no redirect and no other node: it stays");
        }
    }

    @Test
    void the_nodes_it_knows_are_tried_in_turn_and_redirects_in_a_loop_end() {
        URI a = URI.create("ws://127.0.0.1:1/maps/m");
        URI b = URI.create("ws://127.0.0.1:2/maps/m");
        NodeRoute route = new NodeRoute(a);
        route.alsoAt(List.of(b, a));
        assertEquals(b, route.next(a));
        assertEquals(a, route.next(b));
        assertEquals(b, route.next(a));
        // a handshake answer that is not a redirect changes nothing
        route.failed(new IllegalStateException("not a handshake"), b);
        assertEquals(a, route.next(b));
    }
}
