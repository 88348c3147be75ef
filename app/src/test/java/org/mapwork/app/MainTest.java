package org.mapwork.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapwork.app.cli.ExitCodes;
import picocli.CommandLine;

/** The command line's exit codes and its choice to open the editor; no window is ever opened. */
class MainTest {

    private static final Map<String, String> WITH_DISPLAY = Map.of("DISPLAY", ":0");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs the arguments through the command line that {@link Main#main} would choose for them. */
    private int run(Main main, String... args) {
        CommandLine commandLine = main.commandLine(args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void an_unknown_option_is_a_usage_error() {
        Main main = new Main(WITH_DISPLAY, "Linux");
        assertEquals(2, run(main, "--no-such-option"));
        assertEquals(ExitCodes.USAGE, 2);
        assertTrue(err.toString().contains("--no-such-option"), err.toString());
        assertTrue(err.toString().contains("library"), "the usage lists every command: " + err);
        assertNull(main.editorArgs(), "a usage error must not open the editor");
    }

    @Test
    void help_prints_usage_and_exits_fine() {
        Main main = new Main(WITH_DISPLAY, "Linux");
        assertEquals(0, run(main, "--help"));
        assertTrue(out.toString().contains("Usage: mapwork"), out.toString());
        assertTrue(out.toString().contains("Exit codes:"), out.toString());
        assertTrue(out.toString().contains("Commands:") && out.toString().contains("export"), out.toString());
        assertNull(main.editorArgs(), "help must not open the editor");
    }

    @Test
    void opening_the_editor_builds_no_subcommands() {
        Main main = new Main(WITH_DISPLAY, "Linux");
        assertTrue(main.commandLine().getSubcommands().size() > 5);
        assertTrue(main.commandLine().getSubcommands().containsKey("library"));
        assertTrue(main.commandLine().getSubcommands().keySet().stream().allMatch(name -> !Main.mayOpenEditor(name)),
                "every subcommand's name takes the full command line");
        assertTrue(main.commandLine(new String[0]).getSubcommands().isEmpty());
        assertTrue(main.commandLine("--library", "lib", "map.mapwork.json").getSubcommands().isEmpty());
        assertTrue(main.commandLine("--startup-report").getSubcommands().isEmpty());
    }

    @Test
    void subcommands_help_and_mistakes_get_the_full_command_line() {
        Main main = new Main(WITH_DISPLAY, "Linux");
        for (String[] args : new String[][] {{"info", "map.json"}, {"--library", "lib", "library", "list"}, {"--help"},
                {"-V"}, {"--no-such-option"}, {"one.json", "two.json"}, {"--library"}}) {
            assertTrue(main.commandLine(args).getSubcommands().containsKey("export"), String.join(" ", args));
        }
    }

    @Test
    void version_names_the_program() {
        assertEquals(0, run(new Main(WITH_DISPLAY, "Linux"), "--version"));
        assertTrue(out.toString().startsWith("mapwork "), out.toString());
    }

    @Test
    void no_arguments_open_the_editor_on_the_start_screen() {
        Main main = new Main(WITH_DISPLAY, "Linux");
        assertEquals(0, run(main));
        assertArrayEquals(new String[0], main.editorArgs());
    }

    @Test
    void an_existing_file_is_passed_to_the_editor_as_an_absolute_path(@TempDir Path dir) throws IOException {
        Path map = Files.writeString(dir.resolve("tree.mapwork"), "{}");
        Main main = new Main(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux");
        assertEquals(0, run(main, map.toString()));
        assertArrayEquals(new String[] {map.toAbsolutePath().toString()}, main.editorArgs());
    }

    @Test
    void the_library_option_reaches_the_editor(@TempDir Path dir) throws IOException {
        Path map = Files.writeString(dir.resolve("tree.mapwork"), "{}");
        Main main = new Main(WITH_DISPLAY, "Linux");
        assertEquals(0, run(main, "--library", dir.resolve("lib").toString(), map.toString()));
        assertArrayEquals(new String[] {"--library=" + dir.resolve("lib").toAbsolutePath(), map.toAbsolutePath().toString()},
                main.editorArgs());
    }

    @Test
    void the_startup_report_reaches_the_editor_and_stays_out_of_help() {
        Main main = new Main(WITH_DISPLAY, "Linux");
        assertEquals(0, run(main, "--startup-report"));
        assertArrayEquals(new String[] {"--startup-report"}, main.editorArgs());
        assertEquals(0, run(new Main(WITH_DISPLAY, "Linux"), "--help"));
        assertFalse(out.toString().contains("startup-report"), out.toString());
    }

    @Test
    void a_missing_file_is_invalid_input(@TempDir Path dir) {
        Main main = new Main(WITH_DISPLAY, "Linux");
        assertEquals(1, run(main, dir.resolve("missing.mapwork").toString()));
        assertTrue(err.toString().contains("no such file"), err.toString());
        assertNull(main.editorArgs());
    }

    @Test
    void a_folder_is_not_a_map_file(@TempDir Path dir) {
        Main main = new Main(WITH_DISPLAY, "Linux");
        assertEquals(1, run(main, dir.toString()));
        assertNull(main.editorArgs());
    }

    @Test
    void without_a_display_the_editor_is_refused_with_a_clear_message() {
        Main main = new Main(Map.of("DISPLAY", ""), "Linux");
        assertEquals(1, run(main));
        assertEquals(Main.NO_DISPLAY_MESSAGE, err.toString().strip());
        assertNull(main.editorArgs());
    }

    @Test
    void windows_and_macos_always_have_a_display() {
        assertTrue(new Main(Map.of(), "Windows 11").hasDisplay());
        assertTrue(new Main(Map.of(), "Mac OS X").hasDisplay());
    }
}
