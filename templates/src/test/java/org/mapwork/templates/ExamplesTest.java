package org.mapwork.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;

class ExamplesTest {

    @ParameterizedTest
    @MethodSource("org.mapwork.templates.Examples#all")
    void exampleRoundTripsThroughTheNativeFormat(String id, Locale lang) throws Exception {
        MapDocument doc = Examples.example(id, lang);
        MapDocument back = new MapJsonReader(Methods.schemas()).read("example", MapJson.toJson(doc));
        assertEquals(doc, back);
        assertEquals(MapJson.toJson(doc), MapJson.toJson(back));
    }

    @ParameterizedTest
    @MethodSource("org.mapwork.templates.Examples#all")
    void examplePassesItsOwnLiveChecks(String id, Locale lang) {
        MapDocument doc = Examples.example(id, lang);
        List<Finding> findings = Examples.method(id).check(doc);
        assertEquals(List.of(), findings, () -> id + " " + lang + " example has findings");
    }

    @ParameterizedTest
    @MethodSource("org.mapwork.templates.Examples#all")
    void exampleSpeaksItsLanguage(String id, Locale lang) {
        MapDocument doc = Examples.example(id, lang);
        assertEquals(lang.getLanguage(), ((org.mapwork.model.Value.Text) doc.mapAttribute("language")).value());
        MethodTemplate m = Examples.method(id);
        for (Element n : doc.nodes().toList()) {
            NodeLook look = m.presentation().nodeLook(doc, n);
            assertTrue(look.typeLabel() == null || !look.typeLabel().startsWith("["), look::typeLabel);
        }
        for (LegendEntry e : m.presentation().legend(doc)) {
            assertFalse(e.label().startsWith("["), e::label);
        }
        for (AnalysisReport.Table t : m.analyze(doc).tables()) {
            assertFalse(t.title().startsWith("["), t::title);
            t.columns().forEach(c -> assertFalse(c.startsWith("["), c));
        }
    }

    @ParameterizedTest
    @MethodSource("org.mapwork.templates.Examples#all")
    void noTwoLegendLinesShowTheSameSwatch(String id, Locale lang) {
        MapDocument doc = Examples.example(id, lang);
        Map<String, String> seen = new TreeMap<>();
        for (LegendEntry e : Examples.method(id).presentation().legend(doc)) {
            String swatch = e.kind() + " " + e.colour() + " " + e.shape() + " " + e.pictogram() + " " + e.dash() + " " + e.directed();
            String before = seen.put(swatch, e.label());
            assertTrue(before == null, id + " (" + lang + "): \"" + before + "\" and \"" + e.label() + "\" look the same in the legend");
        }
    }

    @Test
    void spanishExamplesAreTheEnglishMapsWithTranslatedLabels() throws Exception {
        for (MethodTemplate m : Methods.all()) {
            MapDocument en = Examples.readSource(m.id(), Locale.ENGLISH);
            MapDocument es = Examples.readSource(m.id(), Examples.ES);
            assertEquals(en.elements().stream().map(e -> e.id() + " " + e.type() + " " + e.source() + " " + e.target()).toList(),
                    es.elements().stream().map(e -> e.id() + " " + e.type() + " " + e.source() + " " + e.target()).toList(), m.id());
            Map<String, String> differing = new TreeMap<>();
            for (Element e : en.elements()) {
                if (!e.label().isEmpty() && !e.label().equals(es.element(e.id()).label())) {
                    differing.put(e.id(), e.label());
                }
            }
            long labelled = en.elements().stream().filter(e -> !e.label().isEmpty() && e.label().chars().anyMatch(Character::isLetter)).count();
            // a few labels are names that stay the same in both languages ("Ana R.")
            assertTrue(differing.size() >= labelled * 0.8, () -> m.id() + ": only " + differing.size() + " of " + labelled + " labels translated");
        }
    }

    @Test
    void emptyAndExampleNetMapsOfferTheSixDefaultLinkTypes() {
        for (Locale lang : List.of(Locale.ENGLISH, Examples.ES)) {
            for (boolean example : List.of(false, true)) {
                MapDocument doc = Examples.method("net-map").starter(example, lang);
                assertEquals(List.of("formal-authority", "funding", "information", "advice", "conflict", "partnership"),
                        List.copyOf(Examples.method("net-map").schema().linkTypesOf(doc.mapAttributes()).keySet()));
            }
        }
    }
}
