package org.mapwork.editor.start;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.mapwork.model.MapDocument;

/**
 * A shelf that is still being opened (the library checks and migrates its database on a thread of its own), so the
 * start screen appears at once. Listing recent maps shows nothing until it is ready; making or opening a map waits
 * for it.
 */
public final class PendingShelf implements Shelf {

    private final CompletableFuture<Shelf> ready;

    public PendingShelf(CompletableFuture<Shelf> ready) {
        this.ready = ready;
    }

    /** Calls back once the shelf is open (at once if it already is), on the thread that completed it. */
    public void whenReady(Consumer<Shelf> then) {
        ready.thenAccept(then);
    }

    /** Waits until the shelf is open. */
    public void awaitReady() {
        ready.join();
    }

    public boolean isReady() {
        return ready.isDone();
    }

    private Shelf shelf() {
        return ready.join();
    }

    @Override
    public List<Entry> recent() {
        return ready.isDone() ? shelf().recent() : List.of();
    }

    @Override
    public OpenedMap create(MapDocument doc) {
        return shelf().create(doc);
    }

    @Override
    public OpenedMap open(String id) {
        return shelf().open(id);
    }

    @Override
    public String describe() {
        return ready.isDone() ? shelf().describe() : "Opening the library…";
    }
}
