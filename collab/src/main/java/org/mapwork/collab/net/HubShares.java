package org.mapwork.collab.net;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * What a host ({@code mapwork hub}, or the editor's Share on this network…) keeps of each map it shares, so that the
 * hub started again carries on where it stopped and devices reconnect with the join address they have: the map's join
 * token, the id of the hub last started, the library revision its order starts from, and the port it listened on
 * (0: none kept). One file per map in the library's {@code hub/} directory, readable by its owner only (it holds the
 * token).
 */
public final class HubShares {

    /** One map's share. */
    public record Share(String token, String hubId, long sharedAt, int port) {
        public Share(String token, String hubId, long sharedAt) {
            this(token, hubId, sharedAt, 0);
        }

        /** The same share carried on by a hub started again (a new hub id; maybe another port). */
        public Share carriedOnBy(String newHubId, int newPort) {
            return new Share(token, newHubId, sharedAt, newPort);
        }
    }

    private final Path dir;

    /** The shares kept in the library directory {@code library}. */
    public HubShares(Path library) {
        this.dir = library.resolve("hub");
    }

    /** The map's last share, if it was shared from this library before. */
    public Optional<Share> find(String mapId) throws IOException {
        Path f = file(mapId);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String token = p.getProperty("token");
        String hubId = p.getProperty("hub");
        String at = p.getProperty("sharedAt");
        if (token == null || hubId == null || at == null || !at.matches("\\d{1,18}")) {
            throw new IOException(f + ": not a share this command wrote (token, hub, sharedAt); delete it to share anew");
        }
        String port = p.getProperty("port", "0");
        return Optional.of(new Share(token, hubId, Long.parseLong(at), port.matches("\\d{1,5}") ? Integer.parseInt(port) : 0));
    }

    /** Keeps the map's share (owner-only file, replaced atomically). */
    public void save(String mapId, Share share) throws IOException {
        Files.createDirectories(dir);
        Path f = file(mapId);
        Path tmp = dir.resolve(mapId + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Properties p = new Properties();
        p.setProperty("token", share.token());
        p.setProperty("hub", share.hubId());
        p.setProperty("sharedAt", Long.toString(share.sharedAt()));
        p.setProperty("port", Integer.toString(share.port()));
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "mapwork hub: the share of map " + mapId + " (holds its join token)");
        }
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Forgets the map's share: the next share starts anew, with a new token. */
    public void forget(String mapId) throws IOException {
        Files.deleteIfExists(file(mapId));
    }

    private Path file(String mapId) {
        return dir.resolve(mapId + ".properties");
    }
}
