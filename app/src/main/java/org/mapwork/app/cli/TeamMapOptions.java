package org.mapwork.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mapwork.model.json.MapFormatException;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.workshop.Matching;
import org.mapwork.templates.workshop.TeamMap;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code mapwork compare} and {@code mapwork merge} share: the teams' map files, their names, the pairings. */
public final class TeamMapOptions {

    @Parameters(arity = "2..*", paramLabel = "FILE", description = "Two or more teams' maps (.mapwork.json) of one method.")
    List<Path> files;

    @Option(names = "--team", paramLabel = "NAME",
            description = "The teams' names, in the order of the files (default: each file's name).")
    List<String> teams = List.of();

    @Option(names = "--match", paramLabel = "A=B",
            description = "Join these two names whatever their score (\"City council=City Council\"). Repeatable.")
    List<String> match = List.of();

    @Option(names = "--no-match", paramLabel = "A=B", description = "Never join these two names. Repeatable.")
    List<String> noMatch = List.of();

    @Option(names = "--threshold", paramLabel = "S", defaultValue = "0.8",
            description = "Join names at least this similar (0 to 1, 1 = same after case, accents and spacing). Default: ${DEFAULT-VALUE}.")
    double threshold;

    /** The teams' maps under their names. */
    List<TeamMap> read(CliOptions cli) throws MapFormatException {
        if (teams.size() > files.size()) {
            throw cli.usageError("teams.too-many-names", teams.size(), files.size());
        }
        List<TeamMap> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String name = i < teams.size() ? teams.get(i) : ExportCommand.baseName(files.get(i));
            try {
                out.add(new TeamMap(name, MapFiles.read(files.get(i))));
            } catch (IllegalArgumentException e) {
                throw cli.usageError("teams.bad-name", name, e.getMessage());
            }
        }
        return out;
    }

    /** The teams' maps matched with the pairings given. */
    Matching matching(CliOptions cli, List<TeamMap> maps, MethodTemplate method) throws CliOptions.Failure {
        Matching.Rules rules;
        try {
            rules = new Matching.Rules(match.stream().map(Matching.Pair::parse).toList(),
                    noMatch.stream().map(Matching.Pair::parse).toList(), threshold);
        } catch (IllegalArgumentException e) {
            throw cli.usageError("teams.bad-pairing", e.getMessage());
        }
        try {
            return Matching.of(maps, method.schema(), rules);
        } catch (IllegalArgumentException e) {
            throw cli.failure(ExitCodes.INVALID_INPUT, "teams.cannot-compare", e.getMessage());
        }
    }
}
