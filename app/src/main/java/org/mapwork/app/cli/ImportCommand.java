package org.mapwork.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mapwork.export.MapImporter;
import org.mapwork.export.imports.ImportContext;
import org.mapwork.export.imports.ImportResult;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJson;
import org.mapwork.templates.Methods;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mapwork import FILE [-o OUT.mapwork.json] [--method ID]}: a map from another tool's file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Makes a Mapwork map from a CSV list of actors (NAME-nodes.csv brings NAME-links.csv along),",
                "GraphML, draw.io, Kumu JSON, or an SVG or PNG exported by Mapwork."})
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
    private Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.mapwork.json",
            description = "Where to write the map (default: beside FILE, named after it).")
    private Path output;

    @Option(names = "--method", paramLabel = "ID",
            description = "The method for files that do not name one (CSV, draw.io, Kumu, other tools' GraphML), e.g. net-map.")
    private String method;

    @Option(names = "--force", description = "Replace OUT if it exists.")
    private boolean force;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (method != null && Methods.byId(method).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown method \"" + method + "\"; known: " + Methods.schemas().methodIds());
        }
        Path target = output != null ? output
                : ExportCommand.dirOf(file).resolve(ExportCommand.baseName(file).replaceFirst("-nodes$", "") + MapJson.EXTENSION);
        if (Files.exists(target) && !force) {
            err.println(target + ": already exists; choose another -o or add --force to replace it");
            return ExitCodes.INVALID_INPUT;
        }
        ImportResult result;
        try {
            result = new MapImporter(new ImportContext(Methods.schemas(), method)).read(file);
        } catch (MapFormatException e) {
            String hint = e.location().equals("method") ? " (use --method ID)" : "";
            err.println(e.getMessage() + hint);
            return ExitCodes.INVALID_INPUT;
        }
        for (String w : result.warnings()) {
            err.println(file + ": note: " + w);
        }
        MapDocument doc = result.document();
        try {
            Path dir = target.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            MapJson.writeFile(doc, target);
        } catch (IOException e) {
            err.println(target + ": cannot write: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        out.println("imported " + doc.nodes().count() + " nodes and " + doc.links().count() + " links into " + target
                + " (" + doc.methodId() + ")");
        return ExitCodes.OK;
    }
}
