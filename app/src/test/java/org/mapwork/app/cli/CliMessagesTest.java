package org.mapwork.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The command's messages: both languages hold the same keys, every key the sources name, and --lang picks one. */
class CliMessagesTest {

    private static final Pattern KEY_IN_SOURCE = Pattern.compile("(?:text|failure|usageError)\\((?:[A-Za-z.]+, )?\"([a-z][a-z.-]*[a-z])\"");

    @TempDir
    Path dir;

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CliMessagesTest.class.getResourceAsStream("/org/mapwork/app/cli/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void englishAndSpanishHoldTheSameKeysAndTheSamePlaceholders() throws IOException {
        Properties en = load("messages.properties");
        Properties es = load("messages_es.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(es.stringPropertyNames()));
        assertTrue(en.size() > 40, "the bundle is loaded: " + en.size());
        Pattern placeholder = Pattern.compile("%[-0-9]*[sdn]");
        for (String key : en.stringPropertyNames()) {
            assertEquals(placeholder.matcher(en.getProperty(key)).results().map(java.util.regex.MatchResult::group).toList(),
                    placeholder.matcher(es.getProperty(key)).results().map(java.util.regex.MatchResult::group).toList(), key);
        }
    }

    @Test
    void everyKeyTheCommandsNameIsInTheBundle() throws IOException {
        Properties en = load("messages.properties");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/mapwork/app"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_SOURCE.matcher(Files.readString(f));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertTrue(named.size() > 30, "found the keys in the sources: " + named);
        named.removeIf(en::containsKey);
        assertEquals(Set.of(), named, "keys named in the sources but missing from messages.properties");
    }

    @Test
    void aSpanishRunSpeaksSpanishAndAnEnglishOneEnglish() throws Exception {
        Path f = dir.resolve("arbol.mapwork.json");
        Run made = run(new NewCommand(), "--method", "problem-tree", "--example", "--lang", "es", "-o", f.toString());
        assertEquals(0, made.code(), made.err());
        // new's --lang is the map's language, as it always was; its messages speak the system's
        assertTrue(made.out().startsWith("wrote " + f + ": example problem-tree map \"Enfermedades"), made.out());

        Run es = run(new InfoCommand(), "--lang", "es", f.toString());
        assertEquals(0, es.code(), es.err());
        assertTrue(es.out().contains("Título:      ") && es.out().contains("Método:      Árbol de problemas (problem-tree)")
                && es.out().contains("Nodos:       "), es.out());
        Run en = run(new InfoCommand(), "--lang", "en", f.toString());
        assertTrue(en.out().contains("Title:       ") && en.out().contains("Method:      Problem tree (problem-tree)"), en.out());

        Run check = run(new CheckCommand(), "--lang", "es", f.toString());
        assertEquals(0, check.code(), check.out() + check.err());
        assertTrue(check.out().contains("0 error(es), 0 aviso(s), 0 nota(s)"), check.out());

        Run layout = run(new LayoutCommand(), "--lang", "es", f.toString(), "-o", f.toString(), "--only", "nada");
        assertEquals(1, layout.code());
        assertEquals(f + ": --only: \"nada\" no es un nodo de este mapa", layout.err().strip());
    }

    @Test
    void anUnknownLanguageIsAUsageErrorAndTheSystemsLanguageIsSpanishOnlyWhenItIsSpanish() {
        Run fr = run(new MethodsCommand(), "--lang", "fr");
        assertEquals(ExitCodes.USAGE, fr.code());
        assertEquals("--lang: expected en or es, got \"fr\"", fr.err().strip());
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("es-MX"));
            assertEquals("es", CliOptions.systemLocale().getLanguage());
            Run es = run(new MethodsCommand());
            assertTrue(es.out().contains("Teoría del cambio"), es.out());
            Locale.setDefault(Locale.forLanguageTag("pl-PL"));
            assertEquals(Locale.ENGLISH, CliOptions.systemLocale());
        } finally {
            Locale.setDefault(before);
        }
        assertNotEquals(CliOptions.text(Locale.ENGLISH, "info.title", "x"), CliOptions.text(Locale.forLanguageTag("es"), "info.title", "x"));
    }
}
