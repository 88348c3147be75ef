package org.mapwork.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PresenceColoursTest {

    @Test
    void the_hash_is_fnv_1a_32_as_published() {
        // the reference test vectors of FNV-1a, 32 bits (isthe.com/chongo/tech/comp/fnv)
        assertEquals(0x811c9dc5, PresenceColours.fnv1a(new byte[0]));
        assertEquals(0xe40c292c, PresenceColours.fnv1a("a".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0xbf9cf968, PresenceColours.fnv1a("foobar".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void each_actor_has_one_colour_of_the_palette_and_the_palette_is_used_evenly() {
        int[] counts = new int[PresenceColours.PALETTE.size()];
        for (int i = 0; i < 7000; i++) {
            String actor = "dev-" + i;
            String c = PresenceColours.of(actor);
            assertEquals(c, PresenceColours.of(actor), "the same every time");
            assertEquals(PresenceColours.PALETTE.get(PresenceColours.index(actor)), c);
            counts[PresenceColours.index(actor)]++;
        }
        for (int n : counts) {
            assertTrue(n > 700 && n < 1300, "uneven: " + java.util.Arrays.toString(counts));
        }
    }

    @Test
    void the_palette_reads_on_white_and_names_read_on_their_pill() {
        Set<String> distinct = new HashSet<>(PresenceColours.PALETTE);
        assertEquals(PresenceColours.PALETTE.size(), distinct.size());
        for (String c : PresenceColours.PALETTE) {
            double l = PresenceColours.luminance(c);
            double onWhite = 1.05 / (l + 0.05);
            assertTrue(onWhite >= 2.0, c + " against white: " + onWhite);
            String ink = PresenceColours.textOn(c);
            double li = PresenceColours.luminance(ink);
            double contrast = (Math.max(l, li) + 0.05) / (Math.min(l, li) + 0.05);
            assertTrue(contrast >= 4.5, c + " with " + ink + ": " + contrast);
        }
    }
}
