package org.mapwork.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;

class StartersTest {

    static final Locale ES = Locale.forLanguageTag("es");

    static Stream<Arguments> methodsAndLanguages() {
        return Methods.all().stream().flatMap(m -> Stream.of(Arguments.of(m.id(), Locale.ENGLISH), Arguments.of(m.id(), ES)));
    }

    @Test
    void allSevenMethodsAreListedInStartScreenOrder() {
        assertEquals(List.of("problem-tree", "fishbone", "rich-picture", "net-map", "power-interest", "theory-of-change",
                "action-plan"), Methods.all().stream().map(MethodTemplate::id).toList());
        assertEquals(Methods.all().size(), Methods.schemas().methodIds().size());
    }

    @ParameterizedTest
    @MethodSource("methodsAndLanguages")
    void emptyStarterRoundTripsThroughTheNativeFormat(String id, Locale lang) throws Exception {
        MethodTemplate m = Methods.byId(id).orElseThrow();
        MapDocument doc = m.starter(false, lang);
        assertEquals(id, doc.methodId());
        MapDocument back = new MapJsonReader(Methods.schemas()).read("starter", MapJson.toJson(doc));
        assertEquals(doc, back);
        assertEquals(MapJson.toJson(doc), MapJson.toJson(back));
    }

    @ParameterizedTest
    @MethodSource("methodsAndLanguages")
    void everyStarterGetsItsOwnMapId(String id, Locale lang) {
        MethodTemplate m = Methods.byId(id).orElseThrow();
        assertNotEquals(m.starter(false, lang).id(), m.starter(false, lang).id());
    }

    @ParameterizedTest
    @MethodSource("methodsAndLanguages")
    void stepsAndNamesHaveTextsInBothLanguages(String id, Locale lang) {
        MethodTemplate m = Methods.byId(id).orElseThrow();
        assertFalse(m.displayName(lang).isBlank());
        assertFalse(m.description(lang).isBlank());
        assertFalse(m.steps(lang).isEmpty());
        for (FacilitationStep s : m.steps(lang)) {
            for (String text : List.of(s.title(), s.question(), s.whatToAdd())) {
                assertFalse(text.startsWith("["), () -> id + " step " + s.id() + " lacks a text: " + text);
            }
            assertTrue(s.timeBox().toMinutes() > 0);
        }
    }
}
