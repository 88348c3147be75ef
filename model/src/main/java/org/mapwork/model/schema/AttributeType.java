package org.mapwork.model.schema;

/** The kinds of attribute a method can declare, and the JSON shape each takes. */
public enum AttributeType {
    /** One line of text; JSON string. */
    TEXT,
    /** Several paragraphs of text; JSON string. */
    LONG_TEXT,
    /** A whole number with optional min and max; JSON integer. */
    INTEGER,
    /** A decimal number with optional min and max; JSON number. */
    DECIMAL,
    /** One option out of a list; JSON string. */
    ENUM,
    /** Several distinct options out of a list; JSON array of strings. */
    MULTI_ENUM,
    /** Yes or no; JSON boolean. */
    BOOLEAN,
    /** A calendar date; JSON string {@code YYYY-MM-DD}. */
    DATE,
    /** A list of structured rows (e.g. indicators); JSON array of objects, columns declared by the attribute. */
    ROWS;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
