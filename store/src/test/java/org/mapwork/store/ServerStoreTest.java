package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerStoreTest {

    @Test
    void anAddressGivesHostPortAndDatabaseAndTheEnvironmentTheLogin() {
        ServerStore s = ServerStore.parse("postgresql://db.example.org/mapwork", Map.of("PGUSER", "hub", "PGPASSWORD", "s3cr3t-42"), null);
        assertEquals("db.example.org", s.host());
        assertEquals(5432, s.port());
        assertEquals("mapwork", s.database());
        assertEquals("hub", s.user());
        assertEquals("s3cr3t-42", s.password());
        assertEquals("postgresql://db.example.org/mapwork", s.address());
        assertEquals("jdbc:postgresql://db.example.org:5432/mapwork", s.jdbcUrl());
        assertFalse(s.toString().contains("s3cr3t"), "the password is never shown");

        ServerStore local = ServerStore.parse("postgresql://127.0.0.1:5433/maps", Map.of(), null);
        assertEquals(5433, local.port());
        assertEquals(System.getProperty("user.name"), local.user(), "as PostgreSQL's own tools: the person's name");
        assertNull(local.password());
        assertEquals("postgresql://127.0.0.1:5433/maps", local.address());
        assertEquals("[::1]", ServerStore.parse("postgresql://[::1]/maps", Map.of(), null).host());
        assertEquals(6000, ServerStore.parse("postgresql://[::1]:6000/maps", Map.of(), null).port());
    }

    @Test
    void thePasswordFilesFirstLineWinsOverTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-the-file\nignored\n");
        assertEquals("from-the-file", ServerStore.parse("postgresql://h/d", Map.of("PGPASSWORD", "env"), file).password());
        Files.writeString(file, "");
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ServerStore.parse("postgresql://h/d", Map.of(), file));
        assertTrue(empty.getMessage().contains(file + " is empty"), empty.getMessage());
        Path missing = dir.resolve("none");
        IllegalArgumentException gone = assertThrows(IllegalArgumentException.class,
                () -> ServerStore.parse("postgresql://h/d", Map.of(), missing));
        assertTrue(gone.getMessage().startsWith("Cannot read the password file " + missing), gone.getMessage());
    }

    @Test
    void addressesThatAreNotOursOrCarryALoginAreRefusedSayingWhy() {
        assertEquals("'mysql://h/d' is not a PostgreSQL address: write postgresql://HOST[:PORT]/DATABASE", refused("mysql://h/d"));
        assertTrue(refused("postgresql://hub:secret@h/d").contains("PGPASSWORD or --password-file"));
        assertFalse(refused("postgresql://hub:secret@h/d").contains("secret"), "the password is not repeated");
        assertTrue(refused("postgresql://h").contains("lacks a host or a database"));
        assertTrue(refused("postgresql://h/").contains("lacks a host or a database"));
        assertTrue(refused("postgresql:///d").contains("lacks a host or a database"));
        assertTrue(refused("postgresql://h/d/e").contains("lacks a host or a database"));
        assertEquals("The port '99999' in 'postgresql://h:99999/d' is not a port (1-65535)", refused("postgresql://h:99999/d"));
        assertTrue(refused("postgresql://h/d?sslmode=disable").contains("options after '?'"));
    }

    private static String refused(String address) {
        return assertThrows(IllegalArgumentException.class, () -> ServerStore.parse(address, Map.of(), null)).getMessage();
    }
}
