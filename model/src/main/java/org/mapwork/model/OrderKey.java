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
        if (lower != null && upper == null) {
            return increment(lower);
        }
        if (lower == null && upper != null) {
            return decrement(upper);
        }
        return midpoint(a, upper);
    }

    /**
     * A key after {@code key} that stays short when called again and again (appending is the common case: every new
     * element goes on top). Counts up in base 62 at the key's length, skipping keys that end in '0'; only when every
     * digit is the highest ("zz") does the key double in length ("zz01"), which opens room for 62^n further keys.
     */
    private static String increment(String key) {
        char[] d = key.toCharArray();
        do {
            int p = d.length - 1;
            while (p >= 0 && d[p] == DIGITS.charAt(BASE - 1)) {
                d[p] = '0';
                p--;
            }
            if (p < 0) {
                return key + "0".repeat(key.length() - 1) + "1";
            }
            d[p] = DIGITS.charAt(DIGITS.indexOf(d[p]) + 1);
        } while (d[d.length - 1] == '0');
        return new String(d);
    }

    /** The mirror of {@link #increment} for prepending: counts down; at "0…01" the key doubles in length ("01" → "00zz"). */
    private static String decrement(String key) {
        char[] d = key.toCharArray();
        do {
            int p = d.length - 1;
            while (p >= 0 && d[p] == '0') {
                d[p] = DIGITS.charAt(BASE - 1);
                p--;
            }
            if (p < 0 || (p == d.length - 1 && d[p] == '1' && allZero(d, p))) {
                return "0".repeat(key.length()) + String.valueOf(DIGITS.charAt(BASE - 1)).repeat(key.length());
            }
            d[p] = DIGITS.charAt(DIGITS.indexOf(d[p]) - 1);
        } while (d[d.length - 1] == '0');
        return new String(d);
    }

    private static boolean allZero(char[] d, int before) {
        for (int i = 0; i < before; i++) {
            if (d[i] != '0') {
                return false;
            }
        }
        return true;
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
