package org.mapwork.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OrderKeyTest {

    @Property(tries = 300)
    void a_key_between_two_keys_sorts_strictly_between_them(@ForAll @IntRange(min = 0, max = 40) int inserts,
                                                            @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        List<String> keys = new ArrayList<>(List.of(OrderKey.first()));
        for (int i = 0; i < inserts; i++) {
            int at = r.nextInt(keys.size() + 1);
            String lower = at == 0 ? null : keys.get(at - 1);
            String upper = at == keys.size() ? null : keys.get(at);
            String k = OrderKey.between(lower, upper);
            assertTrue(OrderKey.isValid(k), k);
            if (lower != null) {
                assertTrue(lower.compareTo(k) < 0, lower + " < " + k);
            }
            if (upper != null) {
                assertTrue(k.compareTo(upper) < 0, k + " < " + upper);
            }
            keys.add(at, k);
        }
    }

    @Test
    void keys_stay_short_when_appending_many() {
        String k = OrderKey.first();
        for (int i = 0; i < 10_000; i++) {
            String after = OrderKey.after(k);
            assertTrue(after.compareTo(k) > 0 && OrderKey.isValid(after), after);
            k = after;
        }
        assertTrue(k.length() <= 8, "length " + k.length());
    }

    @Test
    void keys_stay_short_when_prepending_many() {
        String k = OrderKey.first();
        for (int i = 0; i < 10_000; i++) {
            String before = OrderKey.before(k);
            assertTrue(before.compareTo(k) < 0 && OrderKey.isValid(before), before);
            k = before;
        }
        assertTrue(k.length() <= 8, "length " + k.length());
    }

    @Test
    void two_devices_inserting_between_the_same_neighbours_get_the_same_key_and_ids_break_the_tie() {
        assertEquals(OrderKey.between("a", "b"), OrderKey.between("a", "b"));
    }

    @Test
    void malformed_or_reversed_bounds_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> OrderKey.between("b", "a"));
        assertThrows(IllegalArgumentException.class, () -> OrderKey.between("a0", null));
        assertThrows(IllegalArgumentException.class, () -> OrderKey.between("a!", null));
    }
}
