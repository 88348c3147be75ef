package org.mapwork.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.mapwork.model.MapDocument;
import org.mapwork.templates.Finding;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mapwork check}: the method's live checks on a map file; exit 1 when any finding is an error. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the method's live checks on a map; exit code 1 when any finding is an ERROR.")
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A map file (.mapwork.json).")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MapDocument doc = MapFiles.read(file, spec.commandLine().getErr());
        if (doc == null) {
            return 1;
        }
        List<Finding> findings = MapFiles.method(doc).check(doc);
        for (Finding f : findings) {
            out.println(String.format("%-7s %s%s: %s", f.severity(), f.rule(),
                    f.elementIds().isEmpty() ? "" : " " + f.elementIds(), f.message()));
        }
        long errors = findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
        out.println(file + ": " + doc.methodId() + ", " + errors + " error(s), " + warnings + " warning(s), "
                + (findings.size() - errors - warnings) + " note(s)");
        return errors > 0 ? 1 : 0;
    }
}
