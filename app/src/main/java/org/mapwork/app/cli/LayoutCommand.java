package org.mapwork.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
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

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mapwork layout}: the method's auto-layout of a map (or of some of its nodes), written to a file. */
@Command(name = "layout", mixinStandardHelpOptions = true,
        description = "Lay a map out the method's way (theory of change bottom-up, Net-Map organic, ...) and write it.")
public final class LayoutCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MapDocument doc = MapFiles.read(file, err);
        if (doc == null) {
            return 1;
        }
        Set<String> selection = new LinkedHashSet<>(only);
        for (String id : selection) {
            if (doc.element(id) == null || !doc.element(id).isNode()) {
                err.println(file + ": --only: \"" + id + "\" is not a node of this map");
                return 1;
            }
        }
        try {
            if (Files.exists(output) && !force && !Files.isSameFile(output, file)) {
                err.println(output + ": already exists; choose another name or add --force to replace it");
                return 1;
            }
        } catch (IOException e) {
            err.println(output + ": " + e.getMessage());
            return 1;
        }
        MethodTemplate m = MapFiles.method(doc);
        ChangeSet layout = m.layout(doc, selection);
        MapDocument after = ChangeEngine.apply(doc, m.schema(), layout).after();
        try {
            MapJson.writeFile(after, output);
        } catch (IOException e) {
            err.println(output + ": cannot write: " + e.getMessage());
            return 1;
        }
        out.println("wrote " + output + ": " + layout.size() + " change(s); edge crossings " + LayoutSupport.crossings(doc) + " → "
                + LayoutSupport.crossings(after) + "; overlapping nodes " + LayoutSupport.overlaps(after).size());
        return 0;
    }
}
