package org.mapwork.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.mapwork.export.ExportFormat;
import org.mapwork.export.MapExporter;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.common.ReportText;
import org.mapwork.templates.workshop.Matching;
import org.mapwork.templates.workshop.TeamMap;
import org.mapwork.templates.workshop.WorkshopMerge;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mapwork compare A B ...}: teams' maps side by side as text tables or CSV, and as one combined picture. */
@Command(name = "compare",
        description = {"Compare teams' maps of one method: names matched (with their scores, to confirm with --match or "
                + "refuse with --no-match), what only some teams drew; Net-Map towers and stances, theory-of-change "
                + "outcomes and preconditions."})
public final class CompareCommand implements Callable<Integer> {

    @Mixin
    CliOptions cli;

    @Mixin
    TeamMapOptions teams;

    @Option(names = "--csv", description = "CSV (one sheet, a 'table' column first) instead of text tables.")
    boolean csv;

    @Option(names = "--picture", paramLabel = "OUT",
            description = "Also write the combined picture (the merged map, each element marked with the teams that drew it) "
                    + "as svg, png or pdf, by OUT's extension.")
    Path picture;

    @Override
    public Integer call() {
        return cli.run((out, err) -> {
            ExportFormat format = null;
            if (picture != null) {
                String name = picture.getFileName().toString();
                format = List.of(ExportFormat.SVG, ExportFormat.PNG, ExportFormat.PDF).stream()
                        .filter(f -> name.endsWith(f.extension())).findFirst()
                        .orElseThrow(() -> cli.usageError("compare.picture-format", picture));
            }
            List<TeamMap> maps = teams.read(cli);
            MethodTemplate method = MapFiles.method(maps.get(0).doc());
            Matching matching = teams.matching(cli, maps, method);
            AnalysisReport report = method.compare(matching);
            out.print(csv ? ReportText.csv(report) : ReportText.text(report));
            if (format != null) {
                MapDocument merged = WorkshopMerge.merge(method, matching, maps.get(0).doc().title());
                try {
                    for (Path p : new MapExporter().export(WorkshopMerge.markedByTeams(method, merged), format, picture,
                            MapExporter.Options.defaults())) {
                        // on stderr, so that the tables on stdout stay a clean text or CSV
                        err.println(cli.text("wrote", p));
                    }
                } catch (IOException e) {
                    throw cli.failure(ExitCodes.INVALID_INPUT, "error.cannot-write", picture, e.getMessage());
                }
            }
            return ExitCodes.OK;
        });
    }
}
