package org.mapwork.editor.collab;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.JoinAddress;

/**
 * How the editor joins a shared map it may not hold: connects to the hub at {@code address} and completes with a
 * started client whose session holds the hub's map (or exceptionally, with a message a person can read: wrong token,
 * no hub at that address, no such map). The editor's is {@link #hubClient()}; tests give their own.
 */
@FunctionalInterface
public interface Joiner {

    CompletableFuture<HubClient> join(JoinAddress address, String actor, String name, Executor sessionThread);

    /**
     * {@code HubClient.join(address, actor, name, schemaOf, sessionThread)}, the sync lane's join (the map comes with
     * the hub's welcome).
     */
    static Joiner hubClient() {
        return HubJoin::join;
    }
}
