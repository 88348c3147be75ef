package org.mapwork.collab.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import org.mapwork.export.paint.MapFonts;

/**
 * Serves the browser client (docs/adr/0017): {@code GET /maps/MAP_ID} without a WebSocket upgrade answers the page,
 * {@code GET /web/NAME} its scripts, style sheet and the painter's font, all read from the jar ({@code org/mapwork/collab/web/}). The
 * token stays in the address's fragment, which a browser never sends, so no request carries it. Every answer has a
 * strict Content-Security-Policy (scripts and styles only from the hub, no inline script or style, connections only
 * back to the hub), no referrer and no sniffing.
 */
final class BrowserPage extends Handler.Abstract {

    static final String WEB = "/web/";
    private static final String RESOURCES = "/org/mapwork/collab/web/";
    /** Only plain names: no path can reach outside the client's folder. */
    private static final Pattern FILE = Pattern.compile("[a-z][a-z0-9-]{0,40}\\.(js|css|ttf)");
    /** The painter's own font (DejaVu Sans), so that labels sit in the page where the painter measured them. */
    static final String FONT = "map-font.ttf";
    static final String BOLD_FONT = "map-font-bold.ttf";
    /**
     * {@code 'self'} in connect-src allows the hub's own WebSocket (ws: on the page's host and port, CSP Level 3, as
     * Chromium does); nothing else may be fetched, framed or posted.
     */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Predicate<String> mapShared;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    /** @param mapShared whether a map id is shared on this hub (its page exists) */
    BrowserPage(Predicate<String> mapShared) {
        this.mapShared = mapShared;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        if (path == null) {
            return false;
        }
        String file;
        if (path.startsWith(HubServer.PREFIX) && mapShared.test(path.substring(HubServer.PREFIX.length()))) {
            file = "index.html";
        } else if (path.startsWith(WEB) && FILE.matcher(path.substring(WEB.length())).matches()) {
            file = path.substring(WEB.length());
        } else {
            return false; // a map not shared here, or no file of the client: 404 from what follows
        }
        Optional<byte[]> body = read(file);
        if (body.isEmpty()) {
            return false;
        }
        secure(response);
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            Response.writeError(request, response, callback, 405, "only GET");
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType(file));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.write(true, HttpMethod.HEAD.is(request.getMethod()) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body.get()),
                callback);
        return true;
    }

    /** The headers every answer of the client carries. */
    static void secure(Response response) {
        response.getHeaders().put("Content-Security-Policy", CSP);
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("X-Frame-Options", "DENY");
    }

    private static String contentType(String file) {
        if (file.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (file.endsWith(".ttf")) {
            return "font/ttf";
        }
        return file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    }

    private Optional<byte[]> read(String file) {
        byte[] cached = files.get(file);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (InputStream in = file.equals(FONT) || file.equals(BOLD_FONT) ? MapFonts.openFontFile(file.equals(BOLD_FONT))
                : BrowserPage.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            files.put(file, bytes);
            return Optional.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the browser client's " + file + " from the jar", e);
        }
    }
}
