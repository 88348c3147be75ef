package org.mapwork.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.workshop.Matching;
import org.mapwork.templates.workshop.TeamMap;
import org.mapwork.templates.workshop.WorkshopMerge;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mapwork merge A B ... -o OUT}: teams' maps as one workshop map, each element saying which teams drew it. */
@Command(name = "merge",
        description = {"Merge teams' maps of one method into one workshop map: matched elements joined (see compare), "
                + "links re-pointed, the teams that drew each element and their differing values kept in the map."})
public final class MergeCommand implements Callable<Integer> {

    @Mixin
    CliOptions cli;

    @Mixin
    TeamMapOptions teams;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The merged map to write (.mapwork.json).")
    Path output;

    @Option(names = "--title", paramLabel = "TITLE", description = "The merged map's title (default: the first team's).")
    String title;

    @Option(names = "--force", description = "Replace OUT if it exists.")
    boolean force;

    @Override
    public Integer call() {
        return cli.run((out, err) -> {
            if (Files.exists(output) && !force) {
                throw cli.failure(ExitCodes.INVALID_INPUT, "error.exists", output);
            }
            List<TeamMap> maps = teams.read(cli);
            MethodTemplate method = MapFiles.method(maps.get(0).doc());
            Matching matching = teams.matching(cli, maps, method);
            MapDocument merged = WorkshopMerge.merge(method, matching, title != null ? title : maps.get(0).doc().title());
            try {
                MapJson.writeFile(merged, output);
            } catch (IOException e) {
                throw cli.failure(ExitCodes.INVALID_INPUT, "error.cannot-write", output, e.getMessage());
            }
            long joined = matching.groups().stream().filter(g -> g.members().size() > 1).count();
            out.println(cli.text("merge.wrote", output, maps.size(), merged.nodes().count(), joined, merged.links().count()));
            return ExitCodes.OK;
        });
    }
}
