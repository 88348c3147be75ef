package org.mapwork.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InfoAndValidateCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void validate_names_the_file_and_the_place_of_the_problem_and_exits_1() throws Exception {
        Path bad = dir.resolve("bad.mapwork.json");
        Files.writeString(bad, "{\"format\": \"mapwork\", \"version\": 9}");
        Run r = run(new ValidateCommand(), bad.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertTrue(r.err().contains(bad + ": $.version: this file is format version 9"), r.err());
    }

    @Test
    void validate_check_info_and_layout_say_another_tools_file_is_one_and_suggest_import_instead_of_calling_it_bad_json()
            throws Exception {
        String[][] files = {
                {"net.graphml", "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph/></graphml>", "GraphML"},
                {"picture.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "SVG"},
                {"fishbone.drawio", "<mxfile><diagram/></mxfile>", "draw.io"},
                {"actors.csv", "label,type\nCity Council,organization\n", "CSV"}};
        for (String[] f : files) {
            Path file = dir.resolve(f[0]);
            Files.writeString(file, f[1]);
            String said = file + ": a " + f[2] + " file, not a Mapwork map; mapwork import " + file + " makes a map of it";
            Run validate = run(new ValidateCommand(), file.toString());
            assertEquals(ExitCodes.INVALID_INPUT, validate.code());
            assertTrue(validate.err().contains("invalid: " + said), validate.err());
            for (Object command : new Object[] {new CheckCommand(), new InfoCommand(), new LayoutCommand()}) {
                String name = command.getClass().getSimpleName().replace("Command", "").toLowerCase(java.util.Locale.ROOT);
                Run r = command instanceof LayoutCommand
                        ? run(command, file.toString(), "-o", dir.resolve("out.mapwork.json").toString())
                        : run(command, file.toString());
                assertEquals(ExitCodes.INVALID_INPUT, r.code(), name + ": " + r.err());
                assertTrue(r.err().contains("mapwork " + name + ": " + said), name + ": " + r.err());
                assertTrue(!r.err().contains("JSON"), r.err());
            }
            assertTrue(!validate.err().contains("JSON"), validate.err());
        }
        assertTrue(Files.notExists(dir.resolve("out.mapwork.json")), "layout wrote nothing");
    }

    @Test
    void a_map_file_that_is_bad_json_is_still_called_so() throws Exception {
        Path broken = dir.resolve("broken.mapwork.json");
        Files.writeString(broken, "{\"format\": \"mapwork\",");
        Run r = run(new CheckCommand(), broken.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertTrue(r.err().contains(broken + ": line 1, column 22: not valid JSON"), r.err());
    }

    @Test
    void a_map_past_the_element_limit_is_refused_naming_the_limit_and_the_property_that_raises_it() throws Exception {
        Path map = dir.resolve("example.mapwork.json");
        assertEquals(ExitCodes.OK, run(new NewCommand(), "--method", "net-map", "--example", "-o", map.toString()).code());
        String before = System.getProperty("mapwork.maxElements");
        System.setProperty("mapwork.maxElements", "3");
        try {
            for (Object command : new Object[] {new ValidateCommand(), new CheckCommand(), new InfoCommand()}) {
                Run r = run(command, map.toString());
                assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.err());
                assertTrue(r.err().contains(map + ": $.elements[3]: the map has more than 3 elements, Mapwork's limit for one map; "
                        + "to raise it: MAPWORK_JAVA_OPTS=-Dmapwork.maxElements=N"), r.err());
            }
        } finally {
            if (before == null) {
                System.clearProperty("mapwork.maxElements");
            } else {
                System.setProperty("mapwork.maxElements", before);
            }
        }
        assertEquals(ExitCodes.OK, run(new ValidateCommand(), map.toString()).code(), "read again once the limit is back");
    }

    @Test
    void info_on_a_missing_file_exits_1_with_a_message() {
        Run r = run(new InfoCommand(), dir.resolve("nope.mapwork.json").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertTrue(r.err().contains("nope.mapwork.json: file: no such file"), r.err());
    }

    @Test
    void wrong_usage_exits_2() {
        assertEquals(ExitCodes.USAGE, run(new ValidateCommand()).code());
        assertEquals(ExitCodes.USAGE, run(new InfoCommand(), "--bogus", "x").code());
    }
}
