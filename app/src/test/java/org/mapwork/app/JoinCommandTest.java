package org.mapwork.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mapwork.app.cli.ExitCodes;
import picocli.CommandLine;

/** {@code mapwork join URL [--name NAME]}: the editor's arguments from a join address, or a clear refusal. */
class JoinCommandTest {

    private static final String URL = "ws://192.168.1.20:41234/maps/m-abc#0123456789abcdef0123456789abcdef";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Main main, String... args) {
        CommandLine commandLine = main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void a_join_address_and_a_name_open_the_editor_on_the_shared_map() {
        Main main = new Main(Map.of("DISPLAY", ":0"), "Linux");
        assertEquals(ExitCodes.OK, run(main, "join", URL, "--name", " Ana "));
        assertArrayEquals(new String[] {"--join=" + URL, "--name=Ana"}, main.editorArgs());
        Main noName = new Main(Map.of("DISPLAY", ":0"), "Linux");
        assertEquals(ExitCodes.OK, run(noName, "join", URL));
        assertArrayEquals(new String[] {"--join=" + URL}, noName.editorArgs(), "the editor asks for the name");
    }

    @Test
    void a_malformed_address_is_refused_naming_what_is_wrong() {
        Main main = new Main(Map.of("DISPLAY", ":0"), "Linux");
        assertEquals(ExitCodes.INVALID_INPUT, run(main, "join", "ws://192.168.1.20:41234/maps/m-abc"));
        assertTrue(err.toString().contains("Not a join address") && err.toString().contains("token"), err.toString());
        assertNull(main.editorArgs());
        assertEquals(ExitCodes.INVALID_INPUT, run(main, "join", "ftp://192.168.1.20/maps/m#t"));
        assertTrue(err.toString().contains("ws://"), err.toString());
    }

    @Test
    void without_a_display_it_says_so_and_opens_nothing() {
        Main main = new Main(Map.of(), "Linux");
        assertEquals(ExitCodes.INVALID_INPUT, run(main, "join", URL));
        assertTrue(err.toString().contains("display"), err.toString());
        assertNull(main.editorArgs());
    }
}
