package org.mapwork.editor.start;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.model.MapSession;
import org.mapwork.templates.MethodTemplate;

/**
 * A map open for editing: its session (the one write path), its method, where it is kept, and what the window
 * shows about saving. For a map in the library "Saved" appears only once the library has made the last change
 * durable; a map that is only in memory says so.
 *
 * @param session  the session
 * @param template its method, or null when unknown
 * @param file     the file it was opened from or last saved as, or null
 * @param keeping  how its work is kept
 */
public record OpenedMap(MapSession session, MethodTemplate template, Path file, Keeping keeping) {

    /** How a map's work is kept, for the status bar. */
    public interface Keeping {
        /** A short text: "Saved", "Saving…", "Not saved: use Save As", or a problem. */
        String state();

        boolean saved();

        /** Calls back (on any thread) when the state may have changed. */
        void onChange(Consumer<String> listener);

        /** Stops keeping (the window closed); waits for pending writes. */
        void close();
    }

    /** For a map held only in memory (no library): nothing is kept unless saved as a file. */
    public static Keeping inMemory() {
        return new Keeping() {
            @Override
            public String state() {
                return Ui.text("start.keeping.memory");
            }

            @Override
            public boolean saved() {
                return false;
            }

            @Override
            public void onChange(Consumer<String> listener) {
            }

            @Override
            public void close() {
            }
        };
    }

    public OpenedMap withFile(Path newFile) {
        return new OpenedMap(session, template, newFile, keeping);
    }
}
