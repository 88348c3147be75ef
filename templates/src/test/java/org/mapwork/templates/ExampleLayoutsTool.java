package org.mapwork.templates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.mapwork.model.ChangeEngine;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;

/**
 * Not a test: tools for the examples, run on demand.
 * {@code -Dmapwork.relayoutExamples=true} applies each method's auto-layout to its bundled examples and writes them
 * back (after {@code python3 templates/tools/examples.py}); {@code -Dmapwork.sketch=true} writes rough SVG sketches
 * of every example to {@code target/sketches} for looking at.
 */
class ExampleLayoutsTool {

    @Test
    @EnabledIfSystemProperty(named = "mapwork.relayoutExamples", matches = "true")
    void relayoutTheBundledExamples() throws Exception {
        for (MethodTemplate m : Methods.all()) {
            for (Locale lang : new Locale[]{Locale.ENGLISH, Examples.ES}) {
                MapDocument doc = Examples.readSource(m.id(), lang);
                MapDocument laidOut = ChangeEngine.apply(doc, m.schema(), m.layout(doc, Set.of())).after();
                MapJson.writeFile(laidOut, Examples.sourceFile(m.id(), lang));
            }
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "mapwork.sketch", matches = "true")
    void sketchEveryExample() throws Exception {
        Path dir = Path.of("target/sketches");
        Files.createDirectories(dir);
        for (MethodTemplate m : Methods.all()) {
            for (Locale lang : new Locale[]{Locale.ENGLISH, Examples.ES}) {
                MapDocument doc = Examples.example(m.id(), lang);
                Files.writeString(dir.resolve(m.id() + "_" + lang.getLanguage() + ".svg"), SketchSvg.render(doc, m.presentation()));
                Files.writeString(dir.resolve(m.id() + "_" + lang.getLanguage() + "_empty.svg"),
                        SketchSvg.render(m.starter(false, lang), m.presentation()));
            }
        }
    }
}
