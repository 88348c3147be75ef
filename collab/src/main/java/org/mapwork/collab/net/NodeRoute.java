package org.mapwork.collab.net;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a {@link HubClient} connects next when its map's hub is one of several hub nodes on one database
 * (docs/adr/0019): a node that does not serve the map answers the opening handshake with {@code 307} and the
 * serving node's address as {@code Location}, which the next attempt follows; when the node it followed there is
 * gone, it goes back to the nodes it knows (its join address, then those {@link #alsoAt} gave), one after the other,
 * and they send it on to whoever serves the map now. With one hub and no redirect it changes nothing. Touched on the
 * client's session thread only.
 */
final class NodeRoute {

    /** The most redirects followed one after the other before going back to the known nodes (a loop between nodes). */
    static final int MAX_REDIRECTS = 5;

    private final List<URI> nodes = new ArrayList<>();
    private int current;
    private URI redirect;
    private int redirects;
    private boolean followed;

    NodeRoute(URI home) {
        nodes.add(home);
    }

    /** Other nodes' addresses of the same map, tried in turn when the one in use cannot be reached. */
    void alsoAt(List<URI> others) {
        others.stream().filter(u -> !nodes.contains(u)).forEach(nodes::add);
    }

    /** A connection attempt failed: remembers the address a {@code 307}/{@code 308} answer named, if it did. */
    void failed(Throwable failure, URI tried) {
        Optional<String> location = redirectIn(failure);
        if (location.isEmpty() || ++redirects > MAX_REDIRECTS) {
            return;
        }
        try {
            redirect = tried.resolve(location.get());
            followed = true;
        } catch (IllegalArgumentException e) {
            // not an address: as any failure, the next known node is tried
        }
    }

    /** Where to connect after a connection to {@code lost} ended or failed. */
    URI next(URI lost) {
        URI to = redirect;
        redirect = null;
        if (to != null) {
            return to;
        }
        redirects = 0;
        if (!followed && nodes.size() == 1) {
            return lost; // one hub: wherever it is (a move, docs/adr/0010), it stays
        }
        if (lost.equals(nodes.get(current))) {
            current = (current + 1) % nodes.size(); // that node is gone: the next one knows who serves the map now
        }
        return nodes.get(current);
    }

    private static Optional<String> redirectIn(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof WebSocketHandshakeException h && h.getResponse() != null) {
                int status = h.getResponse().statusCode();
                if (status == 307 || status == 308) {
                    return h.getResponse().headers().firstValue("location");
                }
            }
        }
        return Optional.empty();
    }
}
