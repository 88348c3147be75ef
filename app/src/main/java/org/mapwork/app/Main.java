package org.mapwork.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mapwork.app.cli.ExitCodes;
import org.mapwork.app.cli.HubCommand;
import org.mapwork.app.cli.AnalyzeCommand;
import org.mapwork.app.cli.CompareCommand;
import org.mapwork.app.cli.CheckCommand;
import org.mapwork.app.cli.CliOptions;
import org.mapwork.app.cli.ExportCommand;
import org.mapwork.app.cli.ImportCommand;
import org.mapwork.app.cli.LibraryCommand;
import org.mapwork.app.cli.InfoCommand;
import org.mapwork.app.cli.JoinCommand;
import org.mapwork.app.cli.LayoutCommand;
import org.mapwork.app.cli.MergeCommand;
import org.mapwork.app.cli.MethodsCommand;
import org.mapwork.app.cli.NewCommand;
import org.mapwork.app.cli.ValidateCommand;
import org.mapwork.editor.EditorLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code mapwork} command: with no arguments it opens the editor, with one existing file
 * it opens that map in the editor, and with a subcommand it runs that command and exits.
 */
@Command(
        name = "mapwork",
        versionProvider = Main.Version.class,
        description = {
            "Visual maps for workshops: problem trees, rich pictures, Net-Map, theory of change, action plans.",
            "With no arguments, opens the editor; with a FILE, opens that map in the editor."
        },
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.INVALID_INPUT,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:fine",
            "1:invalid input (for example a file that does not exist)",
            "2:usage error (an unknown option or command)"
        })
public final class Main implements Callable<Integer> {

    /**
     * The subcommands' names (and aliases): arguments holding one of them are for picocli, never a file for the editor.
     * MainTest checks that this is exactly what {@link #commandLine()} registers.
     */
    static final Set<String> SUBCOMMAND_NAMES = Set.of(
            "help", "methods", "new", "info", "validate", "check", "analyze", "compare", "merge", "layout", "export", "import", "library", "hub", "join");

    /** What {@code mapwork} says, in English, when there is no display for the editor. */
    static final String NO_DISPLAY_MESSAGE = CliOptions.text(Locale.ENGLISH, "main.no-display");

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "A map file to open in the editor.")
    private Path file;

    @picocli.CommandLine.Option(names = "--library", paramLabel = "DIR",
            description = "The library the editor opens (default: $MAPWORK_HOME, else ~/.mapwork).")
    private Path library;

    // A diagnostic, not a feature: hidden from --help. The editor prints when its first frame was rendered and quits.
    @picocli.CommandLine.Option(names = "--startup-report", hidden = true,
            description = "Open the editor, print the start-up times and quit.")
    private boolean startupReport;

    @Spec
    private CommandSpec spec;

    // --help, --version, --lang; made here so that the editor's arguments, read without picocli, have a language too
    @Mixin
    private CliOptions cli = new CliOptions();

    private final Map<String, String> environment;
    private final String osName;
    private String[] editorArgs;

    /** A command that looks at this process's environment. */
    public Main() {
        this(System.getenv(), System.getProperty("os.name", ""));
    }

    /** A command that looks at the given environment instead, for tests. */
    Main(Map<String, String> environment, String osName) {
        this.environment = Map.copyOf(environment);
        this.osName = osName;
    }

    /**
     * Runs the command line. Exits the JVM with the command's exit code, except when the editor
     * was opened: then the JVM ends when the editor's last window closes.
     */
    public static void main(String[] args) {
        Main main = new Main();
        Integer code = main.readEditorArguments(args);
        if (code == null) {
            code = main.commandLine().execute(args);
        }
        if (code == ExitCodes.OK && main.editorArgs != null) {
            EditorLauncher.launch(main.editorArgs);
            return;
        }
        System.exit(code);
    }

    /** The picocli command line for this command, with all its subcommands. */
    CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(this);
        // Every subcommand is registered here and only here; each lives in org.mapwork.app.cli.
        List.<Class<?>>of(
                HelpCommand.class,
                MethodsCommand.class,
                NewCommand.class,
                InfoCommand.class,
                ValidateCommand.class,
                CheckCommand.class,
                AnalyzeCommand.class,
                CompareCommand.class,
                MergeCommand.class,
                LayoutCommand.class,
                ExportCommand.class,
                ImportCommand.class,
                LibraryCommand.class,
                HubCommand.class).forEach(commandLine::addSubcommand);
        // join opens the editor, as mapwork FILE does: it hands the editor's arguments back here
        commandLine.addSubcommand(new JoinCommand(args -> editorArgs = args, this::hasDisplay));
        return commandLine;
    }

    /**
     * Reads the arguments without picocli when they can only mean "open the editor": none, or a FILE,
     * {@code --library DIR} (or {@code --library=DIR}) and {@code --startup-report}, each at most once. picocli builds
     * its command models by reflection, from class files too old for class-data sharing: a few hundred ms on a cold
     * JVM, all before the editor could start.
     *
     * @return the exit code of opening the editor as {@link #call} would, or null when the arguments are anything
     *         else: then picocli reads them (and reports a mistake with the full usage)
     */
    Integer readEditorArguments(String... args) {
        Path fileArg = null;
        Path libraryArg = null;
        boolean reportArg = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--startup-report") && !reportArg) {
                    reportArg = true;
                } else if (a.startsWith("--library=") && a.length() > "--library=".length() && libraryArg == null) {
                    libraryArg = Path.of(a.substring("--library=".length()));
                } else if (a.equals("--library") && i + 1 < args.length && plain(args[i + 1]) && libraryArg == null) {
                    libraryArg = Path.of(args[++i]);
                } else if (plain(a) && fileArg == null) {
                    fileArg = Path.of(a);
                } else {
                    return null;
                }
            }
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        file = fileArg;
        library = libraryArg;
        startupReport = reportArg;
        return openEditor(new PrintWriter(System.err, true));
    }

    /** An argument that is neither an option, a subcommand nor a picocli {@code @file} of arguments. */
    private static boolean plain(String arg) {
        return !arg.isEmpty() && !arg.startsWith("-") && !arg.startsWith("@") && !SUBCOMMAND_NAMES.contains(arg);
    }

    /**
     * Runs when no subcommand was given: checks the file and the display, and leaves the
     * editor's arguments for {@link #main} to launch it with (outside picocli, so tests never
     * open a window).
     */
    @Override
    public Integer call() {
        return openEditor(spec.commandLine().getErr());
    }

    /** Checks the file and the display, and leaves the editor's arguments (or says why not, on err). */
    private int openEditor(PrintWriter err) {
        if (file != null && !Files.exists(file)) {
            err.println(cli.text("main.no-such-file", file));
            return ExitCodes.INVALID_INPUT;
        }
        if (file != null && !Files.isRegularFile(file)) {
            err.println(cli.text("main.not-a-map-file", file));
            return ExitCodes.INVALID_INPUT;
        }
        if (!hasDisplay()) {
            err.println(cli.text("main.no-display"));
            return ExitCodes.INVALID_INPUT;
        }
        // An absolute path, so the editor does not depend on the working directory.
        List<String> args = new java.util.ArrayList<>();
        if (library != null) {
            args.add("--library=" + library.toAbsolutePath());
        }
        if (startupReport) {
            args.add("--startup-report");
        }
        if (file != null) {
            args.add(file.toAbsolutePath().toString());
        }
        editorArgs = args.toArray(new String[0]);
        return ExitCodes.OK;
    }

    /** The arguments for the editor if it should open, or null if it should not. */
    String[] editorArgs() {
        return editorArgs == null ? null : editorArgs.clone();
    }

    /**
     * Whether a window can be shown. On Linux and other Unix desktops that means an X11 or
     * Wayland display; AWT's GraphicsEnvironment cannot tell, since it may be set headless.
     */
    boolean hasDisplay() {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return true;
        }
        return isSet("DISPLAY") || isSet("WAYLAND_DISPLAY");
    }

    private boolean isSet(String name) {
        String value = environment.get(name);
        return value != null && !value.isBlank();
    }

    /** Reads the version that Maven wrote into version.properties. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"mapwork " + properties.getProperty("version", "(development build)")};
        }
    }
}
