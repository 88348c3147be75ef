package org.mapwork.editor.start;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.export.imports.CsvImport;
import org.mapwork.export.imports.DrawioImport;
import org.mapwork.export.imports.EmbeddedMapImport;
import org.mapwork.export.imports.GraphmlImport;
import org.mapwork.export.imports.ImportContext;
import org.mapwork.export.imports.ImportResult;
import org.mapwork.export.imports.KumuImport;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.Ids;
import org.mapwork.model.MapDocument;
import org.mapwork.model.Value;
import org.mapwork.model.json.MapFormatException;
import org.mapwork.model.schema.Schema;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * The start screen's state: the methods to start a map from (empty or the worked example, in English or Spanish),
 * the library's recent maps, and opening or importing a file. Opening never loses anything: a file that cannot be
 * read yields the reader's message and leaves everything as it was.
 */
public final class StartViewModel {

    /** One method on the start screen. */
    public record MethodChoice(String id, String name, String description) {
    }

    /** The outcome of opening a file: a map (with what did not come across), or the reader's message. */
    public record Opening(OpenedMap map, String problem, List<String> warnings) {
        public Opening(OpenedMap map, String problem) {
            this(map, problem, List.of());
        }

        public boolean ok() {
            return map != null;
        }
    }

    /** Whether importing this file needs the person to say which method its map follows. */
    public static boolean needsMethod(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !(n.endsWith(".svg") || n.endsWith(".png") || n.endsWith(".mapwork.json"));
    }

    private final Shelf shelf;
    private final EditorSettings settings;
    private Locale language;

    /** A start screen whose language choice lasts for the run only. */
    public StartViewModel(Shelf shelf) {
        this(shelf, EditorSettings.inMemory());
    }

    /**
     * A start screen over a shelf; the language chosen on it is the editor's ({@link Ui#setLocale}) and is kept in
     * {@code settings}. It starts in the language the editor speaks now.
     */
    public StartViewModel(Shelf shelf, EditorSettings settings) {
        this.shelf = shelf;
        this.settings = settings;
        this.language = Ui.locale();
    }

    public Shelf shelf() {
        return shelf;
    }

    public List<Locale> languages() {
        return List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));
    }

    /**
     * A language's name in that language, as the language menu shows it. Written out for the languages offered: the
     * JDK's own names ({@link Locale#getDisplayLanguage(Locale)}, which gives the same) load its locale-name tables
     * first, ~0.1 s on the JavaFX thread before the start screen's first frame.
     */
    public static String languageName(Locale l) {
        return switch (l.getLanguage()) {
            case "en" -> "English";
            case "es" -> "español";
            default -> l.getDisplayLanguage(l);
        };
    }

    /** The language the editor speaks and new maps are made in. */
    public Locale language() {
        return language;
    }

    /**
     * Chooses the language: the editor speaks it from now on (windows opened afterwards, and the start screen at
     * once), it is remembered for the next run, and new maps (their starter texts and the method's words) are made
     * in it. A map already made keeps its own language.
     */
    public void setLanguage(Locale l) {
        language = l;
        Ui.setLocale(l);
        settings.setLanguage(l);
    }

    public List<MethodChoice> methods() {
        List<MethodChoice> out = new ArrayList<>();
        for (MethodTemplate m : Methods.all()) {
            out.add(new MethodChoice(m.id(), m.displayName(language), m.description(language)));
        }
        return out;
    }

    /** The library's recent maps, without its shared maps (those are listed by {@link #shared()}). */
    public List<Shelf.Entry> recent() {
        java.util.Set<String> shared = new java.util.HashSet<>();
        shelf.shared().forEach(e -> shared.add(e.id()));
        return shelf.recent().stream().filter(e -> !shared.contains(e.id())).toList();
    }

    /** The shared maps this device holds, opened through their hub. */
    public List<Shelf.Entry> shared() {
        return shelf.shared();
    }

    /** A new map of a method, empty or the worked example, put into the library and opened. */
    public OpenedMap newMap(String methodId, boolean example) {
        MethodTemplate m = Methods.byId(methodId).orElseThrow(() -> new IllegalArgumentException("no method " + methodId));
        return shelf.create(m.starter(example, language));
    }

    public OpenedMap openRecent(String id) {
        return shelf.open(id);
    }

    /**
     * Opens a {@code .mapwork.json} file: a copy goes into the library (so work is kept), and the file is remembered
     * for Save.
     */
    public Opening openFile(Path file) {
        if (!java.nio.file.Files.exists(file)) {
            return new Opening(null, Ui.text("start.open.no-such-file", file));
        }
        try {
            MapDocument doc = Maps.read(file);
            return new Opening(keep(doc).withFile(file), null);
        } catch (MapFormatException e) {
            return new Opening(null, e.getMessage());
        } catch (RuntimeException e) {
            return new Opening(null, file + ": " + e.getMessage());
        }
    }

    /**
     * Imports a file as a new map in the library: a Mapwork SVG or PNG export (the map embedded in it), a Mapwork
     * file, GraphML, draw.io, Kumu JSON, or a pair of CSV tables ({@code NAME-nodes.csv} with
     * {@code NAME-links.csv} beside it, and {@code NAME-map.csv} when it is there).
     *
     * @param methodId the method for formats that do not say which (ignored for Mapwork's own files)
     */
    public Opening importFile(Path file, String methodId) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ImportContext context = new ImportContext(Methods.schemas(), methodId);
        try (InputStream in = Files.newInputStream(file)) {
            EmbeddedMapImport importer = new EmbeddedMapImport(Methods.schemas());
            MapDocument doc;
            List<String> warnings = List.of();
            if (name.endsWith(".svg")) {
                doc = importer.readSvg(file.toString(), in);
            } else if (name.endsWith(".png")) {
                doc = importer.readPng(file.toString(), in);
            } else if (name.endsWith(".mapwork.json")) {
                doc = Maps.read(file);
            } else {
                ImportResult r;
                if (name.endsWith(".graphml")) {
                    r = new GraphmlImport(context).read(file.toString(), in);
                } else if (name.endsWith(".drawio") || name.endsWith(".xml")) {
                    r = new DrawioImport(context).read(file.toString(), in);
                } else if (name.endsWith(".csv")) {
                    Path nodes = file;
                    Path links = file.resolveSibling(file.getFileName().toString().replace("-nodes.csv", "-links.csv"));
                    if (!Files.exists(links) || links.equals(nodes)) {
                        return new Opening(null, Ui.text("start.import.links-missing", file, links.getFileName()));
                    }
                    // the map sheet (the map's goals, link types, title) comes along when it lies beside them
                    Path map = file.resolveSibling(file.getFileName().toString().replace("-nodes.csv", "-map.csv"));
                    boolean withMap = Files.exists(map) && !map.equals(nodes);
                    try (InputStream l = Files.newInputStream(links);
                         InputStream m = withMap ? Files.newInputStream(map) : null) {
                        r = new CsvImport(context).read(nodes.toString(), in, links.toString(), l,
                                withMap ? map.toString() : null, m);
                    }
                } else {
                    r = new KumuImport(context).read(file.toString(), in);
                }
                doc = r.document();
                warnings = r.warnings();
            }
            return new Opening(shelf.create(withNewId(doc)), null, warnings);
        } catch (MapFormatException e) {
            return new Opening(null, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Opening(null, file + ": " + e.getMessage());
        }
    }

    /** Puts a document into the library, under a new id when the library already holds one with its id. */
    private OpenedMap keep(MapDocument doc) {
        boolean taken = shelf.recent().stream().anyMatch(e -> e.id().equals(doc.id()));
        return shelf.create(taken ? withNewId(doc) : doc);
    }

    /** The same map under a fresh id (a copy never collides with the original in the library). */
    static MapDocument withNewId(MapDocument doc) {
        Schema schema = Methods.schemas().schema(doc.methodId())
                .orElseThrow(() -> new IllegalArgumentException("unknown method " + doc.methodId()));
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Value> a : doc.mapAttributes().entrySet()) {
            changes.add(Change.setMapAttribute(a.getKey(), a.getValue()));
        }
        for (Element e : doc.inDrawOrder()) {
            if (!e.isLink()) {
                changes.add(Change.add(e));
            }
        }
        doc.links().forEach(l -> changes.add(Change.add(l)));
        MapDocument fresh = MapDocument.empty(Ids.newId("m"), doc.title(), doc.methodId(), Instant.now());
        return ChangeEngine.apply(fresh, schema, ChangeSet.of("import", changes)).after();
    }
}
