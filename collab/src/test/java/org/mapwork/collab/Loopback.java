package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.mapwork.collab.net.HubClient;
import org.mapwork.model.Change;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;

/** Helpers for the real-socket tests: devices on their own session threads, raw sockets, waiting on conditions. */
final class Loopback {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final HubClient.Backoff FAST = new HubClient.Backoff(Duration.ofMillis(20), Duration.ofMillis(200));

    private Loopback() {
    }

    static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code condition} holds, checking it every few milliseconds, at most {@link #TIMEOUT}. */
    static void await(String what, BooleanSupplier condition) {
        await(what, condition, () -> "");
    }

    /** As {@link #await(String, BooleanSupplier)}, saying {@code detail} (what things are like) when it gives up. */
    static void await(String what, BooleanSupplier condition, java.util.function.Supplier<String> detail) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up after " + TIMEOUT.toSeconds() + " s waiting for: " + what + " " + detail.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** One device: a session on its own thread (as the editor's JavaFX thread), its core and its hub client. */
    static final class Device implements AutoCloseable {
        final String actor;
        final ExecutorService thread;
        final MapSession session;
        final ClientCore core;
        HubClient client;
        HubClient.Pace pace = HubClient.Pace.defaults();

        Device(String actor, MapDocument start, URI map, String token) {
            this.actor = actor;
            this.thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "session-" + actor));
            this.session = new MapSession(start, TestMaps.SCHEMA, actor, 0);
            this.core = new ClientCore(session, token, actor, 0);
            connect(map);
        }

        /** A new hub client for the same core (after {@link #kill()}): the device started again with its outbox. */
        void connect(URI map) {
            client = on(() -> new HubClient(core, map, thread, FAST, pace));
            client.start();
        }

        /** Stops the device's connection for good, without waiting for the hub, as a quit or crash would. */
        void kill() {
            client.close();
        }

        <T> T on(Callable<T> task) {
            try {
                return thread.submit(task).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("on " + actor + "'s session thread: " + e, e);
            }
        }

        void edit(String summary, Change... changes) {
            on(() -> session.apply(summary, changes));
        }

        MapDocument document() {
            return on(session::document);
        }

        int pending() {
            return on(core::pending);
        }

        boolean online() {
            return client.state() == HubClient.State.ONLINE;
        }

        @Override
        public String toString() {
            return actor + ": " + client.state() + (client.problem() == null ? "" : " (" + client.problem() + ")");
        }

        @Override
        public void close() throws InterruptedException {
            client.close();
            thread.shutdown();
            thread.awaitTermination(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** What a raw socket received: whole text messages, and how it was closed. */
    static final class Raw implements WebSocket.Listener {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder parts = new StringBuilder();
        WebSocket socket;
        /** While false it asks for no more messages, so the JDK's WebSocket stops reading: a device that stalls. */
        private volatile boolean reading = true;

        static Raw open(URI uri, String origin) {
            Raw raw = new Raw();
            WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
            if (origin != null) {
                b.header("Origin", origin);
            }
            raw.socket = b.buildAsync(uri, raw).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            return raw;
        }

        /** A raw socket that has said hello as {@code actor} and been welcomed (welcome and who is in read). */
        static Raw joined(URI map, String mapId, String actor) {
            Raw r = open(map, null);
            r.send(MessageWire.write(new Message.Hello(1, mapId, TestMaps.TOKEN, actor, actor, 0)));
            try {
                if (!(MessageWire.read(r.next()) instanceof Message.Welcome) || !(MessageWire.read(r.next()) instanceof Message.Roster)) {
                    fail(actor + " was not welcomed with who is in");
                }
            } catch (InterruptedException | WireException e) {
                throw new IllegalStateException(actor + " was not welcomed: " + e, e);
            }
            return r;
        }

        void send(String text) {
            socket.sendText(text, true).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        }

        /** Stops reading (after the message it may already have asked for). */
        void pause() {
            reading = false;
        }

        /** Reads again. */
        void resume() {
            reading = true;
            socket.request(1);
        }

        /** The next whole message, waiting at most {@link #TIMEOUT}. */
        String next() throws InterruptedException {
            String t = texts.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (t == null) {
                fail("no message within " + TIMEOUT.toSeconds() + " s");
            }
            return t;
        }

        /** "CODE reason" of the close the hub sent (or "error …"), waiting at most {@link #TIMEOUT}. */
        String closeReason() {
            return closed.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                texts.add(parts.toString());
                parts.setLength(0);
            }
            if (reading) {
                ws.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete("error " + error);
        }
    }
}
