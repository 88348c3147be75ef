package org.mapwork.editor.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.MethodTemplate;

/**
 * The method's layout worked out on a background thread from the map as it was when Lay out was chosen (a
 * {@link MapDocument} is immutable, so the snapshot is safe there), then applied on the JavaFX thread as one undo
 * step, so that laying out a large map never freezes the window. The map may change meanwhile (the person goes on
 * editing, or a shared map's changes arrive): the layout is then applied only to what is still as it was — an
 * element removed meanwhile is left out, one moved or resized meanwhile keeps its newer place — and the status line
 * says how many were left as they are. One layout runs at a time.
 */
final class BackgroundLayout {

    private final MapViewModel vm;
    /** Until the window says otherwise, both run at once (view-model tests, and the CLI has no window). */
    private Executor worker = Runnable::run;
    private Executor fx = Runnable::run;
    private boolean running;
    private boolean stopped;

    BackgroundLayout(MapViewModel vm) {
        this.vm = vm;
    }

    /** Where layouts are worked out ({@code worker}) and where their results are applied (the JavaFX thread). */
    void runOn(Executor worker, Executor fx) {
        this.worker = Objects.requireNonNull(worker);
        this.fx = Objects.requireNonNull(fx);
    }

    /** Whether a layout has been started and not yet applied (call on the JavaFX thread). */
    boolean running() {
        return running;
    }

    /** From now on a layout still on its way is dropped (the window is closing). */
    void stop() {
        stopped = true;
    }

    /**
     * Starts laying out {@code snapshot} ({@code nodes} only, or all when empty); call on the JavaFX thread.
     * Returns false, with the reason in the status line, when another layout is still running.
     */
    boolean start(MethodTemplate template, MapDocument snapshot, Set<String> nodes, String summary) {
        if (running) {
            vm.setStatus(Ui.text("map.status.layout-running"));
            return false;
        }
        running = true;
        vm.setStatus(Ui.text("map.status.laying-out"));
        worker.execute(() -> {
            ChangeSet layout;
            try {
                layout = template.layout(snapshot, nodes);
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    running = false;
                    vm.setStatus(Ui.text("map.status.not-done", e.getMessage()));
                });
                return;
            }
            fx.execute(() -> finish(snapshot, layout, summary));
        });
        return true;
    }

    private void finish(MapDocument snapshot, ChangeSet layout, String summary) {
        running = false;
        if (stopped) {
            return;
        }
        MapDocument now = vm.document();
        List<Change> kept = now == snapshot ? layout.changes() : stillAsItWas(snapshot, now, layout.changes());
        int left = layout.changes().size() - kept.size();
        boolean applied = vm.apply(summary, kept);
        if (applied && left > 0) {
            vm.setStatus(Ui.text("map.status.layout-partly", summary, left));
        } else if (!applied && kept.isEmpty()) {
            vm.setStatus(Ui.text(layout.changes().isEmpty() ? "map.status.layout-nothing" : "map.status.layout-outdated"));
        }
    }

    /**
     * The layout's changes whose element is still there with the place and size it had in the snapshot, and those
     * to the map itself (the ceiling's height): the layout is the older intent, so whatever was done to an element
     * since it began stays.
     */
    static List<Change> stillAsItWas(MapDocument snapshot, MapDocument now, List<Change> changes) {
        List<Change> kept = new ArrayList<>();
        for (Change c : changes) {
            String id = c.elementId();
            if (id == null) {
                kept.add(c);
                continue;
            }
            Element before = snapshot.element(id), after = now.element(id);
            if (before != null && after != null && before.geometry().equals(after.geometry())) {
                kept.add(c);
            }
        }
        return kept;
    }
}
