package org.mapwork.app.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mapwork methods}: the methods Mapwork offers, one line each, in the command's language. */
@Command(name = "methods", description = "List the workshop methods with a line on each.")
public final class MethodsCommand implements Callable<Integer> {

    @Mixin
    CliOptions cli;

    @Override
    public Integer call() {
        return cli.run((out, err) -> {
            Locale l = cli.locale();
            int width = Methods.all().stream().mapToInt(m -> m.id().length()).max().orElse(10);
            for (MethodTemplate m : Methods.all()) {
                out.println(String.format("%-" + width + "s  %s: %s", m.id(), m.displayName(l), m.description(l)));
            }
            return ExitCodes.OK;
        });
    }
}
