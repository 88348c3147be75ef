package org.mapwork.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;

/**
 * The shared maps this device holds (joined through a hub): each is a map of the library whose revisions are the hub's
 * order as this device confirmed it (each tagged with the hub's id and server sequence number:
 * {@link MapRecorder#tagNext}), with its share state: the hub's address (without the join token, which is kept in an
 * owner-only file {@code shares/MAP_ID.token} beside the database and never in the database or a log), who edits it
 * here, and the outbox: the change sets made here that the hub has not confirmed yet, in order, each durable before
 * {@link #queue} completes. Got from {@link Library#shared()}; the collaboration module keeps it up to date.
 */
public final class SharedMaps {

    /**
     * One shared map held here.
     *
     * @param address           the map's WebSocket address, without the token
     * @param hubId             the hub whose order the confirmed map counts
     * @param confirmedSeq      the server sequence number the confirmed map stands at
     * @param confirmedRevision the library revision of the map that is the confirmed map
     * @param lastSeq           the highest sequence number {@code actor} has used on the map (queued or sent)
     */
    public record Share(String mapId, String address, String actor, String name, String hubId, long confirmedSeq,
                        long confirmedRevision, long lastSeq, Instant joined) {
    }

    /** One change set of the outbox, in the collaboration wire form ({@code body}), named by its first sequence number. */
    public record Queued(long firstSeq, boolean conditional, String body) {
        public Queued {
            Objects.requireNonNull(body, "body");
        }
    }

    private final LibraryDatabase database;
    private final Maps maps;
    private final Clock clock;

    SharedMaps(LibraryDatabase database, Maps maps, Clock clock) {
        this.database = database;
        this.maps = maps;
        this.clock = clock;
    }

    /**
     * Keeps a map just joined: a new map of the library holding {@code doc} (revision 1 builds it, stamped by the hub's
     * id), standing at {@code serverSeq} of {@code hubId}, and the token in its owner-only file. Waits until durable.
     *
     * @param address the map's address without the token ({@code ws://HOST:PORT/maps/MAP_ID})
     * @throws LibraryException when the library already has a map with that id
     */
    public Share keep(MapDocument doc, String address, String token, String actor, String name, String hubId,
                      long serverSeq, long lastSeq) {
        Objects.requireNonNull(doc, "doc");
        if (address.contains("#")) {
            throw new IllegalArgumentException("the address is kept without its token (the part after #)");
        }
        if (!Ids.isValid(actor) || !Ids.isValid(hubId)) {
            throw new IllegalArgumentException("not a valid actor or hub id: " + actor + ", " + hubId);
        }
        writeToken(doc.id(), token);
        database.write(c -> {
            if (LogStore.map(c, doc.id()).isPresent()) {
                throw new LibraryException("The library already has a map with id " + doc.id()
                        + "; open it from the library instead of joining it again.");
            }
            long revision = maps.insertDocument(c, doc, maps.schemaOf(doc.methodId()), null, null, hubId,
                    "Joined from hub " + hubId, "JOIN");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO shared_map (map_id, address, actor, name, hub_id, "
                    + "base_seq, base_revision, last_seq, joined) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, doc.id());
                ps.setString(2, address);
                ps.setString(3, actor);
                ps.setString(4, name == null ? "" : name);
                ps.setString(5, hubId);
                ps.setLong(6, serverSeq);
                ps.setLong(7, revision);
                ps.setLong(8, lastSeq);
                ps.setObject(9, LogStore.ts(clock.instant()));
                ps.executeUpdate();
            }
            return null;
        });
        return find(doc.id()).orElseThrow();
    }

    /** Every shared map held here, by map id. */
    public List<Share> list() {
        return database.read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT map_id FROM shared_map ORDER BY map_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            List<Share> out = new ArrayList<>(ids.size());
            for (String id : ids) {
                share(c, id).ifPresent(out::add);
            }
            return out;
        });
    }

    public Optional<Share> find(String mapId) {
        return database.read(c -> share(c, mapId));
    }

    private static Optional<Share> share(Connection c, String mapId) throws SQLException {
        Share base;
        try (PreparedStatement ps = c.prepareStatement("SELECT address, actor, name, hub_id, base_seq, base_revision, last_seq, "
                + "joined FROM shared_map WHERE map_id = ?")) {
            ps.setString(1, mapId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                base = new Share(mapId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), LogStore.instant(rs, "joined"));
            }
        }
        // the newest tagged revision, when it is at or after the base, says where the confirmed map stands
        try (PreparedStatement ps = c.prepareStatement("SELECT revision, hub_id, server_seq FROM change_set WHERE map_id = ? "
                + "AND server_seq IS NOT NULL ORDER BY revision DESC LIMIT 1")) {
            ps.setString(1, mapId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) > base.confirmedRevision()) {
                    return Optional.of(new Share(mapId, base.address(), base.actor(), base.name(), rs.getString(2),
                            rs.getLong(3), rs.getLong(1), base.lastSeq(), base.joined()));
                }
            }
        }
        return Optional.of(base);
    }

    /** The map's join token, from its owner-only file. */
    public String token(String mapId) {
        Path f = tokenFile(mapId);
        try {
            String t = Files.readString(f, StandardCharsets.UTF_8).strip();
            if (t.isEmpty()) {
                throw new LibraryException(f + " is empty: join the map again with its address");
            }
            return t;
        } catch (IOException e) {
            throw new LibraryException("Cannot read the join token of map " + mapId + " (" + f + "): " + e.getMessage()
                    + "; join the map again with its address", e);
        }
    }

    /**
     * Puts a local change set at the end of the map's outbox (and moves the actor's last sequence number past it);
     * completes when that is durable (then the editor may say the change is kept).
     */
    public CompletableFuture<Void> queue(String mapId, Queued q, long lastSeq) {
        return database.writer().submit(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO shared_outbox (map_id, first_seq, conditional, body) "
                    + "VALUES (?, ?, ?, ?)")) {
                ps.setString(1, mapId);
                ps.setLong(2, q.firstSeq());
                ps.setBoolean(3, q.conditional());
                ps.setString(4, q.body());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE shared_map SET last_seq = GREATEST(last_seq, ?) WHERE map_id = ?")) {
                ps.setLong(1, lastSeq);
                ps.setString(2, mapId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Takes the outbox's change set {@code firstSeq} out (the hub committed or refused it); completes when durable. */
    public CompletableFuture<Void> unqueue(String mapId, long firstSeq) {
        return database.writer().submit(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM shared_outbox WHERE map_id = ? AND first_seq = ?")) {
                ps.setString(1, mapId);
                ps.setLong(2, firstSeq);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The confirmed map stands at {@code serverSeq} of {@code hubId} at library revision {@code revision} without a
     * tagged revision of its own (a snapshot equal to the map held, a new hub's numbering); completes when durable.
     */
    public CompletableFuture<Void> rebased(String mapId, String hubId, long serverSeq, long revision) {
        return database.writer().submit(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE shared_map SET hub_id = ?, base_seq = ?, base_revision = ? "
                    + "WHERE map_id = ?")) {
                ps.setString(1, hubId);
                ps.setLong(2, serverSeq);
                ps.setLong(3, revision);
                ps.setString(4, mapId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The map's hub is at another address now (another laptop hosts it, or the host moved): the next reopen connects
     * there, with {@code token} (written to its owner-only file first). Completes when durable.
     *
     * @param address the map's address without the token ({@code ws://HOST:PORT/maps/MAP_ID})
     */
    public CompletableFuture<Void> moved(String mapId, String address, String token) {
        if (address.contains("#")) {
            throw new IllegalArgumentException("the address is kept without its token (the part after #)");
        }
        if (!token.equals(token(mapId))) {
            writeToken(mapId, token);
        }
        return database.writer().submit(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE shared_map SET address = ? WHERE map_id = ?")) {
                ps.setString(1, address);
                ps.setString(2, mapId);
                if (ps.executeUpdate() != 1) {
                    throw new LibraryException("Map " + mapId + " is not a shared map of this library");
                }
            }
            return null;
        });
    }

    /** A revision of a shared map that is an entry of a hub's order: which hub, its serverSeq and clientSeq. */
    public record Tagged(long revision, String hubId, long serverSeq, String actor, long clientSeq) {
    }

    /**
     * The newest revisions of the map that are entries of a hub's order (at most {@code limit}), oldest first: what
     * the device uploads to a hub that lost them.
     */
    public List<Tagged> tagged(String mapId, int limit) {
        return database.read(c -> {
            List<Tagged> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT revision, hub_id, server_seq, actor, client_seq FROM change_set "
                    + "WHERE map_id = ? AND server_seq IS NOT NULL AND client_seq IS NOT NULL ORDER BY revision DESC LIMIT ?")) {
                ps.setString(1, mapId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(0, new Tagged(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5)));
                    }
                }
            }
            return out;
        });
    }

    /** The map's outbox, in the order made. */
    public List<Queued> outbox(String mapId) {
        return database.read(c -> {
            List<Queued> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT first_seq, conditional, body FROM shared_outbox WHERE map_id = ? "
                    + "ORDER BY first_seq")) {
                ps.setString(1, mapId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Queued(rs.getLong(1), rs.getBoolean(2), rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    /** Completes when everything queued to the library so far is durable. */
    public CompletableFuture<Void> flush() {
        return database.writer().barrier();
    }

    private void writeToken(String mapId, String token) {
        if (token == null || token.isBlank() || token.contains("\n")) {
            throw new IllegalArgumentException("a join token is one line of text");
        }
        Path dir = sharesDirectory();
        Path tmp = dir.resolve(mapId + ".token.tmp");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, tokenFile(mapId), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LibraryException("Cannot keep the join token of map " + mapId + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path tokenFile(String mapId) {
        if (!Ids.isValid(mapId)) {
            throw new IllegalArgumentException("not a valid map id: " + mapId);
        }
        return sharesDirectory().resolve(mapId + ".token");
    }

    /** Where join tokens are kept: a device's library directory (a server joins no one's hub). */
    private Path sharesDirectory() {
        if (database.directory() == null) {
            throw new LibraryException("The library " + database.where() + " is kept on a database server, which holds "
                    + "no device's shares of maps hosted elsewhere.");
        }
        return database.directory().resolve("shares");
    }
}
