package org.mapwork.editor.view;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.application.Platform;

import org.mapwork.model.MapDocument;

/**
 * Works out something from a map snapshot on a background thread — the live checks, the minimap's picture — and hands
 * the result to the JavaFX thread, so that an edit on a large map never waits for it. Only the latest snapshot counts:
 * one asked for earlier and not started yet is skipped, and a result that arrives after a newer snapshot was asked for
 * is dropped. Snapshots are immutable, so the work may read them freely; it must not touch JavaFX.
 *
 * @param <T> what is worked out
 */
public final class SnapshotWorker<T> implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SnapshotWorker.class.getName());

    private final ExecutorService thread;
    private final Function<MapDocument, T> work;
    private final Consumer<T> deliver;
    private volatile MapDocument latest;
    private volatile MapDocument done;

    /**
     * @param name    the thread's name (seen in profilers and thread dumps)
     * @param work    runs on the background thread
     * @param deliver runs on the JavaFX thread with the result for the latest snapshot
     */
    public SnapshotWorker(String name, Function<MapDocument, T> work, Consumer<T> deliver) {
        this.work = work;
        this.deliver = deliver;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for the work on {@code doc}; call on the JavaFX thread. */
    public void submit(MapDocument doc) {
        latest = doc;
        thread.execute(() -> {
            if (doc != latest) {
                return;
            }
            T result;
            try {
                result = work.apply(doc);
            } catch (RuntimeException e) {
                // the view keeps its last result; say why it did not change
                LOG.log(System.Logger.Level.WARNING, Thread.currentThread().getName() + " failed on a snapshot", e);
                done = doc;
                return;
            }
            Platform.runLater(() -> {
                if (doc == latest) {
                    deliver.accept(result);
                    done = doc;
                }
            });
        });
    }

    /** Whether the result for the latest snapshot asked for is still on its way (tests wait for it). */
    public boolean busy() {
        return done != latest;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
