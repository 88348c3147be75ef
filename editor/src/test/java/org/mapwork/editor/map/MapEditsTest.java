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

    @Test
    void an_undo_that_keeps_someone_elses_newer_change_says_so() {
        vm.selection().select(List.of("a", "b"));
        assertTrue(vm.edits().nudgeSelection(10, 0));
        // another device moves "a" again since (its change set arrives stamped by its actor)
        var other = session.document().element("a").geometry().movedBy(0, 50);
        org.mapwork.model.Change theirs = org.mapwork.model.Change.setGeometry("a", other)
                .withStamp(new org.mapwork.model.Stamp("dev-other", 1));
        session.applyRemote(new org.mapwork.model.ChangeSet(List.of(theirs), "Move", java.time.Instant.now()));
        String mine = session.history().undoSummary().orElseThrow();
        assertTrue(vm.edits().undo());
        assertEquals(other, session.document().element("a").geometry(), "the other person's newer move stays");
        assertEquals(TestMaps.threeActors().document().element("b").geometry(), session.document().element("b").geometry(),
                "my own move of b is undone");
        assertEquals("Undone: " + mine + " (kept one newer change by someone else)", vm.status());
    }
}
