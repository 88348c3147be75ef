package org.mapwork.collab;

import java.time.Duration;
import java.util.List;

import org.mapwork.collab.net.HubLimits;
import org.mapwork.collab.net.HubNode;
import org.mapwork.collab.net.HubServer;
import org.mapwork.model.schema.SchemaRegistry;
import org.mapwork.store.Library;
import org.mapwork.store.ServerStore;

/**
 * A hub node in a process of its own, for {@link HubNodesFailoverTest} to kill: {@code ADDRESS MAP_ID} (user and
 * password in PGUSER/PGPASSWORD). Prints {@code serving WS_URI} once it serves the map, then runs until killed or its
 * input ends.
 */
public final class HubNodeProcess {

    private HubNodeProcess() {
    }

    public static void main(String[] args) throws Exception {
        ServerStore store = ServerStore.parse(args[0], System.getenv(), null);
        Library library = Library.open(store, SchemaRegistry.of(TestMaps.SCHEMA), Library.Options.defaults());
        HubServer server = HubServer.start(Loopback.loopback(), 0, HubLimits.defaults(), List.of());
        HubNode node = HubNode.start(library, server, List.of(args[1]), Duration.ofMillis(100));
        node.onProblem(System.out::println);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!node.serves(args[1]) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        System.out.println(node.serves(args[1]) ? "serving " + server.mapUri(args[1]) : "never claimed " + args[1]);
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until killed, or until the test's end closes its input
        }
        node.close();
        server.close();
        library.close();
    }
}
