package org.mapwork.model;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Element and map ids: short random strings, unique across devices without coordination. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghijkmnpqrstuvwxyz".toCharArray();
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:\\-]{0,127}");

    private Ids() {
    }

    /** A new id: a prefix (e.g. {@code "n"} for nodes) and 12 random characters (about 61 bits). */
    public static String newId(String prefix) {
        StringBuilder sb = new StringBuilder(prefix.length() + 13).append(prefix).append('-');
        for (int i = 0; i < 12; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** Whether {@code id} is acceptable as an element or map id. */
    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
