package org.mapwork.collab.net;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.mapwork.collab.ClientCore;
import org.mapwork.collab.Message;
import org.mapwork.collab.MessageWire;
import org.mapwork.collab.Snapshots;
import org.mapwork.collab.WireException;
import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.schema.Schema;

/**
 * {@link HubClient#join}: a first connection that says hello holding nothing ({@code since} 0), takes the hub's map
 * from the welcome's snapshot, and closes; the device then has the map and a client that connects as any device
 * does (since = the snapshot's serverSeq, the hub's id), reconnecting by itself after that.
 */
final class Joiner {

    /** How long the hub has to answer the first hello. */
    static final Duration ANSWER = Duration.ofSeconds(30);
    static final Duration CONNECT = Duration.ofSeconds(10);

    private Joiner() {
    }

    static CompletableFuture<HubClient> join(JoinAddress address, String actor, String name,
                                             Function<String, Schema> schemaOfMethod, Executor sessionThread,
                                             HubClient.Backoff backoff) {
        CompletableFuture<HubClient> result = new CompletableFuture<>();
        if (!Ids.isValid(actor)) {
            result.completeExceptionally(new IllegalArgumentException("not a valid actor id: " + actor));
            return result;
        }
        Message.Hello hello = new Message.Hello(Message.PROTOCOL, address.mapId(), address.token(), actor, name, 0);
        FirstAnswer first = new FirstAnswer();
        AtomicReference<WebSocket> socket = new AtomicReference<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).build();
        http.newWebSocketBuilder().connectTimeout(CONNECT).buildAsync(address.map(), first)
                .thenCompose(ws -> {
                    socket.set(ws);
                    return ws.sendText(MessageWire.write(hello), true);
                })
                .thenCompose(ws -> first.answer.orTimeout(ANSWER.toSeconds(), TimeUnit.SECONDS))
                .whenComplete((text, failure) -> {
                    WebSocket ws = socket.get();
                    if (ws != null) {
                        ws.sendClose(WebSocket.NORMAL_CLOSURE, "joined").whenComplete((w, f) -> ws.abort());
                    }
                    if (failure != null) {
                        result.completeExceptionally(unreachable(failure, address));
                        return;
                    }
                    try {
                        sessionThread.execute(() -> {
                            try {
                                result.complete(started(text, address, actor, name, schemaOfMethod, sessionThread, backoff));
                            } catch (JoinException | RuntimeException e) {
                                result.completeExceptionally(e);
                            }
                        });
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                });
        return result;
    }

    /** On the session thread: the device's map from the welcome, and its client, started. */
    private static HubClient started(String text, JoinAddress address, String actor, String name,
                                     Function<String, Schema> schemaOfMethod, Executor sessionThread,
                                     HubClient.Backoff backoff) throws JoinException {
        Message answer;
        try {
            answer = MessageWire.read(text);
        } catch (WireException e) {
            throw new JoinException(JoinException.Reason.BAD_ANSWER, "The hub's answer could not be read: " + e.getMessage(), e);
        }
        if (answer instanceof Message.Error e) {
            throw refused(e.reason(), address);
        }
        if (!(answer instanceof Message.Welcome w) || !w.hasSnapshot()) {
            throw new JoinException(JoinException.Reason.BAD_ANSWER, "The hub at " + hostPort(address)
                    + " answered without the map (" + answer.getClass().getSimpleName() + "); is it an older Mapwork?");
        }
        MapDocument doc;
        Schema schema;
        try {
            String method = Snapshots.method(w.snapshot());
            schema = schemaOfMethod.apply(method);
            if (schema == null) {
                throw new JoinException(JoinException.Reason.UNKNOWN_METHOD, "The shared map uses the method \"" + method
                        + "\", which this Mapwork does not know. Update Mapwork or add the method, then join again.");
            }
            doc = Snapshots.read(w.snapshot(), address.mapId(), schemaOfMethod);
        } catch (WireException e) {
            throw new JoinException(JoinException.Reason.BAD_ANSWER, "The hub's map could not be read: " + e.getMessage(), e);
        }
        MapSession session = new MapSession(doc, schema, actor, w.yourLastSeq());
        ClientCore core = new ClientCore(session, address.token(), name, w.serverSeq(), w.hub());
        HubClient client = new HubClient(core, address.map(), sessionThread, backoff);
        client.start();
        return client;
    }

    static JoinException refused(String reason, JoinAddress address) {
        if (reason.equals("wrong token")) {
            return new JoinException(JoinException.Reason.WRONG_TOKEN, "The hub at " + hostPort(address)
                    + " refused the join token (wrong token): check the address or code you were given.");
        }
        if (reason.startsWith("no shared map")) {
            return new JoinException(JoinException.Reason.NO_SUCH_MAP, "The hub at " + hostPort(address)
                    + " shares no map " + address.mapId() + ".");
        }
        return new JoinException(JoinException.Reason.REFUSED, "The hub at " + hostPort(address) + " refused: " + reason);
    }

    private static JoinException unreachable(Throwable failure, JoinAddress address) {
        // the first cause that says what happened (the JDK wraps a refused connection in several layers)
        Throwable c = failure;
        for (int i = 0; i < 20 && c.getCause() != null && c.getCause() != c; i++) {
            if (c instanceof WebSocketHandshakeException || c instanceof ConnectException
                    || c instanceof HttpTimeoutException || c instanceof TimeoutException || c instanceof FirstAnswer.Closed) {
                break;
            }
            c = c.getCause();
        }
        if (c instanceof WebSocketHandshakeException h) {
            int status = h.getResponse().statusCode();
            if (status == 404) {
                return new JoinException(JoinException.Reason.NO_SUCH_MAP, "The hub at " + hostPort(address)
                        + " shares no map " + address.mapId() + " (it may have stopped sharing it).", failure);
            }
            return new JoinException(JoinException.Reason.REFUSED, "The hub at " + hostPort(address)
                    + " refused the connection (HTTP " + status + ").", failure);
        }
        if (c instanceof ConnectException) {
            return new JoinException(JoinException.Reason.NO_HUB, "No hub answers at " + hostPort(address)
                    + " (connection refused): check the address, and that the host is still sharing.", failure);
        }
        if (c instanceof HttpTimeoutException || c instanceof TimeoutException) {
            return new JoinException(JoinException.Reason.NO_HUB, "No answer from " + hostPort(address)
                    + " in time: check that you are on the host's network.", failure);
        }
        if (c instanceof FirstAnswer.Closed closed) {
            return new JoinException(JoinException.Reason.REFUSED, "The hub at " + hostPort(address)
                    + " closed the connection: " + closed.getMessage(), failure);
        }
        return new JoinException(JoinException.Reason.NO_HUB, "Cannot reach a hub at " + hostPort(address) + ": "
                + c.getClass().getSimpleName() + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")"), failure);
    }

    private static String hostPort(JoinAddress address) {
        return address.map().getHost() + (address.map().getPort() < 0 ? "" : ":" + address.map().getPort());
    }

    /** Completes with the first whole text message; fails when the connection ends before one. */
    private static final class FirstAnswer implements WebSocket.Listener {
        final CompletableFuture<String> answer = new CompletableFuture<>();
        private final StringBuilder parts = new StringBuilder();

        static final class Closed extends Exception {
            private static final long serialVersionUID = 1L;

            Closed(String message) {
                super(message);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (parts.length() + data.length() > MessageWire.MAX_MESSAGE_BYTES) {
                answer.completeExceptionally(new Closed("its answer is over " + MessageWire.MAX_MESSAGE_BYTES + " characters"));
                ws.abort();
                return null;
            }
            parts.append(data);
            if (last) {
                answer.complete(parts.toString());
            } else {
                ws.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, java.nio.ByteBuffer data, boolean last) {
            answer.completeExceptionally(new Closed("it sent a binary message"));
            ws.abort();
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            answer.completeExceptionally(new Closed("status " + statusCode + (reason == null || reason.isEmpty() ? "" : ": " + reason)));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            answer.completeExceptionally(error);
        }
    }
}
