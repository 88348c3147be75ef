package org.mapwork.editor.collab;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.JoinAddress;
import org.mapwork.editor.start.Maps;

/** The one place that calls the collaboration module's join: the hub's map comes with its welcome. */
final class HubJoin {

    private HubJoin() {
    }

    static CompletableFuture<HubClient> join(JoinAddress address, String actor, String name, Executor sessionThread) {
        return HubClient.join(address, actor, name, Maps::schemaOf, sessionThread);
    }
}
