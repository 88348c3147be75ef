package org.mapwork.editor.workflow;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.mapwork.editor.start.StartViewModel;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * The texts a window may show in one language: (a) the editor's own bundles in that language, (b) the methods'
 * bundles in that language, (c) the maps' own content (title, labels, attribute values), (d) numbers, dates,
 * punctuation and key names. A text may be made of these: a pattern of a bundle whose arguments are themselves
 * known, or pieces of known texts between separators ("Label — Conflicto", "Nombre (a favor)").
 */
final class KnownTexts {

    /** Names of keys as the editor writes them in shortcuts ("Ctrl+Shift+L", "Alt+G", "Delete", "F1"). */
    private static final Pattern KEY_NAME = Pattern.compile(
            "\\b(Ctrl|Shift|Alt|Cmd|Meta|Esc|Escape|Enter|Return|Tab|Delete|Del|Backspace|Space|Home|End|PageUp|PageDown"
                    + "|PgUp|PgDn|Insert|Arrows|Up|Down|Left|Right|Menu|Plus|Minus|F\\d{1,2}|[A-Z]|\\d)\\b");
    /** Nothing but digits, punctuation, symbols and spaces: numbers, percentages, dates in digits, arrows. */
    private static final Pattern NEUTRAL = Pattern.compile("[\\p{N}\\p{P}\\p{S}\\p{Z}\\s]*");
    /**
     * Where a composed text may be cut into pieces that are each known, strongest cut first: table cells and list
     * entries, then clauses, then brackets and quotes.
     */
    private static final List<Pattern> SEPARATORS = List.of(
            Pattern.compile("\u0001|\\s{2,}|\\s[·|]\\s?"),
            Pattern.compile("\\s[—–→←/+−]\\s|:\\s|;\\s|,\\s"),
            Pattern.compile("\\s?\\(|\\)\\s?|\\s?\\[|\\]|[“”«»\"]"));
    /** Punctuation and symbols around a text ("+ a favor", "(nuevo)", "Nombre:"). */
    private static final Pattern AROUND = Pattern.compile("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$");

    private final Set<String> literals = new HashSet<>();
    private final Set<String> lowerLiterals = new HashSet<>();
    private final List<Pattern> patterns = new ArrayList<>();
    private final List<String> content = new ArrayList<>();
    private final Set<String> contentSet = new HashSet<>();

    /** The editor's bundles and every method's bundle in {@code locale}, and the language names the editor offers. */
    static KnownTexts of(Locale locale, Path editorBundles) throws IOException {
        KnownTexts k = new KnownTexts();
        String suffix = locale.getLanguage().equals("en") ? "" : "_" + locale.getLanguage();
        try (Stream<Path> files = Files.list(editorBundles)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("[a-z-]+" + suffix + "\\.properties")).toList()) {
                Properties props = new Properties();
                try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                    props.load(r);
                }
                props.stringPropertyNames().forEach(key -> k.addPattern(props.getProperty(key)));
            }
        }
        for (MethodTemplate m : Methods.all()) {
            ResourceBundle b = m.texts(locale);
            b.keySet().forEach(key -> k.addPattern(b.getString(key)));
        }
        for (Locale l : new StartViewModel(org.mapwork.editor.start.Shelf.none()).languages()) {
            k.addPattern(StartViewModel.languageName(l));
        }
        return k;
    }

    /** Adds the content of a map: its title, every label, every text in its attributes and its elements'. */
    KnownTexts withMap(MapDocument doc) {
        addContent(doc.title());
        doc.mapAttributes().values().forEach(this::addContent);
        for (Element e : doc.elements()) {
            addContent(e.label());
            e.attributes().values().forEach(this::addContent);
        }
        content.sort(Comparator.comparingInt(String::length).reversed());
        return this;
    }

    private void addContent(Value v) {
        if (v instanceof Value.Text t) {
            addContent(t.value());
        } else if (v instanceof Value.TextList l) {
            l.values().forEach(this::addContent);
        } else if (v instanceof Value.Rows rows) {
            for (Map<String, Value> row : rows.rows()) {
                row.values().forEach(this::addContent);
            }
        }
    }

    private void addContent(String s) {
        if (s == null || s.isBlank()) {
            return;
        }
        for (String line : s.split("\\R")) {
            String t = line.strip();
            lowerLiterals.add(t.toLowerCase(Locale.ROOT));
            // one letter is too little to tell content apart ("a", "y"); such texts are neutral anyway
            if (t.length() > 1 && contentSet.add(t)) {
                content.add(t);
            }
        }
    }

    /** Whether every line of {@code text} is one a window may show in this language. */
    boolean known(String text) {
        for (String line : text.split("\\R")) {
            if (!knownLine(line.strip(), 0)) {
                return false;
            }
        }
        return true;
    }

    private boolean knownLine(String t, int depth) {
        if (t.isEmpty() || neutral(t) || literal(t) || literal(AROUND.matcher(t).replaceAll(""))) {
            return true;
        }
        if (depth > 4) {
            return false;
        }
        for (Pattern p : patterns) {
            Matcher m = p.matcher(t);
            if (m.matches() && argumentsKnown(m, depth)) {
                return true;
            }
        }
        // a text made of known pieces; content may hold separators itself, so it is also tried taken out whole
        if (knownPieces(t, t, depth)) {
            return true;
        }
        String rest = t;
        for (String c : content) {
            if (rest.contains(c)) {
                rest = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(c) + "(?![\\p{L}\\p{N}])")
                        .matcher(rest).replaceAll("\u0001");
            }
        }
        return !rest.equals(t) && knownPieces(rest, t, depth);
    }

    private boolean knownPieces(String rest, String t, int depth) {
        for (Pattern separator : SEPARATORS) {
            String[] pieces = separator.split(rest);
            if (pieces.length != 1 || !pieces[0].equals(t)) {
                boolean all = true;
                for (String piece : pieces) {
                    all &= knownLine(piece.strip(), depth + 1);
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A text of a bundle or of a map, as it is or in lower case ("en contra" in a table for "En contra"). */
    private boolean literal(String t) {
        return t.isEmpty() || literals.contains(t) || contentSet.contains(t)
                || lowerLiterals.contains(t.toLowerCase(Locale.ROOT));
    }

    private boolean argumentsKnown(Matcher m, int depth) {
        for (int g = 1; g <= m.groupCount(); g++) {
            String arg = m.group(g);
            if (arg != null && !knownLine(arg.strip(), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /** Numbers, punctuation and key names ("Ctrl+Shift+L", "F1", "100 %", "3:00"). */
    static boolean neutral(String t) {
        return NEUTRAL.matcher(KEY_NAME.matcher(t).replaceAll("")).matches();
    }

    private void addPattern(String pattern) {
        if (pattern.indexOf('{') < 0) {
            for (String t : List.of(pattern.replace("''", "'").strip(), pattern.strip())) {
                literals.add(t);
                lowerLiterals.add(t.toLowerCase(Locale.ROOT));
            }
            return;
        }
        patterns.add(Pattern.compile(regexOf(pattern), Pattern.DOTALL));
    }

    /**
     * A {@link java.text.MessageFormat} pattern as a regular expression: its literal text quoted, each argument a
     * group; a number argument matches digits, a choice matches any of its choices.
     */
    static String regexOf(String pattern) {
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    literal.append('\'');
                    i += 2;
                    continue;
                }
                int end = pattern.indexOf('\'', i + 1);
                end = end < 0 ? pattern.length() : end;
                literal.append(pattern, i + 1, end);
                i = end + 1;
                continue;
            }
            if (c == '{') {
                int depth = 0;
                int j = i;
                for (; j < pattern.length(); j++) {
                    if (pattern.charAt(j) == '{') {
                        depth++;
                    } else if (pattern.charAt(j) == '}' && --depth == 0) {
                        break;
                    }
                }
                out.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                out.append(argument(pattern.substring(i + 1, Math.min(j, pattern.length()))));
                i = j + 1;
                continue;
            }
            literal.append(c);
            i++;
        }
        out.append(Pattern.quote(literal.toString()));
        return "\\s*" + out + "\\s*";
    }

    private static String argument(String spec) {
        String[] parts = spec.split(",", 3);
        String type = parts.length > 1 ? parts[1].strip() : "";
        if (type.equals("number")) {
            return "([\\p{N}.,\\s\\u00a0%]+)";
        }
        if (type.equals("choice") && parts.length > 2) {
            List<String> options = new ArrayList<>();
            for (String option : parts[2].split("\\|")) {
                String text = option.replaceFirst("^[^#<≤]*[#<≤]", "");
                options.add(regexOf(text));
            }
            return "(?:" + String.join("|", options) + ")";
        }
        return "(.+?)";
    }

    /** The texts of {@code seen} not known here, each with the first place it was seen. */
    Map<String, String> unknown(Collection<ScreenTexts.Seen> seen) {
        Map<String, String> out = new java.util.TreeMap<>();
        Set<String> fine = new HashSet<>();
        for (ScreenTexts.Seen s : seen) {
            for (String line : s.text().split("\\R")) {
                String t = line.strip();
                if (!fine.contains(t) && !out.containsKey(t) && !(knownLine(t, 0) && fine.add(t))) {
                    out.put(t, s.path());
                }
            }
        }
        return out;
    }
}
