package org.mapwork.collab.net;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.mapwork.collab.HubCore;
import org.mapwork.collab.Message;
import org.mapwork.collab.MessageWire;

/**
 * One shared map on the hub: its {@link HubCore} and the connections joined to it. Every call into the core runs on
 * the room's own thread, so Jetty's threads never wait for the map (or for the library the core's listeners feed).
 */
final class MapRoom implements AutoCloseable {

    private final HubCore hub;
    private final ExecutorService thread;
    private final Map<String, HubEndpoint> connections = new ConcurrentHashMap<>();
    private final List<Consumer<String>> expelled;
    private final FailedHellos failedHellos;
    /** The map as the painter draws it, for the connections that asked for it (browsers); theirs, by id. */
    private final DrawnView drawn;
    private final java.util.Set<String> drawnFor = new java.util.HashSet<>();

    MapRoom(HubCore hub, List<Consumer<String>> expelled, FailedHellos failedHellos) {
        this.expelled = expelled;
        this.failedHellos = failedHellos;
        this.hub = hub;
        String mapId = hub.document().id();
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hub-map-" + mapId);
            t.setDaemon(true);
            return t;
        });
        this.drawn = new DrawnView(mapId, hub.document(), problem -> execute(() -> report(problem)));
        hub.onCommitted(entry -> drawn.committed(hub.document()));
    }

    HubCore hub() {
        return hub;
    }

    /** Runs {@code task} on the room's thread; false when the room is closed. */
    boolean execute(Runnable task) {
        try {
            thread.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    void opened(HubEndpoint endpoint) {
        connections.put(endpoint.id(), endpoint);
    }

    /**
     * On the room's thread: one text frame from {@code endpoint}, and the message read from it on Jetty's thread
     * ({@code null} when it could not be read: the core reads it again, to answer with the reader's error).
     */
    void received(HubEndpoint endpoint, String text, Message message) {
        if (!connections.containsKey(endpoint.id())) {
            return; // closed meanwhile
        }
        List<HubCore.Outgoing> out;
        try {
            // a presence here is one too long for the presence path (padded out): it would pass presence's own rate
            out = message instanceof Message.Presence ? List.of(new HubCore.Outgoing(endpoint.id(), new Message.Error(
                    "a presence message has at most " + HubEndpoint.PRESENCE_TEXT + " characters")))
                    : message == null ? hub.receiveText(endpoint.id(), text) : hub.receive(endpoint.id(), message);
        } catch (RuntimeException e) {
            // a bug, not the client's fault: that connection goes, the map and the others stay
            out = List.of(new HubCore.Outgoing(endpoint.id(), new Message.Error("the hub could not handle that message: " + e)));
        }
        send(out);
        if (welcomed(out, endpoint) && hub.isJoined(endpoint.id()) && !drawnFor.contains(endpoint.id()) && asksDrawn(text)) {
            drawnFor.add(endpoint.id());
            drawn.joined(endpoint); // after its welcome, which went out above
        }
    }

    private static boolean welcomed(List<HubCore.Outgoing> out, HubEndpoint endpoint) {
        for (HubCore.Outgoing o : out) {
            if (o.message() instanceof Message.Welcome && o.connection().equals(endpoint.id())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a message is a hello that asks for the map as the hub draws it (a browser's). */
    private static boolean asksDrawn(String text) {
        if (text.length() > HubEndpoint.PRESENCE_TEXT || !text.contains("\"" + MessageWire.DRAWN + "\"")) {
            return false;
        }
        try {
            return MessageWire.read(text) instanceof Message.Hello h && h.drawn();
        } catch (org.mapwork.collab.WireException e) {
            return false;
        }
    }

    /** On the room's thread: the latest presence of {@code endpoint} (coalesced by it), relayed to the others. */
    void presence(HubEndpoint endpoint, Message.Presence presence) {
        if (!connections.containsKey(endpoint.id())) {
            return;
        }
        List<HubCore.Outgoing> out;
        try {
            out = hub.receive(endpoint.id(), presence);
        } catch (RuntimeException e) {
            out = List.of(new HubCore.Outgoing(endpoint.id(), new Message.Error("the hub could not handle that message: " + e)));
        }
        send(out);
    }

    /** On the room's thread: the connection is gone; the others hear if its person left. */
    void closed(HubEndpoint endpoint) {
        connections.remove(endpoint.id());
        if (drawnFor.remove(endpoint.id())) {
            drawn.left(endpoint);
        }
        send(hub.disconnect(endpoint.id()));
    }

    /** On the room's thread: the transport closed the connection for a limit; the core forgets it now. */
    void expel(HubEndpoint endpoint, String reason) {
        closed(endpoint);
        report("connection " + endpoint.id() + ": " + reason);
    }

    private void report(String what) {
        for (Consumer<String> l : expelled) {
            l.accept("map " + hub.document().id() + ", " + what);
        }
    }

    private void send(List<HubCore.Outgoing> out) {
        // one UTF-8 text per message, however many connections it goes to (a commit's "changes" go to everyone)
        Map<Message, ByteBuffer> texts = new IdentityHashMap<>();
        Map<Message.Entry, String> entries = new IdentityHashMap<>(); // an entry goes as a commit and as changes
        List<HubCore.Outgoing> after = new ArrayList<>();
        for (HubCore.Outgoing o : out) {
            HubEndpoint to = connections.get(o.connection());
            if (to == null) {
                continue;
            }
            ByteBuffer text = texts.computeIfAbsent(o.message(), m -> ByteBuffer.wrap(MessageWire.write(m, entries).getBytes(StandardCharsets.UTF_8)));
            if (!to.send(text)) {
                // it cannot keep up: closed by the endpoint, gone from the map now
                connections.remove(to.id());
                after.addAll(hub.disconnect(to.id()));
                report("connection " + to.id() + ": " + to.tooSlow());
                continue;
            }
            if (o.message() instanceof Message.Error e) {
                if (!hub.isJoined(to.id()) && failedHellos.failed(to.address())) {
                    // its hellos keep failing (a guessed token, a broken client): refused at the upgrade for a while
                    FailedHellos.Limits l = failedHellos.limits();
                    report("address " + to.address() + ": " + l.failures() + " failed hellos within "
                            + l.within().toSeconds() + " s, refused for " + l.refuseFor().toSeconds() + " s");
                }
                // the protocol: the hub closes the connection after an error
                connections.remove(to.id());
                after.addAll(hub.disconnect(to.id()));
                to.closeAfterSending(e.reason());
            }
        }
        if (!after.isEmpty()) {
            send(after); // "left" for the person of a connection closed (no error in it; each round removes one: bounded)
        }
    }

    /** On the room's thread: the host removes a person (their connections are closed with the reason). */
    void remove(String actor) {
        send(hub.remove(actor));
    }

    /** Tells every device the hub is stopping (each connection is closed with status 1001). */
    void goingAway() {
        connections.values().forEach(HubEndpoint::goingAway);
    }

    int connectionCount() {
        return connections.size();
    }

    @Override
    public void close() {
        drawn.close();
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
