package org.mapwork.app.cli;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.mapwork.collab.HubCore;
import org.mapwork.collab.HubRecording;
import org.mapwork.collab.net.HubAddresses;
import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubNode;
import org.mapwork.collab.net.HubServer;
import org.mapwork.collab.net.HubShares;
import org.mapwork.collab.net.JoinCode;
import org.mapwork.collab.net.LanDiscovery;
import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.SchemaRegistry;
import org.mapwork.store.Library;
import org.mapwork.store.MapEntry;
import org.mapwork.store.ServerStore;
import org.mapwork.templates.Methods;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mapwork hub [--bind ADDR] [--port N] [--library DIR] MAP...}: a headless hub that shares maps of the local
 * library on this network, printing one {@code Join: URL} line per map (the URL carries the map's new join token);
 * every change the devices make is recorded in the library, by its author. Runs until Ctrl+C. Started again, it carries
 * on each map's last share (same token, same order), so devices reconnect by themselves; {@code --new-token} starts
 * anew. With {@code --store postgresql://HOST[:PORT]/DB} the maps, their logs and the shares are kept in an
 * organisation's PostgreSQL instead (docs/adr/0019).
 */
@Command(name = "hub",
        description = {"Share maps of the library on this network until Ctrl+C: prints one 'Join: URL' line per map.",
            "Maps are named by id or by a unique start of their title."})
public final class HubCommand implements Callable<Integer> {

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "The address to listen on (default: this machine's LAN address; never all interfaces unless given 0.0.0.0).")
    private String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "The port (default: 0, a free port; the Join lines name it).")
    private int port;

    @Option(names = "--library", paramLabel = "DIR",
            description = "The library directory (default: $MAPWORK_HOME, else ~/.mapwork).")
    private Path library;

    @Option(names = "--store", paramLabel = "postgresql://HOST[:PORT]/DB",
            description = {"Keep the maps in an organisation's PostgreSQL database instead of a library directory "
                    + "(made ready on first use). The user is $PGUSER, the password $PGPASSWORD or --password-file; "
                    + "never put them in the address."})
    private String store;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "With --store: a file whose first line is the database password (instead of $PGPASSWORD).")
    private Path passwordFile;

    @Option(names = "--node",
            description = {"With --store: run as one of several hub nodes on that database (docs/adr/0019): serve the "
                    + "maps no other node serves, send devices to the node that serves the others, and take a map "
                    + "over when its node stops."})
    private boolean node;

    @Option(names = "--new-token",
            description = "Share with a new join token and a new order (devices must join again), instead of carrying on "
                    + "the map's last share with the token it had.")
    private boolean fresh;

    @Option(names = "--no-announce",
            description = "Do not announce the shared maps on this network (multicast DNS); people then type the join "
                    + "address or the hub's address and the map's code.")
    private boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "MAP", description = "The maps to share: id or start of the title.")
    private List<String> maps;

    @Mixin
    private CliOptions cli;

    private final SchemaRegistry schemas;
    private final Map<String, String> environment;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** The command as {@code mapwork} runs it: every method's schema, this process's environment. */
    public HubCommand() {
        this(Methods.schemas(), System.getenv());
    }

    /** A command with other schemas and environment, for tests. */
    public HubCommand(SchemaRegistry schemas, Map<String, String> environment) {
        this.schemas = schemas;
        this.environment = Map.copyOf(environment);
    }

    /** Stops the running hub (Ctrl+C does it) and waits, a few seconds at most, until it has closed the library. */
    public void stop() throws InterruptedException {
        stop.countDown();
        stopped.await(10, TimeUnit.SECONDS);
    }

    @Override
    public Integer call() {
        return cli.run((out, err) -> {
            if (port < 0 || port > 65535) {
                throw cli.failure(ExitCodes.USAGE, "hub.bad-port", port);
            }
            InetAddress address = address();
            if (node && store == null) {
                throw cli.failure(ExitCodes.USAGE, "hub.node-without-store");
            }
            try (Library lib = openLibrary(out)) {
                if (node) {
                    return runNode(lib, address, out, err);
                }
                List<HubRecording> shared = new ArrayList<>();
                List<String> tokens = new ArrayList<>();
                List<LanDiscovery.Handle> announced = new ArrayList<>();
                HubServer server = null;
                try {
                    HubShares shares = HubShares.of(lib);
                    for (String name : maps) {
                        MapEntry entry = lib.find(name);
                        java.util.Optional<HubShares.Share> before = fresh ? java.util.Optional.empty() : shares.find(entry.id());
                        HubRecording r;
                        String token;
                        if (before.isPresent()) {
                            // shared before: the same token and hub id, the order kept in the library
                            token = before.get().token();
                            r = HubRecording.resume(lib, entry.id(), token, before.get().hubId(), before.get().sharedAt());
                            // the next start carries on from this hub (its id), whose order devices now count
                            shares.save(entry.id(), before.get().carriedOnBy(r.hub().hubId(), port));
                        } else {
                            token = HubCore.newToken();
                            r = HubRecording.share(lib, entry.id(), token);
                            shares.save(entry.id(), new HubShares.Share(token, r.hub().hubId(), r.sharedAt()));
                        }
                        shared.add(r);
                        tokens.add(token);
                    }
                    server = HubServer.start(address, port, HubLimits.defaults(), shared.stream().map(HubRecording::hub).toList());
                    server.onExpelled(reason -> {
                        err.println(cli.text("hub.expelled", reason));
                        err.flush();
                    });
                    out.println(cli.text("hub.listening", server.host(), server.port()));
                    for (int i = 0; i < shared.size(); i++) {
                        MapDocument doc = shared.get(i).hub().document();
                        out.println(cli.text("hub.join", server.joinUrl(doc.id(), tokens.get(i))));
                        out.println(cli.text("hub.browser", server.browserJoinUrl(doc.id(), tokens.get(i))));
                        JoinCode code = server.issueCode(doc.id(), doc.title(), tokens.get(i));
                        out.println(cli.text("hub.code", code, server.host() + ":" + server.port()));
                        if (!quiet) {
                            announce(address, server.port(), doc, announced, err);
                        }
                    }
                    out.flush();
                    Thread hook = new Thread(() -> {
                        try {
                            stop();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "mapwork-hub-stop");
                    Runtime.getRuntime().addShutdownHook(hook);
                    awaitStop();
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException e) {
                        // already shutting down: the hook is what stopped us
                    }
                } catch (IllegalStateException | IllegalArgumentException e) {
                    throw cli.failure(ExitCodes.INVALID_INPUT, "error.prefixed", cli.commandName(), e.getMessage());
                } finally {
                    announced.forEach(LanDiscovery.Handle::close);
                    if (server != null) {
                        server.close();
                    }
                    Collections.reverse(shared);
                    shared.forEach(HubRecording::close);
                }
                out.println(cli.text("hub.stopped"));
                return ExitCodes.OK;
            } finally {
                stopped.countDown();
            }
        });
    }

    /**
     * One of several hub nodes: serves the maps whose claim it gets (printing their join lines when it does), sends
     * devices to the node that serves the others, until Ctrl+C.
     */
    private int runNode(Library lib, InetAddress address, java.io.PrintWriter out, java.io.PrintWriter err)
            throws CliOptions.Failure {
        List<String> ids = new ArrayList<>();
        try {
            maps.forEach(name -> ids.add(lib.find(name).id()));
        } catch (IllegalArgumentException e) {
            throw cli.failure(ExitCodes.INVALID_INPUT, "error.prefixed", cli.commandName(), e.getMessage());
        }
        HubShares shares = HubShares.of(lib);
        try (HubServer server = HubServer.start(address, port, HubLimits.defaults(), List.of());
             HubNode hubNode = HubNode.start(lib, server, ids, java.time.Duration.ofMillis(500))) {
            hubNode.onProblem(problem -> {
                err.println(cli.text("error.prefixed", cli.commandName(), problem));
                err.flush();
            });
            hubNode.onTookOver(mapId -> {
                try {
                    shares.find(mapId).ifPresent(share -> out.println(cli.text("hub.node-serves",
                            server.joinUrl(mapId, share.token()))));
                } catch (java.io.IOException e) {
                    err.println(cli.text("error.prefixed", cli.commandName(), e.getMessage()));
                }
                out.flush();
            });
            out.println(cli.text("hub.listening", server.host(), server.port()));
            out.flush();
            Thread hook = new Thread(() -> stop.countDown(), "mapwork-hub-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            awaitStop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is what stopped us
            }
        } catch (IllegalStateException e) {
            throw cli.failure(ExitCodes.INVALID_INPUT, "error.prefixed", cli.commandName(), e.getMessage());
        }
        out.println(cli.text("hub.stopped"));
        return ExitCodes.OK;
    }

    /** The library directory's, or with --store the server database's library (saying when it made its tables). */
    private Library openLibrary(java.io.PrintWriter out) throws CliOptions.Failure {
        if (store == null) {
            if (passwordFile != null) {
                throw cli.failure(ExitCodes.USAGE, "hub.password-file-without-store");
            }
            return Library.open(Library.directory(library, environment), schemas,
                    Library.Options.defaults().withBackupOnClose(true));
        }
        if (library != null) {
            throw cli.failure(ExitCodes.USAGE, "hub.store-and-library");
        }
        ServerStore server;
        try {
            server = ServerStore.parse(store, environment, passwordFile);
        } catch (IllegalArgumentException e) {
            throw cli.failure(ExitCodes.USAGE, "error.prefixed", cli.commandName(), "--store: " + e.getMessage());
        }
        Library lib = Library.open(server, schemas, Library.Options.defaults());
        lib.openingNotes().forEach(out::println);
        return lib;
    }

    /** Announces a map on the network; a network without multicast is told, not fatal (the address still works). */
    private void announce(InetAddress on, int port, MapDocument doc, List<LanDiscovery.Handle> announced, java.io.PrintWriter err) {
        if (on.isAnyLocalAddress()) {
            err.println(cli.text("hub.no-announce-any"));
            return;
        }
        try {
            announced.add(LanDiscovery.announce(on, port, doc.id(), doc.title()));
        } catch (java.io.IOException | RuntimeException e) {
            err.println(cli.text("hub.no-announce", e.getMessage()));
        }
    }

    private void awaitStop() {
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The address given with --bind, which must be this machine's; else the first LAN (site-local IPv4) address. */
    private InetAddress address() throws CliOptions.Failure {
        try {
            if (bind != null) {
                InetAddress a = InetAddress.getByName(bind);
                if (!a.isAnyLocalAddress() && NetworkInterface.getByInetAddress(a) == null) {
                    throw cli.failure(ExitCodes.INVALID_INPUT, "hub.not-local", bind);
                }
                return a;
            }
            java.util.Optional<InetAddress> lan = HubAddresses.lan();
            if (lan.isPresent()) {
                return lan.get();
            }
            throw cli.failure(ExitCodes.INVALID_INPUT, "hub.no-lan");
        } catch (UnknownHostException e) {
            throw cli.failure(ExitCodes.INVALID_INPUT, "hub.not-local", bind);
        } catch (SocketException e) {
            throw cli.failure(ExitCodes.INVALID_INPUT, "error.prefixed", cli.commandName(), e.getMessage());
        }
    }
}
