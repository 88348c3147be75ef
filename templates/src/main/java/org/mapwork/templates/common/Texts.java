package org.mapwork.templates.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;

/**
 * A method's texts in one language (type names, attributes, options, steps, findings). Maps remember the language
 * they were made in (map attribute {@code language}, {@code en} or {@code es}); legends, findings and analysis
 * tables of a map speak that language.
 */
public final class Texts {

    /** The map attribute every method carries that says which language a map speaks. */
    public static final String LANGUAGE = "language";

    /** The definition of the {@code language} map attribute every method's schema declares. */
    public static org.mapwork.model.schema.AttributeDef languageAttribute() {
        return org.mapwork.model.schema.AttributeDef.choice(LANGUAGE, java.util.List.of("en", "es"));
    }

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** Only English and Spanish exist; anything else reads English. */
    public static Locale supported(Locale locale) {
        return locale != null && "es".equals(locale.getLanguage()) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
    }

    /** The language a map speaks (English when unset). */
    public static Locale of(MapDocument doc) {
        return doc.mapAttribute(LANGUAGE) instanceof Value.Text t ? supported(Locale.forLanguageTag(t.value())) : Locale.ENGLISH;
    }

    /**
     * Loads {@code <base>.properties} or {@code <base>_es.properties}. No fallback to the machine's default locale:
     * an English request always reads the base bundle, whatever the machine's language.
     */
    public static Texts load(String baseName, Locale locale) {
        Locale l = supported(locale);
        ResourceBundle b = ResourceBundle.getBundle(baseName, l.equals(Locale.ENGLISH) ? Locale.ROOT : l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Texts(b, l);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }

    /** The text for a key; a missing key shows as the key itself in brackets so it is noticed, never crashes. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for a key with {@link MessageFormat} arguments ({0}, {1}, ...). */
    public String format(String key, Object... args) {
        MessageFormat f = new MessageFormat(get(key).replace("'", "''"), locale);
        return f.format(args);
    }

    /** Display name of a node, link or annotation type. */
    public String typeName(String type) {
        return has("type." + type) ? get("type." + type) : type;
    }

    /** Display name of an enum option. */
    public String option(String attribute, String option) {
        String key = "option." + attribute + "." + option;
        return has(key) ? get(key) : option;
    }
}
