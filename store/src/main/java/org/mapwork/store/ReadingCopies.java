package org.mapwork.store;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Reading a library beside the process that owns it (docs/adr/0009): the owner listens on a Unix domain socket
 * {@code library.sock} in the library directory and answers each connection with a consistent copy of its database
 * (H2's {@code BACKUP TO}, taken on a connection of its own while the editor goes on writing); the reader opens that
 * copy in a temporary directory. Nothing but the owner ever opens the library's own database file, and the socket
 * takes no request: connecting is the whole question, so nothing a client sends can make the owner write.
 */
final class ReadingCopies {

    static final String SOCKET = "library.sock";
    private static final String HEADER = "mapwork-library-copy 1\n";
    /** At most this many copies are sent at once; a further connection is closed unanswered. */
    private static final int MAX_AT_ONCE = 2;

    private ReadingCopies() {
    }

    /** The owner's side: serves copies of {@code database} until closed. */
    static final class Server implements AutoCloseable {
        private final Path socket;
        private final ServerSocketChannel channel;
        private final LibraryDatabase database;
        private final AtomicInteger busy = new AtomicInteger();
        private final Thread acceptor;

        private Server(Path socket, ServerSocketChannel channel, LibraryDatabase database) {
            this.socket = socket;
            this.channel = channel;
            this.database = database;
            this.acceptor = new Thread(this::acceptLoop, "mapwork-library-reading-copies");
            acceptor.setDaemon(true);
        }

        /**
         * Starts serving, or returns {@code null} where a Unix domain socket cannot be made there (a path too long
         * for one, a file system without them): the library then works as before, refusing readers while it is open.
         */
        static Server start(Path dir, LibraryDatabase database) {
            Path socket = dir.resolve(SOCKET);
            ServerSocketChannel ch = null;
            try {
                // the caller holds the library's lock, so a socket file left here is a dead owner's
                Files.deleteIfExists(socket);
                ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                ch.bind(UnixDomainSocketAddress.of(socket));
                try {
                    Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the peer's user is checked on each connection as well
                }
                Server s = new Server(socket, ch, database);
                s.acceptor.start();
                return s;
            } catch (IOException | RuntimeException e) {
                if (ch != null) {
                    try {
                        ch.close();
                    } catch (IOException ignored) {
                        // not serving
                    }
                }
                return null;
            }
        }

        private void acceptLoop() {
            while (channel.isOpen()) {
                SocketChannel client;
                try {
                    client = channel.accept();
                } catch (IOException closed) {
                    return;
                }
                if (!sameUser(client)) {
                    closeQuietly(client);
                    continue;
                }
                if (busy.incrementAndGet() > MAX_AT_ONCE) {
                    busy.decrementAndGet();
                    closeQuietly(client);
                    continue;
                }
                Thread t = new Thread(() -> {
                    try {
                        send(client);
                    } finally {
                        busy.decrementAndGet();
                        closeQuietly(client);
                    }
                }, "mapwork-library-reading-copy");
                t.setDaemon(true);
                t.start();
            }
        }

        private static boolean sameUser(SocketChannel client) {
            try {
                UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
                return peer.user().getName().equals(System.getProperty("user.name"));
            } catch (IOException | UnsupportedOperationException e) {
                // no peer credentials here: the socket file's owner-only permissions are the guard
                return true;
            }
        }

        private void send(SocketChannel client) {
            Path copy = null;
            try {
                copy = Files.createTempFile(socket.getParent(), ".reading-copy-", ".zip");
                Files.delete(copy); // BACKUP makes the file itself
                try (Connection c = database.newConnection(); Statement st = c.createStatement()) {
                    st.execute("BACKUP TO '" + copy.toString().replace("'", "''") + "'");
                }
                try (OutputStream raw = Channels.newOutputStream(client);
                     DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16))) {
                    out.write(HEADER.getBytes(StandardCharsets.US_ASCII));
                    out.writeLong(Files.size(copy));
                    Files.copy(copy, out);
                }
            } catch (IOException | SQLException | RuntimeException e) {
                // the reader sees the connection end without a complete copy, and says the library is in use
            } finally {
                if (copy != null) {
                    try {
                        Files.deleteIfExists(copy);
                    } catch (IOException ignored) {
                        // a stray copy in the library directory; the next owner's copies do not depend on it
                    }
                }
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                acceptor.join(2_000);
                Files.deleteIfExists(socket);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException ignored) {
                // a socket file left behind is replaced by the next owner
            }
        }
    }

    /**
     * The reader's side: asks the owner of the library in {@code dir} for a copy and unpacks its database into
     * {@code into} (an empty directory of the caller's).
     *
     * @return whether a complete copy arrived; {@code false} when nobody serves copies there
     */
    static boolean fetch(Path dir, Path into) {
        Path socket = dir.resolve(SOCKET);
        if (!Files.exists(socket)) {
            return false;
        }
        Path zip = into.resolve("copy.zip");
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Channels.newInputStream(ch), 1 << 16))) {
            byte[] header = new byte[HEADER.length()];
            in.readFully(header);
            if (!HEADER.equals(new String(header, StandardCharsets.US_ASCII))) {
                return false;
            }
            long size = in.readLong();
            if (size <= 0) {
                return false;
            }
            try (OutputStream out = Files.newOutputStream(zip)) {
                long copied = copy(in, out, size);
                if (copied != size) {
                    return false;
                }
            }
            return unpackDatabase(zip, into.resolve(Library.DATABASE_FILE));
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(zip);
            } catch (IOException ignored) {
                // inside the caller's temporary directory, which it deletes
            }
        }
    }

    private static long copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buf = new byte[1 << 16];
        long done = 0;
        while (done < size) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, size - done));
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
            done += n;
        }
        return done;
    }

    /** Takes the one entry named like the database out of H2's backup zip; any other entry is ignored. */
    private static boolean unpackDatabase(Path zip, Path target) throws IOException {
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                if (e.getName().equals(Library.DATABASE_FILE)) {
                    Files.copy(z, target, StandardCopyOption.REPLACE_EXISTING);
                    return true;
                }
            }
        }
        return false;
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // done with it
        }
    }
}
