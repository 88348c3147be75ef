package org.mapwork.export.paint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Font;

import org.junit.jupiter.api.Test;

class TextWrapperTest {

    @Test
    void summedAdvancesMatchWhatJava2dLaysOut() {
        for (boolean bold : new boolean[] {false, true}) {
            Font font = MapFonts.font(bold, 12f);
            for (String s : new String[] {"Warehouse Workers Union", "Temp staffing agency \"QuickHire\" & partners",
                    "Ministère du Travail — Δ Ω Ж", "AVAWAY Tj fi ffl 0123456789", "Trabajadores temporales: ¿quién decide?"}) {
                double expected = font.getStringBounds(s, MapFonts.MEASURING).getWidth();
                assertEquals(expected, TextWrapper.width(font, s, 0, s.length()), 0.01, s);
            }
        }
    }

    @Test
    void complexScriptsAreMeasuredWhole() {
        Font font = MapFonts.font(false, 12f);
        String arabic = "العمال المؤقتون";
        assertEquals(font.getStringBounds(arabic, MapFonts.MEASURING).getWidth(), TextWrapper.width(font, arabic, 0, arabic.length()), 1e-9);
    }
}
