package org.mapwork.editor.start;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.model.MapDocument;

/**
 * A shelf that is opened on a thread of its own (the library checks and migrates its database), so the start screen
 * appears at once. Opening begins when {@link #begin} is called (the editor does so once the start screen's first
 * frame is drawn, so the two do not compete for the CPU) or as soon as anything needs the shelf. Listing recent maps
 * shows nothing until it is ready; making or opening a map waits for it.
 */
public final class PendingShelf implements Shelf {

    private final Supplier<Shelf> opening;
    private final CompletableFuture<Shelf> ready = new CompletableFuture<>();
    private final AtomicLong begun = new AtomicLong();

    /** A shelf that {@code opening} opens, once begun; a failure to open completes it exceptionally. */
    public PendingShelf(Supplier<Shelf> opening) {
        this.opening = opening;
    }

    /** Begins opening the shelf, once; later calls do nothing. */
    public void begin() {
        if (begun.compareAndSet(0, System.currentTimeMillis())) {
            Thread thread = new Thread(() -> {
                try {
                    ready.complete(opening.get());
                } catch (Throwable e) {
                    ready.completeExceptionally(e);
                }
            }, "open-library");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** When opening began (epoch ms), or 0 if it has not. */
    public long begunAt() {
        return begun.get();
    }

    /** Calls back once the shelf is open (at once if it already is), on the thread that completed it. */
    public void whenReady(Consumer<Shelf> then) {
        ready.thenAccept(then);
    }

    /** Runs once opening has ended, whether the shelf opened or failed to. */
    public void whenSettled(Runnable then) {
        ready.whenComplete((shelf, failure) -> then.run());
    }

    /** Waits until the shelf is open, if it is being opened at all. */
    public void awaitReady() {
        if (begun.get() != 0) {
            ready.join();
        }
    }

    /** The shelf once the library is open (waits for it when it is opening). */
    public Shelf opened() {
        return shelf();
    }

    public boolean isReady() {
        return ready.isDone();
    }

    private Shelf shelf() {
        begin();
        return ready.join();
    }

    @Override
    public List<Entry> recent() {
        return ready.isDone() ? shelf().recent() : List.of();
    }

    @Override
    public List<Entry> shared() {
        return ready.isDone() ? shelf().shared() : List.of();
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
        return ready.isDone() ? shelf().describe() : Ui.text("start.shelf.opening");
    }
}
