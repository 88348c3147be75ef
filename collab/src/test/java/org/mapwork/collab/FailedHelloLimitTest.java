package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapwork.collab.Loopback.await;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.mapwork.collab.Loopback.Device;
import org.mapwork.collab.Loopback.Raw;
import org.mapwork.collab.net.FailedHellos;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubServer;
import org.mapwork.model.Change;
import org.mapwork.model.MapDocument;

/**
 * An address whose hellos keep failing (a guessed token) is refused at the upgrade with HTTP 429 for a while, on a
 * real loopback socket; the hub's clock is the test's, so no wall-clock time is waited for or asserted.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FailedHelloLimitTest {

    private final MapDocument start = TestMaps.starter();
    private final AtomicLong clock = new AtomicLong(5_000_000_000L);
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final List<Raw> raws = new ArrayList<>();
    private HubCore core;
    private HubServer server;
    private Device ana;

    @BeforeEach
    void startHub() {
        core = new HubCore(start, TestMaps.SCHEMA, TestMaps.TOKEN);
        FailedHellos guard = new FailedHellos(new FailedHellos.Limits(3, Duration.ofMinutes(1), Duration.ofMinutes(1)), clock::get);
        server = HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), guard, List.of(core));
        server.onExpelled(reports::add);
        ana = new Device("ana", start, server.mapUri(start.id()), TestMaps.TOKEN);
        await("ana online", ana::online, ana::toString);
    }

    @AfterEach
    void stop() throws Exception {
        raws.forEach(r -> r.socket.abort());
        ana.close();
        server.close();
    }

    private String helloWith(String token) throws Exception {
        Raw r = Raw.open(server.mapUri(start.id()), null);
        raws.add(r);
        r.send(MessageWire.write(new Message.Hello(1, start.id(), token, "mallory", "Mallory", 0)));
        Message answer = MessageWire.read(r.next());
        return answer instanceof Message.Error e ? "error " + e.reason() + " / " + r.closeReason() : answer.getClass().getSimpleName();
    }

    private int refusedStatus() {
        CompletionException e = assertThrows(CompletionException.class, () -> Raw.open(server.mapUri(start.id()), null));
        WebSocketHandshakeException h = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
        long retryAfter = Long.parseLong(h.getResponse().headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "a Retry-After header says when, in seconds: " + retryAfter);
        return h.getResponse().statusCode();
    }

    @Test
    void after_three_wrong_tokens_the_address_is_refused_for_a_minute_then_let_in_again() throws Exception {
        String wrong = "ffffffffffffffffffffffffffffffff";
        for (int i = 0; i < 3; i++) {
            assertEquals("error wrong token / 1008 wrong token", helloWith(wrong), "attempt " + i);
            clock.addAndGet(Duration.ofSeconds(5).toNanos());
        }
        assertEquals(429, refusedStatus(), "the fourth connection from that address is refused at the upgrade");
        await("the hub reported the refusal", () -> !reports.isEmpty());
        assertTrue(reports.get(0).contains("address 127.0.0.1: 3 failed hellos within 60 s, refused for 60 s"), reports.toString());

        // a connection that was in before stays in and still edits
        long before = core.serverSeq();
        ana.edit("Rename", Change.setLabel("a", "still here"));
        await("ana's edit is committed", () -> ana.pending() == 0 && core.serverSeq() == before + 1, ana::toString);

        clock.addAndGet(Duration.ofSeconds(54).toNanos()); // the clock stands 5 s after the last failure
        assertEquals(429, refusedStatus(), "still refused 59 s after the last failure");
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals("Welcome", helloWith(TestMaps.TOKEN), "a minute after the last failure the address may join again");
    }

    @Test
    void failures_spread_over_more_than_the_window_are_never_refused() throws Exception {
        String wrong = "ffffffffffffffffffffffffffffffff";
        for (int i = 0; i < 6; i++) {
            assertEquals("error wrong token / 1008 wrong token", helloWith(wrong), "attempt " + i);
            clock.addAndGet(Duration.ofSeconds(31).toNanos()); // at most two in any minute
        }
        assertEquals("Welcome", helloWith(TestMaps.TOKEN));
        assertTrue(reports.isEmpty(), reports.toString());
    }

    @Test
    void a_message_before_hello_counts_as_a_failed_hello() throws Exception {
        for (int i = 0; i < 3; i++) {
            Raw r = Raw.open(server.mapUri(start.id()), null);
            raws.add(r);
            r.send("{\"type\":\"submit\"}");
            assertInstanceOf(Message.Error.class, MessageWire.read(r.next()), "attempt " + i);
            r.closeReason();
        }
        assertEquals(429, refusedStatus());
    }
}
