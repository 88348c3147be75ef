package org.mapwork.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mapwork validate FILE...}: whether files are well-formed maps of their method. */
@Command(name = "validate",
        description = {"Check that map files are well-formed: the format, every element's type and attributes, every link's ends.",
                "Prints the first problem of each bad file with its place (JSON path or line). Exit 1 when any file is bad."})
public final class ValidateCommand implements Callable<Integer> {

    @Mixin
    private CliOptions cli;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Map files (.mapwork.json).")
    private List<Path> files;

    @Override
    public Integer call() {
        return cli.run((out, err) -> {
            int bad = 0;
            for (Path file : files) {
                try {
                    MapDocument doc = MapFiles.read(file);
                    out.println(cli.text("validate.ok", file, doc.methodId(), doc.size()));
                } catch (MapFormatException e) {
                    // a file of another tool is not "invalid JSON": say what it is and how to make a map of it
                    err.println(cli.text("validate.invalid", MapFiles.otherFormat(cli, file).orElse(e.getMessage())));
                    bad++;
                }
            }
            return bad == 0 ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
        });
    }
}
