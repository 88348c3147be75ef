package org.mapwork.model;

/**
 * Fractional ordering keys: strings over the base-62 digits {@code 0-9A-Za-z} read as a fraction
 * {@code 0.d1d2d3...}. Between any two keys there is always another, so two devices can insert between
 * the same neighbours without renumbering anyone (equal keys are then ordered by element id).
 * Keys never end in {@code '0'}, which keeps room below every key.
 */
public final class OrderKey {

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int BASE = DIGITS.length();

    private OrderKey() {
    }

    /** The key for the first element of an empty map. */
    public static String first() {
        return between(null, null);
    }

    /** A key strictly after {@code key}. */
    public static String after(String key) {
        return between(key, null);
    }

    /** A key strictly before {@code key}. */
    public static String before(String key) {
        return between(null, key);
    }

    /**
     * A key strictly between {@code lower} and {@code upper}; {@code null} stands for the start or the end.
     *
     * @throws IllegalArgumentException when a key is malformed or {@code lower >= upper}
     */
    public static String between(String lower, String upper) {
        String a = lower == null ? "" : lower;
        if (!a.isEmpty()) {
            requireValid(a);
        }
        if (upper != null) {
            requireValid(upper);
            if (a.compareTo(upper) >= 0) {
                throw new IllegalArgumentException("order key \"" + lower + "\" is not before \"" + upper + '"');
            }
        }
        return midpoint(a, upper);
    }

    /** Whether {@code key} is a well-formed ordering key. */
    public static boolean isValid(String key) {
        if (key == null || key.isEmpty() || key.length() > 1000 || key.charAt(key.length() - 1) == '0') {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (DIGITS.indexOf(key.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void requireValid(String key) {
        if (!isValid(key)) {
            throw new IllegalArgumentException("not an order key: \"" + key + '"');
        }
    }

    /** Midpoint of fractions a (may be "") and b (null = 1), a < b, neither ending in '0'. */
    private static String midpoint(String a, String b) {
        if (b != null) {
            int n = 0;
            while (n < b.length() && (n < a.length() ? a.charAt(n) : '0') == b.charAt(n)) {
                n++;
            }
            if (n > 0) {
                return b.substring(0, n) + midpoint(n < a.length() ? a.substring(n) : "", b.substring(n));
            }
        }
        int da = a.isEmpty() ? 0 : DIGITS.indexOf(a.charAt(0));
        int db = b == null ? BASE : DIGITS.indexOf(b.charAt(0));
        if (db - da > 1) {
            return String.valueOf(DIGITS.charAt((da + db) / 2));
        }
        if (b != null && b.length() > 1) {
            return b.substring(0, 1);
        }
        return DIGITS.charAt(da) + midpoint(a.isEmpty() ? "" : a.substring(1), null);
    }
}
