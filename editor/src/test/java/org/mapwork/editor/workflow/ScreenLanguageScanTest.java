package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.EditorApp;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every window in Spanish shows only Spanish (the editor's bundles, the method's bundle), the map's own content, and
 * numbers, punctuation and key names: the start screen, a map window of each method with its example (the three side
 * panels with the map and with an element chosen, the analysis, the menus, the context menus, the goals menu, the
 * F1 sheet, quick add, the export dialog) and an error dialog. The texts still in English while other parts of the
 * editor are being moved to bundles are listed in {@code english-literals.tsv}, each with its source file: a new
 * English text fails this test, and so does a listed one no longer seen (the list only shrinks). In English, no text
 * is a missing key ({@code ⟦key⟧}).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenLanguageScanTest {

    private static final Path BUNDLES = Path.of("src/main/resources/org/mapwork/editor/i18n");
    private static final String ALLOWED = "english-literals.tsv";
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../templates/src/main/java"),
            Path.of("../export/src/main/java"), Path.of("../model/src/main/java"));

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Ui.closeOtherWindows(stage);
    }

    @AfterEach
    void theEditorSpeaksEnglishAgain() throws Exception {
        org.mapwork.editor.i18n.Ui.setLocale(Locale.ENGLISH);
        Ui.fx(() -> {
            Ui.closeOtherWindows(stage);
            return null;
        });
    }

    /** What the walk through every window saw: the texts, and the maps whose content they may show. */
    private record Walk(List<ScreenTexts.Seen> seen, List<MapDocument> maps) {
    }

    @Test
    void in_spanish_every_window_shows_spanish_map_content_or_a_listed_english_literal(FxRobot robot) throws Exception {
        Walk walk = walkEveryWindow(robot, "es");
        KnownTexts known = KnownTexts.of(Locale.forLanguageTag("es"), BUNDLES);
        walk.maps().forEach(known::withMap);

        // the walk reached the windows: texts of the start screen, a map window, the panels and the F1 sheet
        Set<String> texts = new TreeSet<>(walk.seen().stream().map(ScreenTexts.Seen::text).toList());
        for (String expected : List.of("Mapwork — empezar un mapa", "Herramientas", "Pasos", "Analizar", "Mapa")) {
            assertTrue(texts.contains(expected), "the walk saw \"" + expected + "\"");
        }
        assertTrue(walk.seen().size() > 2000, "the walk saw " + walk.seen().size() + " texts");

        keep(walk, "es");
        Map<String, String> unknown = known.unknown(walk.seen());
        Map<String, String> listed = listed();
        List<String> problems = new ArrayList<>();
        unknown.forEach((text, path) -> {
            if (!listed.containsKey(text)) {
                problems.add("new English text (move it to a bundle): \"" + text + "\"\n    at " + path
                        + "\n    from " + sourceOf(text).orElse("?") + "\n    list line: "
                        + sourceOf(text).orElse("?") + "\t" + text);
            }
        });
        listed.forEach((text, source) -> {
            if (!unknown.containsKey(text)) {
                problems.add("no longer seen: remove from " + ALLOWED + ": " + source + "\t" + text);
            }
        });
        assertEquals(List.of(), problems, problems.size() + " problems; " + unknown.size() + " English texts seen, "
                + listed.size() + " listed");
    }

    @Test
    void in_english_no_window_shows_a_missing_key(FxRobot robot) throws Exception {
        Walk walk = walkEveryWindow(robot, "en");
        keep(walk, "en");
        List<String> missing = walk.seen().stream().filter(s -> s.text().contains("⟦"))
                .map(s -> s.text() + "  at " + s.path()).distinct().toList();
        assertTrue(walk.seen().size() > 2000, "the walk saw " + walk.seen().size() + " texts");
        assertTrue(walk.seen().stream().anyMatch(s -> s.text().equals("Mapwork — start a map")));
        assertEquals(List.of(), missing);
    }

    /** Keeps what the walk saw where a person can read it (editor/target/screen-texts-LANG.tsv). */
    private static void keep(Walk walk, String language) throws IOException {
        StringBuilder out = new StringBuilder();
        walk.seen().forEach(s -> out.append(s.text().replace('\n', '⏎')).append('\t').append(s.path()).append('\n'));
        Files.writeString(Path.of("target", "screen-texts-" + language + ".tsv"), out);
    }

    /** The listed English literals: text → the source file it comes from. */
    static Map<String, String> listed() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = ScreenLanguageScanTest.class.getResourceAsStream(ALLOWED)) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                out.put(line.substring(tab + 1).strip(), line.substring(0, tab).strip());
            }
        }
        return out;
    }

    /**
     * The source file that most likely holds a text: the whole text in quotes; else without the keys a menu puts
     * after it, or its start, or its longest piece.
     */
    static Optional<String> sourceOf(String text) {
        String withoutKeys = text.split("\\s{3}")[0];
        String start = withoutKeys.length() > 25 ? withoutKeys.substring(0, 25) : withoutKeys;
        String piece = Stream.of(text.split("\\s{2,}|: |\\(|\\)| — ")).map(String::strip)
                .max(java.util.Comparator.comparingInt(String::length)).orElse(text);
        String longest = piece.length() > 40 ? piece.substring(0, 40) : piece;
        return fileHolding("\"" + text + "\"").or(() -> fileHolding("\"" + withoutKeys + "\""))
                .or(() -> fileHolding("\"" + start)).or(() -> fileHolding("\"" + longest + "\""))
                .or(() -> fileHolding("\"" + longest)).or(() -> fileHolding(longest));
    }

    private static Optional<String> fileHolding(String quoted) {
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    if (Files.readString(f).contains(quoted)) {
                        return Optional.of(Path.of("editor").resolve(f).normalize().toString());
                    }
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    // ----- the walk -----

    private Walk walkEveryWindow(FxRobot robot, String language) throws Exception {
        List<ScreenTexts.Seen> seen = new ArrayList<>();
        List<MapDocument> maps = new ArrayList<>();
        EditorApp app = Ui.fx(() -> {
            EditorApp a = new EditorApp();
            a.start(stage, List.of(), Map.of("no-library", "true", "language", language, "size", "1180x740"));
            return a;
        });
        collect(seen);

        // an error dialog, as opening a file that is not there shows
        Ui.fx(() -> {
            app.openFile(Path.of("target", "no-such-map.mapwork.json"));
            return null;
        });
        collect(seen);
        hideAllBut(stage);

        // Join… on the start screen: its dialog
        Ui.fx(() -> {
            app.join();
            return null;
        });
        collect(seen);
        hideAllBut(stage);

        for (MethodTemplate method : Methods.all()) {
            Ui.fx(() -> {
                app.newMap(method.id(), true);
                return null;
            });
            MapWindow w = app.lastWindow();
            Ui.waitFor(() -> !w.findings().checking());
            maps.add(w.viewModel().document());
            walkMapWindow(robot, w, seen);
            maps.add(w.viewModel().document());
            hideAllBut(null);
        }
        return new Walk(seen, maps);
    }

    private void walkMapWindow(FxRobot robot, MapWindow w, List<ScreenTexts.Seen> seen) throws Exception {
        var vm = w.viewModel();
        MapDocument doc = vm.document();
        Optional<Element> node = doc.elements().stream().filter(Element::isNode).findFirst();
        Optional<Element> link = doc.links().findFirst();
        TabPane tabs = (TabPane) w.root().lookup("#side-tabs");

        // the map's own properties, then a node's and a link's, each panel chosen in turn
        for (Optional<Element> chosen : List.of(Optional.<Element>empty(), node, link)) {
            Ui.fx(() -> {
                chosen.ifPresentOrElse(e -> vm.selection().select(List.of(e.id())), vm.selection()::clear);
                return null;
            });
            for (Tab tab : tabs.getTabs()) {
                Ui.fx(() -> {
                    tabs.getSelectionModel().select(tab);
                    return null;
                });
                collect(seen);
            }
        }
        // the analysis tables
        Ui.fx(() -> {
            w.root().lookupAll("#findings .button").stream().filter(b -> b instanceof Button)
                    .map(b -> (Button) b).filter(b -> b.getParent() == w.root().lookup("#findings"))
                    .forEach(Button::fire);
            return null;
        });
        collect(seen);

        // the context menus: of a node, of a link, of the empty canvas; the goals menu of a Net-Map actor
        for (Optional<Element> chosen : List.of(node, link, Optional.<Element>empty())) {
            Ui.fx(() -> {
                chosen.ifPresentOrElse(e -> vm.selection().select(List.of(e.id())), vm.selection()::clear);
                w.contextMenu();
                return null;
            });
            collect(seen);
            hideMenus();
        }
        if (node.isPresent()) {
            Ui.fx(() -> {
                vm.selection().select(List.of(node.get().id()));
                w.methodCommands().run("goals");
                return null;
            });
            collect(seen);
            hideMenus();
        }

        // the F1 sheet, quick add
        for (Runnable dialog : List.<Runnable>of(w::showShortcuts, w::quickAdd)) {
            Ui.fx(() -> {
                dialog.run();
                return null;
            });
            collect(seen);
            hideAllBut(w.root().getScene().getWindow());
        }

        // the export dialog waits for its answer (showAndWait): it is opened without waiting, read, and closed
        List<Window> before = List.copyOf(Window.getWindows());
        Future<Void> export = WaitForAsyncUtils.asyncFx(() -> {
            w.exportMap();
            return null;
        });
        Ui.waitFor(() -> Window.getWindows().stream().anyMatch(x -> !before.contains(x) && x.isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
        collect(seen);
        hideAllBut(w.root().getScene().getWindow());
        export.get(10, java.util.concurrent.TimeUnit.SECONDS);
        collect(seen);
    }

    private static void collect(List<ScreenTexts.Seen> seen) throws Exception {
        seen.addAll(Ui.fx(() -> new ScreenTexts().windows().seen()));
    }

    private static void hideMenus() throws Exception {
        Ui.fx(() -> {
            Window.getWindows().stream().filter(x -> x instanceof ContextMenu).toList().forEach(Window::hide);
            return null;
        });
    }

    /** Hides every window but one (null: all of them). */
    private static void hideAllBut(Window keep) throws Exception {
        Ui.fx(() -> {
            for (Window x : List.copyOf(Window.getWindows())) {
                if (x != keep) {
                    x.hide();
                }
            }
            return null;
        });
    }
}
