package org.mapwork.editor.start;

import java.time.Instant;
import java.util.List;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.model.MapDocument;

/**
 * Where maps live between sessions: the local library, seen from the editor. The start screen lists its recent maps;
 * new and imported maps go into it, so work is kept without pressing Save.
 */
public interface Shelf {

    /** One map in the list of recent maps. */
    record Entry(String id, String title, String methodId, Instant modified, String place) {
    }

    /** Recent maps, most recently changed first. */
    List<Entry> recent();

    /** Puts a new map on the shelf and opens it for editing. */
    OpenedMap create(MapDocument doc);

    /** Opens a map from the shelf for editing. */
    OpenedMap open(String id);

    /**
     * The shared maps this device holds (joined through a hub, kept with their outbox), newest first; {@code place}
     * is the hub's address (host and port). They are opened through their hub, not with {@link #open}.
     */
    default List<Entry> shared() {
        return List.of();
    }

    /** A short description for the start screen, e.g. the library's folder. */
    String describe();

    /** A shelf that keeps nothing: maps live in memory and in the files they are saved as. */
    static Shelf none() {
        return none(EditorSettings.inMemory());
    }

    /** As {@link #none()}, its maps edited by the person of {@code settings} ({@link EditorSettings#actor()}). */
    static Shelf none(EditorSettings settings) {
        return new Shelf() {
            @Override
            public List<Entry> recent() {
                return List.of();
            }

            @Override
            public OpenedMap create(MapDocument doc) {
                return Maps.inMemory(doc, settings.actor());
            }

            @Override
            public OpenedMap open(String id) {
                throw new IllegalArgumentException("no library is open");
            }

            @Override
            public String describe() {
                return Ui.text("start.shelf.none");
            }
        };
    }
}
