package org.mapwork.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
import org.junit.jupiter.api.extension.RegisterExtension;
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
import org.mapwork.store.ServerStore;
import org.mapwork.store.testing.PostgresCluster;

import picocli.CommandLine;

/** {@code mapwork hub --store postgresql://…}: the hub keeping its maps in a real PostgreSQL (a throw-away server). */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HubCommandOnPostgresqlTest {

    @RegisterExtension
    static final PostgresCluster PG = new PostgresCluster();

    private static final Schema SCHEMA = Schema.builder("cli-test").node(NodeType.of("actor"))
            .link(LinkType.any("influences", true)).build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.of(SCHEMA);

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private record Running(HubCommand command, StringWriter out, StringWriter err, CompletableFuture<Integer> exit) {
        JoinAddress join() {
            Matcher m = Pattern.compile("Join: (\\S+)").matcher(out.toString());
            assertTrue(m.find(), out + " / " + err);
            return JoinAddress.parse(m.group(1));
        }
    }

    private static Running run(Map<String, String> environment, String... args) {
        return runUntil("Join: ", environment, args);
    }

    private static Running runUntil(String line, Map<String, String> environment, String... args) {
        HubCommand hub = new HubCommand(SCHEMAS, environment);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(hub);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute(args));
        await("'" + line + "' or the end", () -> out.toString().contains(line) || exit.isDone());
        return new Running(hub, out, err, exit);
    }

    private static <T> T on(ExecutorService thread, java.util.concurrent.Callable<T> task) {
        try {
            return thread.submit(task).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_hub_on_postgresql_keeps_a_devices_edits_across_a_restart(@TempDir Path dir) throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        Map<String, String> env = Map.of("PGUSER", db.user(), "PGPASSWORD", db.password());
        MapDocument start = MapDocument.empty("m-power", "Power map", "cli-test", Instant.parse("2026-11-22T09:00:00Z"));
        try (Library library = Library.open(ServerStore.parse(db.address(), env, null), SCHEMAS, Library.Options.defaults())) {
            library.createMap(start, null, null, "facilitator");
        }
        Running first = run(env, "--store", db.address(), "--bind", "127.0.0.1", "--port", "0", "--no-announce",
                "--lang", "en", "Power");
        JoinAddress join = first.join();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        MapSession session = new MapSession(start, SCHEMA, "dev-ana", 0);
        ClientCore core = new ClientCore(session, join.token(), "Ana", 0);
        HubClient client = on(thread, () -> new HubClient(core, join.map(), thread,
                new HubClient.Backoff(java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(200))));
        Path passwordFile = dir.resolve("db.password");
        Files.writeString(passwordFile, db.password() + "\n");
        try {
            client.start();
            await("online", () -> client.state() == HubClient.State.ONLINE);
            on(thread, () -> session.apply("Add the council",
                    Change.add(Element.node("n-1", "actor", "Council", Geometry.box(0, 0, 100, 50), OrderKey.first()))));
            await("committed", () -> on(thread, core::pending) == 0);
            first.command().stop();
            assertEquals(0, first.exit().get(20, TimeUnit.SECONDS), first.err().toString());
            await("offline", () -> client.state() != HubClient.State.ONLINE);
            on(thread, () -> session.apply("Rename offline", Change.setLabel("n-1", "City council")));

            // started again, with the password from a file this time: the share is carried on from the database
            Running again = run(Map.of("PGUSER", db.user()), "--store", db.address(), "--password-file",
                    passwordFile.toString(), "--bind", "127.0.0.1", "--port", Integer.toString(join.map().getPort()),
                    "--no-announce", "--lang", "en", "m-power");
            assertEquals(join.toUri(), again.join().toUri(), "the same join address: token and port kept in the database");
            await("the offline edit is committed by the hub started again", () ->
                    client.state() == HubClient.State.ONLINE && on(thread, core::pending) == 0);
            again.command().stop();
            assertEquals(0, again.exit().get(20, TimeUnit.SECONDS), again.err().toString());
            assertFalse(again.out().toString().contains("tables"), "the second start finds the tables up to date");
        } finally {
            client.close();
            thread.shutdown();
            assertTrue(thread.awaitTermination(20, TimeUnit.SECONDS));
        }
        try (Library library = Library.open(ServerStore.parse(db.address(), env, null), SCHEMAS, Library.Options.defaults())) {
            assertEquals("City council", library.load("m-power").document().element("n-1").label());
            List<String> authors = library.revisions("m-power").stream().map(Revision::actor).toList();
            assertEquals(List.of("dev-ana", "dev-ana"), authors.subList(authors.size() - 2, authors.size()),
                    "both edits recorded by their author");
        }
    }

    @Test
    void two_nodes_one_serves_the_map_the_other_sends_devices_there_and_takes_over_when_it_stops() throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        Map<String, String> env = Map.of("PGUSER", db.user(), "PGPASSWORD", db.password());
        MapDocument start = MapDocument.empty("m-power", "Power map", "cli-test", Instant.parse("2026-11-22T09:00:00Z"));
        try (Library library = Library.open(ServerStore.parse(db.address(), env, null), SCHEMAS, Library.Options.defaults())) {
            library.createMap(start, null, null, "facilitator");
        }
        String[] args = {"--store", db.address(), "--node", "--bind", "127.0.0.1", "--no-announce", "--lang", "en", "Power"};
        Running first = run(env, args);
        JoinAddress servedByFirst = first.join();
        Running second = runUntil("Hub listening", env, args);
        Matcher port = Pattern.compile("port (\\d+)").matcher(second.out().toString());
        assertTrue(port.find(), second.out().toString());
        java.net.URI atSecond = java.net.URI.create("ws://127.0.0.1:" + port.group(1) + "/maps/m-power");
        assertFalse(second.out().toString().contains("Join: "), "one node serves the map: " + second.out());

        ExecutorService thread = Executors.newSingleThreadExecutor();
        MapSession session = new MapSession(start, SCHEMA, "dev-ana", 0);
        ClientCore core = new ClientCore(session, servedByFirst.token(), "Ana", 0);
        HubClient client = on(thread, () -> new HubClient(core, atSecond, thread,
                new HubClient.Backoff(java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(200))));
        try {
            client.start();
            await("online", () -> client.state() == HubClient.State.ONLINE);
            assertEquals(servedByFirst.map(), client.address(), "the second node sent the device to the first");
            on(thread, () -> session.apply("Add the council",
                    Change.add(Element.node("n-1", "actor", "Council", Geometry.box(0, 0, 100, 50), OrderKey.first()))));
            await("committed", () -> on(thread, core::pending) == 0);

            first.command().stop();
            assertEquals(0, first.exit().get(20, TimeUnit.SECONDS), first.err().toString());
            await("the second node serves the map", () -> second.out().toString().contains("Join: "));
            assertEquals(servedByFirst.token(), second.join().token(), "the same share, carried on");
            on(thread, () -> session.apply("Rename", Change.setLabel("n-1", "City council")));
            await("committed by the second node", () -> client.state() == HubClient.State.ONLINE
                    && on(thread, core::pending) == 0);
            assertEquals(atSecond, client.address());
            second.command().stop();
            assertEquals(0, second.exit().get(20, TimeUnit.SECONDS), second.err().toString());
        } finally {
            client.close();
            thread.shutdown();
            assertTrue(thread.awaitTermination(20, TimeUnit.SECONDS));
        }
        try (Library library = Library.open(ServerStore.parse(db.address(), env, null), SCHEMAS, Library.Options.defaults())) {
            assertEquals("City council", library.load("m-power").document().element("n-1").label());
        }
    }

    @Test
    void a_new_database_gets_its_tables_and_the_hub_says_so() throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        Map<String, String> env = Map.of("PGUSER", db.user(), "PGPASSWORD", db.password());
        Running hub = run(env, "--store", db.address(), "--bind", "127.0.0.1", "--no-announce", "--lang", "en", "Power");
        assertEquals(ExitCodes.INVALID_INPUT, hub.exit().get(20, TimeUnit.SECONDS));
        assertTrue(hub.out().toString().contains("had no Mapwork tables: made them (schema version"), hub.out().toString());
        assertTrue(hub.err().toString().contains("No map with the id or a title starting \"Power\""), hub.err().toString());
    }

    @Test
    void a_wrong_password_a_password_in_the_address_and_both_stores_are_told_clearly() throws Exception {
        PostgresCluster.Database db = PG.newDatabase();
        Running wrong = run(Map.of("PGUSER", db.user(), "PGPASSWORD", "guess"), "--store", db.address(),
                "--bind", "127.0.0.1", "--lang", "en", "m");
        assertEquals(ExitCodes.INVALID_INPUT, wrong.exit().get(20, TimeUnit.SECONDS));
        assertEquals("mapwork hub: PostgreSQL at " + db.address() + " refused the password of user '" + db.user()
                + "'. Check PGPASSWORD or the --password-file.", wrong.err().toString().strip());
        assertFalse(wrong.err().toString().contains("guess"), "the password is never in a message");

        Running inAddress = run(Map.of(), "--store", "postgresql://" + db.user() + ":secret@127.0.0.1:" + PG.port() + "/x",
                "--bind", "127.0.0.1", "--lang", "en", "m");
        assertEquals(ExitCodes.USAGE, inAddress.exit().get(20, TimeUnit.SECONDS));
        assertTrue(inAddress.err().toString().contains("PGPASSWORD or --password-file"), inAddress.err().toString());
        assertFalse(inAddress.err().toString().contains("secret"), "the password is never in a message");

        Running both = run(Map.of(), "--store", db.address(), "--library", "/tmp/x", "--bind", "127.0.0.1", "--lang", "en", "m");
        assertEquals(ExitCodes.USAGE, both.exit().get(20, TimeUnit.SECONDS));
        assertEquals("Give --store or --library, not both: the maps are in one or the other", both.err().toString().strip());
    }
}
