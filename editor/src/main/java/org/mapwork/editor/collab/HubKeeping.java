package org.mapwork.editor.collab;

import java.util.function.Consumer;

import org.mapwork.collab.KeptMap;
import org.mapwork.collab.net.HubClient;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.start.OpenedMap;

/**
 * How a joined map's work is kept: by the hub; changes not yet confirmed wait here, and are kept on this device
 * only when its library keeps the map ({@link KeptMap#isKept()}). Closing runs the joined map's close.
 */
final class HubKeeping implements OpenedMap.Keeping {

    private final HubClient client;
    private final KeptMap kept;
    private final Runnable onClose;

    HubKeeping(Joined joined) {
        this.client = joined.client();
        this.kept = joined.kept();
        this.onClose = joined.onClose();
    }

    @Override
    public String state() {
        int waiting = client.core().pending();
        if (waiting == 0) {
            return Ui.text("collab.keeping.hub");
        }
        return kept != null && kept.isKept() ? Ui.text("collab.keeping.device", waiting)
                : Ui.text("collab.keeping.waiting", waiting);
    }

    @Override
    public boolean saved() {
        return client.core().pending() == 0;
    }

    @Override
    public void onChange(Consumer<String> listener) {
        client.onState(s -> listener.accept(state()));
        client.core().session().addListener(e -> {
            listener.accept(state());
            if (kept != null) {
                kept.whenKept().whenComplete((v, x) -> listener.accept(state()));
            }
        });
    }

    @Override
    public void close() {
        onClose.run();
    }
}
