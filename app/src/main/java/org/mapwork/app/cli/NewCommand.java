package org.mapwork.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mapwork new}: a new map of a method, empty or the worked example, in English or Spanish ({@code --lang}). */
@Command(name = "new",
        description = "Create a new map of a method: its empty start or its worked example.")
public final class NewCommand implements Callable<Integer> {

    @Mixin
    CliOptions cli;

    @Option(names = "--method", required = true, paramLabel = "ID", description = "The method (see 'mapwork methods').")
    String method;

    @Option(names = "--example", description = "The worked example instead of an empty map.")
    boolean example;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the map (.mapwork.json).")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Override
    public Integer call() {
        Locale language = cli.langNamesTheMap();
        return cli.run((out, err) -> {
            Optional<MethodTemplate> m = Methods.byId(method);
            if (m.isEmpty()) {
                throw cli.failure(ExitCodes.USAGE, "error.unknown-method", method, String.join(", ", Methods.schemas().methodIds()));
            }
            if (Files.exists(output) && !force) {
                throw cli.failure(ExitCodes.INVALID_INPUT, "error.exists", output);
            }
            MapDocument doc = m.get().starter(example, language);
            try {
                MapJson.writeFile(doc, output);
            } catch (IOException e) {
                throw cli.failure(ExitCodes.INVALID_INPUT, "error.cannot-write", output, e.getMessage());
            }
            out.println(cli.text(example ? "new.wrote-example" : "new.wrote-empty", output, method, doc.title(),
                    doc.nodes().count(), doc.links().count()));
            return ExitCodes.OK;
        });
    }
}
