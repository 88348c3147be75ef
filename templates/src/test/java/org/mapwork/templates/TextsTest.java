package org.mapwork.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.mapwork.model.schema.AttributeDef;
import org.mapwork.model.schema.ElementType;

class TextsTest {

    @Test
    void spanishAndEnglishBundlesHaveTheSameKeysAndSpanishIsTranslated() {
        for (MethodTemplate m : Methods.all()) {
            ResourceBundle en = m.texts(Locale.ENGLISH), es = m.texts(Examples.ES);
            assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(es.keySet()), m.id());
            long same = en.keySet().stream().filter(k -> en.getString(k).equals(es.getString(k))).count();
            // a few words are the same in both languages (Actor, neutral, Id)
            assertTrue(same < en.keySet().size() / 10, m.id() + ": " + same + " untranslated texts");
            assertNotEquals(en.getString("method.name"), es.getString("method.name"));
        }
    }

    @Test
    void englishIsReadWhateverTheMachinesLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Examples.ES);
            assertEquals("Theory of change", Methods.byId("theory-of-change").orElseThrow().displayName(Locale.ENGLISH));
            assertEquals("Teoría del cambio", Methods.byId("theory-of-change").orElseThrow().displayName(Examples.ES));
            assertEquals("Theory of change", Methods.byId("theory-of-change").orElseThrow().displayName(Locale.FRENCH));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void everyTypeAttributeAndOptionHasADisplayName() {
        for (MethodTemplate m : Methods.all()) {
            ResourceBundle en = m.texts(Locale.ENGLISH);
            var types = new java.util.ArrayList<ElementType>();
            types.addAll(m.schema().nodeTypes().values());
            types.addAll(m.schema().linkTypes().values());
            types.addAll(m.schema().annotationTypes().values());
            for (ElementType t : types) {
                assertTrue(en.containsKey("type." + t.name()), m.id() + " type." + t.name());
                for (AttributeDef a : t.attributes()) {
                    assertTrue(en.containsKey("attr." + a.name()), m.id() + " attr." + a.name());
                    a.columns().forEach(c -> assertTrue(en.containsKey("attr." + c.name()), m.id() + " attr." + c.name()));
                    a.options().forEach(o -> assertTrue(en.containsKey("option." + a.name() + "." + o), m.id() + " option." + a.name() + "." + o));
                }
            }
            for (AttributeDef a : m.schema().mapAttributes().values()) {
                assertTrue(en.containsKey("attr." + a.name()), m.id() + " map attr." + a.name());
                a.options().forEach(o -> assertTrue(en.containsKey("option." + a.name() + "." + o), m.id() + " option." + a.name() + "." + o));
            }
        }
    }
}
