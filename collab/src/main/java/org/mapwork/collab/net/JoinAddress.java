package org.mapwork.collab.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * A join address as a person receives it: {@code ws://HOST:PORT/maps/MAP_ID#TOKEN} (read also in its
 * {@code http://} form, the one a browser opens). The token is in the fragment,
 * which a WebSocket client never sends in its request, so it reaches the hub only inside the hello message.
 */
public record JoinAddress(URI map, String token) {

    public JoinAddress {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(token, "token");
    }

    public static JoinAddress of(URI map, String token) {
        return new JoinAddress(map, token);
    }

    /** Reads a join address, naming what is wrong with it. */
    public static JoinAddress parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a join address: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        // http(s):// with the same path is the same address as a browser opens it (the QR code may carry that form)
        scheme = switch (scheme) {
            case "ws", "http" -> "ws";
            case "wss", "https" -> "wss";
            default -> throw new IllegalArgumentException(
                    "a join address starts with ws:// or http:// (wss://, https://), not " + uri.getScheme());
        };
        if (uri.getHost() == null || uri.getPath() == null || !uri.getPath().startsWith("/maps/") || uri.getPath().length() <= 6) {
            throw new IllegalArgumentException("a join address looks like ws://HOST:PORT/maps/MAP_ID#TOKEN");
        }
        if (uri.getRawFragment() == null || uri.getRawFragment().isEmpty()) {
            throw new IllegalArgumentException("the join address has no token (the part after #)");
        }
        try {
            URI map = new URI(scheme, null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
            return new JoinAddress(map, uri.getRawFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a join address: " + e.getMessage(), e);
        }
    }

    /** The map's id: the last part of the path. */
    public String mapId() {
        String p = map.getPath();
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /**
     * The same join address in the form a browser opens ({@code http://HOST:PORT/maps/MAP_ID#TOKEN}): the hub serves
     * its web client there, and desktop clients read it too, so one QR code serves both.
     */
    public URI toBrowserUri() {
        String scheme = "wss".equals(map.getScheme()) ? "https" : "http";
        return URI.create(scheme + map.toString().substring(map.getScheme().length()) + "#" + token);
    }

    public URI toUri() {
        return URI.create(map + "#" + token);
    }

    @Override
    public String toString() {
        return map + "#…"; // never the token
    }
}
