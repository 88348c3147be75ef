package org.mapwork.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where an organisation's server keeps its library: a PostgreSQL database ({@code postgresql://HOST[:PORT]/DB}), and
 * whom to log in as. The user and the password never come from the address, so that they stay out of the command
 * line's history: the user is {@code PGUSER} (else the name of the person running Mapwork, as PostgreSQL's own tools
 * do), the password the first line of a password file, else {@code PGPASSWORD}, else none (a server may trust local
 * users). Open it with {@link Library#open(ServerStore, org.mapwork.model.schema.SchemaRegistry, Library.Options)}.
 */
public record ServerStore(String host, int port, String database, String user, String password) {

    /** The scheme of the addresses this takes. */
    public static final String SCHEME = "postgresql://";
    public static final int DEFAULT_PORT = 5432;

    public ServerStore {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
    }

    /**
     * Reads an address such as {@code postgresql://db.example.org/mapwork} or {@code postgresql://127.0.0.1:5433/maps}.
     *
     * @param environment  where {@code PGUSER} and {@code PGPASSWORD} are looked up
     * @param passwordFile a file whose first line is the password, or {@code null}
     * @throws IllegalArgumentException naming what is wrong with the address or the password file
     */
    public static ServerStore parse(String address, Map<String, String> environment, Path passwordFile) {
        Objects.requireNonNull(address, "address");
        if (!address.startsWith(SCHEME)) {
            throw new IllegalArgumentException("'" + address + "' is not a PostgreSQL address: write " + SCHEME
                    + "HOST[:PORT]/DATABASE");
        }
        String rest = address.substring(SCHEME.length());
        if (rest.contains("@")) {
            throw new IllegalArgumentException("The address " + SCHEME + "…@… names a user or a password: give the user in "
                    + "PGUSER and the password in PGPASSWORD or --password-file, so that it stays out of the command "
                    + "line's history.");
        }
        if (rest.contains("?")) {
            throw new IllegalArgumentException("The address '" + address + "' has options after '?'; Mapwork takes only "
                    + SCHEME + "HOST[:PORT]/DATABASE");
        }
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1 || rest.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("The address '" + address + "' lacks a host or a database: write " + SCHEME
                    + "HOST[:PORT]/DATABASE");
        }
        String hostPort = rest.substring(0, slash);
        String database = rest.substring(slash + 1);
        String host = hostPort;
        int port = DEFAULT_PORT;
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && !hostPort.endsWith("]")) {
            host = hostPort.substring(0, colon);
            String p = hostPort.substring(colon + 1);
            if (!p.matches("\\d{1,5}") || Integer.parseInt(p) < 1 || Integer.parseInt(p) > 65535) {
                throw new IllegalArgumentException("The port '" + p + "' in '" + address + "' is not a port (1-65535)");
            }
            port = Integer.parseInt(p);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("The address '" + address + "' lacks a host");
        }
        String user = environment.get("PGUSER");
        if (user == null || user.isBlank()) {
            user = System.getProperty("user.name");
        }
        String password = passwordFile != null ? readPasswordFile(passwordFile) : environment.get("PGPASSWORD");
        return new ServerStore(host, port, database, user, password);
    }

    private static String readPasswordFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the password file " + file + ": " + e.getMessage(), e);
        }
        String first = text.lines().findFirst().orElse("");
        if (first.isEmpty()) {
            throw new IllegalArgumentException("The password file " + file + " is empty: its first line is the password");
        }
        return first;
    }

    /** The address without user or password, for messages. */
    public String address() {
        return SCHEME + host + (port == DEFAULT_PORT ? "" : ":" + port) + "/" + database;
    }

    /** Seconds an idle connection waits before the server's first keepalive probe (docs/adr/0019). */
    static final int KEEPALIVE_IDLE_SECONDS = 5;

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** What the JDBC driver needs to log in; the password only here, never in a URL. */
    Properties connectionProperties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "mapwork");
        p.setProperty("connectTimeout", "10");
        // a hub node cut off by the network must lose its claims (advisory locks) in seconds, not after the two hours
        // of the operating system's default: the server probes an idle connection after 5 s, every 2 s, 3 times
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("options", "-c tcp_keepalives_idle=" + KEEPALIVE_IDLE_SECONDS
                + " -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3");
        return p;
    }

    /** Says where and as whom, never the password. */
    @Override
    public String toString() {
        return address() + " (user " + user + ")";
    }
}
