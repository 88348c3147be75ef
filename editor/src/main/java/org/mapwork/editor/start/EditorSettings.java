package org.mapwork.editor.start;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;

/**
 * What the editor remembers between runs about how the person likes it (the language it speaks) and who they are
 * on this device (their actor id and the name others see when they share a map), in a small
 * properties file beside the library ({@code editor-settings.properties} in the library's directory), so that a
 * library moved or named with {@code --library} or {@code MAPWORK_HOME} carries its settings along and tests point
 * both at a folder of their own. Without a library nothing is written: the settings last as long as the run.
 *
 * <p>A settings file that cannot be read or written never stops the editor: it starts with the defaults, and the
 * reason goes to the error stream.
 */
public final class EditorSettings {

    /** The file's name in the library directory. */
    public static final String FILE_NAME = "editor-settings.properties";

    private static final String LANGUAGE = "language";
    private static final String ACTOR = "actor";
    private static final String NAME = "name";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Path file;
    private final Properties values = new Properties();

    private EditorSettings(Path file) {
        this.file = file;
    }

    /** The settings kept in {@code file} (read now if it exists; written on every change). */
    public static EditorSettings at(Path file) {
        EditorSettings s = new EditorSettings(file);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                s.values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("could not read the editor's settings " + file + ": " + e.getMessage());
            }
        }
        return s;
    }

    /** The settings of the library in {@code directory}. */
    public static EditorSettings inLibrary(Path directory) {
        return at(directory.resolve(FILE_NAME));
    }

    /** Settings that last as long as the run (no library). */
    public static EditorSettings inMemory() {
        return new EditorSettings(null);
    }

    /** Where the settings are kept, or null when only in memory. */
    public Path file() {
        return file;
    }

    /** The editor's language: the one chosen last, English when none was. */
    public Locale language() {
        String tag = values.getProperty(LANGUAGE, "");
        return tag.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(tag);
    }

    /** Remembers the editor's language. */
    public synchronized void setLanguage(Locale language) {
        values.setProperty(LANGUAGE, language.toLanguageTag());
        save();
    }

    /**
     * The id of the person editing on this device: every change they make is stamped with it, so a hub tells their
     * changes from everyone else's and undo undoes only theirs. Made once ({@code dev-} and 64 random bits) and kept;
     * with a library, the library's own actor is adopted first (see {@link #adoptActor}), so maps in the library and
     * maps outside it carry the same id.
     */
    public synchronized String actor() {
        String a = values.getProperty(ACTOR, "");
        if (a.isBlank()) {
            a = "dev-" + Long.toHexString(RANDOM.nextLong() | Long.MIN_VALUE);
            values.setProperty(ACTOR, a);
            save();
        }
        return a;
    }

    /** Keeps {@code libraryActor} as this device's actor, unless one is kept already (which then stays). */
    public synchronized String adoptActor(String libraryActor) {
        if (values.getProperty(ACTOR, "").isBlank() && libraryActor != null && !libraryActor.isBlank()) {
            values.setProperty(ACTOR, libraryActor);
            save();
        }
        return actor();
    }

    /** The person's name as others see it on a shared map; empty until they gave one. */
    public synchronized String personName() {
        return values.getProperty(NAME, "");
    }

    /** Remembers the person's name (trimmed; at most 60 characters). */
    public synchronized void setPersonName(String name) {
        String n = name == null ? "" : name.strip();
        values.setProperty(NAME, n.length() > 60 ? n.substring(0, 60) : n);
        save();
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            // written beside and moved into place, so a crash never leaves half a file
            Path next = file.resolveSibling(file.getFileName() + ".new");
            try (Writer w = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                values.store(w, "Mapwork editor settings");
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("could not keep the editor's settings in " + file + ": " + e.getMessage());
        }
    }
}
