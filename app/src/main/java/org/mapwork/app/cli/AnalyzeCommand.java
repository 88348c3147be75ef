package org.mapwork.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mapwork.model.MapDocument;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.common.ReportText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mapwork analyze}: the method's analysis of a map as text tables or CSV. */
@Command(name = "analyze",
        description = "Print the method's analysis of a map (Net-Map centrality, theory-of-change paths, ...).")
public final class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    CliOptions cli;

    @Parameters(paramLabel = "FILE", description = "A map file (.mapwork.json).")
    Path file;

    @Option(names = "--csv", description = "CSV (one sheet, a 'table' column first) instead of text tables.")
    boolean csv;

    @Override
    public Integer call() {
        return cli.run((out, err) -> {
            MapDocument doc = MapFiles.read(cli, file);
            // the tables speak the map's language (see the templates' README), not the command's
            AnalysisReport report = MapFiles.method(doc).analyze(doc);
            out.print(csv ? ReportText.csv(report) : ReportText.text(report));
            return ExitCodes.OK;
        });
    }
}
