package org.mapwork.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mapwork methods}: the methods Mapwork offers, one line each. */
@Command(name = "methods", mixinStandardHelpOptions = true, description = "List the workshop methods with a line on each.")
public final class MethodsCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|es", description = "Language (default: ${DEFAULT-VALUE}).")
    String lang;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!lang.equals("en") && !lang.equals("es")) {
            spec.commandLine().getErr().println("--lang: expected en or es, got \"" + lang + '"');
            return 2;
        }
        Locale l = Locale.forLanguageTag(lang);
        int width = Methods.all().stream().mapToInt(m -> m.id().length()).max().orElse(10);
        for (MethodTemplate m : Methods.all()) {
            out.println(String.format("%-" + width + "s  %s: %s", m.id(), m.displayName(l), m.description(l)));
        }
        return 0;
    }
}
