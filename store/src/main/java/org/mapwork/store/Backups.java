package org.mapwork.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.json.MapJson;
import org.mapwork.model.json.MapJsonReader;
import org.mapwork.model.schema.SchemaRegistry;

/**
 * Backups: a zip of the whole library — {@code library.json} (workshops, teams, maps), every map's native JSON
 * ({@code maps/ID.mapwork.json}) and its change log ({@code log/ID.jsonl}, one logged change set per line) — written
 * to {@code backups/} and rotated. A backup restores the library with its full revision history.
 */
final class Backups {

    static final String DIRECTORY = "backups";
    static final String PREFIX = "mapwork-backup-";
    static final String FORMAT = "mapwork-library-backup";
    static final int VERSION = 1;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = MapJson.newReadingMapper();

    private Backups() {
    }

    /** The backups in {@code backups/}, newest first. */
    static List<Path> list(Path libraryDir) throws IOException {
        Path dir = libraryDir.resolve(DIRECTORY);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, PREFIX + "*.zip")) {
            ds.forEach(out::add);
        }
        out.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return out;
    }

    /**
     * Writes a backup of what {@code c} sees (give it a repeatable-read transaction for a consistent picture).
     * Maps whose method is unknown here still get their log and newest snapshot.
     */
    static Path write(Connection c, SchemaRegistry schemas, Path libraryDir, Instant now, String actor, int keep)
            throws IOException, SQLException {
        Path dir = Files.createDirectories(libraryDir.resolve(DIRECTORY));
        Path target = dir.resolve(PREFIX + STAMP.format(now) + ".zip");
        Path tmp = Files.createTempFile(dir, ".backup", ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
                ObjectNode manifest = MAPPER.createObjectNode();
                manifest.put("format", FORMAT);
                manifest.put("version", VERSION);
                manifest.put("created", now.toString());
                manifest.put("actor", actor);
                ArrayNode ws = manifest.putArray("workshops");
                for (Workshop w : LogStore.workshops(c)) {
                    ws.addObject().put("id", w.id()).put("name", w.name()).put("created", w.created().toString());
                }
                ArrayNode ts = manifest.putArray("teams");
                for (Team t : LogStore.teams(c)) {
                    ts.addObject().put("id", t.id()).put("workshop", t.workshopId()).put("name", t.name())
                            .put("created", t.created().toString());
                }
                ArrayNode ms = manifest.putArray("maps");
                for (MapEntry m : LogStore.maps(c)) {
                    ObjectNode o = ms.addObject();
                    o.put("id", m.id()).put("title", m.title()).put("initialTitle", LogStore.initialTitle(c, m.id()))
                            .put("method", m.methodId()).put("created", m.created().toString())
                            .put("updated", m.updated().toString()).put("revision", m.revision());
                    o.put("workshop", m.workshop() == null ? null : m.workshop().id());
                    o.put("team", m.team() == null ? null : m.team().id());
                    zip.putNextEntry(new ZipEntry("maps/" + m.id() + MapJson.EXTENSION));
                    zip.write(currentDocument(c, schemas, m));
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry("log/" + m.id() + ".jsonl"));
                    Writer w = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
                    LogStore.forEachLogged(c, m.id(), 0, m.revision(), l -> w.write("{\"revision\":" + l.revision().number()
                            + ",\"origin\":" + MAPPER.writeValueAsString(l.revision().origin()) + ",\"changeSet\":" + l.body() + "}\n"));
                    w.flush();
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry("library.json"));
                zip.write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        List<Path> all = list(libraryDir);
        for (int i = keep; i < all.size(); i++) {
            Files.deleteIfExists(all.get(i));
        }
        return target;
    }

    private static byte[] currentDocument(Connection c, SchemaRegistry schemas, MapEntry m) throws SQLException {
        try {
            return MapJson.toBytes(LogStore.documentAt(c, schemas, m, m.revision()));
        } catch (LibraryException unknownMethodOrBrokenLog) {
            // keep what there is: the newest snapshot as stored (its log is in the backup too)
            long snap = LogStore.latestSnapshotRevision(c, m.id());
            byte[] body = snap < 0 ? null : LogStore.snapshotBody(c, m.id(), snap);
            if (body == null) {
                return new byte[0];
            }
            try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                return in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        }
    }

    /** One map as a backup holds it. */
    record MapRecord(String id, String title, String initialTitle, String method, Instant created, long revision,
                     String workshopId, String teamId) {
    }

    /** An opened backup file. */
    static final class Contents implements AutoCloseable {
        final Path file;
        final ZipFile zip;
        final Instant created;
        final List<Workshop> workshops = new ArrayList<>();
        final List<Team> teams = new ArrayList<>();
        final List<MapRecord> maps = new ArrayList<>();

        private Contents(Path file, ZipFile zip, Instant created) {
            this.file = file;
            this.zip = zip;
            this.created = created;
        }

        MapDocument document(String mapId, SchemaRegistry schemas) throws IOException, MapFormatException {
            ZipEntry e = entry("maps/" + mapId + MapJson.EXTENSION);
            try (InputStream in = zip.getInputStream(e)) {
                return new MapJsonReader(schemas).read(file + "!/" + e.getName(), in);
            }
        }

        /** Calls {@code line} for each logged change set: (revision, origin, change set JSON). */
        void log(String mapId, LogLine line) throws IOException, MapFormatException {
            ZipEntry e = entry("log/" + mapId + ".jsonl");
            try (BufferedReader r = new BufferedReader(new InputStreamReader(zip.getInputStream(e), StandardCharsets.UTF_8))) {
                String text;
                int n = 0;
                while ((text = r.readLine()) != null) {
                    n++;
                    if (text.isBlank()) {
                        continue;
                    }
                    String where = file + "!/" + e.getName() + " line " + n;
                    JsonNode o;
                    try {
                        o = MAPPER.readTree(text);
                    } catch (IOException bad) {
                        throw new MapFormatException(where, "$", "not valid JSON: " + bad.getMessage(), bad);
                    }
                    if (!o.path("revision").canConvertToLong() || !o.path("changeSet").isObject()) {
                        throw new MapFormatException(where, "$", "expected {\"revision\": n, \"origin\": ..., \"changeSet\": {...}}");
                    }
                    line.accept(o.get("revision").asLong(), o.path("origin").asText("LOCAL"), o.get("changeSet"), where);
                }
            }
        }

        private ZipEntry entry(String name) throws IOException {
            ZipEntry e = zip.getEntry(name);
            if (e == null) {
                throw new IOException(file + " has no " + name);
            }
            return e;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    @FunctionalInterface
    interface LogLine {
        void accept(long revision, String origin, JsonNode changeSet, String where) throws MapFormatException;
    }

    static Contents open(Path file) throws IOException, MapFormatException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MapFormatException(file.toString(), "zip", "not a readable zip file: " + e.getMessage(), e);
        }
        try {
            ZipEntry m = zip.getEntry("library.json");
            if (m == null) {
                throw new MapFormatException(file.toString(), "library.json", "missing: this is not a Mapwork library backup");
            }
            JsonNode root;
            try (InputStream in = zip.getInputStream(m)) {
                root = MAPPER.readTree(in);
            }
            String where = file + "!/library.json";
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new MapFormatException(where, "$.format", "expected \"" + FORMAT + "\"");
            }
            if (root.path("version").asInt(0) > VERSION) {
                throw new MapFormatException(where, "$.version", "written by a newer Mapwork (version "
                        + root.path("version").asInt() + "); this one reads version " + VERSION);
            }
            Contents c = new Contents(file, zip, Instant.parse(root.path("created").asText()));
            for (JsonNode w : root.path("workshops")) {
                c.workshops.add(new Workshop(w.path("id").asText(), w.path("name").asText(), Instant.parse(w.path("created").asText())));
            }
            for (JsonNode t : root.path("teams")) {
                c.teams.add(new Team(t.path("id").asText(), t.path("workshop").asText(), t.path("name").asText(),
                        Instant.parse(t.path("created").asText())));
            }
            JsonNode maps = root.path("maps");
            for (int i = 0; i < maps.size(); i++) {
                JsonNode o = maps.get(i);
                if (!o.path("id").isTextual() || !o.path("method").isTextual() || !o.path("created").isTextual()) {
                    throw new MapFormatException(where, "$.maps[" + i + "]", "expected id, method and created");
                }
                c.maps.add(new MapRecord(o.get("id").asText(), o.path("title").asText(), o.path("initialTitle").asText(),
                        o.get("method").asText(), Instant.parse(o.get("created").asText()), o.path("revision").asLong(),
                        o.hasNonNull("workshop") ? o.get("workshop").asText() : null,
                        o.hasNonNull("team") ? o.get("team").asText() : null));
            }
            return c;
        } catch (IOException | RuntimeException | MapFormatException e) {
            zip.close();
            if (e instanceof MapFormatException mfe) {
                throw mfe;
            }
            throw new MapFormatException(file.toString(), "library.json", "cannot read: " + e.getMessage(), e);
        }
    }

    static Map<String, Workshop> byId(List<Workshop> ws) {
        Map<String, Workshop> m = new HashMap<>();
        ws.forEach(w -> m.put(w.id(), w));
        return m;
    }
}
