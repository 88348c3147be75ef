package org.mapwork.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.mapwork.model.MapDocument;
import org.mapwork.templates.Finding;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mapwork check}: the method's live checks on a map file; exit 1 when any finding is an error. */
@Command(name = "check",
        description = "Run the method's live checks on a map; exit code 1 when any finding is an ERROR.")
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    CliOptions cli;

    @Parameters(paramLabel = "FILE", description = "A map file (.mapwork.json).")
    Path file;

    @Override
    public Integer call() {
        return cli.run((out, err) -> {
            MapDocument doc = MapFiles.read(cli, file);
            List<Finding> findings = MapFiles.method(doc).check(doc);
            for (Finding f : findings) {
                out.println(cli.text("check.finding", cli.text("severity." + f.severity()), f.rule(),
                        f.elementIds().isEmpty() ? "" : " " + f.elementIds(), f.message()));
            }
            long errors = findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
            long warnings = findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
            out.println(cli.text("check.summary", file, doc.methodId(), errors, warnings, findings.size() - errors - warnings));
            return errors > 0 ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
        });
    }
}
