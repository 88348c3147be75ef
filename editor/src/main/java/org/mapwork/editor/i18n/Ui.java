package org.mapwork.editor.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The editor's own words (menus, tools, panels, dialogs, status messages, undo summaries) in the user's language.
 *
 * <p>A key's first segment names its bundle, so each part of the editor keeps its words in a file of its own:
 * {@code window.menu.file} is looked up in {@code org/mapwork/editor/i18n/window.properties} (English) and
 * {@code window_es.properties} (Spanish). Arguments follow {@link MessageFormat} ({@code {0}}, and {@code ''} for a
 * quote), formatted for the current locale, so numbers and dates read as the user expects.
 *
 * <p>The method's own words (element types, attributes, prompts) stay in the templates' bundles; this class is
 * only for the editor. A missing key is a programming error that {@code UiTextsTest} catches; at run time it
 * shows as {@code ⟦key⟧} rather than failing the window.
 */
public final class Ui {

    private static final String BASE = "org.mapwork.editor.i18n.";
    private static volatile Locale locale = Locale.ENGLISH;
    private static final Map<String, ResourceBundle> bundles = new ConcurrentHashMap<>();

    private Ui() {
    }

    /** The language the editor speaks; set from the start screen's choice before windows are built. */
    public static Locale locale() {
        return locale;
    }

    public static void setLocale(Locale l) {
        locale = l == null ? Locale.ENGLISH : l;
        bundles.clear();
    }

    /** The text for {@code key}, with {@code args} put in its {@code {0}}, {@code {1}}, ... places. */
    public static String text(String key, Object... args) {
        String pattern = pattern(key);
        if (pattern == null) {
            return "⟦" + key + "⟧";
        }
        return args.length == 0 && pattern.indexOf('\'') < 0 && pattern.indexOf('{') < 0
                ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** Whether {@code key} has a text in the current language (or the English fallback). */
    public static boolean has(String key) {
        return pattern(key) != null;
    }

    private static String pattern(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        String area = key.substring(0, dot);
        ResourceBundle b = bundles.computeIfAbsent(area, Ui::load);
        return b != null && b.containsKey(key) ? b.getString(key) : null;
    }

    private static ResourceBundle load(String area) {
        try {
            return ResourceBundle.getBundle(BASE + area, locale.equals(Locale.ENGLISH) ? Locale.ROOT : locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
