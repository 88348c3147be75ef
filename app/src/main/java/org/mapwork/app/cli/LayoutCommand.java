package org.mapwork.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.common.LayoutSupport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mapwork layout}: the method's auto-layout of a map (or of some of its nodes), written to a file. */
@Command(name = "layout",
        description = "Lay a map out the method's way (theory of change bottom-up, Net-Map organic, ...) and write it.")
public final class LayoutCommand implements Callable<Integer> {

    @Mixin
    CliOptions cli;

    @Parameters(paramLabel = "FILE", description = "A map file (.mapwork.json).")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Where to write the laid-out map (may be FILE itself).")
    Path output;

    @Option(names = "--only", split = ",", paramLabel = "ID", description = "Lay out only these nodes; the others stay where they are.")
    List<String> only = List.of();

    @Option(names = "--force", description = "Replace OUT if it exists and is not FILE.")
    boolean force;

    @Override
    public Integer call() {
        return cli.run((out, err) -> {
            MapDocument doc = MapFiles.read(cli, file);
            Set<String> selection = new LinkedHashSet<>(only);
            for (String id : selection) {
                if (doc.element(id) == null || !doc.element(id).isNode()) {
                    throw cli.failure(ExitCodes.INVALID_INPUT, "layout.not-a-node", file, id);
                }
            }
            try {
                if (Files.exists(output) && !force && !Files.isSameFile(output, file)) {
                    throw cli.failure(ExitCodes.INVALID_INPUT, "error.exists", output);
                }
            } catch (IOException e) {
                throw cli.failure(ExitCodes.INVALID_INPUT, "error.file", output, e.getMessage());
            }
            MethodTemplate m = MapFiles.method(doc);
            ChangeSet layout = m.layout(doc, selection);
            MapDocument after = ChangeEngine.apply(doc, m.schema(), layout).after();
            try {
                MapJson.writeFile(after, output);
            } catch (IOException e) {
                throw cli.failure(ExitCodes.INVALID_INPUT, "error.cannot-write", output, e.getMessage());
            }
            out.println(cli.text("layout.wrote", output, layout.size(), LayoutSupport.crossings(doc), LayoutSupport.crossings(after),
                    LayoutSupport.overlaps(after).size()));
            return ExitCodes.OK;
        });
    }
}
