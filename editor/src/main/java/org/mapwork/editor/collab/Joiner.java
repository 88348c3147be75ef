package org.mapwork.editor.collab;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.JoinAddress;
import org.mapwork.editor.start.Maps;

/**
 * How the editor joins a shared map it may not hold: connects to the hub at {@code address} and completes with a
 * started client whose session holds the hub's map (or exceptionally, with a message a person can read: wrong token,
 * no hub at that address, no such map). The editor's is {@link DeviceShares} (kept in the device's library when there
 * is one); {@link #hubClient()} joins in memory only; tests give their own.
 */
@FunctionalInterface
public interface Joiner {

    CompletableFuture<HubClient> join(JoinAddress address, String actor, String name, Executor sessionThread);

    /**
     * Joins and says how the joined map is kept on this device: by default {@link #join} in memory only (nothing of
     * it survives a quit).
     */
    default CompletableFuture<Joined> joinMap(JoinAddress address, String actor, String name, Executor sessionThread) {
        return join(address, actor, name, sessionThread).thenApply(Joined::inMemory);
    }

    /**
     * {@code HubClient.join(address, actor, name, schemaOf, sessionThread)}, the sync lane's join (the map comes with
     * the hub's welcome), in memory only.
     */
    static Joiner hubClient() {
        return (address, actor, name, sessionThread) ->
                HubClient.join(address, actor, name, Maps::schemaOf, sessionThread);
    }
}
