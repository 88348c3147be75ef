package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.model.Applied;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Stamp;

class LibraryMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aLibraryWithOnlyTheFirstSchemaIsBroughtUpToDateAndItsMapsOpen() throws Exception {
        // a library as the first Mapwork wrote it: tables of V1 only, one map with two logged change sets
        LibraryFiles.migrate(dir, "1");
        MapDocument empty = TestMaps.empty("m-old", "Old map");
        Applied first = ChangeEngine.apply(empty, TestMaps.SCHEMA, stamp(TestMaps.starterContent(), "a-old", 1));
        Applied second = ChangeEngine.apply(first.after(), TestMaps.SCHEMA,
                stamp(ChangeSet.of("Rename", Change.setLabel("n-union", "Union local 7")), "a-old", 8));
        try (Connection c = DriverManager.getConnection(LibraryFiles.url(dir), LibraryFiles.USER, "")) {
            c.createStatement().execute("INSERT INTO map (id, title, initial_title, method, created, updated, head_revision) "
                    + "VALUES ('m-old', 'Old map', 'Old map', '" + TestMaps.METHOD + "', TIMESTAMP WITH TIME ZONE "
                    + "'2026-11-22 09:00:00Z', TIMESTAMP WITH TIME ZONE '2026-11-22 09:00:00Z', 2)");
            insert(c, 1, first.changeSet());
            insert(c, 2, second.changeSet());
            c.createStatement().execute("SHUTDOWN");
        }

        try (Library lib = Library.open(dir, TestMaps.SCHEMAS, Library.Options.defaults().withBackupOnClose(false))) {
            LoadedMap m = lib.load("m-old");
            assertEquals(second.after(), m.document());
            assertEquals(8, m.lastSeq(), "V2 filled the actors' sequence numbers from the old log");
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith(Library.DATABASE_FILE + ".before-upgrade-")).count(),
                    "the library as it was is kept before upgrading");
        }
        try (Connection c = DriverManager.getConnection(LibraryFiles.url(dir), LibraryFiles.USER, "");
             var rs = c.createStatement().executeQuery("SELECT MAX(\"version\") FROM \"flyway_schema_history\"")) {
            rs.next();
            assertEquals(Integer.toString(LibraryFiles.SCHEMA_VERSION), rs.getString(1));
        }
    }

    @Test
    void theCodeKnowsTheNewestMigration() throws IOException, URISyntaxException {
        Path migrations = Path.of(Library.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(migrations)) {
            int newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElse(0);
            assertEquals(newest, LibraryFiles.SCHEMA_VERSION);
        }
    }

    private static ChangeSet stamp(ChangeSet draft, String actor, long firstSeq) {
        long seq = firstSeq;
        List<Change> out = new java.util.ArrayList<>();
        for (Change c : draft.changes()) {
            out.add(c.withStamp(new Stamp(actor, seq++)));
        }
        return new ChangeSet(out, draft.summary(), Instant.parse("2026-11-22T09:30:00Z"));
    }

    private static void insert(Connection c, long revision, ChangeSet cs) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_set (map_id, revision, time, actor, max_seq, origin, "
                + "summary, change_count, body) VALUES ('m-old', ?, TIMESTAMP WITH TIME ZONE '2026-11-22 09:30:00Z', ?, ?, 'LOCAL', ?, ?, ?)")) {
            ps.setLong(1, revision);
            ps.setString(2, cs.actor());
            ps.setLong(3, cs.changes().stream().mapToLong(ch -> ch.stamp().seq()).max().orElse(0));
            ps.setString(4, cs.describe());
            ps.setInt(5, cs.size());
            ps.setString(6, ChangeSetCodec.toJson(cs));
            ps.executeUpdate();
        }
    }
}
