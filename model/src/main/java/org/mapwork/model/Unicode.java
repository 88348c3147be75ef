package org.mapwork.model;

/** Checks on text that must survive being written as UTF-8 (files, SVG, the library). */
public final class Unicode {

    private Unicode() {
    }

    /**
     * Why {@code s} cannot be stored as UTF-8, or {@code null} when it can. A lone surrogate (half of an emoji, say,
     * from a broken paste) would silently turn into "?" on disk, so it is refused instead.
     */
    public static String problem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "text has a broken character (an unpaired surrogate) at position " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "text has a broken character (an unpaired surrogate) at position " + i;
            }
        }
        return null;
    }
}
