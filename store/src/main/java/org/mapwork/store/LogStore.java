package org.mapwork.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mapwork.model.Applied;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.schema.Schema;
import org.mapwork.model.schema.SchemaRegistry;

/** The library's tables, read and written through one JDBC connection; no threading of its own. */
final class LogStore {

    private LogStore() {
    }

    static OffsetDateTime ts(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    // ----- library info -----

    static Optional<String> info(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content FROM library_info WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Sets a fact; an UPDATE, then an INSERT when there was none (H2's MERGE … KEY is not PostgreSQL's). */
    static void putInfo(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE library_info SET content = ? WHERE name = ?")) {
            up.setString(1, value);
            up.setString(2, name);
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement("INSERT INTO library_info (name, content) VALUES (?, ?)")) {
            in.setString(1, name);
            in.setString(2, value);
            in.executeUpdate();
        }
    }

    /** Forgets a fact. */
    static void removeInfo(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM library_info WHERE name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    // ----- workshops and teams -----

    static void insertWorkshop(Connection c, Workshop w) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO workshop (id, name, created) VALUES (?, ?, ?)")) {
            ps.setString(1, w.id());
            ps.setString(2, w.name());
            ps.setObject(3, ts(w.created()));
            ps.executeUpdate();
        }
    }

    static void insertTeam(Connection c, Team t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO team (id, workshop_id, name, created) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, t.id());
            ps.setString(2, t.workshopId());
            ps.setString(3, t.name());
            ps.setObject(4, ts(t.created()));
            ps.executeUpdate();
        }
    }

    static List<Workshop> workshops(Connection c) throws SQLException {
        List<Workshop> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, name, created FROM workshop ORDER BY created, id")) {
            while (rs.next()) {
                out.add(new Workshop(rs.getString(1), rs.getString(2), instant(rs, "created")));
            }
        }
        return out;
    }

    static List<Team> teams(Connection c) throws SQLException {
        List<Team> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, workshop_id, name, created FROM team ORDER BY created, id")) {
            while (rs.next()) {
                out.add(new Team(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, "created")));
            }
        }
        return out;
    }

    // ----- maps -----

    private static final String MAP_SELECT = "SELECT m.id, m.title, m.method, m.created, m.updated, m.head_revision, "
            + "w.id AS w_id, w.name AS w_name, w.created AS w_created, "
            + "t.id AS t_id, t.workshop_id AS t_workshop, t.name AS t_name, t.created AS t_created "
            + "FROM map m LEFT JOIN workshop w ON w.id = m.workshop_id LEFT JOIN team t ON t.id = m.team_id ";

    static List<MapEntry> maps(Connection c) throws SQLException {
        List<MapEntry> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(MAP_SELECT + "ORDER BY m.updated DESC, m.id")) {
            while (rs.next()) {
                out.add(entry(rs));
            }
        }
        return out;
    }

    static Optional<MapEntry> map(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MAP_SELECT + "WHERE m.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    private static MapEntry entry(ResultSet rs) throws SQLException {
        Workshop w = rs.getString("w_id") == null ? null
                : new Workshop(rs.getString("w_id"), rs.getString("w_name"), instant(rs, "w_created"));
        Team t = rs.getString("t_id") == null ? null
                : new Team(rs.getString("t_id"), rs.getString("t_workshop"), rs.getString("t_name"), instant(rs, "t_created"));
        return new MapEntry(rs.getString("id"), rs.getString("title"), rs.getString("method"), w, t,
                instant(rs, "created"), instant(rs, "updated"), rs.getLong("head_revision"));
    }

    static String initialTitle(Connection c, String mapId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT initial_title FROM map WHERE id = ?")) {
            ps.setString(1, mapId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new LibraryException("No map with id " + mapId + " in the library");
                }
                return rs.getString(1);
            }
        }
    }

    static void insertMap(Connection c, MapDocument empty, String workshopId, String teamId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO map (id, title, initial_title, method, workshop_id, "
                + "team_id, created, updated, head_revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            ps.setString(1, empty.id());
            ps.setString(2, empty.title());
            ps.setString(3, empty.title());
            ps.setString(4, empty.methodId());
            ps.setString(5, workshopId);
            ps.setString(6, teamId);
            ps.setObject(7, ts(empty.created()));
            ps.setObject(8, ts(empty.created()));
            ps.executeUpdate();
        }
    }

    static void placeMap(Connection c, String mapId, String workshopId, String teamId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE map SET workshop_id = ?, team_id = ? WHERE id = ?")) {
            ps.setString(1, workshopId);
            ps.setString(2, teamId);
            ps.setString(3, mapId);
            ps.executeUpdate();
        }
    }

    static void updateHead(Connection c, String mapId, String title, Instant updated, long head) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE map SET title = ?, updated = ?, head_revision = ? WHERE id = ?")) {
            ps.setString(1, title);
            ps.setObject(2, ts(updated));
            ps.setLong(3, head);
            ps.setString(4, mapId);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("map " + mapId + " is not in the library");
            }
        }
    }

    static long lastSeq(Connection c, String mapId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(last_seq), 0) FROM map_actor WHERE map_id = ?")) {
            ps.setString(1, mapId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ----- the change log -----

    static void insertChangeSet(Connection c, String mapId, long revision, String origin, ChangeSet cs, String body)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_set (map_id, revision, time, actor, max_seq, "
                + "origin, summary, change_count, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long maxSeq = 0;
            for (var ch : cs.changes()) {
                maxSeq = Math.max(maxSeq, ch.stamp().seq());
            }
            ps.setString(1, mapId);
            ps.setLong(2, revision);
            ps.setObject(3, ts(cs.time()));
            ps.setString(4, cs.actor());
            ps.setLong(5, maxSeq);
            ps.setString(6, origin);
            ps.setString(7, clip(cs.describe(), 2000));
            ps.setInt(8, cs.size());
            ps.setString(9, body);
            ps.executeUpdate();
        }
        bumpActors(c, mapId, cs);
    }

    /** Marks a revision of a shared map as standing at {@code serverSeq} of hub {@code hubId}. */
    static void tagChangeSet(Connection c, String mapId, long revision, String hubId, long serverSeq, long clientSeq,
                             long confirmsOutbox) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE change_set SET hub_id = ?, server_seq = ?, client_seq = ? "
                + "WHERE map_id = ? AND revision = ?")) {
            ps.setString(1, hubId);
            ps.setLong(2, serverSeq);
            ps.setLong(3, clientSeq);
            ps.setString(4, mapId);
            ps.setLong(5, revision);
            ps.executeUpdate();
        }
        if (confirmsOutbox > 0) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM shared_outbox WHERE map_id = ? AND first_seq = ?")) {
                ps.setString(1, mapId);
                ps.setLong(2, confirmsOutbox);
                ps.executeUpdate();
            }
        }
    }

    private static void bumpActors(Connection c, String mapId, ChangeSet cs) throws SQLException {
        java.util.Map<String, Long> seqs = new java.util.TreeMap<>();
        for (var ch : cs.changes()) {
            seqs.merge(ch.stamp().actor(), ch.stamp().seq(), Math::max);
        }
        for (var e : seqs.entrySet()) {
            try (PreparedStatement up = c.prepareStatement("UPDATE map_actor SET last_seq = GREATEST(last_seq, ?), "
                    + "change_sets = change_sets + 1, last_time = ? WHERE map_id = ? AND actor = ?")) {
                up.setLong(1, e.getValue());
                up.setObject(2, ts(cs.time()));
                up.setString(3, mapId);
                up.setString(4, e.getKey());
                if (up.executeUpdate() == 0) {
                    try (PreparedStatement in = c.prepareStatement("INSERT INTO map_actor (map_id, actor, last_seq, "
                            + "change_sets, last_time) VALUES (?, ?, ?, 1, ?)")) {
                        in.setString(1, mapId);
                        in.setString(2, e.getKey());
                        in.setLong(3, e.getValue());
                        in.setObject(4, ts(cs.time()));
                        in.executeUpdate();
                    }
                }
            }
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    static List<Revision> revisions(Connection c, String mapId) throws SQLException {
        List<Revision> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT revision, time, actor, origin, summary, change_count "
                + "FROM change_set WHERE map_id = ? ORDER BY revision")) {
            ps.setString(1, mapId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(revision(rs));
                }
            }
        }
        return out;
    }

    private static Revision revision(ResultSet rs) throws SQLException {
        return new Revision(rs.getLong("revision"), instant(rs, "time"), rs.getString("actor"), rs.getString("origin"),
                rs.getString("summary"), rs.getInt("change_count"));
    }

    /** One logged change set as stored. */
    record LoggedChangeSet(Revision revision, String body) {
    }

    /** The logged change sets {@code from < revision <= to}, in order, at most {@code limit}. */
    static List<LoggedChangeSet> changeSets(Connection c, String mapId, long from, long to, int limit) throws SQLException {
        List<LoggedChangeSet> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT revision, time, actor, origin, summary, change_count, body "
                + "FROM change_set WHERE map_id = ? AND revision > ? AND revision <= ? ORDER BY revision LIMIT ?")) {
            ps.setString(1, mapId);
            ps.setLong(2, from);
            ps.setLong(3, to);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LoggedChangeSet(revision(rs), rs.getString("body")));
                }
            }
        }
        return out;
    }

    // ----- snapshots -----

    static void insertSnapshot(Connection c, String mapId, long revision, Instant taken, byte[] body) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE snapshot SET taken = ?, body = ? WHERE map_id = ? AND revision = ?")) {
            up.setObject(1, ts(taken));
            up.setBytes(2, body);
            up.setString(3, mapId);
            up.setLong(4, revision);
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement("INSERT INTO snapshot (map_id, revision, taken, body) VALUES (?, ?, ?, ?)")) {
            in.setString(1, mapId);
            in.setLong(2, revision);
            in.setObject(3, ts(taken));
            in.setBytes(4, body);
            in.executeUpdate();
        }
    }

    static long latestSnapshotRevision(Connection c, String mapId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(revision), -1) FROM snapshot WHERE map_id = ?")) {
            ps.setString(1, mapId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Revisions of the snapshots at or before {@code revision}, newest first. */
    static List<Long> snapshotRevisions(Connection c, String mapId, long revision) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM snapshot WHERE map_id = ? AND revision <= ? "
                + "ORDER BY revision DESC")) {
            ps.setString(1, mapId);
            ps.setLong(2, revision);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    static byte[] snapshotBody(Connection c, String mapId, long revision) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM snapshot WHERE map_id = ? AND revision = ?")) {
            ps.setString(1, mapId);
            ps.setLong(2, revision);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    // ----- documents at a revision -----

    static Schema schemaOf(SchemaRegistry schemas, MapEntry entry) {
        return schemas.schema(entry.methodId()).orElseThrow(() -> new LibraryException("Map \"" + entry.title() + "\" ("
                + entry.id() + ") uses the method \"" + entry.methodId() + "\", which this Mapwork does not know (known: "
                + schemas.methodIds() + ")."));
    }

    /**
     * The document of a map at a revision: the newest snapshot at or before it that reads cleanly, then the logged
     * change sets after that snapshot, each re-applied through the change engine.
     */
    static MapDocument documentAt(Connection c, SchemaRegistry schemas, MapEntry entry, long revision) throws SQLException {
        Schema schema = schemaOf(schemas, entry);
        MapDocument doc = null;
        long from = 0;
        for (long snap : snapshotRevisions(c, entry.id(), revision)) {
            try {
                doc = Snapshots.decompress(snapshotBody(c, entry.id(), snap), schemas,
                        "map " + entry.id() + " snapshot at revision " + snap);
                from = snap;
                break;
            } catch (MapFormatException e) {
                // a snapshot that does not read is skipped: an older one plus more of the log gives the same map
            }
        }
        if (doc == null) {
            doc = MapDocument.empty(entry.id(), initialTitle(c, entry.id()), entry.methodId(), entry.created());
        }
        MapDocument[] at = {doc};
        long reached = forEachLogged(c, entry.id(), from, revision, l -> at[0] = replay(at[0], schema, entry, l).after());
        if (reached < revision) {
            throw new LibraryException("Map \"" + entry.title() + "\" (" + entry.id() + ") has no logged change set "
                    + (reached + 1) + "; its log ends before revision " + revision + ".");
        }
        return at[0];
    }

    /** What to do with each logged change set, in order. */
    @FunctionalInterface
    interface LoggedAction<E extends Exception> {
        void accept(LoggedChangeSet logged) throws E;
    }

    /** How many logged change sets are read at a time when going through a log. */
    private static final int LOG_PAGE = 1000;

    /**
     * Calls {@code action} for the logged change sets {@code from < revision <= to} in order, reading the log a page
     * at a time, until it has handed over {@code to} or the log ends.
     *
     * @return the revision of the last change set handed over ({@code from} when none)
     */
    static <E extends Exception> long forEachLogged(Connection c, String mapId, long from, long to, LoggedAction<E> action)
            throws SQLException, E {
        long at = from;
        while (at < to) {
            List<LoggedChangeSet> page = changeSets(c, mapId, at, to, LOG_PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (LoggedChangeSet l : page) {
                action.accept(l);
                at = l.revision().number();
            }
        }
        return at;
    }

    static Applied replay(MapDocument before, Schema schema, MapEntry entry, LoggedChangeSet l) {
        try {
            return ChangeSetCodec.replay(before, schema, "map " + entry.id() + " revision " + l.revision().number(), l.body());
        } catch (MapFormatException e) {
            throw new LibraryException("The change log of map \"" + entry.title() + "\" does not replay: " + e.getMessage(), e);
        }
    }
}
