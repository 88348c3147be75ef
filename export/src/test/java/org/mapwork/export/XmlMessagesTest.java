package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mapwork.export.imports.ImportContext;
import org.mapwork.model.json.MapFormatException;

/** XML that Mapwork will not read is refused in the reader's words, naming the line, and nothing else is printed. */
class XmlMessagesTest {

    private static final ImportContext CONTEXT = new ImportContext(TestMethod.REGISTRY, TestMethod.ID);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "d.drawio  | <?xml version='1.0'?>\\n<!DOCTYPE mxfile [<!ENTITY a 'x'>]><mxfile/>         | line 2 | the file has a DOCTYPE",
            "d.svg     | <?xml version='1.0'?>\\n<!DOCTYPE svg><svg xmlns='http://www.w3.org/2000/svg'/> | line 2 | the file has a DOCTYPE",
            "d.graphml | <?xml version='1.0'?>\\n<!DOCTYPE graphml><graphml/>                            | line 2 | a DOCTYPE is not accepted",
            "b.drawio  | <mxfile><diagram><mxGraphModel></diagram></mxfile>                             | line 1 | not well-formed XML: ",
            "b.graphml | <graphml><graph><node id='a'></graph></graphml>                                 | line 1 | not well-formed XML: "})
    void refusedXmlIsExplainedWithoutParserInternals(String name, String text, String where, String problem, @TempDir Path dir) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text.replace("\\n", "\n"));
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        MapFormatException e;
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            e = assertThrows(MapFormatException.class, () -> new MapImporter(CONTEXT).read(file));
        } finally {
            System.setErr(err);
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8), "nothing printed beside the message (no [Fatal Error] line)");
        assertTrue(e.location().startsWith(where + ", column "), e.getMessage());
        assertTrue(e.problem().startsWith(problem), e.problem());
        for (String internal : new String[] {"http://apache.org", "http://xml.org", "feature", "ParseError"}) {
            assertFalse(e.getMessage().contains(internal), e.getMessage());
        }
    }
}
