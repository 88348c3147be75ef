package org.mapwork.collab.net;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers {@code GET /join/CODE} with the join address of the map that code stands for (docs/protocol.md section 1,
 * "Join codes"): {@code {"map": ID, "title": TITLE, "address": "ws://HOST:PORT/maps/ID#TOKEN"}}. After
 * {@link #WRONG_BURST} wrong codes (refilled at {@link #WRONG_PER_MINUTE} a minute) every lookup, right or wrong, is
 * refused with 429 for {@link #BLOCK_NANOS}, so a guesser learns nothing while blocked; the join address and its QR
 * code still work. Answers are never cached and carry no referrer.
 */
final class JoinCodeHandler extends Handler.Abstract {

    static final String PREFIX = "/join/";
    static final int WRONG_BURST = 10;
    static final double WRONG_PER_MINUTE = 10;
    static final long BLOCK_NANOS = 60_000_000_000L;

    private record Issued(String mapId, String title, String token) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Issued> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Function<String, URI> mapUri;
    private final LongSupplier nanos;
    private final RateLimit wrong;
    private long blockedUntil;
    private boolean blocked;

    JoinCodeHandler(Function<String, URI> mapUri, LongSupplier nanos) {
        this.mapUri = mapUri;
        this.nanos = nanos;
        this.wrong = new RateLimit(WRONG_PER_MINUTE / 60.0, WRONG_BURST, nanos.getAsLong());
    }

    /** A new code for a shared map (a map has at most one: issuing again replaces it). */
    JoinCode issue(String mapId, String title, String token) {
        codes.values().removeIf(i -> i.mapId().equals(mapId));
        JoinCode code;
        do {
            code = JoinCode.random(random);
        } while (codes.putIfAbsent(code.value(), new Issued(mapId, title == null ? "" : title, token)) != null);
        return code;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith(PREFIX)) {
            return false;
        }
        if (!HttpMethod.GET.is(request.getMethod())) {
            Response.writeError(request, response, callback, 405, "only GET");
            return true;
        }
        Optional<Issued> found = lookUp(path.substring(PREFIX.length()));
        if (found == null) {
            Response.writeError(request, response, callback, 429, "too many wrong join codes: try again in a minute");
            return true;
        }
        if (found.isEmpty()) {
            Response.writeError(request, response, callback, 404, "no map is shared with that code here");
            return true;
        }
        Issued i = found.get();
        ObjectNode body = JSON.createObjectNode();
        body.put("map", i.mapId());
        body.put("title", i.title());
        body.put("address", JoinAddress.of(mapUri.apply(i.mapId()), i.token()).toUri().toString());
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.write(true, ByteBuffer.wrap(body.toString().getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** The map a code stands for; empty for a wrong code; {@code null} while lookups are blocked. */
    synchronized Optional<Issued> lookUp(String typed) {
        long now = nanos.getAsLong();
        if (blocked && now - blockedUntil < 0) {
            return null;
        }
        blocked = false;
        Optional<Issued> found = JoinCode.read(typed).map(c -> codes.get(c.value()));
        if (found.isEmpty() && !wrong.take(now)) {
            blocked = true;
            blockedUntil = now + BLOCK_NANOS;
            return null;
        }
        return found;
    }
}
