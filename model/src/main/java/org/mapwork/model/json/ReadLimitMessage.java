package org.mapwork.model.json;

import java.text.NumberFormat;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * A reading limit that a file went past, said in the reader's words ("a number at line 1 has more than 64 digits")
 * rather than Jackson's ("String value length (5043368) exceeds ... StreamReadConstraints.getMaxStringLength()").
 * The parser that was reading tells where, and whether the value was text or a number (Jackson reads strings
 * lazily, so a text value is the current token; a number is still being read when its digits run over).
 */
public final class ReadLimitMessage {

    private ReadLimitMessage() {
    }

    /** Where the limit was reached: "line L, column C", or "file" when the parser does not say. */
    public static String where(StreamConstraintsException e, JsonParser parser) {
        JsonLocation loc = e.getLocation();
        if (loc == null && parser != null) {
            loc = parser.currentLocation();
        }
        return loc == null || loc.getLineNr() < 1 ? "file" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** What went past which limit, in plain words, with the limit as {@link MapJson#READ_LIMITS} sets it. */
    public static String of(StreamConstraintsException e, JsonParser parser) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        var limits = MapJson.READ_LIMITS;
        if (m.startsWith("Number value length")) {
            return "a number has more than " + count(limits.getMaxNumberLength()) + " digits, more than any map needs";
        }
        if (m.startsWith("String value length")) {
            // Jackson counts a very long number as text while it is still reading it: the token tells them apart
            boolean text = parser != null && parser.currentToken() == JsonToken.VALUE_STRING;
            return text
                    ? "a text value is longer than " + count(limits.getMaxStringLength()) + " characters, more than any map needs"
                    : "a number has more than " + count(limits.getMaxNumberLength()) + " digits, more than any map needs";
        }
        if (m.startsWith("Name length") || m.startsWith("Name value length")) {
            return "a field name is longer than " + count(limits.getMaxNameLength()) + " characters";
        }
        if (m.contains("nesting depth")) {
            return "lists and objects are nested more than " + count(limits.getMaxNestingDepth()) + " deep, deeper than any map needs";
        }
        if (m.startsWith("Document length")) {
            return new InputLimits(limits.getMaxDocumentLength(), 0, 0).fileTooLarge();
        }
        return "the file goes past one of Mapwork's reading limits: "
                + m.replaceAll("\\s*\\(?,?\\s*from `StreamReadConstraints[^`]*`\\)?", "").strip();
    }

    private static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n).replace('\u00a0', ',');
    }
}
