package org.mapwork.templates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJsonReader;

/** The bundled worked examples, for tests. */
final class Examples {

    static final Locale ES = Locale.forLanguageTag("es");

    private Examples() {
    }

    static Stream<Arguments> all() {
        return Methods.all().stream().flatMap(m -> Stream.of(Arguments.of(m.id(), Locale.ENGLISH), Arguments.of(m.id(), ES)));
    }

    static MethodTemplate method(String id) {
        return Methods.byId(id).orElseThrow();
    }

    static MapDocument example(String id, Locale lang) {
        return method(id).starter(true, lang);
    }

    /** The example's source file in this module (tests run with the module as working directory). */
    static Path sourceFile(String methodId, Locale lang) {
        String pkg = method(methodId).getClass().getPackageName().replace('.', '/');
        return Path.of("src/main/resources", pkg, "example_" + lang.getLanguage() + ".mapwork.json");
    }

    static MapDocument readSource(String methodId, Locale lang) throws Exception {
        Path p = sourceFile(methodId, lang);
        if (!Files.exists(p)) {
            throw new IllegalStateException("no " + p.toAbsolutePath());
        }
        return new MapJsonReader(Methods.schemas()).read(p);
    }
}
