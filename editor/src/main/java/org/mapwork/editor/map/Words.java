package org.mapwork.editor.map;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.MethodTemplate;

/** The method's words for types, attributes and options in the map's language, with a readable fallback. */
public final class Words {

    private final ResourceBundle bundle;
    private final Locale locale;
    /** Labels of the link types the map defines for itself (Net-Map), by id: the group's own words win. */
    private final java.util.Map<String, String> mapTypes = new java.util.HashMap<>();

    public Words(MethodTemplate template, MapDocument doc) {
        this.locale = localeOf(doc);
        var defined = template == null ? null : template.schema().mapDefinedLinkTypes();
        if (defined != null && doc.mapAttribute(defined.mapAttribute()) instanceof Value.Rows rows) {
            for (var row : rows.rows()) {
                if (row.get("id") instanceof Value.Text id && row.get("label") instanceof Value.Text l
                        && !l.value().isBlank()) {
                    mapTypes.put(id.value(), l.value());
                }
            }
        }
        ResourceBundle b = null;
        if (template != null) {
            try {
                b = template.texts(locale);
            } catch (MissingResourceException e) {
                b = null;
            }
        }
        this.bundle = b;
    }

    /** The map's language (its {@code language} attribute), English when it has none. */
    public static Locale localeOf(MapDocument doc) {
        return doc.mapAttribute("language") instanceof Value.Text t && !t.value().isBlank()
                ? Locale.forLanguageTag(t.value()) : Locale.ENGLISH;
    }

    public Locale locale() {
        return locale;
    }

    public String type(String name) {
        String own = mapTypes.get(name);
        return own != null ? own : get("type." + name, name);
    }

    public String attribute(String name) {
        return get("attr." + name, name);
    }

    public String option(String attribute, String option) {
        return get("option." + attribute + "." + option, option);
    }

    public String get(String key, String fallbackName) {
        if (bundle != null && bundle.containsKey(key)) {
            return bundle.getString(key);
        }
        return humanize(fallbackName);
    }

    /** "long-term-outcome" → "Long term outcome", "ceilingY" → "Ceiling y". */
    public static String humanize(String name) {
        String spaced = name.replaceAll("([a-z])([A-Z])", "$1 $2").replace('-', ' ').replace('_', ' ')
                .toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
