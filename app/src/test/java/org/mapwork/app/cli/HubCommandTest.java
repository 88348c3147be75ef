package org.mapwork.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.collab.ClientCore;
import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.JoinAddress;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.OrderKey;
import org.mapwork.model.schema.LinkType;
import org.mapwork.model.schema.NodeType;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;
import org.mapwork.store.Library;
import org.mapwork.store.Revision;

import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HubCommandTest {

    private static final Schema SCHEMA = Schema.builder("cli-test").node(NodeType.of("actor"))
            .link(LinkType.any("influences", true)).build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.of(SCHEMA);
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @Test
    void a_headless_hub_prints_the_join_address_and_records_what_a_device_does(@TempDir Path dir) throws Exception {
        Path lib = dir.resolve("lib");
        MapDocument start = MapDocument.empty("m-power", "Power map", "cli-test", Instant.parse("2026-11-22T09:00:00Z"));
        try (Library library = Library.open(lib, SCHEMAS, Library.Options.defaults().withBackupOnClose(false))) {
            library.createMap(start, null, null, library.localActor());
        }
        HubCommand hub = new HubCommand(SCHEMAS, Map.of("MAPWORK_HOME", lib.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(hub);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cl.execute("--bind", "127.0.0.1", "--port", "0", "--lang", "en", "Power"));

        await("the Code line (out: " + out + ", err: " + err + ")", () -> out.toString().contains("Code: ") || exit.isDone());
        Matcher m = Pattern.compile("Join: (\\S+)").matcher(out.toString());
        assertTrue(m.find(), out + " / " + err);
        JoinAddress join = JoinAddress.parse(m.group(1));
        Matcher code = Pattern.compile("Code: (\\S+) \\(.*: (\\S+)\\)").matcher(out.toString());
        assertTrue(code.find(), out.toString());
        assertEquals(join, new org.mapwork.collab.net.JoinLookup(java.time.Duration.ofSeconds(10))
                .resolve(code.group(2) + " " + code.group(1), java.util.List.of()).address(),
                "the hub's address and the printed code resolve to the join address");
        assertEquals("m-power", join.mapId());
        assertEquals("127.0.0.1", join.map().getHost());
        assertTrue(join.map().getPort() > 0, join.toString());
        assertTrue(join.token().length() >= 22, "128 random bits");

        ExecutorService thread = Executors.newSingleThreadExecutor();
        MapSession session = new MapSession(start, SCHEMA, "dev-ana", 0);
        ClientCore core = new ClientCore(session, join.token(), "Ana", 0);
        HubClient client = thread.submit(() -> new HubClient(core, join.map(), thread, HubClient.Backoff.defaults())).get();
        try {
            client.start();
            await("online", () -> client.state() == HubClient.State.ONLINE);
            thread.submit(() -> session.apply("Add the council",
                    Change.add(Element.node("n-1", "actor", "Council", Geometry.box(0, 0, 100, 50), OrderKey.first())))).get();
            await("the hub committed the change", () -> {
                try {
                    return thread.submit(core::pending).get() == 0;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            client.close();
            thread.shutdown();
            assertTrue(thread.awaitTermination(20, TimeUnit.SECONDS));
        }
        hub.stop();
        assertEquals(0, exit.get(20, TimeUnit.SECONDS), err.toString());
        assertTrue(out.toString().contains("Hub stopped"), out.toString());
        assertFalse(err.toString().contains(join.token()), "the token is never in the hub's messages");

        try (Library library = Library.open(lib, SCHEMAS, Library.Options.defaults().withBackupOnClose(false))) {
            assertEquals("Council", library.load("m-power").document().element("n-1").label());
            java.util.List<Revision> revisions = library.revisions("m-power");
            assertEquals("dev-ana", revisions.get(revisions.size() - 1).actor(), "recorded by its author");
        }
    }

    /** A running {@code mapwork hub}: its output so far, its exit, the join address it printed. */
    private record Running(HubCommand command, StringWriter out, StringWriter err, CompletableFuture<Integer> exit, JoinAddress join) {
    }

    private static Running startHub(Path lib, String... args) {
        HubCommand hub = new HubCommand(SCHEMAS, Map.of("MAPWORK_HOME", lib.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(hub);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute(args));
        await("the Join line", () -> out.toString().contains("Join: ") || exit.isDone());
        Matcher m = Pattern.compile("Join: (\\S+)").matcher(out.toString());
        assertTrue(m.find(), out + " / " + err);
        return new Running(hub, out, err, exit, JoinAddress.parse(m.group(1)));
    }

    private static <T> T on(ExecutorService thread, java.util.concurrent.Callable<T> task) {
        try {
            return thread.submit(task).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_hub_started_again_carries_on_and_a_device_reconnects_by_itself(@TempDir Path dir) throws Exception {
        Path lib = dir.resolve("lib");
        MapDocument start = MapDocument.empty("m-power", "Power map", "cli-test", Instant.parse("2026-11-22T09:00:00Z"));
        try (Library library = Library.open(lib, SCHEMAS, Library.Options.defaults().withBackupOnClose(false))) {
            library.createMap(start, null, null, library.localActor());
        }
        Running first = startHub(lib, "--bind", "127.0.0.1", "--port", "0", "--no-announce", "m-power");
        ExecutorService thread = Executors.newSingleThreadExecutor();
        MapSession session = new MapSession(start, SCHEMA, "dev-ana", 0);
        ClientCore core = new ClientCore(session, first.join().token(), "Ana", 0);
        HubClient client = on(thread, () -> new HubClient(core, first.join().map(), thread,
                new HubClient.Backoff(java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(200))));
        try {
            client.start();
            await("online", () -> client.state() == HubClient.State.ONLINE);
            on(thread, () -> session.apply("Add", Change.add(Element.node("n-1", "actor", "Council", Geometry.box(0, 0, 100, 50), OrderKey.first()))));
            await("committed", () -> on(thread, core::pending) == 0);

            first.command().stop();
            assertEquals(0, first.exit().get(20, TimeUnit.SECONDS), first.err().toString());
            await("offline", () -> client.state() != HubClient.State.ONLINE);
            on(thread, () -> session.apply("Rename offline", Change.setLabel("n-1", "City council")));

            Running again = startHub(lib, "--bind", "127.0.0.1", "--port", Integer.toString(first.join().map().getPort()), "m-power");
            assertEquals(first.join().toUri(), again.join().toUri(), "the same join address: the same token and port");
            await("the offline edit is committed by the hub started again", () ->
                    client.state() == HubClient.State.ONLINE && on(thread, core::pending) == 0);
            again.command().stop();
            assertEquals(0, again.exit().get(20, TimeUnit.SECONDS), again.err().toString());
        } finally {
            client.close();
            thread.shutdown();
            assertTrue(thread.awaitTermination(20, TimeUnit.SECONDS));
        }
        try (Library library = Library.open(lib, SCHEMAS, Library.Options.defaults().withBackupOnClose(false))) {
            assertEquals("City council", library.load("m-power").document().element("n-1").label());
        }
        Running fresh = startHub(lib, "--bind", "127.0.0.1", "--port", "0", "--new-token", "m-power");
        fresh.command().stop();
        assertFalse(fresh.join().token().equals(first.join().token()), "--new-token shares with a new token");
    }

    @Test
    void an_address_that_is_not_this_machines_is_refused() {
        HubCommand hub = new HubCommand(SCHEMAS, Map.of("MAPWORK_HOME", "/nonexistent-library"));
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(hub);
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(ExitCodes.INVALID_INPUT, cl.execute("--bind", "192.0.2.1", "--lang", "en", "x"));
        assertEquals("--bind: 192.0.2.1 is not an address of this machine", err.toString().strip());
    }
}
