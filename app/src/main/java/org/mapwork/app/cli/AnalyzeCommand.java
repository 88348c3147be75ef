package org.mapwork.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mapwork.model.MapDocument;
import org.mapwork.templates.AnalysisReport;
import org.mapwork.templates.common.ReportText;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mapwork analyze}: the method's analysis of a map as text tables or CSV. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Print the method's analysis of a map (Net-Map centrality, theory-of-change paths, ...).")
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A map file (.mapwork.json).")
    Path file;

    @Option(names = "--csv", description = "CSV (one sheet, a 'table' column first) instead of text tables.")
    boolean csv;

    @Override
    public Integer call() {
        MapDocument doc = MapFiles.read(file, spec.commandLine().getErr());
        if (doc == null) {
            return 1;
        }
        AnalysisReport report = MapFiles.method(doc).analyze(doc);
        spec.commandLine().getOut().print(csv ? ReportText.csv(report) : ReportText.text(report));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
