package org.mapwork.app.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.SchemaRegistry;
import org.mapwork.store.Library;
import org.mapwork.store.MapEntry;
import org.mapwork.store.Revision;
import org.mapwork.store.RevisionState;
import org.mapwork.templates.Methods;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/**
 * {@code mapwork library ...}: look into the local library (every map and every change ever made to it) from the
 * command line — list maps, show a map's revisions, export maps, restore an old revision as a new one, back up and
 * restore the whole library, export a map's change log as CSV, and recover from a damaged database.
 * Maps are named by id or by the start of their title.
 */
@Command(name = "library",
        description = {"The local library: every map, every change, revisions and backups.",
            "Maps are named by id or by a unique start of their title."},
        subcommands = {LibraryCommand.ListMaps.class, LibraryCommand.Show.class, LibraryCommand.Export.class,
            LibraryCommand.Restore.class, LibraryCommand.Backup.class, LibraryCommand.RestoreBackup.class,
            LibraryCommand.Log.class, LibraryCommand.Import.class, LibraryCommand.Recover.class})
public final class LibraryCommand implements Callable<Integer> {

    static final int OK = ExitCodes.OK;
    static final int INVALID_INPUT = ExitCodes.INVALID_INPUT;
    static final int USAGE = ExitCodes.USAGE;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Option(names = "--library", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The library directory (default: $MAPWORK_HOME, else ~/.mapwork).")
    Path library;

    @Mixin
    CliOptions cli;

    private final SchemaRegistry schemas;
    private final Map<String, String> environment;
    private final ZoneId zone;

    /** The command as {@code mapwork} runs it: every method's schema, this process's environment. */
    public LibraryCommand() {
        this(Methods.schemas(), System.getenv(), ZoneId.systemDefault());
    }

    /** A command with other schemas and environment, for tests. */
    public LibraryCommand(SchemaRegistry schemas, Map<String, String> environment, ZoneId zone) {
        this.schemas = schemas;
        this.environment = Map.copyOf(environment);
        this.zone = zone;
    }

    @Override
    public Integer call() {
        cli.commandLine().usage(cli.err());
        return USAGE;
    }

    Path directory() {
        return Library.directory(library, environment);
    }

    Library open(boolean backupOnClose) {
        return Library.open(directory(), schemas, Library.Options.defaults().withBackupOnClose(backupOnClose));
    }

    /**
     * The library for a command that only reads: beside the editor (which owns the library while it runs) a
     * consistent copy the editor hands out; see {@link Library#openForReading}.
     */
    Library openForReading() {
        return Library.openForReading(directory(), schemas, Library.Options.defaults().withBackupOnClose(false));
    }

    String time(Instant t) {
        return TIME.format(t.atZone(zone));
    }

    /**
     * Runs a subcommand's work as {@link CliOptions#run} does (a library's problem becomes a message and exit code 1),
     * in the language given to {@code library} itself when the subcommand was given none.
     */
    int run(CliOptions sub, CliOptions.Work work) {
        sub.inheritLanguage(cli);
        return sub.run(work);
    }

    @Command(name = "list", description = "List the maps, most recently changed first.")
    static final class ListMaps implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Mixin
        CliOptions cli;

        @Override
        public Integer call() {
            return parent.run(cli, (out, err) -> {
                try (Library lib = parent.openForReading()) {
                    List<MapEntry> maps = lib.maps();
                    if (maps.isEmpty()) {
                        out.println(cli.text("library.empty", parent.directory()));
                        return OK;
                    }
                    out.printf("%-20s  %-16s  %-10s  %-28s  %-30s  %s%n", (Object[]) cli.text("library.list.columns").split(","));
                    for (MapEntry m : maps) {
                        out.printf("%-20s  %-16s  %-10d  %-28s  %-30s  %s%n", m.id(), parent.time(m.updated()), m.revision(),
                                m.methodId(), m.place(), m.title());
                    }
                }
                return OK;
            });
        }
    }

    @Command(name = "show", description = "Show a map, and with --revisions its history.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Mixin
        CliOptions cli;
        @Parameters(paramLabel = "MAP", description = "The map's id or the start of its title.")
        String map;
        @Option(names = "--revisions", description = "List every revision: number, time, actor and summary.")
        boolean revisions;

        @Override
        public Integer call() {
            return parent.run(cli, (out, err) -> {
                try (Library lib = parent.openForReading()) {
                    MapEntry m = lib.find(map);
                    out.println(m.title());
                    out.println(cli.text("library.show.id", m.id()));
                    out.println(cli.text("library.show.method", m.methodId()));
                    if (!m.place().isEmpty()) {
                        out.println(cli.text("library.show.workshop", m.place()));
                    }
                    out.println(cli.text("library.show.created", parent.time(m.created())));
                    out.println(cli.text("library.show.updated", parent.time(m.updated())));
                    out.println(cli.text("library.show.revision", m.revision()));
                    if (revisions) {
                        out.println();
                        out.printf("%8s  %-16s  %-18s  %-7s  %s%n", (Object[]) cli.text("library.revisions.columns").split(","));
                        for (Revision r : lib.revisions(m.id())) {
                            out.printf("%8d  %-16s  %-18s  %-7s  %s%n", r.number(), parent.time(r.time()), r.actor(), r.origin(),
                                    r.summary());
                        }
                    }
                }
                return OK;
            });
        }
    }

    @Command(name = "export",
            description = "Write a map (or --all maps) as native .mapwork.json files into DIR.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Mixin
        CliOptions cli;
        @Option(names = "--all", description = "Export every map.")
        boolean all;
        @Parameters(arity = "1..2", paramLabel = "MAP DIR", description = "The map (unless --all) and the directory.")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            if (all ? args.size() != 1 : args.size() != 2) {
                cli.err().println(cli.text(all ? "library.export.usage-all" : "library.export.usage", cli.commandName()));
                return USAGE;
            }
            return parent.run(cli, (out, err) -> {
                try (Library lib = parent.openForReading()) {
                    Path dir = Path.of(args.get(args.size() - 1));
                    List<Path> files = all ? lib.exportAll(dir) : List.of(lib.exportMap(lib.find(args.get(0)).id(), dir));
                    files.forEach(out::println);
                }
                return OK;
            });
        }
    }

    @Command(name = "restore",
            description = {"Bring a map back to how it was at a revision.",
                "The restore is a new revision, so nothing is lost: the state before it stays in the history."})
    static final class Restore implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Mixin
        CliOptions cli;
        @Parameters(paramLabel = "MAP", description = "The map's id or the start of its title.")
        String map;
        @Option(names = "--revision", required = true, paramLabel = "N", description = "The revision to bring back.")
        long revision;

        @Override
        public Integer call() {
            return parent.run(cli, (out, err) -> {
                try (Library lib = parent.open(false)) {
                    MapEntry m = lib.find(map);
                    long before = m.revision();
                    long now = lib.restore(m.id(), revision);
                    if (now == before) {
                        out.println(cli.text("library.restore.nothing", m.title(), revision));
                    } else {
                        out.println(cli.text("library.restore.done", m.title(), revision, now, before));
                    }
                }
                return OK;
            });
        }
    }

    @Command(name = "backup",
            description = "Write a backup of the whole library (every map and its log) into the library's backups/ now.")
    static final class Backup implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Mixin
        CliOptions cli;

        @Override
        public Integer call() {
            return parent.run(cli, (out, err) -> {
                try (Library lib = parent.open(false)) {
                    out.println(lib.backup());
                }
                return OK;
            });
        }
    }

    @Command(name = "restore-backup",
            description = {"Replace the library's content by a backup's, with every map's full history.",
                "The library as it was is kept beside it (library.mv.db.before-restore-TIME), never deleted."})
    static final class RestoreBackup implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Mixin
        CliOptions cli;
        @Parameters(paramLabel = "FILE", description = "A backup zip (see the library's backups/ directory).")
        Path file;

        @Override
        public Integer call() {
            return parent.run(cli, (out, err) -> {
                if (!Files.isRegularFile(file)) {
                    throw cli.failure(INVALID_INPUT, "error.no-such-file", cli.commandName(), file);
                }
                Library.Report report = Library.restoreBackup(file, parent.directory(), parent.schemas, Library.Options.defaults());
                report.done().forEach(out::println);
                report.problems().forEach(err::println);
                return report.problems().isEmpty() ? OK : INVALID_INPUT;
            });
        }
    }

    @Command(name = "log",
            description = "A map's change log, one line per change; with --csv as CSV (revision, time, actor, change, element, ...).")
    static final class Log implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Mixin
        CliOptions cli;
        @Parameters(paramLabel = "MAP", description = "The map's id or the start of its title.")
        String map;
        @Option(names = "--csv", description = "Write CSV.")
        boolean csv;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of the terminal.")
        Path output;
        @Option(names = "--share-safe", description = "Fit to leave the room: authors as author 1, 2, ..., elements as e1, e2, ...; "
                + "no names, values or summaries.")
        boolean shareSafe;

        @Override
        public Integer call() {
            return parent.run(cli, (out, err) -> {
                try (Library lib = parent.openForReading()) {
                    MapEntry m = lib.find(map);
                    Writer target = output == null ? out : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
                    try {
                        if (shareSafe) {
                            var log = ShareSafeLog.of(lib.replay(m.id()), parent::time);
                            target.write(csv ? org.mapwork.templates.common.ReportText.csv(log)
                                    : org.mapwork.templates.common.ReportText.text(log));
                        } else if (csv) {
                            lib.writeChangeLogCsv(m.id(), target);
                        } else {
                            Iterator<RevisionState> it = lib.replay(m.id());
                            while (it.hasNext()) {
                                RevisionState s = it.next();
                                for (var c : s.changeSet().changes()) {
                                    target.write(String.format("%6d  %s  %-18s  %s%n", s.revision().number(),
                                            parent.time(s.revision().time()), c.stamp().actor(), c.describe()));
                                }
                            }
                        }
                    } finally {
                        target.flush();
                        if (output != null) {
                            target.close();
                        }
                    }
                    if (output != null) {
                        out.println(output);
                    }
                }
                return OK;
            });
        }
    }

    @Command(name = "import",
            description = {"Put a map file (.mapwork.json) into the library; from then on every change to it is kept.",
                "It stands alone or goes into a workshop and team (made when missing)."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Mixin
        CliOptions cli;
        @Parameters(paramLabel = "FILE", description = "A native map file.")
        Path file;
        @Option(names = "--workshop", paramLabel = "NAME", description = "The workshop it belongs to.")
        String workshop;
        @Option(names = "--team", paramLabel = "NAME", description = "The team (within --workshop) that draws it.")
        String team;

        @Override
        public Integer call() {
            if (team != null && workshop == null) {
                cli.err().println(cli.text("library.import.team-needs-workshop", cli.commandName()));
                return USAGE;
            }
            return parent.run(cli, (out, err) -> {
                MapDocument doc = new org.mapwork.model.json.MapJsonReader(parent.schemas).read(file);
                try (Library lib = parent.open(true)) {
                    String workshopId = null;
                    String teamId = null;
                    if (workshop != null) {
                        org.mapwork.store.Workshop w = lib.workshops().stream().filter(x -> x.name().equals(workshop))
                                .findFirst().orElseGet(() -> lib.createWorkshop(workshop));
                        workshopId = w.id();
                        if (team != null) {
                            String wid = w.id();
                            teamId = lib.teams().stream().filter(t -> t.workshopId().equals(wid) && t.name().equals(team))
                                    .findFirst().orElseGet(() -> lib.createTeam(wid, team)).id();
                        }
                    }
                    MapEntry m = lib.createMap(doc, workshopId, teamId, lib.localActor());
                    out.println(m.place().isEmpty() ? cli.text("library.import.done", m.title(), m.id(), doc.size(), lib.directory())
                            : cli.text("library.import.done-into", m.title(), m.id(), m.place(), doc.size(), lib.directory()));
                }
                return OK;
            });
        }
    }

    @Command(name = "recover",
            description = {"Bring every map back from its newest good snapshot or backup, after 'the library database is damaged'.",
                "The damaged file is set aside untouched."})
    static final class Recover implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Mixin
        CliOptions cli;

        @Override
        public Integer call() {
            return parent.run(cli, (out, err) -> {
                List<String> report = new ArrayList<>();
                try (Library lib = Library.recover(parent.directory(), parent.schemas,
                        Library.Options.defaults().withBackupOnClose(false), report)) {
                    report.forEach(out::println);
                    for (MapEntry m : lib.maps()) {
                        MapDocument doc = lib.load(m.id()).document();
                        out.println(cli.text("library.recover.map", m.id(), doc.title(), doc.size()));
                    }
                }
                return OK;
            });
        }
    }
}
