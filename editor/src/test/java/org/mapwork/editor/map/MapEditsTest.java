package org.mapwork.editor.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.model.MapSession;

/** The generic edits speak the user's language in the history and the status line. */
class MapEditsTest {

    private final MapSession session = TestMaps.threeActors();
    private final MapViewModel vm = TestMaps.viewModel(session);

    @AfterEach
    void english() {
        Ui.setLocale(Locale.ENGLISH);
    }

    @Test
    void the_edits_undo_summaries_are_in_the_language_chosen() {
        Ui.setLocale(Locale.forLanguageTag("es"));
        vm.selection().select(List.of("a", "b"));
        assertTrue(vm.edits().nudgeSelection(10, 0));
        assertEquals("Mover", session.history().undoSummary().orElseThrow());
        assertTrue(vm.edits().undo());
        assertEquals("Deshecho: Mover", vm.status());
        assertTrue(vm.edits().setTitle("Mapa del barrio"));
        assertEquals("Cambiar el nombre del mapa", vm.status());
        assertEquals("Mover 2 elementos", moved());
    }

    private String moved() {
        vm.selection().select(List.of("a", "b"));
        vm.edits().commitMove(List.of("a", "b"), TestMaps.geometries(session.document()), 20, 0);
        return session.history().undoSummary().orElseThrow();
    }
}
