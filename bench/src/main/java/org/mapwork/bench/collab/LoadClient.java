package org.mapwork.bench.collab;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.mapwork.collab.Message;
import org.mapwork.collab.MessageWire;
import org.mapwork.collab.WireException;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Geometry;
import org.mapwork.model.Stamp;

/**
 * One simulated device for CollabLoad: a JDK WebSocket speaking protocol v1 (hello, submit; welcome, commit, changes,
 * refused), not applying what it receives to a map session (400 sessions applying every change in one JVM on two
 * cores would measure the harness, not the hub). With {@code fullDecode} it decodes every message with
 * {@link MessageWire} as a device does; without, it reads only the send time out of the start of a {@code changes}
 * (hub) or relayed {@code submit} (echo) text, leaving the rest unread and unjoined, and decodes the other messages: with 400 clients in the hub's JVM, decoding 80,000 messages
 * a second took most of the two cores from hub and echo alike (a real device decodes on its own processor).
 * Each change set it sends carries its send time in its summary ({@code load NANOS}); a receiver's latency is its
 * receive time minus that (one JVM, one clock).
 */
final class LoadClient implements WebSocket.Listener {

    /** Latencies in nanoseconds, one per change set received from another client. */
    static final class Latencies {
        private long[] values = new long[1024];
        private int size;
        /** Change sets sent before this (nanoTime) are not counted: the warm-up. */
        volatile long from = Long.MAX_VALUE;

        synchronized void add(long sent, long now) {
            if (sent < from) {
                return;
            }
            long v = now - sent;
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        synchronized int count() {
            return size;
        }

        synchronized long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    private static final String MARK = "load ";
    /** Where a change set's summary starts in a message's JSON text (ChangeSetWire writes "summary" first). */
    private static final String SUMMARY_MARK = "\"summary\":\"" + MARK;

    final String actor;
    private final boolean hubProtocol;
    private final Latencies edits;
    private final Latencies layouts;
    private final AtomicLong problems;
    private final boolean fullDecode;
    /** Send to the sender's own commit (hub only): how long the hub took to order it, without the fan-out. */
    Latencies commitLatencies;
    private final StringBuilder parts = new StringBuilder();
    /** The send time read from the start of the message being received (negative: a layout), or 0. */
    private long marked;
    private final CompletableFuture<Void> joined = new CompletableFuture<>();
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending;
    private long seq;
    volatile long commits;
    volatile long refused;
    volatile long received;

    /**
     * @param hubProtocol true against the hub (hello first, wait for the welcome); false against the echo server
     *                    (nothing to say first)
     */
    LoadClient(String actor, boolean hubProtocol, boolean fullDecode, Latencies edits, Latencies layouts, AtomicLong problems) {
        this.actor = actor;
        this.fullDecode = fullDecode;
        this.hubProtocol = hubProtocol;
        this.edits = edits;
        this.layouts = layouts;
        this.problems = problems;
    }

    /** Connects; the future completes once the client may send (welcomed by the hub, or open on the echo). */
    CompletableFuture<Void> connect(HttpClient http, URI uri, String mapId, String token) {
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20)).buildAsync(uri, this)
                .orTimeout(30, TimeUnit.SECONDS)
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        joined.completeExceptionally(failure);
                        return;
                    }
                    synchronized (this) {
                        socket = ws;
                        sending = CompletableFuture.completedFuture(ws);
                    }
                    if (hubProtocol) {
                        send(MessageWire.write(new Message.Hello(Message.PROTOCOL, mapId, token, actor, actor, 0)));
                    } else {
                        joined.complete(null);
                    }
                });
        return joined;
    }

    /** A person's edit: renames one element. */
    void rename(String elementId, int n) {
        long now = System.nanoTime();
        send(MessageWire.write(new Message.Submit(ChangeSet.of(MARK + now,
                Change.setLabel(elementId, actor + " " + n).withStamp(new Stamp(actor, ++seq))), false)));
    }

    /** A layout: moves every one of {@code ids} at once (one change set). */
    void layout(List<String> ids, int round) {
        List<Change> moves = new ArrayList<>(ids.size());
        int i = 0;
        for (String id : ids) {
            double x = (i % 25) * 140 + round % 7 * 3;
            double y = (i / 25) * 90 + round % 5 * 3;
            moves.add(Change.setGeometry(id, Geometry.box(x, y, 100, 50)).withStamp(new Stamp(actor, ++seq)));
            i++;
        }
        long now = System.nanoTime();
        send(MessageWire.write(new Message.Submit(ChangeSet.of(MARK + now + " layout", moves), false)));
    }

    private synchronized void send(String text) {
        // the JDK's WebSocket takes one send at a time: chain them
        sending = sending.thenCompose(ws -> ws.sendText(text, true));
        sending.whenComplete((ws, f) -> {
            if (f != null) {
                problems.incrementAndGet();
            }
        });
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        if (!fullDecode && parts.isEmpty() && marked == 0) {
            // the send time is near the start: read it from the first part and let the rest of the text go unread
            marked = sentTime(data.subSequence(0, Math.min(data.length(), 512)).toString());
        }
        if (marked == 0) {
            parts.append(data);
        }
        if (last) {
            if (marked != 0) {
                received++;
                (marked < 0 ? layouts : edits).add(Math.abs(marked), System.nanoTime());
                marked = 0;
            } else {
                String text = parts.toString();
                parts.setLength(0);
                handle(text);
            }
        }
        ws.request(1);
        return null;
    }

    /**
     * The send time of a {@code changes} (hub) or relayed {@code submit} (echo) whose text starts with {@code head},
     * negative for a layout; 0 for any other message, or when {@code head} is too short to tell.
     */
    private static long sentTime(String head) {
        if (!head.startsWith("{\"type\":\"changes\"") && !head.startsWith("{\"type\":\"submit\"")) {
            return 0;
        }
        int at = head.indexOf(SUMMARY_MARK);
        if (at < 0) {
            return 0;
        }
        int from = at + SUMMARY_MARK.length();
        int end = from;
        while (end < head.length() && Character.isDigit(head.charAt(end))) {
            end++;
        }
        if (end == from || end == head.length()) {
            return 0;
        }
        long sent = Long.parseLong(head, from, end, 10);
        return head.charAt(end) == ' ' ? -sent : sent;
    }

    private void handle(String text) {
        long mark = fullDecode ? 0 : sentTime(text);
        if (mark != 0) {
            received++;
            (mark < 0 ? layouts : edits).add(Math.abs(mark), System.nanoTime());
            return;
        }
        Message m;
        try {
            m = MessageWire.read(text);
        } catch (WireException e) {
            problems.incrementAndGet();
            return;
        }
        long now = System.nanoTime();
        ChangeSet cs = null;
        if (m instanceof Message.Changes c) {
            cs = c.entry().changeSet();
        } else if (m instanceof Message.Submit s) {
            cs = s.changeSet(); // relayed by the echo server
        } else if (m instanceof Message.Welcome) {
            joined.complete(null);
        } else if (m instanceof Message.Commit c) {
            commits++;
            String s = c.entry().changeSet().summary();
            if (s.startsWith(MARK) && commitLatencies != null) {
                int end = s.indexOf(' ', MARK.length());
                long sent = Long.parseLong(end < 0 ? s.substring(MARK.length()) : s.substring(MARK.length(), end));
                commitLatencies.add(sent, now);
            }
        } else if (m instanceof Message.Refused) {
            refused++;
        } else if (m instanceof Message.Error e) {
            problems.incrementAndGet();
            joined.completeExceptionally(new IllegalStateException(actor + ": the hub said: " + e.reason()));
        }
        if (cs != null && cs.summary().startsWith(MARK)) {
            received++;
            String s = cs.summary();
            int end = s.indexOf(' ', MARK.length());
            long sent = Long.parseLong(end < 0 ? s.substring(MARK.length()) : s.substring(MARK.length(), end));
            (end < 0 ? edits : layouts).add(sent, now);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        if (statusCode != WebSocket.NORMAL_CLOSURE) {
            problems.incrementAndGet();
            System.out.println("  " + actor + " closed: " + statusCode + " " + reason);
        }
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        problems.incrementAndGet();
        joined.completeExceptionally(error);
    }

    void close() {
        WebSocket ws;
        synchronized (this) {
            ws = socket;
        }
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS)
                    .whenComplete((w, f) -> ws.abort());
        }
    }
}
