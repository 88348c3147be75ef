package org.mapwork.collab.net;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

import org.mapwork.store.Library;

/**
 * What a host ({@code mapwork hub}, or the editor's Share on this network…) keeps of each map it shares, so that the
 * hub started again carries on where it stopped and devices reconnect with the join address they have: the map's join
 * token, the id of the hub last started, the library revision its order starts from, and the port it listened on
 * (0: none kept). One file per map in the library's {@code hub/} directory, readable by its owner only (it holds the
 * token); for a library on a database server, in its database ({@link #of(Library)}).
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

    /** Where the shares' text is kept: files of a library directory, or facts of a library on a database server. */
    private interface Kept {
        /** The map's share as stored, or {@code null}. */
        String read(String mapId) throws IOException;

        void write(String mapId, String text) throws IOException;

        void delete(String mapId) throws IOException;

        /** Where the map's share is, for messages. */
        String where(String mapId);
    }

    private final Kept kept;

    /** The shares kept in the library directory {@code library}. */
    public HubShares(Path library) {
        this.kept = new InFiles(library.resolve("hub"));
    }

    private HubShares(Kept kept) {
        this.kept = kept;
    }

    /**
     * The shares of {@code library}'s maps where the library is: files in its directory, or, for a library on a
     * database server, in the database itself, so that any hub node started on it carries the share on.
     */
    public static HubShares of(Library library) {
        return library.isOnServer() ? new HubShares(new InLibrary(library)) : new HubShares(library.directory());
    }

    /** The map's last share, if it was shared from this library before. */
    public Optional<Share> find(String mapId) throws IOException {
        String text = kept.read(mapId);
        if (text == null) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.load(new StringReader(text));
        String token = p.getProperty("token");
        String hubId = p.getProperty("hub");
        String at = p.getProperty("sharedAt");
        if (token == null || hubId == null || at == null || !at.matches("\\d{1,18}")) {
            throw new IOException(kept.where(mapId) + ": not a share this command wrote (token, hub, sharedAt); delete it "
                    + "to share anew");
        }
        String port = p.getProperty("port", "0");
        return Optional.of(new Share(token, hubId, Long.parseLong(at), port.matches("\\d{1,5}") ? Integer.parseInt(port) : 0));
    }

    /** Keeps the map's share (a file: owner-only, replaced atomically). */
    public void save(String mapId, Share share) throws IOException {
        Properties p = new Properties();
        p.setProperty("token", share.token());
        p.setProperty("hub", share.hubId());
        p.setProperty("sharedAt", Long.toString(share.sharedAt()));
        p.setProperty("port", Integer.toString(share.port()));
        StringWriter text = new StringWriter();
        p.store(text, "mapwork hub: the share of map " + mapId + " (holds its join token)");
        kept.write(mapId, text.toString());
    }

    /** Forgets the map's share: the next share starts anew, with a new token. */
    public void forget(String mapId) throws IOException {
        kept.delete(mapId);
    }

    /** One file per map in the library's {@code hub/} directory, readable by its owner only. */
    private record InFiles(Path dir) implements Kept {
        @Override
        public String read(String mapId) throws IOException {
            Path f = file(mapId);
            return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : null;
        }

        @Override
        public void write(String mapId, String text) throws IOException {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(mapId + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.write(text);
            }
            Files.move(tmp, file(mapId), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void delete(String mapId) throws IOException {
            Files.deleteIfExists(file(mapId));
        }

        @Override
        public String where(String mapId) {
            return file(mapId).toString();
        }

        private Path file(String mapId) {
            return dir.resolve(mapId + ".properties");
        }
    }

    /** The library's own facts ({@link Library#fact}), one per map: on a server, every node reads the same. */
    private record InLibrary(Library library) implements Kept {
        @Override
        public String read(String mapId) {
            return library.fact(name(mapId)).orElse(null);
        }

        @Override
        public void write(String mapId, String text) {
            library.keepFact(name(mapId), text);
        }

        @Override
        public void delete(String mapId) {
            library.keepFact(name(mapId), null);
        }

        @Override
        public String where(String mapId) {
            return library.location() + " (" + name(mapId) + ")";
        }

        private static String name(String mapId) {
            return "hub-share/" + mapId;
        }
    }
}
