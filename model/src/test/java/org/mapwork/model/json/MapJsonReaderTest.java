package org.mapwork.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.mapwork.model.MapDocument;
import org.mapwork.model.schema.SchemaRegistry;

class MapJsonReaderTest {

    private static final Path BAD = Path.of("src/test/resources/bad");
    private final MapJsonReader reader = new MapJsonReader(TestSchema.REGISTRY);

    @Test
    void a_good_file_reads_and_writes_back_identically() throws Exception {
        MapDocument doc = reader.read(Path.of("src/test/resources/good.mapwork.json"));
        assertEquals(3, doc.size());
        assertEquals("Worker center", doc.element("a").label());
        String json = MapJson.toJson(doc);
        assertEquals(doc, reader.read("again", json));
        assertTrue(json.startsWith("{\n  \"format\": \"mapwork\",\n  \"version\": 1,\n"), json);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong-type.mapwork.json        | $.elements[0].attributes.influence | expected an integer 0..100, got "high"
            out-of-range.mapwork.json      | $.elements[0].attributes.influence | expected an integer 0..100, got 500
            duplicate-id.mapwork.json      | $.elements[1].id                   | duplicate id "a" (first at $.elements[0])
            dangling-link.mapwork.json     | $.elements[2].target               | target "ghost" is not a node of this map
            wrong-format.mapwork.json      | $.format                           | expected "mapwork" (a Mapwork map), got "drawio"
            future-version.mapwork.json    | $.version                          | this file is format version 7, written by a newer Mapwork; this one reads up to version 1. Update Mapwork to open it.
            unknown-method.mapwork.json    | $.method                           | unknown method "astrology"; known: [test-map]
            unknown-kind.mapwork.json      | $.elements[1].kind                 | expected node, link or annotation, got "blob"
            wrong-geometry.mapwork.json    | $.elements[0].geometry.x           | expected a number, got "left"
            unknown-option.mapwork.json    | $.elements[0].attributes.goals     | expected a list out of the map's goals, got unknown option "world-peace"
            unknown-key.mapwork.json       | $.elements[0].colour               | unknown key; expected one of [attributes, geometry, id, kind, label, order, source, style, target, type]
            elements-not-array.mapwork.json| $.elements                         | expected an array of elements, got an object
            truncated.mapwork.json         | line 28, column 3                  | not valid JSON: Unexpected end-of-input: expected close marker for Object (start marker at line 23, column 19)
            duplicate-key.mapwork.json     | line 6, column 10                  | not valid JSON: Duplicate field 'title'
            deep-nesting.mapwork.json      | line 6, column 76                  | lists and objects are nested more than 64 deep
            empty.mapwork.json             | $                                  | the file is empty
            not-json.mapwork.json          | line 1, column 2                   | not valid JSON: Illegal character
            array-root.mapwork.json        | $                                  | expected an object, got an array
            """)
    void every_bad_file_gives_a_clear_error_naming_the_place(String file, String location, String problem) {
        MapFormatException e = assertThrows(MapFormatException.class, () -> reader.read(BAD.resolve(file)));
        assertEquals(location, e.location(), e.getMessage());
        assertTrue(e.problem().startsWith(problem), "problem was: " + e.problem());
        assertTrue(e.getMessage().startsWith(BAD.resolve(file).toString() + ": "), "message names the file: " + e.getMessage());
    }

    @Test
    void a_50_megabyte_string_is_refused_quickly_without_reading_it_all_into_a_document() {
        byte[] head = "{\"format\":\"mapwork\",\"version\":1,\"id\":\"m\",\"title\":\"".getBytes(StandardCharsets.UTF_8);
        InputStream huge = new SequenceInputStream(new ByteArrayInputStream(head), new InputStream() {
            private long left = 50L * 1024 * 1024;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        });
        MapFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(MapFormatException.class, () -> reader.read("huge.mapwork.json", huge)));
        assertTrue(e.location().startsWith("line 1, column "), e.location());
        assertEquals("a text value is longer than 5,000,000 characters, more than any map needs", e.problem());
    }

    @Test
    void a_ten_million_digit_number_is_called_a_number_in_plain_words() {
        String json = "{\"format\":\"mapwork\",\"version\":1,\"x\":" + "9".repeat(10_000_000) + "}";
        MapFormatException e = assertThrows(MapFormatException.class, () -> reader.read("digits.mapwork.json", json));
        assertEquals("a number has more than " + MapJson.READ_LIMITS.getMaxNumberLength() + " digits, more than any map needs", e.problem());
        assertTrue(e.location().startsWith("line 1, column "), e.location());
        String shortNumber = "{\"format\":\"mapwork\",\"version\":1,\"x\":" + "9".repeat(MapJson.READ_LIMITS.getMaxNumberLength() + 1) + "}";
        MapFormatException e2 = assertThrows(MapFormatException.class, () -> reader.read("digits.mapwork.json", shortNumber));
        assertEquals(e.problem(), e2.problem(), "a number just past the limit says the same");
    }

    @Test
    void content_after_the_map_is_refused_with_its_place() {
        String twice = "{\"format\":\"mapwork\",\"version\":1}\n{}";
        MapFormatException e = assertThrows(MapFormatException.class, () -> reader.read("twice.mapwork.json", twice));
        assertEquals("line 2, column 1", e.location(), e.getMessage());
        assertEquals("more follows the map's closing brace; a map file holds one JSON object", e.problem());
    }

    @Test
    void limits_are_named_without_the_json_librarys_names() {
        String deep = "{\"format\":\"mapwork\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";
        MapFormatException e = assertThrows(MapFormatException.class, () -> reader.read("deep.mapwork.json", deep));
        assertEquals("lists and objects are nested more than " + MapJson.READ_LIMITS.getMaxNestingDepth() + " deep, deeper than any map needs", e.problem());
        for (String word : new String[] {"StreamReadConstraints", "String value length", "exceeds the maximum"}) {
            assertFalse(e.getMessage().contains(word), e.getMessage());
        }
    }

    @Test
    void a_missing_file_says_so() {
        MapFormatException e = assertThrows(MapFormatException.class, () -> reader.read(Path.of("no/such/file.mapwork.json")));
        assertEquals("no such file", e.problem());
    }

    @Test
    void the_migration_hook_turns_an_old_version_into_the_current_one() throws Exception {
        // Pretend the current format is 2 and version 2 renamed "title" to "name"... in reverse: v1 files have "title",
        // and the step copies it into a new map attribute, proving steps run in order before reading.
        Migration oneToTwo = new Migration() {
            @Override
            public int from() {
                return 1;
            }

            @Override
            public ObjectNode migrate(ObjectNode root) {
                root.put("title", root.get("title").asText() + " (migrated)");
                return root;
            }
        };
        MapJsonReader v2 = new MapJsonReader(TestSchema.REGISTRY, List.of(oneToTwo), 2);
        MapDocument doc = v2.read(Path.of("src/test/resources/good.mapwork.json"));
        assertEquals("Sick leave (migrated)", doc.title());
        MapJsonReader gap = new MapJsonReader(TestSchema.REGISTRY, List.of(), 2);
        MapFormatException e = assertThrows(MapFormatException.class, () -> gap.read(Path.of("src/test/resources/good.mapwork.json")));
        assertEquals("no migration from format version 1 to 2", e.problem());
    }

    /** The model's test schema, reachable from this package. */
    static final class TestSchema {
        static final SchemaRegistry REGISTRY = org.mapwork.model.FixturesAccess.registry();
    }
}
