package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the screen-language scan counts as belonging to no language: numbers, keys, file names. */
class KnownTextsTest {

    @Test
    void numbers_keys_and_file_names_are_neutral() {
        for (String t : new String[] {"100 %", "Ctrl+Shift+L", "F1", "3:00", ".png", "*.svg",
                "target/no-such-map.mapwork.json", "informe.md"}) {
            assertTrue(KnownTexts.neutral(t), t);
        }
    }

    @Test
    void words_are_not_neutral() {
        for (String t : new String[] {"Close", "Cancelar", "etc.", "Export…", "PNG image", "no such file"}) {
            assertFalse(KnownTexts.neutral(t), t);
        }
    }
}
