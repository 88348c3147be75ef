package org.mapwork.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mapwork new}: a new map of a method, empty or the worked example, in English or Spanish. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a new map of a method: its empty start or its worked example.")
public final class NewCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--method", required = true, paramLabel = "ID", description = "The method (see 'mapwork methods').")
    String method;

    @Option(names = "--example", description = "The worked example instead of an empty map.")
    boolean example;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|es", description = "Language of the map (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the map (.mapwork.json).")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<MethodTemplate> m = Methods.byId(method);
        if (m.isEmpty()) {
            err.println("unknown method \"" + method + "\"; known: " + String.join(", ", Methods.schemas().methodIds()));
            return 2;
        }
        if (!lang.equals("en") && !lang.equals("es")) {
            err.println("--lang: expected en or es, got \"" + lang + '"');
            return 2;
        }
        if (Files.exists(output) && !force) {
            err.println(output + ": already exists; choose another name or add --force to replace it");
            return 1;
        }
        MapDocument doc = m.get().starter(example, Locale.forLanguageTag(lang));
        try {
            MapJson.writeFile(doc, output);
        } catch (IOException e) {
            err.println(output + ": cannot write: " + e.getMessage());
            return 1;
        }
        out.println("wrote " + output + ": " + (example ? "example " : "empty ") + method + " map \"" + doc.title() + "\", "
                + doc.nodes().count() + " nodes, " + doc.links().count() + " links");
        return 0;
    }
}
