package org.mapwork.collab;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a socket test opened (hubs, clients, libraries, session threads), closed after each test, the last opened
 * first: {@code @RegisterExtension final Closing open = new Closing();} then {@code open.keep(HubServer.start(…))}.
 */
public final class Closing implements AfterEachCallback {

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    /** Closes {@code t} after the test; returns it. */
    public <T extends AutoCloseable> T keep(T t) {
        open.add(t);
        return t;
    }

    /** Shuts {@code thread} down after the test (waiting up to 20 s for what it runs); returns it. */
    public <T extends ExecutorService> T keepThread(T thread) {
        open.add(() -> {
            thread.shutdown();
            thread.awaitTermination(20, TimeUnit.SECONDS);
        });
        return thread;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.remove(i).close();
        }
    }
}
