package org.mapwork.collab.net;

import java.net.InetAddress;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import org.mapwork.collab.HubCore;

/**
 * The hub on the network: a Jetty 12 WebSocket server with one path per shared map, {@code ws://HOST:PORT/maps/MAP_ID}
 * (docs/protocol.md section 1), and the browser client's page at the same address over HTTP ({@link BrowserPage},
 * docs/adr/0017). It binds only the address it is given; a browser's {@code Origin}, when present, must
 * be the hub's own; every connection is held to {@link HubLimits}. The token travels in the first hello, never in the
 * URL the hub sees, and nothing here logs messages.
 */
public final class HubServer implements AutoCloseable {

    /** The path of a map's address (its WebSocket and, for browsers, its page), before its id. */
    static final String PREFIX = "/maps/";

    private final Server server;
    private final ServerConnector connector;
    private final Map<String, MapRoom> rooms;
    private final List<Consumer<String>> expelled;
    private final JoinCodeHandler joinCodes;
    private final ExecutorService senders;
    private final FailedHellos failedHellos;
    /** Where a map this hub does not serve is served now (another hub node), or empty: see {@link #redirectWith}. */
    private final java.util.concurrent.atomic.AtomicReference<java.util.function.Function<String, java.util.Optional<URI>>> owners;

    private HubServer(Server server, ServerConnector connector, Map<String, MapRoom> rooms, List<Consumer<String>> expelled,
            JoinCodeHandler joinCodes, ExecutorService senders, FailedHellos failedHellos,
            java.util.concurrent.atomic.AtomicReference<java.util.function.Function<String, java.util.Optional<URI>>> owners) {
        this.senders = senders;
        this.failedHellos = failedHellos;
        this.owners = owners;
        this.expelled = expelled;
        this.joinCodes = joinCodes;
        this.server = server;
        this.connector = connector;
        this.rooms = rooms;
    }

    /**
     * Starts a hub for {@code maps} on {@code bind}:{@code port} (0 = a free port; see {@link #port()}).
     *
     * @throws IllegalStateException when the address cannot be bound (in use, not this machine's)
     */
    public static HubServer start(InetAddress bind, int port, HubLimits limits, Collection<HubCore> maps) {
        return start(bind, port, limits, new FailedHellos(FailedHellos.Limits.defaults(), System::nanoTime), maps);
    }

    /**
     * As {@link #start(InetAddress, int, HubLimits, Collection)}, refusing addresses whose hellos fail too often as
     * {@code failedHellos} says (its clock can be a test's).
     */
    public static HubServer start(InetAddress bind, int port, HubLimits limits, FailedHellos failedHellos, Collection<HubCore> maps) {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(failedHellos, "failedHellos");
        // maps come and go while it runs when it is one of several hub nodes (HubNode)
        Map<String, MapRoom> rooms = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicReference<java.util.function.Function<String, java.util.Optional<URI>>> owners =
                new java.util.concurrent.atomic.AtomicReference<>(mapId -> java.util.Optional.empty());
        List<Consumer<String>> expelled = new CopyOnWriteArrayList<>();
        for (HubCore hub : maps) {
            if (rooms.put(hub.document().id(), new MapRoom(hub, expelled, failedHellos)) != null) {
                throw new IllegalArgumentException("map " + hub.document().id() + " is shared twice");
            }
        }
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("hub-jetty");
        threads.setDaemon(true);
        Server server = new Server(threads);
        // what the maps send is written here, not on a map's thread: one per core, as the writes are short and never block
        ExecutorService senders = senders();
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(bind.getHostAddress());
        connector.setPort(port);
        // Jetty's default, kept explicit: a commit goes out at once, not when Nagle's algorithm lets it (the JDK's
        // client sets TCP_NODELAY on its side; Jetty's sendText does not batch). Measured in bench/README: the latency
        // seen with sparse traffic was JIT warm-up and thread wake-ups on a loaded machine, not Nagle or batching.
        connector.setAcceptedTcpNoDelay(true);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        String host = bind.getHostAddress().contains(":") ? "[" + bind.getHostAddress() + "]" : bind.getHostAddress();
        JoinCodeHandler joinCodes = new JoinCodeHandler(
                mapId -> URI.create("ws://" + host + ":" + connector.getLocalPort() + PREFIX + mapId), System::nanoTime);
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, context, container -> {
            container.setMaxTextMessageSize(limits.maxMessageBytes());
            container.setMaxBinaryMessageSize(1024);
            container.setIdleTimeout(limits.idleTimeout());
            container.setMaxOutgoingFrames(4096);
            container.addMapping(PREFIX + "*", (request, response, callback) -> {
                String address = Request.getRemoteAddr(request);
                java.time.Duration refused = failedHellos.refused(address);
                if (!refused.isZero()) {
                    long seconds = Math.max(1, (refused.toMillis() + 999) / 1000);
                    response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(seconds));
                    Response.writeError(request, response, callback, 429, "too many failed hellos from " + address
                            + ": try again in " + seconds + " s");
                    return null;
                }
                String path = request.getHttpURI().getPath();
                MapRoom room = path.startsWith(PREFIX) ? rooms.get(path.substring(PREFIX.length())) : null;
                if (room == null && path.startsWith(PREFIX)) {
                    java.util.Optional<URI> owner = owners.get().apply(path.substring(PREFIX.length()));
                    if (owner.isPresent()) {
                        // served by another hub node: the device connects there (docs/protocol.md, "Several hub nodes")
                        response.getHeaders().put(HttpHeader.LOCATION, owner.get().toString());
                        Response.writeError(request, response, callback, 307, "the map is served at " + owner.get());
                        return null;
                    }
                }
                if (room == null) {
                    Response.writeError(request, response, callback, 404, "no shared map at " + path);
                    return null;
                }
                if (!originAllowed(request)) {
                    Response.writeError(request, response, callback, 403, "the Origin is not this hub's");
                    return null;
                }
                return new HubEndpoint(room, limits, address, senders, server.getScheduler());
            });
        });
        // what is not a WebSocket upgrade: GET /join/CODE, the browser client's page and files, else 404
        upgrade.setHandler(new Handler.Sequence(joinCodes, new BrowserPage(rooms::containsKey)));
        context.setHandler(upgrade);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            closeQuietly(server, rooms, senders);
            throw new IllegalStateException("cannot start the hub on " + bind.getHostAddress() + ":" + port + ": " + e, e);
        }
        return new HubServer(server, connector, rooms, expelled, joinCodes, senders, failedHellos, owners);
    }

    private static ExecutorService senders() {
        AtomicInteger n = new AtomicInteger();
        int threads = Runtime.getRuntime().availableProcessors();
        // a write completing while the hub stops finds the senders gone: nothing is left to send then
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "hub-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }

    /** A browser's Origin (when sent) must name this hub: same host and port as the request's Host. */
    static boolean originAllowed(ServerUpgradeRequest request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return true; // not a browser (the desktop client sends none)
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        try {
            URI o = URI.create(origin);
            return host != null && ("http".equals(o.getScheme()) || "https".equals(o.getScheme()))
                    && o.getRawAuthority() != null && o.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Starts serving another map (this hub node took it over, {@link HubNode}); devices connect at {@link #mapUri}.
     *
     * @throws IllegalArgumentException when the map is served here already
     */
    public void serve(HubCore hub) {
        if (rooms.putIfAbsent(hub.document().id(), new MapRoom(hub, expelled, failedHellos)) != null) {
            throw new IllegalArgumentException("map " + hub.document().id() + " is shared twice");
        }
    }

    /** Stops serving a map (another node owns it now): its devices are closed with status 1001 and come back. */
    public void stopServing(String mapId) {
        MapRoom room = rooms.remove(mapId);
        if (room != null) {
            room.goingAway();
            room.close();
        }
    }

    /**
     * Names, for a map not served here, the WebSocket address of the hub node that serves it: a device asking here
     * for it is answered {@code 307} with that address as {@code Location} (docs/protocol.md). Empty: {@code 404}.
     */
    public void redirectWith(java.util.function.Function<String, java.util.Optional<URI>> ownerOf) {
        owners.set(Objects.requireNonNull(ownerOf, "ownerOf"));
    }

    /** The port the hub listens on (the free one picked when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The address bound. */
    public String host() {
        return connector.getHost();
    }

    /** The WebSocket address of a shared map, without its token. */
    public URI mapUri(String mapId) {
        return URI.create("ws://" + hostForUri() + ":" + port() + PREFIX + mapId);
    }

    /** The join address a person is given: the map's address with its token (the client sends it in hello). */
    public URI joinUrl(String mapId, String token) {
        return JoinAddress.of(mapUri(mapId), token).toUri();
    }

    /**
     * The join address in the form a browser opens, {@code http://HOST:PORT/maps/MAP_ID#TOKEN}: the page of the web
     * client (docs/adr/0017); desktop clients read it as well ({@link JoinAddress#parse}).
     */
    public URI browserJoinUrl(String mapId, String token) {
        return JoinAddress.of(mapUri(mapId), token).toBrowserUri();
    }

    /**
     * A short code that stands for a shared map's join address on this hub ({@code GET /join/CODE} answers with it),
     * for a person to type where scanning the QR code or pasting the address is not possible. Issuing again replaces
     * the map's code.
     */
    public JoinCode issueCode(String mapId, String title, String token) {
        if (!rooms.containsKey(mapId)) {
            throw new IllegalArgumentException("map " + mapId + " is not shared on this hub");
        }
        return joinCodes.issue(mapId, title, token);
    }

    /** The address a join code is looked up at: {@code http://HOST:PORT/join/CODE}. */
    public URI codeUri(JoinCode code) {
        return URI.create("http://" + hostForUri() + ":" + port() + JoinCodeHandler.PREFIX + code.value());
    }

    private String hostForUri() {
        String h = host();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    /**
     * Hears, on the map's thread, each connection the hub closed for a limit (too many messages, too many waiting,
     * too slow to take what the map sends),
     * and each address it starts refusing for failed hellos ({@link FailedHellos}),
     * with the reason it gave: for the host's screen and for a headless hub's output.
     */
    public void onExpelled(Consumer<String> listener) {
        expelled.add(listener);
    }

    /**
     * Removes a person from a shared map: their devices are disconnected with the reason and refused when they try
     * again (for as long as this hub runs; to keep them out for good, share again with a new token).
     *
     * @return false when the map is not shared here
     */
    public boolean removePerson(String mapId, String actor) {
        MapRoom room = rooms.get(mapId);
        return room != null && room.execute(() -> room.remove(actor));
    }

    /** How many connections the map has open now. */
    public int connections(String mapId) {
        MapRoom room = rooms.get(mapId);
        return room == null ? 0 : room.connectionCount();
    }

    /** Runs {@code task} on the map's thread, where its {@link HubCore} may be read. */
    public boolean onMapThread(String mapId, Runnable task) {
        MapRoom room = rooms.get(mapId);
        return room != null && room.execute(task);
    }

    @Override
    public void close() {
        closeQuietly(server, rooms, senders);
    }

    private static void closeQuietly(Server server, Map<String, MapRoom> rooms, ExecutorService senders) {
        // a close frame to every device first: Jetty's stop alone did not always reach a device in time, which then
        // learnt it only from its 60 s silence timeout
        rooms.values().forEach(MapRoom::goingAway);
        try {
            server.stop();
        } catch (Exception e) {
            // stopping: nothing more to do with a server that will not stop cleanly
        }
        rooms.values().forEach(MapRoom::close);
        senders.shutdownNow();
    }
}
