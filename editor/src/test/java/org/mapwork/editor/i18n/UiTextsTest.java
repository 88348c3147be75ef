package org.mapwork.editor.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UiTextsTest {

    private static final Path BUNDLES = Path.of("src/main/resources/org/mapwork/editor/i18n");
    private static final Path SOURCES = Path.of("src/main/java");

    @AfterEach
    void english() {
        Ui.setLocale(Locale.ENGLISH);
    }

    @Test
    void every_bundle_has_a_spanish_twin_with_the_same_keys() throws IOException {
        List<Path> english = new ArrayList<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            files.filter(p -> p.getFileName().toString().matches("[a-z]+\\.properties")).forEach(english::add);
        }
        assertFalse(english.isEmpty(), "no bundles under " + BUNDLES.toAbsolutePath());
        for (Path en : english) {
            String area = en.getFileName().toString().replace(".properties", "");
            Path es = en.resolveSibling(area + "_es.properties");
            assertTrue(Files.exists(es), en + " has no Spanish twin " + es.getFileName());
            TreeSet<String> enKeys = keys(en);
            TreeSet<String> esKeys = keys(es);
            for (String k : enKeys) {
                assertTrue(k.startsWith(area + "."), en + ": key " + k + " must start with \"" + area + ".\"");
            }
            TreeSet<String> onlyEn = new TreeSet<>(enKeys);
            onlyEn.removeAll(esKeys);
            TreeSet<String> onlyEs = new TreeSet<>(esKeys);
            onlyEs.removeAll(enKeys);
            assertEquals("[] []", onlyEn + " " + onlyEs, area + ": keys only in English, keys only in Spanish");
        }
    }

    @Test
    void every_key_the_sources_name_has_a_text() throws IOException {
        Pattern call = Pattern.compile("Ui\\.text\\(\\s*\"([^\"]+)\"");
        List<String> missing = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    found++;
                    for (Locale l : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
                        Ui.setLocale(l);
                        if (!Ui.has(m.group(1))) {
                            missing.add(SOURCES.relativize(f) + ": " + m.group(1) + " (" + l + ")");
                        }
                    }
                }
            }
        }
        assertTrue(found > 0, "no Ui.text(\"...\") call found under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), missing);
    }

    @Test
    void spanish_texts_come_from_the_spanish_bundle_and_arguments_are_formatted_for_the_locale() {
        Ui.setLocale(Locale.forLanguageTag("es"));
        assertEquals("Idioma", Ui.text("start.language"));
        Ui.setLocale(Locale.ENGLISH);
        assertEquals("Language", Ui.text("start.language"));
        assertEquals("⟦start.no-such-key⟧", Ui.text("start.no-such-key"));
    }

    private static TreeSet<String> keys(Path p) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return new TreeSet<>(props.stringPropertyNames());
    }
}
