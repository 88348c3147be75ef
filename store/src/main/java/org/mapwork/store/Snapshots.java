package org.mapwork.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.model.schema.SchemaRegistry;

/**
 * Whole documents kept so that opening replays only the tail of the log. In the database a snapshot is the native
 * JSON, gzip-compressed. Beside the database, {@code snapshots/ID.mapwork.json} holds each map's newest snapshot as a
 * plain native file (openable on its own) with {@code ID.info.json} saying its revision and place: the way back when
 * the database file itself is damaged.
 */
final class Snapshots {

    static final String DIRECTORY = "snapshots";
    private static final ObjectMapper MAPPER = MapJson.newReadingMapper();

    private Snapshots() {
    }

    static byte[] compress(MapDocument doc) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 64 * 1024)) {
            MapJson.write(doc, gz);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static MapDocument decompress(byte[] body, SchemaRegistry schemas, String source) throws MapFormatException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 64 * 1024)) {
            return new MapJsonReader(schemas).read(source, in);
        } catch (IOException e) {
            throw new MapFormatException(source, "gzip", "cannot decompress: " + e.getMessage(), e);
        }
    }

    /** What {@code ID.info.json} says about a snapshot file. */
    record FileInfo(String mapId, long revision, Instant taken, String initialTitle, String workshopId,
                    String workshopName, String teamId, String teamName) {
    }

    static Path documentFile(Path libraryDir, String mapId) {
        return libraryDir.resolve(DIRECTORY).resolve(mapId + MapJson.EXTENSION);
    }

    static Path infoFile(Path libraryDir, String mapId) {
        return libraryDir.resolve(DIRECTORY).resolve(mapId + ".info.json");
    }

    /** Writes the newest snapshot of a map beside the database: the document first, then what it is. */
    static void writeFile(Path libraryDir, MapDocument doc, FileInfo info) throws IOException {
        Files.createDirectories(libraryDir.resolve(DIRECTORY));
        MapJson.writeFile(doc, documentFile(libraryDir, doc.id()));
        ObjectNode o = MAPPER.createObjectNode();
        o.put("map", info.mapId());
        o.put("revision", info.revision());
        o.put("taken", info.taken().toString());
        o.put("initialTitle", info.initialTitle());
        o.put("workshopId", info.workshopId());
        o.put("workshop", info.workshopName());
        o.put("teamId", info.teamId());
        o.put("team", info.teamName());
        Path target = infoFile(libraryDir, doc.id());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(o));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static FileInfo readInfo(Path file) throws IOException {
        JsonNode o = MAPPER.readTree(Files.readAllBytes(file));
        return new FileInfo(o.path("map").asText(), o.path("revision").asLong(-1), Instant.parse(o.path("taken").asText()),
                o.path("initialTitle").asText(""), textOrNull(o, "workshopId"), textOrNull(o, "workshop"),
                textOrNull(o, "teamId"), textOrNull(o, "team"));
    }

    private static String textOrNull(JsonNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
