package org.mapwork.editor.collab;

import java.util.Objects;

import org.mapwork.collab.KeptMap;
import org.mapwork.collab.net.HubClient;

/**
 * A shared map joined (or reopened) on this device: its started client and, when the device's library keeps it, its
 * {@link KeptMap} and what closing its window does (the connection closes, and the keeper once its writes are
 * durable). In memory only, {@code kept} is null and nothing survives a quit.
 *
 * @param client  the started client; its session is the window's
 * @param kept    what keeps the map's confirmed state and outbox in the library, or null (in memory only)
 * @param onClose what the window's closing does, on the JavaFX thread (never waits there)
 */
public record Joined(HubClient client, KeptMap kept, Runnable onClose) {

    public Joined {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(onClose, "onClose");
    }

    /** A map joined in memory only: closing the window closes the connection. */
    public static Joined inMemory(HubClient client) {
        return new Joined(client, null, client::close);
    }

    /** Whether the device's library keeps this map (its outbox survives a quit). */
    public boolean keptOnDevice() {
        return kept != null;
    }
}
