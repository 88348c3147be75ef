package org.mapwork.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.templates.Methods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mapwork info FILE}: what a map is, in a few lines. */
@Command(name = "info",
        description = "Show a map's title, method and how many nodes, links and annotations it has.")
public final class InfoCommand implements Callable<Integer> {

    @Mixin
    private CliOptions cli;

    @Parameters(paramLabel = "FILE", description = "A map file (.mapwork.json).")
    private Path file;

    @Override
    public Integer call() {
        return cli.run((out, err) -> {
            MapDocument doc;
            try {
                doc = MapFiles.read(cli, file);
            } catch (MapFormatException e) {
                throw cli.failure(ExitCodes.INVALID_INPUT, "error.prefixed", cli.commandName(), e.getMessage());
            }
            String method = Methods.byId(doc.methodId()).map(m -> m.displayName(cli.locale()) + " (" + doc.methodId() + ")")
                    .orElse(doc.methodId());
            out.println(cli.text("info.title", doc.title()));
            out.println(cli.text("info.method", method));
            out.println(cli.text("info.id", doc.id()));
            out.println(cli.text("info.created", doc.created()));
            out.println(cli.text("info.nodes", doc.nodes().count()));
            out.println(cli.text("info.links", doc.links().count()));
            out.println(cli.text("info.annotations", doc.annotations().count()));
            return ExitCodes.OK;
        });
    }
}
