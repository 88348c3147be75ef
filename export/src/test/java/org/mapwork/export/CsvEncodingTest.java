package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.mapwork.export.imports.CsvImport;
import org.mapwork.export.imports.ImportContext;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;

/** A spreadsheet saved as Latin-1 (as Excel on Windows often does) is refused where it is not UTF-8, or read as declared. */
class CsvEncodingTest {

    private static final ImportContext CONTEXT = new ImportContext(TestMethod.REGISTRY, TestMethod.ID);
    private static final String FIRST = "id,label\r\n";
    private static final String SECOND = "c1,Café crème\r\n";
    private static final byte[] LATIN1 = (FIRST + SECOND).getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void aLatin1FileIsRefusedNamingTheLineAndByteOfItsFirstForeignByte() {
        MapFormatException e = assertThrows(MapFormatException.class,
                () -> new CsvImport(CONTEXT).read("cafe-nodes.csv", new ByteArrayInputStream(LATIN1), null, null));
        int byteInLine = SECOND.indexOf('é') + 1;
        assertEquals("line 2, byte " + byteInLine, e.location());
        assertTrue(e.getMessage().contains("cafe-nodes.csv") && e.getMessage().contains("not UTF-8 text (byte 0xE9)")
                && e.getMessage().contains("--encoding"), e.getMessage());
    }

    @Test
    void aDeclaredEncodingReadsTheFileAsItWasWritten() throws Exception {
        MapDocument doc = new CsvImport(CONTEXT.withEncoding(StandardCharsets.ISO_8859_1))
                .read("cafe-nodes.csv", new ByteArrayInputStream(LATIN1), null, null).document();
        assertEquals("Café crème", doc.element("c1").label());
    }

    @Test
    void utf8WithAByteOrderMarkStillReads() throws Exception {
        byte[] utf8 = ("\uFEFF" + FIRST + SECOND).getBytes(StandardCharsets.UTF_8);
        MapDocument doc = new CsvImport(CONTEXT).read("cafe-nodes.csv", new ByteArrayInputStream(utf8), null, null).document();
        assertEquals(SECOND.strip().substring(3), doc.element("c1").label());
        assertTrue(doc.elements().stream().map(Element::label).noneMatch(l -> l.contains("\uFFFD")));
    }
}
