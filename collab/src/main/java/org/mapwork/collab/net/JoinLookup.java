package org.mapwork.collab.net;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns what a person typed or scanned on the Join screen into a join address. It accepts:
 * <ul>
 * <li>a join address, {@code ws://HOST:PORT/maps/ID#TOKEN} (or {@code http://} with the same path);</li>
 * <li>a hub's address and a join code: {@code 192.168.1.20:7777 K7QM-2PXA}, or {@code http://HOST:PORT/join/CODE};</li>
 * <li>a join code alone, looked up at each hub found on this network ({@link LanDiscovery}).</li>
 * </ul>
 * Lookups are blocking HTTP requests: call it off the JavaFX thread.
 */
public final class JoinLookup {

    /** Why a lookup failed, so that the editor can say it in the person's language. */
    public enum Reason {
        /** Neither an address nor a code. */
        NOT_AN_ADDRESS,
        /** A code alone, and no hub was found on this network to ask. */
        NO_HUB_NEARBY,
        /** No hub asked shares a map with that code. */
        NO_SUCH_CODE,
        /** The hub refuses lookups for a minute after too many wrong codes. */
        TOO_MANY_TRIES,
        /** Nothing answered at that address. */
        UNREACHABLE
    }

    /** A failed lookup: the reason and a detail in English for logs and the command line. */
    public static final class Failure extends Exception {
        private final Reason reason;

        Failure(Reason reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** A resolved map: where to join it, and its title when the hub gave one. */
    public record Found(JoinAddress address, String title) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    public JoinLookup(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Resolves {@code typed}; {@code nearby} are the hubs discovery has found so far (may be empty).
     *
     * @throws Failure with the reason a person is told
     */
    public Found resolve(String typed, List<LanDiscovery.Nearby> nearby) throws Failure {
        String text = typed == null ? "" : typed.strip();
        if (text.contains("#")) {
            try {
                return new Found(JoinAddress.parse(text), "");
            } catch (IllegalArgumentException e) {
                throw new Failure(Reason.NOT_AN_ADDRESS, e.getMessage());
            }
        }
        Optional<JoinCode> alone = JoinCode.read(text);
        if (alone.isPresent()) {
            if (nearby.isEmpty()) {
                throw new Failure(Reason.NO_HUB_NEARBY, "no hub found on this network to ask for code " + alone.get());
            }
            Failure last = null;
            for (LanDiscovery.Nearby hub : nearby) {
                try {
                    return ask(hub.codeUri(alone.get()));
                } catch (Failure f) {
                    if (f.reason() == Reason.TOO_MANY_TRIES) {
                        throw f;
                    }
                    last = f;
                }
            }
            throw last.reason() == Reason.UNREACHABLE && nearby.size() > 1
                    ? new Failure(Reason.NO_SUCH_CODE, "no hub found on this network shares a map with code " + alone.get())
                    : last;
        }
        return ask(codeAddress(text));
    }

    /** {@code HOST[:PORT] CODE}, {@code HOST:PORT/CODE} or {@code http://HOST:PORT/join/CODE} as the lookup's URI. */
    static URI codeAddress(String text) throws Failure {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI u = uri(t);
            if (u.getHost() == null || u.getPath() == null || !u.getPath().startsWith(JoinCodeHandler.PREFIX)) {
                throw new Failure(Reason.NOT_AN_ADDRESS, "an address with a code looks like http://HOST:PORT/join/CODE");
            }
            return code(u.getPath().substring(JoinCodeHandler.PREFIX.length()))
                    .map(c -> URI.create(u.getScheme() + "://" + u.getRawAuthority() + JoinCodeHandler.PREFIX + c.value()))
                    .orElseThrow(() -> notACode(t));
        }
        int split = Math.max(t.lastIndexOf(' '), t.lastIndexOf('/'));
        if (split <= 0) {
            throw new Failure(Reason.NOT_AN_ADDRESS, "type a join address, a join code, or a hub's address and its code");
        }
        String host = t.substring(0, split).strip();
        JoinCode c = code(t.substring(split + 1)).orElseThrow(() -> notACode(t));
        URI u = uri("http://" + host);
        if (u.getHost() == null || u.getPort() < 0 || u.getRawPath() != null && !u.getRawPath().isEmpty()) {
            throw new Failure(Reason.NOT_AN_ADDRESS, "a hub's address is HOST:PORT, as its Share window shows it: " + host);
        }
        return URI.create("http://" + u.getRawAuthority() + JoinCodeHandler.PREFIX + c.value());
    }

    private static Optional<JoinCode> code(String text) {
        return JoinCode.read(text);
    }

    private static Failure notACode(String text) {
        return new Failure(Reason.NOT_AN_ADDRESS, "no join code (8 letters and digits, like K7QM-2PXA) in: " + text);
    }

    private static URI uri(String text) throws Failure {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new Failure(Reason.NOT_AN_ADDRESS, "not an address: " + e.getMessage());
        }
    }

    private Found ask(URI lookup) throws Failure {
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(lookup).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure(Reason.UNREACHABLE, "no hub answers at " + lookup.getRawAuthority() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(Reason.UNREACHABLE, "interrupted while asking " + lookup.getRawAuthority());
        }
        switch (answer.statusCode()) {
            case 200:
                break;
            case 404:
                throw new Failure(Reason.NO_SUCH_CODE, "the hub at " + lookup.getRawAuthority() + " shares no map with that code");
            case 429:
                throw new Failure(Reason.TOO_MANY_TRIES, "the hub at " + lookup.getRawAuthority()
                        + " refuses codes for a minute after too many wrong ones");
            default:
                throw new Failure(Reason.UNREACHABLE, "the hub at " + lookup.getRawAuthority() + " answered HTTP " + answer.statusCode());
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            JoinAddress given = JoinAddress.parse(body.path("address").asText(""));
            // join where the hub was reached (the person may have typed a name the hub does not know itself by)
            String scheme = "https".equals(lookup.getScheme()) ? "wss" : "ws";
            JoinAddress address = JoinAddress.of(
                    URI.create(scheme + "://" + lookup.getRawAuthority() + given.map().getRawPath()), given.token());
            return new Found(address, body.path("title").asText(""));
        } catch (IOException | IllegalArgumentException e) {
            throw new Failure(Reason.UNREACHABLE, "the hub at " + lookup.getRawAuthority() + " gave an answer that is not a join address: " + e.getMessage());
        }
    }
}
