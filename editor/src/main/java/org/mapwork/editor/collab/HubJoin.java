package org.mapwork.editor.collab;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.mapwork.collab.net.HubClient;
import org.mapwork.collab.net.JoinAddress;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.start.Maps;
import org.mapwork.model.schema.Schema;

/**
 * The one place that calls the collaboration module's join. MERGE: once branch {@code sync} (which adds
 * {@code HubClient.join}) is merged, this becomes the direct call
 * {@code HubClient.join(address, actor, name, Maps::schemaOf, sessionThread)}; until then it finds the method by
 * name, and a build without it says so instead of joining.
 */
final class HubJoin {

    private HubJoin() {
    }

    @SuppressWarnings("unchecked")
    static CompletableFuture<HubClient> join(JoinAddress address, String actor, String name, Executor sessionThread) {
        Method join;
        try {
            join = HubClient.class.getMethod("join", JoinAddress.class, String.class, String.class, Function.class,
                    Executor.class);
        } catch (NoSuchMethodException e) {
            return CompletableFuture.failedFuture(new IllegalStateException(Ui.text("collab.join.not-built")));
        }
        Function<String, Schema> schemaOf = Maps::schemaOf;
        try {
            return (CompletableFuture<HubClient>) join.invoke(null, address, actor, name, schemaOf, sessionThread);
        } catch (InvocationTargetException e) {
            return CompletableFuture.failedFuture(e.getCause());
        } catch (IllegalAccessException e) {
            return CompletableFuture.failedFuture(new IllegalStateException(e));
        }
    }
}
