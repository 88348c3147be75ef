package org.mapwork.collab;

/**
 * How the hub cleans the name a device gives in its hello before anyone sees it (docs/protocol.md, "Names"): names
 * are trimmed, never refused. Control and format characters (Unicode Cc, Cf, Co: escapes, bidi overrides,
 * zero-width joiners, private use) and lone surrogates are taken out, every run of white space becomes one space, the
 * ends are stripped, and the name is cut to {@link #MAX_LENGTH} code points; a name left empty becomes the actor id.
 */
public final class PeerNames {

    /** Longest name shown, in code points. */
    public static final int MAX_LENGTH = 40;
    /** Longest name a hub message may carry (a hub sends cleaned names only; more is refused when read). */
    public static final int MAX_WIRE_LENGTH = 256;

    private PeerNames() {
    }

    public static String clean(String name, String actor) {
        StringBuilder out = new StringBuilder();
        int kept = 0;
        boolean space = false;
        String s = name == null ? "" : name;
        for (int i = 0; i < s.length() && kept < MAX_LENGTH; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.CONTROL && !Character.isWhitespace(cp) || type == Character.FORMAT
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                kept++;
                space = false;
                if (kept >= MAX_LENGTH) {
                    break;
                }
            }
            out.appendCodePoint(cp);
            kept++;
        }
        String r = out.toString().strip();
        return r.isEmpty() ? actor : r;
    }
}
