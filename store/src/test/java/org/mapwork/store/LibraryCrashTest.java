package org.mapwork.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mapwork.model.json.MapJson;

/**
 * Kills a Mapwork that is busy editing, with SIGKILL, at random moments, again and again, and checks after every kill
 * that the library opens cleanly and holds every change set the library had acknowledged as durable.
 */
class LibraryCrashTest {

    /** At least 50; {@code -Dmapwork.crashKills=N} runs more. */
    private static final int KILLS = Math.max(50, Integer.getInteger("mapwork.crashKills", 50));

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedChangeSurvivesKillMinus9() throws Exception {
        Random random = new Random(20261122);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int acknowledged = 0;
        int roundsWithAcks = 0;
        long checkedRevisions = 0;
        int compared = 0;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int kill = 0; kill < KILLS; kill++) {
            Path out = dir.resolve("child-" + kill + ".txt");
            Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                    "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), dir.resolve("lib").toString(),
                    Long.toString(kill))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            // kill at a random moment: now and then while it is still opening, mostly while it edits
            boolean early = random.nextInt(8) == 0;
            long start = System.nanoTime();
            if (!early) {
                while (child.isAlive() && !Files.readString(out).contains("ready")
                        && System.nanoTime() - start < 20_000_000_000L) {
                    Thread.sleep(5);
                }
            }
            Thread.sleep(early ? 100 + random.nextInt(1200) : 20 + random.nextInt(400));
            assertTrue(child.isAlive(), () -> "the child ended by itself: " + read(out));
            child.destroyForcibly();
            child.waitFor();

            Map<Long, String> digests = new HashMap<>();
            long durable = -1;
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                String[] p = line.split(" ");
                if (p[0].equals("applied") && p.length == 3) {
                    digests.put(Long.parseLong(p[1]), p[2]);
                } else if (p[0].equals("durable") && p.length == 2) {
                    long r = Long.parseLong(p[1]);
                    if (r > durable) {
                        acknowledged++;
                        durable = r;
                    }
                }
            }
            try (Library lib = Library.open(dir.resolve("lib"), TestMaps.SCHEMAS,
                    Library.Options.defaults().withSnapshotEvery(50).withBackupOnClose(false))) {
                if (durable < 0) {
                    continue;
                }
                roundsWithAcks++;
                MapEntry entry = lib.map(CrashChild.MAP_ID);
                final long acked = durable;
                assertTrue(entry.revision() >= durable, () -> "acknowledged revision " + acked + " but the library is at "
                        + entry.revision());
                // the child prints "applied" after the writer may already have acknowledged: compare at the newest
                // acknowledged revision whose digest was printed
                long at = durable;
                while (at > 0 && !digests.containsKey(at)) {
                    at--;
                }
                if (digests.containsKey(at)) {
                    String actual = HexFormat.of().formatHex(sha.digest(MapJson.toJson(lib.documentAt(CrashChild.MAP_ID, at))
                            .getBytes(StandardCharsets.UTF_8)));
                    assertEquals(digests.get(at), actual, "the map at acknowledged revision " + at + " after kill " + kill);
                    compared++;
                }
                checkedRevisions = Math.max(checkedRevisions, durable);
            }
        }
        System.out.printf("crash test: %d kills (SIGKILL); %d rounds had acknowledged change sets; %d acknowledgements read;"
                + " every acknowledged revision (1..%d) present after each kill; the whole map compared byte for byte at an"
                + " acknowledged revision in %d rounds%n", KILLS, roundsWithAcks, acknowledged, checkedRevisions, compared);
        assertTrue(roundsWithAcks >= KILLS / 2, "too few rounds got to edit: " + roundsWithAcks);
    }

    private static String read(Path p) {
        try {
            List<String> lines = Files.readAllLines(p);
            return String.join("\n", lines.subList(0, Math.min(30, lines.size())));
        } catch (Exception e) {
            return e.toString();
        }
    }
}
