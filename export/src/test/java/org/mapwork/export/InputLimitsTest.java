package org.mapwork.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mapwork.export.imports.ImportContext;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.InputLimits;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.templates.Methods;

/**
 * One input budget for every reader (issue 15, finding 6): a file larger than the file limit, a map of more elements
 * than the element limit, and text inside a file that inflates past the inflated limit are refused, whatever the
 * format, with the limit, the file and the property that raises it named. Small limits stand for the real ones.
 */
class InputLimitsTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    /** The Net-Map example (dozens of elements) written in {@code format}; the first file is the one to import. */
    private Path exported(ExportFormat format) throws Exception {
        MapDocument doc = Methods.byId("net-map").orElseThrow().starter(true, Locale.ENGLISH);
        assertTrue(doc.size() > 10, "the example has " + doc.size() + " elements");
        return new MapExporter().export(doc, format, MapExporter.defaultTarget(dir, "example", format),
                MapExporter.Options.defaults().withDpi(20)).get(0);
    }

    private static MapFormatException refused(Path file, InputLimits limits) {
        return assertThrows(MapFormatException.class,
                () -> new MapImporter(new ImportContext(Methods.schemas(), "net-map").withLimits(limits)).read(file));
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"JSON", "CSV", "GRAPHML", "KUMU", "SVG", "PNG"})
    void a_file_larger_than_the_file_limit_is_refused_before_it_is_read(ExportFormat format) throws Exception {
        Path file = exported(format);
        long size = Files.size(file);
        MapFormatException e = refused(file, new InputLimits(size - 1, 64 * MIB, 1_000_000));
        assertEquals(file.toString(), e.source());
        assertEquals(file + ": file: the file is " + String.format(Locale.ROOT, "%,d", size) + " bytes, more than "
                + String.format(Locale.ROOT, "%,d", size - 1) + " bytes, Mapwork's limit for one file; "
                + "to raise it: MAPWORK_JAVA_OPTS=-Dmapwork.maxFileMiB=N (N in MiB)", e.getMessage());
        // exactly at the limit it is read (the limit of the largest file: CSV's sheets come along)
        long largest = 0;
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                largest = Math.max(largest, Files.size(p));
            }
        }
        new MapImporter(new ImportContext(Methods.schemas(), "net-map").withLimits(new InputLimits(largest, 64 * MIB, 1_000_000)))
                .read(file);
    }

    @Test
    void the_links_sheet_beside_a_csv_is_held_to_the_file_limit_too() throws Exception {
        Path nodes = exported(ExportFormat.CSV);
        Path links = nodes.resolveSibling("example-links.csv");
        long limit = Files.size(nodes);
        assertTrue(Files.size(links) > limit, "the links sheet is the larger one here");
        MapFormatException e = refused(nodes, new InputLimits(limit, 64 * MIB, 1_000_000));
        assertEquals(links.toString(), e.source());
        assertTrue(e.getMessage().contains("Mapwork's limit for one file"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"JSON", "CSV", "GRAPHML", "KUMU", "SVG", "PNG"})
    void a_map_of_more_elements_than_the_element_limit_is_refused_at_the_first_one_too_many(ExportFormat format)
            throws Exception {
        Path file = exported(format);
        MapFormatException e = refused(file, new InputLimits(256 * MIB, 64 * MIB, 5));
        assertTrue(e.getMessage().contains(": the map has more than 5 elements, Mapwork's limit for one map; "
                + "to raise it: MAPWORK_JAVA_OPTS=-Dmapwork.maxElements=N (N in elements)"), e.getMessage());
        assertTrue(e.source().startsWith(file.toString()), e.source());
        String where = switch (format) {
            case JSON, SVG, PNG -> "$.elements[5]";
            case CSV -> "row 7"; // the header is row 1
            case KUMU -> "$.elements[5]";
            default -> "line ";
        };
        assertTrue(e.location().startsWith(where), format + ": " + e.location());
    }

    @Test
    void a_drawio_page_that_inflates_past_the_limit_is_refused_naming_it() throws Exception {
        Path file = dir.resolve("campaign-compressed.drawio");
        try (InputStream in = getClass().getResourceAsStream("/import/campaign-compressed.drawio")) {
            Files.copy(in, file);
        }
        MapFormatException e = refused(file, new InputLimits(256 * MIB, 200, 1_000_000));
        assertEquals(file + ": <diagram>: the text inside the file is larger than 200 bytes, Mapwork's limit for text "
                + "inside a file; to raise it: MAPWORK_JAVA_OPTS=-Dmapwork.maxInflatedMiB=N (N in MiB)", e.getMessage());
        assertEquals(3, new MapImporter(new ImportContext(Methods.schemas(), "net-map")).read(file).document().nodes().count());
    }

    @Test
    void a_png_whose_map_is_larger_than_the_inflated_limit_is_refused_naming_it() throws Exception {
        Path file = exported(ExportFormat.PNG);
        MapFormatException e = refused(file, new InputLimits(256 * MIB, 1000, 1_000_000));
        assertTrue(e.getMessage().startsWith(file + ": iTXt mapwork: the text inside the file is larger than 1,000 bytes"),
                e.getMessage());
    }

    @Test
    void the_defaults_and_their_properties() {
        InputLimits d = InputLimits.current();
        assertEquals(List.of(256 * MIB, 64 * MIB, 1_000_000L), List.of(d.maxFileBytes(), d.maxInflatedBytes(), d.maxElements()));
        String before = System.getProperty(InputLimits.ELEMENTS_PROPERTY);
        System.setProperty(InputLimits.ELEMENTS_PROPERTY, "2000000");
        try {
            assertEquals(2_000_000L, InputLimits.current().maxElements());
        } finally {
            if (before == null) {
                System.clearProperty(InputLimits.ELEMENTS_PROPERTY);
            } else {
                System.setProperty(InputLimits.ELEMENTS_PROPERTY, before);
            }
        }
    }
}
