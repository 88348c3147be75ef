package org.mapwork.store.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away PostgreSQL server for tests, from the machine's own binaries (Debian's {@code postgresql} package):
 * {@code initdb} into a temporary folder, {@code pg_ctl start} on a free port of 127.0.0.1 (its unix socket in that
 * folder), and, after the test class, stopped and deleted. PostgreSQL refuses to run as root, so when the tests run
 * as root (CI does) the binaries run as the unprivileged user {@code postgres}, which owns the folder. Why Debian's
 * binaries and not an embedded PostgreSQL: docs/adr/0019.
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresCluster PG = new PostgresCluster();
 * PostgresCluster.Database db = PG.newDatabase();   // its own database and owner (not a superuser) per test
 * }</pre>
 *
 * <p>When no PostgreSQL can start, the tests are skipped with a loud message, unless the environment sets
 * {@value #REQUIRE_VARIABLE}{@code =1} (CI's {@code .ci/run} does): then they fail.
 */
public final class PostgresCluster implements BeforeAllCallback, AfterAllCallback {

    /** When set to 1, a PostgreSQL that cannot start fails the tests instead of skipping them. */
    public static final String REQUIRE_VARIABLE = "MAPWORK_REQUIRE_POSTGRESQL";
    /** Where the binaries are, when not under /usr/lib/postgresql/VERSION/bin or on the PATH. */
    public static final String BIN_VARIABLE = "MAPWORK_POSTGRESQL_BIN";
    /** The user the binaries run as when the tests run as root. */
    static final String UNPRIVILEGED_USER = "postgres";
    private static final String SUPERUSER = "postgres";

    /** A database of its own for one test, owned by a login role that is not a superuser (as a hub's would be). */
    public record Database(String host, int port, String name, String user, String password) {
        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        /** The address {@code mapwork hub --store} takes. */
        public String address() {
            return "postgresql://" + host + ":" + port + "/" + name;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), user, password);
        }
    }

    private final AtomicInteger databases = new AtomicInteger();
    private Path folder;
    private Path binaries;
    private boolean asPostgresUser;
    private int port;
    private String superPassword;
    private boolean running;

    @Override
    public void beforeAll(ExtensionContext context) {
        String why;
        try {
            start();
            return;
        } catch (IOException | RuntimeException e) {
            why = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        }
        stopAndDelete();
        String message = "\n*** PostgreSQL could not start, so " + context.getDisplayName() + " does not run: " + why
                + "\n*** Install Debian's 'postgresql' package (or set " + BIN_VARIABLE + " to its bin folder).\n";
        if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
            throw new IllegalStateException(message + "*** " + REQUIRE_VARIABLE + "=1: failing instead of skipping.");
        }
        System.err.println(message);
        Assumptions.abort(message);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopAndDelete();
    }

    /** The server's port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** A new database with a new owner, each with a password (the server checks passwords on TCP: scram-sha-256). */
    public Database newDatabase() throws SQLException {
        int n = databases.incrementAndGet();
        String name = "mapwork_test_" + n;
        String user = "hub_" + n;
        String password = UUID.randomUUID().toString();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER,
                superPassword); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
            st.execute("CREATE DATABASE " + name + " OWNER " + user);
        }
        return new Database("127.0.0.1", port, name, user, password);
    }

    /** Stops the server (ending every connection to it) and starts it again on the same port. */
    public void restart() throws IOException, InterruptedException {
        run(List.of(binaries.resolve("pg_ctl").toString(), "restart", "--pgdata=" + folder.resolve("data"), "--mode=fast",
                "--wait", "--timeout=60", "--log=" + folder.resolve("server.log")), 90);
    }

    private void start() throws IOException, InterruptedException {
        binaries = findBinaries();
        asPostgresUser = isRoot();
        folder = Files.createTempDirectory("mapwork-pg-");
        Path data = folder.resolve("data");
        superPassword = UUID.randomUUID().toString();
        Path passwordFile = folder.resolve("superuser.password");
        Files.writeString(passwordFile, superPassword + "\n", StandardCharsets.UTF_8);
        if (asPostgresUser) {
            giveToPostgresUser(folder, passwordFile);
        }
        run(List.of(binaries.resolve("initdb").toString(), "--pgdata=" + data, "--username=" + SUPERUSER,
                "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=UTF8",
                "--locale=C", "--no-sync"), 120);
        Files.deleteIfExists(passwordFile);
        // a small server: the machine is shared; fsync off because no test outlives a crash of the machine
        String settings = "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '" + folder + "'\n"
                + "shared_buffers = 16MB\nmax_connections = 20\nfsync = off\nfull_page_writes = off\n"
                + "synchronous_commit = on\nmax_wal_size = 64MB\nlogging_collector = off\n";
        Files.writeString(data.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        IOException last = null;
        for (int attempt = 0; attempt < 3 && !running; attempt++) {
            port = freePort();
            try {
                run(List.of(binaries.resolve("pg_ctl").toString(), "start", "--pgdata=" + data, "--wait",
                        "--timeout=60", "--log=" + folder.resolve("server.log"), "--options=-p " + port), 90);
                running = true;
            } catch (IOException e) {
                last = e; // most likely another process took the port between our look and the server's start
            }
        }
        if (!running) {
            throw last;
        }
    }

    private void stopAndDelete() {
        if (running) {
            try {
                run(List.of(binaries.resolve("pg_ctl").toString(), "stop", "--pgdata=" + folder.resolve("data"),
                        "--mode=fast", "--wait", "--timeout=60"), 90);
            } catch (IOException e) {
                System.err.println("PostgresCluster: could not stop the test server in " + folder + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running = false;
        }
        if (folder != null) {
            try (var walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                System.err.println("PostgresCluster: could not delete " + folder + ": " + e.getMessage());
            }
            folder = null;
        }
    }

    /** Runs a PostgreSQL program (as {@code postgres} when we are root); a failure carries the program's output. */
    private void run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
        }
        full.addAll(command);
        Path output = Files.createTempFile("mapwork-pg-run-", ".txt");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile())
                    .directory(folder.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", full) + " did not finish within " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                String log = folder == null ? "" : readQuietly(folder.resolve("server.log"));
                throw new IOException(String.join(" ", full) + " failed (exit " + p.exitValue() + "): "
                        + Files.readString(output).strip() + (log.isEmpty() ? "" : "\nserver log:\n" + log));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void giveToPostgresUser(Path folder, Path passwordFile) throws IOException {
        UserPrincipal postgres;
        try {
            postgres = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED_USER);
        } catch (IOException e) {
            throw new IOException("the tests run as root, and PostgreSQL refuses root, but there is no user '"
                    + UNPRIVILEGED_USER + "' to run it as (Debian's package creates it)", e);
        }
        Files.setOwner(folder, postgres);
        Files.setOwner(passwordFile, postgres);
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static Path findBinaries() throws IOException {
        String given = System.getenv(BIN_VARIABLE);
        if (given != null && !given.isBlank()) {
            Path bin = Path.of(given);
            if (!Files.isExecutable(bin.resolve("initdb"))) {
                throw new IOException(BIN_VARIABLE + "=" + given + " has no initdb");
            }
            return bin;
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (var versions = Files.list(debian)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(PostgresCluster::majorVersion));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb")) && Files.isExecutable(Path.of(dir, "pg_ctl"))) {
                return Path.of(dir);
            }
        }
        throw new IOException("no PostgreSQL binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin or on the PATH");
    }

    private static int majorVersion(Path versionFolder) {
        try {
            return Integer.parseInt(versionFolder.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
