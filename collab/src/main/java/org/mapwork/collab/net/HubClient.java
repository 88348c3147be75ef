package org.mapwork.collab.net;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.mapwork.collab.ClientCore;
import org.mapwork.collab.Message;
import org.mapwork.collab.MessageWire;
import org.mapwork.collab.Peers;
import org.mapwork.collab.PresenceState;
import org.mapwork.collab.WireException;
import org.mapwork.model.MapSession;

/**
 * A device's connection to a hub, over the JDK's {@link java.net.http.WebSocket}, driving a {@link ClientCore}: it
 * connects, says hello with the token, sends the outbox, applies what arrives, and after a drop reconnects with
 * backoff while the person keeps editing (the outbox keeps every change). {@link #state()} says whether the device is
 * online, so the editor can show "offline — your changes are kept".
 *
 * <p>Every call into the core and the session runs on {@code sessionThread} (the editor's JavaFX thread); the network
 * never blocks it. Local gestures are sent as they happen (the client listens to the session).
 */
public final class HubClient implements AutoCloseable {

    /** Where the device stands with the hub. */
    public enum State {
        /** Opening a connection, or said hello and waiting for the welcome (or catching up page by page). */
        CONNECTING,
        /** Joined: local changes go out as they are made. */
        ONLINE,
        /** No connection; changes are kept and a reconnect is scheduled. */
        OFFLINE,
        /** The hub refused this device (wrong token, unknown map, ...): no reconnect; {@link #problem()} says why. */
        REFUSED,
        /** Closed by {@link #close()}. */
        CLOSED
    }

    /**
     * How fast a device sends its submits at most: a burst, then so many a second. The default is half of
     * {@link HubLimits#defaults()}, so a device coming back with a long queue is not taken for a flood.
     */
    public record Pace(double perSecond, int burst) {
        public static Pace defaults() {
            return new Pace(100, 500);
        }
    }

    /** Waits between reconnects: {@code first}, doubling up to {@code max}, each with up to half of it as jitter. */
    public record Backoff(Duration first, Duration max) {
        public static Backoff defaults() {
            return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10));
        }

        Duration after(int failures, Random random) {
            long ms = Math.min(max.toMillis(), first.toMillis() << Math.min(failures, 20));
            return Duration.ofMillis(ms / 2 + (long) (random.nextDouble() * (ms / 2.0)));
        }
    }

    /**
     * Most submits in flight on one connection: a device that comes back with hundreds of change sets queued sends
     * them as the hub answers, and stays under the hub's burst limit (HubLimits).
     */
    public static final int WINDOW = 64;
    /** A ping this often keeps the connection from the hub's idle timeout; silence for three of them means it is gone. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(20);
    /** Presence goes out at most this often: the latest state when the time comes (25 a second, under the hub's 30). */
    public static final Duration PRESENCE_EVERY = Duration.ofMillis(40);

    private final ClientCore core;
    /** Where it connects: the map's address, until a move ({@link #tryMoving}) to where its hub went. */
    private volatile URI uri;
    /** While a move is tried: the address to go back to when the other hub does not take this device. */
    private URI movingFrom;
    /** Where to go next when the map is served by one of several hub nodes (a redirect, another node). */
    private final NodeRoute route;
    private CompletableFuture<Boolean> moving;
    private final Executor sessionThread;
    private final Backoff backoff;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final Random jitter = new Random();
    private final List<Consumer<State>> stateListeners = new CopyOnWriteArrayList<>();
    private final MapSession.Listener sessionListener = this::heard;

    // state below: touched on the session thread only (except the volatile fields, read anywhere)
    private volatile State state = State.OFFLINE;
    private volatile String problem;
    private int generation;
    private int failures;
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);
    /** Submits sent on this connection and not answered yet; the rest wait in {@link #held}. */
    private int inFlight;
    private final java.util.ArrayDeque<Message> held = new java.util.ArrayDeque<>();
    private volatile long lastHeard;
    private final Pace paceLimits;
    private final RateLimit pace;
    private boolean drainScheduled;
    private java.util.concurrent.ScheduledFuture<?> keepAlive;
    private final Peers peers;
    private final PresenceOut presence;

    /**
     * @param map           the map's WebSocket address, without the token (see {@link JoinAddress#map()})
     * @param sessionThread runs tasks one at a time on the session's thread
     */
    public HubClient(ClientCore core, URI map, Executor sessionThread, Backoff backoff) {
        this(core, map, sessionThread, backoff, Pace.defaults());
    }

    /** As above, sending at most at {@code pace} (match it to the hub's {@link HubLimits}). */
    public HubClient(ClientCore core, URI map, Executor sessionThread, Backoff backoff, Pace pace) {
        this.paceLimits = Objects.requireNonNull(pace, "pace");
        this.pace = new RateLimit(pace.perSecond(), pace.burst(), System.nanoTime());
        this.core = Objects.requireNonNull(core, "core");
        this.uri = Objects.requireNonNull(map, "map");
        this.route = new NodeRoute(map);
        this.sessionThread = Objects.requireNonNull(sessionThread, "sessionThread");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hub-client-reconnect");
            t.setDaemon(true);
            return t;
        });
        core.session().addListener(sessionListener);
        this.peers = new Peers(core.session().actor());
        this.presence = new PresenceOut(core.session().actor(), this.sessionThread, timer);
    }

    /** Who else is in the map and what they are doing, updated on the session thread (empty while not online). */
    public Peers peers() {
        return peers;
    }

    /**
     * Sets this device's presence (from any thread; it is handled on the session thread). It goes out coalesced: at
     * most one every {@link #PRESENCE_EVERY}, the latest state when the time comes; again after each (re)connect,
     * and when someone comes in, so that they see it.
     */
    public void setPresence(PresenceState state) {
        Objects.requireNonNull(state, "state");
        sessionThread.execute(() -> {
            if (presence.set(state)) {
                flushPresence();
            }
        });
    }

    /** How many presence messages this client has sent (tests: coalescing). */
    public long presenceSent() {
        return presence.sent();
    }

    /** On the session thread: sends the latest presence if it is due, or schedules it for when it is. */
    private void flushPresence() {
        int gen = generation;
        presence.flush(state == State.ONLINE, this::send, () -> gen == generation, this::flushPresence);
    }

    /**
     * Joins a shared map this device does not hold: connects to {@code address}, takes the hub's map from the first
     * welcome's snapshot and completes, on {@code sessionThread}, with a started client whose {@code core().session()}
     * holds that map (the session's actor is {@code actor}). After that the client reconnects by itself as any does.
     * Completes exceptionally with a {@link JoinException} (wrong token, no hub at that address, no such map, a method
     * unknown here, an unreadable answer) when the first connection fails; nothing is kept from a failed join.
     *
     * @param schemaOfMethod the schema of a method id, or {@code null} for a method this device does not know
     * @param sessionThread  runs tasks one at a time on the session's thread (the editor's JavaFX thread)
     */
    public static java.util.concurrent.CompletableFuture<HubClient> join(JoinAddress address, String actor, String name,
            java.util.function.Function<String, org.mapwork.model.schema.Schema> schemaOfMethod, Executor sessionThread) {
        return join(address, actor, name, schemaOfMethod, sessionThread, Backoff.defaults());
    }

    /** As {@link #join(JoinAddress, String, String, java.util.function.Function, Executor)}, reconnecting with {@code backoff}. */
    public static java.util.concurrent.CompletableFuture<HubClient> join(JoinAddress address, String actor, String name,
            java.util.function.Function<String, org.mapwork.model.schema.Schema> schemaOfMethod, Executor sessionThread,
            Backoff backoff) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(schemaOfMethod, "schemaOfMethod");
        Objects.requireNonNull(sessionThread, "sessionThread");
        return Joiner.join(address, actor, name, schemaOfMethod, sessionThread, Objects.requireNonNull(backoff, "backoff"), c -> { });
    }

    /** The map's address it connects to now (without the token). */
    public URI address() {
        return uri;
    }

    /**
     * Tries the map's hub at {@code other} (another host took the map over, or the host moved): while this device is
     * not online, it connects there instead and, when that hub welcomes it (it knows the token), stays there, which
     * completes with true; it catches up and sends its outbox as on any reconnect. When that hub refuses it or cannot
     * be reached, it goes back to its address and completes with false. Completes with false at once while online,
     * closed, refused, or trying another move.
     */
    public CompletableFuture<Boolean> tryMoving(URI other) {
        Objects.requireNonNull(other, "other");
        CompletableFuture<Boolean> out = new CompletableFuture<>();
        try {
            sessionThread.execute(() -> {
                if (state == State.ONLINE || state == State.CLOSED || state == State.REFUSED || moving != null
                        || other.equals(uri)) {
                    out.complete(false);
                    return;
                }
                if (socket != null) {
                    socket.abort(); // a connection to the old address that has not been welcomed
                    socket = null;
                }
                stopKeepAlive();
                generation++; // what the old address still reports is stale now
                core.disconnected();
                movingFrom = uri;
                moving = out;
                uri = other;
                failures = 0;
                connect();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            out.complete(false);
        }
        return out;
    }

    /** On the session thread: the move being tried ends; back to the old address unless it worked. */
    private void moved(boolean stays) {
        CompletableFuture<Boolean> m = moving;
        if (m == null) {
            return;
        }
        moving = null;
        if (!stays) {
            uri = movingFrom;
        }
        movingFrom = null;
        m.complete(stays);
    }

    /**
     * The same map's address on other hub nodes of one database (docs/adr/0019), tried in turn when the node in use
     * cannot be reached; call before {@link #start()}.
     */
    public void alsoAt(List<URI> otherNodes) {
        sessionThread.execute(() -> route.alsoAt(List.copyOf(otherNodes)));
    }

    /** Connects (from any thread); reconnects by itself after drops until {@link #close()}. */
    public void start() {
        sessionThread.execute(this::connect);
    }

    public State state() {
        return state;
    }

    /** Why the last connection ended or was refused ({@code null} while none has). */
    public String problem() {
        return problem;
    }

    /** Hears every change of {@link #state()}, on the session thread. */
    public void onState(Consumer<State> listener) {
        stateListeners.add(listener);
    }

    public ClientCore core() {
        return core;
    }

    /**
     * Drops the connection at once, without a close handshake, as when Wi-Fi goes (for tests and the editor's
     * "go offline"); a reconnect follows with backoff.
     */
    public void dropConnection() {
        sessionThread.execute(() -> {
            if (socket != null) {
                socket.abort();
            }
            lost(generation, "connection dropped");
        });
    }

    private void heard(MapSession.Event event) {
        if (event.origin() != MapSession.Origin.REMOTE && state == State.ONLINE) {
            submit(core.outgoing());
        }
    }

    private void connect() {
        if (state == State.CLOSED || state == State.REFUSED) {
            return;
        }
        int gen = ++generation;
        setState(State.CONNECTING);
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new Listener(gen))
                .whenComplete((ws, failure) -> sessionThread.execute(() -> {
                    if (gen != generation) {
                        if (ws != null) {
                            ws.abort();
                        }
                        return;
                    }
                    if (failure != null) {
                        route.failed(failure, uri);
                        lost(gen, "cannot reach the hub: " + rootMessage(failure));
                        return;
                    }
                    socket = ws;
                    sending = CompletableFuture.completedFuture(ws);
                    inFlight = 0;
                    held.clear();
                    lastHeard = System.nanoTime();
                    keepAlive = timer.scheduleAtFixedRate(() -> sessionThread.execute(() -> ping(gen)),
                            KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                    send(core.hello());
                }));
    }

    /**
     * Sends the core's messages, holding back submits beyond {@link #WINDOW} until answers come, and pacing them at
     * {@link Pace}, so that a device coming back with many queued change sets is not taken for a flood.
     */
    private void submit(List<Message> messages) {
        held.addAll(messages);
        while (!held.isEmpty()) {
            Message m = held.peek();
            if (m instanceof Message.Submit) {
                if (inFlight >= WINDOW) {
                    return; // the next answer sends more
                }
                if (!pace.take(System.nanoTime())) {
                    if (!drainScheduled) {
                        drainScheduled = true;
                        int gen = generation;
                        timer.schedule(() -> sessionThread.execute(() -> {
                            drainScheduled = false;
                            if (gen == generation) {
                                submit(List.of());
                            }
                        }), (long) Math.ceil(1000.0 / paceLimits.perSecond()), TimeUnit.MILLISECONDS);
                    }
                    return;
                }
                inFlight++;
            }
            send(held.poll());
        }
    }

    private void ping(int gen) {
        if (gen != generation || socket == null) {
            return;
        }
        if (System.nanoTime() - lastHeard > 3 * KEEP_ALIVE.toNanos()) {
            abort(gen, "the hub has not answered for " + 3 * KEEP_ALIVE.toSeconds() + " s");
            return;
        }
        sending = sending.thenCompose(ws -> ws.sendPing(java.nio.ByteBuffer.allocate(0)));
    }

    private void send(Message message) {
        String text = MessageWire.write(message);
        int gen = generation;
        // the JDK's WebSocket takes one send at a time: chain them
        sending = sending.thenCompose(ws -> ws.sendText(text, true));
        sending.whenComplete((ws, failure) -> {
            if (failure != null) {
                sessionThread.execute(() -> lost(gen, "sending failed: " + rootMessage(failure)));
            }
        });
    }

    /** On the session thread: one whole message from the hub. */
    private void arrived(int gen, String text) {
        if (gen != generation) {
            return;
        }
        Message message;
        try {
            message = MessageWire.read(text);
        } catch (WireException e) {
            abort(gen, "the hub sent an unreadable message: " + e.getMessage());
            return;
        }
        if (peers.hear(message)) {
            if (message instanceof Message.Joined && !presence.isEmpty()) {
                presence.again(); // the newcomer has not seen it
                flushPresence();
            }
            return;
        }
        if (moving != null && message instanceof Message.Error e) {
            // that hub does not take this device (another share of the map, or no such map there): go back
            String why = e.reason();
            moved(false);
            abort(gen, "the hub at the other address refused: " + why);
            return;
        }
        if (moving != null && message instanceof Message.Welcome) {
            moved(true);
        }
        List<Message> reply;
        try {
            reply = core.receive(message);
        } catch (IllegalStateException e) {
            abort(gen, e.getMessage()); // entries that do not follow on: ask again from the confirmed map
            return;
        }
        if (message instanceof Message.Error e) {
            problem = e.reason();
            setState(State.REFUSED);
            peers.clear();
            stopKeepAlive();
            if (socket != null) {
                socket.abort();
            }
            return;
        }
        if (message instanceof Message.Welcome && core.isJoined()) {
            failures = 0;
            setState(State.ONLINE);
            presence.again();
            flushPresence();
        }
        if (message instanceof Message.Commit || message instanceof Message.Refused) {
            inFlight = Math.max(0, inFlight - 1);
        }
        submit(reply);
    }

    private void abort(int gen, String why) {
        if (socket != null) {
            socket.abort();
        }
        lost(gen, why);
    }

    /** On the session thread: the connection of generation {@code gen} is gone. */
    private void lost(int gen, String why) {
        if (gen != generation || state == State.CLOSED || state == State.REFUSED) {
            return;
        }
        generation++; // whatever that connection still reports is stale now
        socket = null;
        stopKeepAlive();
        moved(false); // a move that was being tried did not work: the next attempt goes to the old address
        problem = why;
        core.disconnected();
        presence.connectionEnded();
        peers.clear();
        setState(State.OFFLINE);
        uri = route.next(uri);
        Duration wait = backoff.after(failures++, jitter);
        int next = generation;
        // a move tried meanwhile connects by itself: this reconnect is then stale
        timer.schedule(() -> sessionThread.execute(() -> {
            if (next == generation) {
                connect();
            }
        }), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void stopKeepAlive() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
            keepAlive = null;
        }
    }

    private void setState(State s) {
        if (state != s) {
            state = s;
            stateListeners.forEach(l -> l.accept(s));
        }
    }

    /**
     * Closes the connection and stops reconnecting; the core keeps its outbox. Does not wait (it may be called on the
     * session thread): the close runs there next.
     */
    @Override
    public void close() {
        try {
            sessionThread.execute(() -> {
                generation++;
                stopKeepAlive();
                moved(false);
                setState(State.CLOSED);
                peers.clear();
                if (socket != null) {
                    WebSocket ws = socket;
                    socket = null;
                    ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").whenComplete((w, f) -> ws.abort());
                }
                core.session().removeListener(sessionListener);
                timer.shutdownNow();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            timer.shutdownNow(); // the session thread is gone already
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    /** Gathers a message's parts (the JDK may split one message) and hands each whole message to the session thread. */
    private final class Listener implements WebSocket.Listener {
        private final int gen;
        private final StringBuilder parts = new StringBuilder();

        Listener(int gen) {
            this.gen = gen;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            lastHeard = System.nanoTime();
            if (parts.length() + data.length() > MessageWire.MAX_MESSAGE_BYTES) {
                ws.abort();
                sessionThread.execute(() -> lost(gen, "the hub sent a message over " + MessageWire.MAX_MESSAGE_BYTES + " characters"));
                return null;
            }
            parts.append(data);
            if (last) {
                String text = parts.toString();
                parts.setLength(0);
                sessionThread.execute(() -> arrived(gen, text));
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, java.nio.ByteBuffer message) {
            lastHeard = System.nanoTime();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, java.nio.ByteBuffer data, boolean last) {
            ws.abort();
            sessionThread.execute(() -> lost(gen, "the hub sent a binary message"));
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            sessionThread.execute(() -> lost(gen, "the hub closed the connection (" + statusCode
                    + (reason == null || reason.isEmpty() ? "" : ": " + reason) + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            sessionThread.execute(() -> lost(gen, "connection failed: " + rootMessage(error)));
        }
    }
}
