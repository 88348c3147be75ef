package org.mapwork.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What the methods offer the editor: actions with their own ids, labels in both languages and keys that differ. */
class MethodActionsTest {

    @Test
    void every_action_has_its_own_id_and_key_and_a_label_in_english_and_spanish() {
        Set<String> withActions = new HashSet<>();
        for (MethodTemplate m : Methods.all()) {
            List<MethodAction> en = m.actions(Locale.ENGLISH), es = m.actions(Examples.ES);
            assertEquals(en.stream().map(MethodAction::id).toList(), es.stream().map(MethodAction::id).toList(), m.id());
            assertEquals(en.size(), en.stream().map(MethodAction::id).distinct().count(), m.id() + " ids");
            assertEquals(en.size(), en.stream().map(a -> a.keys().shown()).distinct().count(), m.id() + " keys");
            for (int i = 0; i < en.size(); i++) {
                String label = en.get(i).label();
                assertFalse(label.startsWith("["), m.id() + ": no text for " + label);
                assertFalse(es.get(i).label().startsWith("["), m.id() + ": no Spanish for " + label);
                assertNotEquals(label, es.get(i).label(), m.id() + ": " + label + " is not translated");
            }
            if (!en.isEmpty()) {
                withActions.add(m.id());
            }
        }
        assertEquals(Set.of("net-map", "power-interest", "theory-of-change"), withActions);
    }

    @Test
    void the_hooks_are_where_the_methods_draw_them() {
        assertTrue(Examples.method("net-map").tower().isPresent());
        assertTrue(Examples.method("power-interest").tower().isPresent());
        assertTrue(Examples.method("theory-of-change").line().isPresent());
        assertTrue(Examples.method("problem-tree").tower().isEmpty());
        assertTrue(Examples.method("problem-tree").line().isEmpty());
        assertEquals(List.of("net-map"), Methods.all().stream().filter(MethodTemplate::suitsPlainNetworks)
                .map(MethodTemplate::id).toList());
    }

    @Test
    void a_stamped_pictogram_is_a_sticker_showing_it_in_one_step_and_the_schema_refuses_an_unknown_one() {
        MethodTemplate rich = Examples.method("rich-picture");
        PictogramStamp stamp = rich.pictograms().orElseThrow();
        org.mapwork.model.MapDocument doc = rich.starter(false, Examples.ES);
        var box = org.mapwork.model.Geometry.box(368, 268, 64, 64);
        org.mapwork.model.ChangeSet cs = stamp.stamp(doc, "workplace", box).orElseThrow();
        assertTrue(cs.summary().startsWith("Poner pictograma: "), cs.summary());
        var after = org.mapwork.model.ChangeEngine.apply(doc, rich.schema(), cs).after();
        var sticker = after.element(cs.changes().get(0).elementId());
        assertEquals("sticker", sticker.type());
        assertEquals(new org.mapwork.model.Value.Text("workplace"), sticker.attribute("symbol"));
        assertEquals(box, sticker.geometry());
        org.junit.jupiter.api.Assertions.assertThrows(org.mapwork.model.ChangeRejected.class, () ->
                org.mapwork.model.ChangeEngine.apply(doc, rich.schema(), stamp.stamp(doc, "no-such-pictogram", box).orElseThrow()));
        assertTrue(stamp.stamp(doc, null, box).isEmpty(), "none chosen, nothing stamped");
        assertEquals(List.of("rich-picture"), Methods.all().stream().filter(m -> m.pictograms().isPresent())
                .map(MethodTemplate::id).toList());
    }

    @Test
    void keys_match_by_name_or_by_the_character_typed_and_never_with_ctrl() {
        MethodAction.Keys plus = MethodAction.Keys.typed("+", "ADD", "+");
        assertTrue(plus.matches("ADD", "+", false, false, false), "the keypad's plus");
        assertTrue(plus.matches("EQUALS", "+", true, false, false), "Shift and = on a US keyboard");
        assertFalse(plus.matches("EQUALS", "=", false, true, false), "Ctrl+= zooms");
        assertFalse(plus.matches("ADD", "+", false, false, true));
        MethodAction.Keys altG = MethodAction.Keys.alt("G", "Alt+G");
        assertTrue(altG.matches("g", "", false, false, true));
        assertFalse(altG.matches("G", "g", false, false, false), "G alone is the grid");
        assertFalse(altG.matches("G", "", true, false, true), "Alt+Shift+G is another key");
    }
}
