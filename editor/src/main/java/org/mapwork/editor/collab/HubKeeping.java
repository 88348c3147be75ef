package org.mapwork.editor.collab;

import java.util.function.Consumer;

import org.mapwork.collab.net.HubClient;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.start.OpenedMap;

/** How a joined map's work is kept: by the hub, in its host's library; changes not yet confirmed wait here. */
final class HubKeeping implements OpenedMap.Keeping {

    private final HubClient client;

    HubKeeping(HubClient client) {
        this.client = client;
    }

    @Override
    public String state() {
        int waiting = client.core().pending();
        return waiting == 0 ? Ui.text("collab.keeping.hub") : Ui.text("collab.keeping.waiting", waiting);
    }

    @Override
    public boolean saved() {
        return client.core().pending() == 0;
    }

    @Override
    public void onChange(Consumer<String> listener) {
        client.onState(s -> listener.accept(state()));
        client.core().session().addListener(e -> listener.accept(state()));
    }

    @Override
    public void close() {
    }
}
