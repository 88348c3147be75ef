package org.mapwork.collab.net;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A short code a person can read out or type, standing for one shared map's join address on one hub: eight
 * characters of Crockford's base 32 (40 bits), shown as {@code K7QM-2PXA}. The hub hands out the join address for a
 * code it issued ({@code GET /join/CODE}, see {@link JoinCodeHandler}), and refuses lookups after a few wrong codes,
 * so guessing one is hopeless (at ten a minute, 2^40 codes take about 200,000 years); the code is never the token.
 *
 * <p>Typing is forgiving, as Crockford's alphabet intends: case, spaces and hyphens do not matter, {@code O} reads as
 * 0 and {@code I}/{@code L} as 1.
 */
public record JoinCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 8;

    public JoinCode {
        if (value == null || value.length() != LENGTH || value.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            throw new IllegalArgumentException("a join code is " + LENGTH + " characters of " + ALPHABET);
        }
    }

    /** A new random code. */
    public static JoinCode random(SecureRandom random) {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new JoinCode(b.toString());
    }

    /** What a person typed, as a code, if it is one ({@code k7qm 2pxa}, {@code K7QM-2PXA}, {@code k7qm2pxa}). */
    public static Optional<JoinCode> read(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder(LENGTH);
        for (char c : typed.strip().toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            char d = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(d) < 0 || b.length() == LENGTH) {
                return Optional.empty();
            }
            b.append(d);
        }
        return b.length() == LENGTH ? Optional.of(new JoinCode(b.toString())) : Optional.empty();
    }

    /** As shown to people: two groups of four. */
    @Override
    public String toString() {
        return value.substring(0, 4) + "-" + value.substring(4);
    }
}
