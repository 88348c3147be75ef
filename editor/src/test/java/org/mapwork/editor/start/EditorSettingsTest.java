package org.mapwork.editor.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapwork.editor.i18n.Ui;

/** The editor's settings: the language chosen is there on the next run; a bad or missing file means defaults. */
class EditorSettingsTest {

    @TempDir
    Path dir;

    @AfterEach
    void theEditorSpeaksEnglishAgain() {
        Ui.setLocale(Locale.ENGLISH);
    }

    @Test
    void the_language_chosen_is_read_back_by_the_next_run_from_the_library_directory() {
        EditorSettings first = EditorSettings.inLibrary(dir.resolve("library"));
        assertEquals(Locale.ENGLISH, first.language(), "English until a language is chosen");
        first.setLanguage(Locale.forLanguageTag("es"));

        EditorSettings next = EditorSettings.inLibrary(dir.resolve("library"));
        assertEquals(Locale.forLanguageTag("es"), next.language());
        assertEquals(dir.resolve("library").resolve(EditorSettings.FILE_NAME), next.file());
        assertTrue(Files.isRegularFile(next.file()));
    }

    @Test
    void a_start_screen_choice_is_the_editor_language_and_is_kept() {
        Path file = dir.resolve("settings.properties");
        StartViewModel vm = new StartViewModel(Shelf.none(), EditorSettings.at(file));
        vm.setLanguage(Locale.forLanguageTag("es"));
        assertEquals(Locale.forLanguageTag("es"), Ui.locale());
        assertEquals(Locale.forLanguageTag("es"), EditorSettings.at(file).language());
        assertEquals(Ui.text("start.shelf.none"), vm.shelf().describe());
        assertEquals("Sin biblioteca: los mapas quedan solo en los archivos que guardes", vm.shelf().describe());
    }

    @Test
    void without_a_library_nothing_is_written() throws IOException {
        EditorSettings memory = EditorSettings.inMemory();
        memory.setLanguage(Locale.forLanguageTag("es"));
        assertEquals(Locale.forLanguageTag("es"), memory.language());
        assertNull(memory.file());
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent());
        }
    }

    @Test
    void a_file_that_cannot_be_read_gives_the_defaults() throws IOException {
        Path file = dir.resolve("settings.properties");
        Files.write(file, new byte[] {'l', 'a', 'n', 'g', 'u', 'a', 'g', 'e', '=', '\\', 'u', 'z', 'z'});
        assertEquals(Locale.ENGLISH, EditorSettings.at(file).language());
        Files.createDirectory(dir.resolve("a-folder"));
        assertEquals(Locale.ENGLISH, EditorSettings.at(dir.resolve("a-folder")).language());
    }

    @Test
    void the_person_on_this_device_keeps_one_actor_id_and_the_name_they_gave() {
        EditorSettings first = EditorSettings.inLibrary(dir.resolve("library"));
        String actor = first.actor();
        assertTrue(actor.matches("dev-[0-9a-f]{16}"), actor);
        assertEquals("", first.personName(), "no name until the person gives one");
        first.setPersonName("  Ana  ");

        EditorSettings next = EditorSettings.inLibrary(dir.resolve("library"));
        assertEquals(actor, next.actor(), "the same id on the next run");
        assertEquals("Ana", next.personName());
        next.setPersonName("Ana M.");
        assertEquals("Ana M.", EditorSettings.inLibrary(dir.resolve("library")).personName(), "the name can be changed");
        assertFalse(actor.equals(EditorSettings.inLibrary(dir.resolve("other")).actor()), "another device, another id");
    }

    @Test
    void with_a_library_the_device_takes_the_librarys_actor_so_all_its_maps_carry_one_id() {
        EditorSettings settings = EditorSettings.inLibrary(dir.resolve("library"));
        assertEquals("a-library-actor", settings.adoptActor("a-library-actor"));
        assertEquals("a-library-actor", EditorSettings.inLibrary(dir.resolve("library")).actor());
        assertEquals("a-library-actor", settings.adoptActor("a-different-one"), "an id kept is never replaced");
        assertEquals("a-library-actor", Shelf.none(settings).create(org.mapwork.templates.Methods.byId("net-map")
                .orElseThrow().starter(false, Locale.ENGLISH)).session().actor(), "maps outside the library too");
    }
}
