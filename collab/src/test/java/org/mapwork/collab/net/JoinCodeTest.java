package org.mapwork.collab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class JoinCodeTest {

    @Test
    void typingIsForgivingAsCrockfordIntends() {
        JoinCode code = new JoinCode("K7QM2PXA");
        assertEquals("K7QM-2PXA", code.toString());
        for (String typed : new String[] {"K7QM-2PXA", "k7qm 2pxa", " k7qm2pxa ", "K7QM - 2PXA"}) {
            assertEquals(Optional.of(code), JoinCode.read(typed), typed);
        }
        assertEquals(Optional.of(new JoinCode("0110ABCD")), JoinCode.read("OIL0-abcd"), "O reads as 0, I and L as 1");
        assertTrue(JoinCode.read("K7QM-2PX").isEmpty(), "too short");
        assertTrue(JoinCode.read("K7QM-2PXAB").isEmpty(), "too long");
        assertTrue(JoinCode.read("K7QM-2PXU").isEmpty(), "U is not in the alphabet");
        assertTrue(JoinCode.read(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new JoinCode("k7qm2pxa"));
    }

    @Test
    void randomCodesUseTheWholeAlphabetAndDoNotRepeat() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        Set<Integer> chars = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            JoinCode c = JoinCode.random(random);
            seen.add(c.value());
            c.value().chars().forEach(chars::add);
        }
        assertEquals(2000, seen.size());
        assertEquals(JoinCode.ALPHABET.length(), chars.size());
    }

    @Test
    void afterTenWrongCodesEveryLookupIsRefusedForAMinuteEvenTheRightOne() {
        AtomicLong now = new AtomicLong(1_000);
        JoinCodeHandler handler = new JoinCodeHandler(id -> java.net.URI.create("ws://127.0.0.1:1/maps/" + id), now::get);
        JoinCode right = handler.issue("m1", "Power map", "tok");
        String wrong = right.value().startsWith("0") ? "11111111" : "00000000";
        assertTrue(handler.lookUp(right.value()).isPresent());
        for (int i = 0; i < JoinCodeHandler.WRONG_BURST; i++) {
            Optional<?> answer = handler.lookUp(wrong);
            assertNotNull(answer, "wrong code " + (i + 1) + " is answered 'no such code'");
            assertTrue(answer.isEmpty());
        }
        assertNull(handler.lookUp(wrong), "the eleventh wrong code blocks lookups");
        assertNull(handler.lookUp(right.value()), "while blocked, a guesser cannot tell a right code from a wrong one");
        now.addAndGet(JoinCodeHandler.BLOCK_NANOS - 1);
        assertNull(handler.lookUp(right.value()));
        now.addAndGet(1);
        assertTrue(handler.lookUp(right.value()).isPresent(), "a minute later the right code works again");
        assertNotEquals(right, handler.issue("m1", "Power map", "tok"), "issuing again gives the map a new code");
        assertTrue(handler.lookUp(right.value()).isEmpty(), "and the old one no longer works");
    }
}
