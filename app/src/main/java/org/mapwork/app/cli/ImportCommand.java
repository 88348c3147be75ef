package org.mapwork.app.cli;

import java.io.IOException;
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

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mapwork import FILE [-o OUT.mapwork.json] [--method ID]}: a map from another tool's file. */
@Command(name = "import",
        description = {"Makes a Mapwork map from another tool's file: CSV, GraphML, draw.io, Kumu JSON, or Mapwork's SVG or PNG.",
                "A CSV list of actors NAME-nodes.csv brings NAME-links.csv and NAME-map.csv along."})
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
    private Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.mapwork.json",
            description = "Where to write the map (default: beside FILE, named after it).")
    private Path output;

    @Option(names = "--method", paramLabel = "ID",
            description = "The method for files that do not name one (CSV, draw.io, Kumu, other tools' GraphML), e.g. net-map.")
    private String method;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "The character encoding of a CSV file that is not UTF-8, e.g. windows-1252 or ISO-8859-1.")
    private String encoding;

    @Option(names = "--force", description = "Replace OUT if it exists.")
    private boolean force;

    @Mixin
    private CliOptions cli;

    @Override
    public Integer call() {
        return cli.run((out, err) -> {
            if (method != null && Methods.byId(method).isEmpty()) {
                throw cli.usageError("error.unknown-method", method, Methods.schemas().methodIds());
            }
            java.nio.charset.Charset charset = null;
            if (encoding != null) {
                try {
                    charset = java.nio.charset.Charset.forName(encoding);
                } catch (IllegalArgumentException e) {
                    throw cli.usageError("error.unknown-encoding", encoding);
                }
            }
            Path target = output != null ? output
                    : ExportCommand.dirOf(file).resolve(ExportCommand.baseName(file).replaceFirst("-nodes$", "") + MapJson.EXTENSION);
            if (Files.exists(target) && !force) {
                throw cli.failure(ExitCodes.INVALID_INPUT, "import.exists", target);
            }
            ImportResult result;
            try {
                result = new MapImporter(new ImportContext(Methods.schemas(), method, charset)).read(file);
            } catch (MapFormatException e) {
                String hint = e.location().equals("method") ? cli.text("import.method-hint") : "";
                throw cli.failure(ExitCodes.INVALID_INPUT, "error.with-hint", e.getMessage(), hint);
            }
            for (String w : result.warnings()) {
                err.println(cli.text("import.note", file, w));
            }
            MapDocument doc = result.document();
            try {
                Path dir = target.toAbsolutePath().getParent();
                if (dir != null) {
                    Files.createDirectories(dir);
                }
                MapJson.writeFile(doc, target);
            } catch (IOException e) {
                throw cli.failure(ExitCodes.INVALID_INPUT, "error.cannot-write", target, e.getMessage());
            }
            out.println(cli.text("import.done", doc.nodes().count(), doc.links().count(), target, doc.methodId()));
            return ExitCodes.OK;
        });
    }
}
