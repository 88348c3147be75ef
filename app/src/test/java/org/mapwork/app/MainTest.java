package org.mapwork.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

    private int run(Main main, String... args) {
        CommandLine commandLine = main.commandLine();
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
    void every_commands_first_line_is_a_whole_sentence_since_the_overview_shows_only_that_line() {
        java.util.List<String> cut = new java.util.ArrayList<>();
        java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(
                new Main(WITH_DISPLAY, "Linux").commandLine().getSubcommands().values());
        int seen = 0;
        while (!todo.isEmpty()) {
            picocli.CommandLine c = todo.pop();
            todo.addAll(c.getSubcommands().values());
            String[] d = c.getCommandSpec().usageMessage().description();
            if (d.length > 0) {
                seen++;
                String first = d[0].strip();
                if (!(first.endsWith(".") || first.endsWith(".)"))) {
                    cut.add(c.getCommandSpec().qualifiedName() + ": " + first);
                }
            }
        }
        assertTrue(seen > 15, "commands and subcommands were walked: " + seen);
        assertEquals(java.util.List.of(), cut, "a first description line that stops mid-sentence in 'mapwork --help'");
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
    void the_subcommand_names_are_those_registered() {
        assertEquals(new Main(WITH_DISPLAY, "Linux").commandLine().getSubcommands().keySet(), Main.SUBCOMMAND_NAMES);
    }

    @Test
    void arguments_read_without_picocli_mean_what_picocli_reads(@TempDir Path dir) throws IOException {
        String map = Files.writeString(dir.resolve("tree.mapwork.json"), "{}").toString();
        String lib = dir.resolve("lib").toString();
        String[][] cases = {{}, {map}, {"--library", lib}, {"--library=" + lib, map}, {map, "--library", lib, "--startup-report"},
            {"--startup-report"}, {dir.resolve("missing.mapwork.json").toString()}, {dir.toString()}};
        for (String[] args : cases) {
            Main direct = new Main(WITH_DISPLAY, "Linux");
            Integer code = direct.readEditorArguments(args);
            assertNotNull(code, "read without picocli: " + String.join(" ", args));
            Main viaPicocli = new Main(WITH_DISPLAY, "Linux");
            assertEquals(run(viaPicocli, args), code, String.join(" ", args));
            assertArrayEquals(viaPicocli.editorArgs(), direct.editorArgs(), String.join(" ", args));
        }
        Main noDisplay = new Main(Map.of(), "Linux");
        assertEquals(ExitCodes.INVALID_INPUT, noDisplay.readEditorArguments());
        assertNull(noDisplay.editorArgs());
    }

    @Test
    void anything_but_opening_the_editor_is_left_to_picocli() {
        String[][] cases = {{"info", "x"}, {"library", "list"}, {"help"}, {"--help"}, {"-h"}, {"-V"}, {"--version"},
            {"--library"}, {"--library", "info"}, {"--library", "--startup-report"}, {"--library="}, {"a", "b"},
            {"--startup-report", "--startup-report"}, {"--library=a", "--library=b"}, {"--no-such-option"},
            {"@args.txt"}, {"-"}, {""}};
        for (String[] args : cases) {
            Main main = new Main(WITH_DISPLAY, "Linux");
            assertNull(main.readEditorArguments(args), String.join(" ", args));
            assertNull(main.editorArgs(), String.join(" ", args));
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
