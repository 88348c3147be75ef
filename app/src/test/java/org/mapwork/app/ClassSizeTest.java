package org.mapwork.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The project's rule that no class in any module's {@code src/main} grows past {@value #LIMIT} lines, checked over the
 * sources of every module (the app's tests run in {@code app/}, so the modules are its siblings). A class of that size
 * holds more than one job; split it by responsibility.
 */
class ClassSizeTest {

    static final int LIMIT = 600;

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void noClassInAnyModuleIsLongerThanTheLimit() throws IOException {
        Map<String, Integer> sizes = sizesOfMainSources();
        assertTrue(sizes.size() > 100, "found the modules' sources under " + ROOT + ": " + sizes.size() + " files");
        List<String> offenders = new ArrayList<>();
        sizes.forEach((file, lines) -> {
            if (lines > LIMIT) {
                offenders.add(file + ": " + lines + " lines");
            }
        });
        assertEquals(List.of(), offenders, "classes over " + LIMIT + " lines; split them by responsibility");
    }

    /** Lines of every Java file under {@code MODULE/src/main/java}, keyed by its path from the project's root. */
    private static Map<String, Integer> sizesOfMainSources() throws IOException {
        Map<String, Integer> sizes = new TreeMap<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        sizes.put(ROOT.relativize(file).toString().replace('\\', '/'), lineCount(file));
                    }
                }
            }
        }
        return sizes;
    }

    private static int lineCount(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return (int) lines.count();
        }
    }
}
