package org.mapwork.bench.collab;

import java.net.InetAddress;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The floor CollabLoad compares the hub with: a plain Jetty 12 WebSocket server, set up as {@code HubServer} is (same
 * thread pool, one acceptor, one selector, same frame limits), that relays every text message it receives, unchanged
 * and unread, to every other connection. No map, no order, no JSON: what any relay on this machine must at least cost.
 * Its threads are named {@code echo-…} so that their CPU time can be told apart.
 */
public final class EchoServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();

    EchoServer(InetAddress bind) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("echo-jetty");
        threads.setDaemon(true);
        server = new Server(threads);
        connector = new ServerConnector(server, 1, 1);
        connector.setHost(bind.getHostAddress());
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        context.setHandler(WebSocketUpgradeHandler.from(server, context, container -> {
            container.setMaxTextMessageSize(8 * 1024 * 1024);
            container.setMaxOutgoingFrames(4096);
            container.addMapping("/echo", (request, response, callback) -> new Relay(sessions));
        }));
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the echo server: " + e, e);
        }
    }

    URI uri() {
        return URI.create("ws://" + connector.getHost() + ":" + connector.getLocalPort() + "/echo");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** One connection: whatever it sends goes to all the others (public: Jetty calls it through method handles). */
    public static final class Relay implements Session.Listener.AutoDemanding {
        private final Set<Session> sessions;
        private Session session;

        Relay(Set<Session> sessions) {
            this.sessions = sessions;
        }

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
            sessions.add(s);
        }

        @Override
        public void onWebSocketText(String text) {
            for (Session s : sessions) {
                if (s != session && s.isOpen()) {
                    s.sendText(text, Callback.NOOP);
                }
            }
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            sessions.remove(session);
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            sessions.remove(session);
        }
    }
}
