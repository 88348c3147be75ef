package org.mapwork.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
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
import org.mapwork.store.LibraryException;
import org.mapwork.store.MapEntry;
import org.mapwork.store.Revision;
import org.mapwork.store.RevisionState;
import org.mapwork.templates.Methods;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code mapwork library ...}: look into the local library (every map and every change ever made to it) from the
 * command line — list maps, show a map's revisions, export maps, restore an old revision as a new one, back up and
 * restore the whole library, export a map's change log as CSV, and recover from a damaged database.
 * Maps are named by id or by the start of their title.
 */
@Command(name = "library", mixinStandardHelpOptions = true,
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

    @Spec
    CommandSpec spec;

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
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    Path directory() {
        return Library.directory(library, environment);
    }

    Library open(boolean backupOnClose) {
        return Library.open(directory(), schemas, Library.Options.defaults().withBackupOnClose(backupOnClose));
    }

    String time(Instant t) {
        return TIME.format(t.atZone(zone));
    }

    /** Runs a subcommand's work, turning library problems into a message on stderr and exit code 1. */
    int run(CommandSpec sub, Work work) {
        PrintWriter out = sub.commandLine().getOut();
        PrintWriter err = sub.commandLine().getErr();
        try {
            int code = work.run(out, err);
            out.flush();
            return code;
        } catch (LibraryException e) {
            err.println("mapwork library " + sub.name() + ": " + e.getMessage());
            return INVALID_INPUT;
        } catch (IOException e) {
            err.println("mapwork library " + sub.name() + ": " + e.getMessage());
            return INVALID_INPUT;
        }
    }

    @FunctionalInterface
    interface Work {
        int run(PrintWriter out, PrintWriter err) throws IOException;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the maps, most recently changed first.")
    static final class ListMaps implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return parent.run(spec, (out, err) -> {
                try (Library lib = parent.open(false)) {
                    List<MapEntry> maps = lib.maps();
                    if (maps.isEmpty()) {
                        out.println("The library " + lib.directory() + " has no maps yet.");
                        return OK;
                    }
                    out.printf("%-20s  %-16s  %-10s  %-28s  %-30s  %s%n", "ID", "UPDATED", "REVISIONS", "METHOD", "WORKSHOP / TEAM", "TITLE");
                    for (MapEntry m : maps) {
                        out.printf("%-20s  %-16s  %-10d  %-28s  %-30s  %s%n", m.id(), parent.time(m.updated()), m.revision(),
                                m.methodId(), m.place(), m.title());
                    }
                }
                return OK;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a map, and with --revisions its history.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "MAP", description = "The map's id or the start of its title.")
        String map;
        @Option(names = "--revisions", description = "List every revision: number, time, actor and summary.")
        boolean revisions;

        @Override
        public Integer call() {
            return parent.run(spec, (out, err) -> {
                try (Library lib = parent.open(false)) {
                    MapEntry m = lib.find(map);
                    out.println(m.title());
                    out.println("  id:        " + m.id());
                    out.println("  method:    " + m.methodId());
                    if (!m.place().isEmpty()) {
                        out.println("  workshop:  " + m.place());
                    }
                    out.println("  created:   " + parent.time(m.created()));
                    out.println("  updated:   " + parent.time(m.updated()));
                    out.println("  revision:  " + m.revision());
                    if (revisions) {
                        out.println();
                        out.printf("%8s  %-16s  %-18s  %-7s  %s%n", "REVISION", "TIME", "ACTOR", "ORIGIN", "SUMMARY");
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

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a map (or --all maps) as native .mapwork.json files into DIR.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--all", description = "Export every map.")
        boolean all;
        @Parameters(arity = "1..2", paramLabel = "MAP DIR", description = "The map (unless --all) and the directory.")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            if (all ? args.size() != 1 : args.size() != 2) {
                spec.commandLine().getErr().println(all ? "mapwork library export --all: give only the directory: export --all DIR"
                        : "mapwork library export: give the map and the directory: export MAP DIR (or export --all DIR)");
                return USAGE;
            }
            return parent.run(spec, (out, err) -> {
                try (Library lib = parent.open(false)) {
                    Path dir = Path.of(args.get(args.size() - 1));
                    List<Path> files = all ? lib.exportAll(dir) : List.of(lib.exportMap(lib.find(args.get(0)).id(), dir));
                    files.forEach(out::println);
                }
                return OK;
            });
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Bring a map back to how it was at a revision.",
                "The restore is a new revision, so nothing is lost: the state before it stays in the history."})
    static final class Restore implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "MAP", description = "The map's id or the start of its title.")
        String map;
        @Option(names = "--revision", required = true, paramLabel = "N", description = "The revision to bring back.")
        long revision;

        @Override
        public Integer call() {
            return parent.run(spec, (out, err) -> {
                try (Library lib = parent.open(false)) {
                    MapEntry m = lib.find(map);
                    long before = m.revision();
                    long now = lib.restore(m.id(), revision);
                    if (now == before) {
                        out.println("\"" + m.title() + "\" is already as it was at revision " + revision + "; nothing to do.");
                    } else {
                        out.println("Restored \"" + m.title() + "\" to revision " + revision + " as revision " + now
                                + " (revision " + before + " stays in the history).");
                    }
                }
                return OK;
            });
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write a backup of the whole library (every map and its log) into the library's backups/ now.")
    static final class Backup implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return parent.run(spec, (out, err) -> {
                try (Library lib = parent.open(false)) {
                    out.println(lib.backup());
                }
                return OK;
            });
        }
    }

    @Command(name = "restore-backup", mixinStandardHelpOptions = true,
            description = {"Replace the library's content by a backup's, with every map's full history.",
                "The library as it was is kept beside it (library.mv.db.before-restore-TIME), never deleted."})
    static final class RestoreBackup implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "A backup zip (see the library's backups/ directory).")
        Path file;

        @Override
        public Integer call() {
            return parent.run(spec, (out, err) -> {
                if (!Files.isRegularFile(file)) {
                    err.println("mapwork library restore-backup: no such file: " + file);
                    return INVALID_INPUT;
                }
                Library.Report report = Library.restoreBackup(file, parent.directory(), parent.schemas, Library.Options.defaults());
                report.done().forEach(out::println);
                report.problems().forEach(err::println);
                return report.problems().isEmpty() ? OK : INVALID_INPUT;
            });
        }
    }

    @Command(name = "log", mixinStandardHelpOptions = true,
            description = "A map's change log, one line per change; with --csv as CSV (revision, time, actor, change, element, ...).")
    static final class Log implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "MAP", description = "The map's id or the start of its title.")
        String map;
        @Option(names = "--csv", description = "Write CSV.")
        boolean csv;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of the terminal.")
        Path output;

        @Override
        public Integer call() {
            return parent.run(spec, (out, err) -> {
                try (Library lib = parent.open(false)) {
                    MapEntry m = lib.find(map);
                    Writer target = output == null ? out : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
                    try {
                        if (csv) {
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

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Put a map file (.mapwork.json) into the library, standing alone or in a workshop and team",
                "(made when missing). From then on every change to it is kept."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "A native map file.")
        Path file;
        @Option(names = "--workshop", paramLabel = "NAME", description = "The workshop it belongs to.")
        String workshop;
        @Option(names = "--team", paramLabel = "NAME", description = "The team (within --workshop) that draws it.")
        String team;

        @Override
        public Integer call() {
            if (team != null && workshop == null) {
                spec.commandLine().getErr().println("mapwork library import: --team needs --workshop");
                return USAGE;
            }
            return parent.run(spec, (out, err) -> {
                MapDocument doc;
                try {
                    doc = new org.mapwork.model.json.MapJsonReader(parent.schemas).read(file);
                } catch (org.mapwork.model.json.MapFormatException e) {
                    err.println(e.getMessage());
                    return INVALID_INPUT;
                }
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
                    out.println("Imported \"" + m.title() + "\" as " + m.id() + (m.place().isEmpty() ? "" : " into " + m.place())
                            + " (" + doc.size() + " elements) in " + lib.directory());
                }
                return OK;
            });
        }
    }

    @Command(name = "recover", mixinStandardHelpOptions = true,
            description = {"After 'the library database is damaged': set the damaged file aside untouched and bring every",
                "map back from its newest good snapshot or backup."})
    static final class Recover implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return parent.run(spec, (out, err) -> {
                List<String> report = new ArrayList<>();
                try (Library lib = Library.recover(parent.directory(), parent.schemas,
                        Library.Options.defaults().withBackupOnClose(false), report)) {
                    report.forEach(out::println);
                    for (MapEntry m : lib.maps()) {
                        MapDocument doc = lib.load(m.id()).document();
                        out.println("  " + m.id() + "  " + doc.title() + " (" + doc.size() + " elements)");
                    }
                }
                return OK;
            });
        }
    }
}
