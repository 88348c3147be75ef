package org.mapwork.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.templates.Methods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mapwork info FILE}: what a map is, in a few lines. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show a map's title, method and how many nodes, links and annotations it has.")
public final class InfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "A map file (.mapwork.json).")
    private Path file;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MapDocument doc;
        try {
            doc = MapFiles.read(file);
        } catch (MapFormatException e) {
            err.println("mapwork info: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        String method = Methods.byId(doc.methodId()).map(m -> m.displayName(java.util.Locale.ENGLISH) + " (" + doc.methodId() + ")")
                .orElse(doc.methodId());
        out.printf("Title:       %s%n", doc.title());
        out.printf("Method:      %s%n", method);
        out.printf("Id:          %s%n", doc.id());
        out.printf("Created:     %s%n", doc.created());
        out.printf("Nodes:       %d%n", doc.nodes().count());
        out.printf("Links:       %d%n", doc.links().count());
        out.printf("Annotations: %d%n", doc.annotations().count());
        return ExitCodes.OK;
    }
}
