package org.mapwork.editor.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;
import org.mapwork.templates.Methods;

/** The start screen: new maps from methods, opening files (bad ones say why and change nothing), importing. */
class StartViewModelTest {

    /** A shelf that remembers what was put on it. */
    private static final class RecordingShelf implements Shelf {
        final List<MapDocument> created = new ArrayList<>();

        @Override
        public List<Entry> recent() {
            return created.stream().map(d -> new Entry(d.id(), d.title(), d.methodId(), d.created(), "")).toList();
        }

        @Override
        public OpenedMap create(MapDocument doc) {
            created.add(doc);
            return Maps.inMemory(doc, "test-actor");
        }

        @Override
        public OpenedMap open(String id) {
            return Maps.inMemory(created.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(), "test-actor");
        }

        @Override
        public String describe() {
            return "test shelf";
        }
    }

    @AfterEach
    void theEditorSpeaksEnglishAgain() {
        // choosing a language sets the editor's (a global): the next test starts from English
        Ui.setLocale(Locale.ENGLISH);
    }

    @Test
    void every_method_is_offered_in_english_and_spanish() {
        StartViewModel vm = new StartViewModel(new RecordingShelf());
        assertEquals(Methods.all().size(), vm.methods().size());
        String english = vm.methods().get(0).name();
        vm.setLanguage(Locale.forLanguageTag("es"));
        assertNotEquals(english, vm.methods().get(0).name());
    }

    @Test
    void a_new_example_goes_onto_the_shelf_in_the_chosen_language() {
        RecordingShelf shelf = new RecordingShelf();
        StartViewModel vm = new StartViewModel(shelf);
        vm.setLanguage(Locale.forLanguageTag("es"));
        OpenedMap map = vm.newMap("theory-of-change", true);
        assertEquals(1, shelf.created.size());
        assertTrue(map.session().document().size() > 5);
        assertEquals("es", ((org.mapwork.model.Value.Text) map.session().document().mapAttribute("language")).value());
    }

    @Test
    void a_broken_file_yields_the_readers_message_and_nothing_reaches_the_shelf(@TempDir Path dir) throws Exception {
        RecordingShelf shelf = new RecordingShelf();
        StartViewModel vm = new StartViewModel(shelf);
        Path bad = dir.resolve("broken.mapwork.json");
        Files.writeString(bad, "{\"format\": \"mapwork\", \"version\": 1, \"id\": \"m-1\", \"title\": \"x\","
                + " \"method\": \"net-map\", \"created\": \"2026-01-01T00:00:00Z\", \"elements\": [{\"id\": 3}]}");
        StartViewModel.Opening o = vm.openFile(bad);
        assertFalse(o.ok());
        assertTrue(o.problem().contains("broken.mapwork.json"), o.problem());
        assertTrue(o.problem().contains("elements[0]"), "names where: " + o.problem());
        assertTrue(shelf.created.isEmpty());
    }

    @Test
    void a_good_file_opens_as_a_kept_copy_that_remembers_the_file(@TempDir Path dir) throws Exception {
        RecordingShelf shelf = new RecordingShelf();
        StartViewModel vm = new StartViewModel(shelf);
        MapDocument doc = Methods.byId("net-map").orElseThrow().starter(true, Locale.ENGLISH);
        Path file = dir.resolve("power" + MapJson.EXTENSION);
        MapJson.writeFile(doc, file);
        StartViewModel.Opening o = vm.openFile(file);
        assertTrue(o.ok(), o.problem());
        assertEquals(file, o.map().file());
        assertEquals(List.copyOf(doc.elements()), List.copyOf(o.map().session().document().elements()));
        // opening it again makes a second copy under a new id rather than clashing with the first
        StartViewModel.Opening again = vm.openFile(file);
        assertNotEquals(o.map().session().document().id(), again.map().session().document().id());
        assertEquals(2, shelf.created.size());
    }

    @Test
    void every_offered_language_is_named_as_the_jdk_names_it_in_that_language() {
        for (Locale l : new StartViewModel(new RecordingShelf()).languages()) {
            assertEquals(l.getDisplayLanguage(l), StartViewModel.languageName(l), l.toLanguageTag());
        }
    }
}
