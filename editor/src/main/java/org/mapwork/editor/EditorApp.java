package org.mapwork.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

import org.mapwork.editor.collab.DeviceShares;
import org.mapwork.editor.collab.HubLink;
import org.mapwork.editor.collab.JoinDialog;
import org.mapwork.editor.collab.Joined;
import org.mapwork.editor.collab.Joiner;
import org.mapwork.editor.collab.ShareDialog;
import org.mapwork.editor.collab.Sharing;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.start.EditorSettings;
import org.mapwork.editor.start.LibraryShelf;
import org.mapwork.editor.start.OpenedMap;
import org.mapwork.editor.start.PendingShelf;
import org.mapwork.editor.start.Shelf;
import org.mapwork.editor.start.StartView;
import org.mapwork.editor.start.StartViewModel;
import org.mapwork.editor.view.Dialogs;
import org.mapwork.editor.view.MapWindow;
import org.mapwork.model.json.MapJson;
import org.mapwork.store.Library;
import org.mapwork.templates.Methods;

/**
 * The Mapwork editor application: the start screen, and one map window per open map, over the local library.
 *
 * <p>Parameters: an optional map file to open; {@code --library=DIR} (else {@code $MAPWORK_HOME}, else
 * {@code ~/.mapwork}); {@code --no-library} to keep maps in memory only; {@code --example=METHOD} opens a new copy
 * of a method's example; {@code --snapshot=FILE.png} saves the window as a PNG after the first frames and quits;
 * {@code --startup-report} prints the time from JVM start to the first rendered frame of the first window (and the
 * steps before it), then quits; {@code --language=TAG} ({@code en}, {@code es}) speaks that language for this run
 * (the start screen's choice is the one remembered); {@code --settings=FILE} keeps the editor's settings in that
 * file instead of beside the library; {@code --join=URL} (with {@code --name=NAME}) joins a map shared on this
 * network (the Join… dialog opens with the address, and joins at once when the person's name is known).
 *
 * <p>Start it through {@link EditorLauncher}: on the class path, a main class that extends {@link Application}
 * fails with "JavaFX runtime components are missing".
 */
public class EditorApp extends Application implements MapWindow.Shell, StartView.Actions {

    /** The window title, in the editor's language. */
    public static String title() {
        return Ui.text("app.title");
    }

    /** The text of the start screen's heading, in the editor's language. */
    public static String startText() {
        return Ui.text("start.heading");
    }

    private Stage primary;
    private Shelf shelf;
    private volatile Library library;
    private Path snapshot;
    private StartupReport startupReport;
    private MapWindow lastWindow;
    private Stage startStage;
    private String size;
    private EditorSettings settings = EditorSettings.inMemory();

    private Runnable exit = Platform::exit;

    /** What quitting (Ctrl+Q) does once the windows are closed: stop the toolkit (tests count instead). */
    public void setExit(Runnable exit) {
        this.exit = exit;
    }

    @Override
    public void exit() {
        exit.run();
    }

    /** The map window opened last, or null (tests drive it). */
    public MapWindow lastWindow() {
        return lastWindow;
    }

    @Override
    public void start(Stage stage) {
        Parameters p = getParameters();
        List<String> unnamed = p == null ? List.of() : p.getUnnamed();
        Map<String, String> named = new java.util.HashMap<>(p == null ? Map.of() : p.getNamed());
        // flags without a value ("--startup-report") arrive unnamed
        unnamed.stream().filter(a -> a.startsWith("--")).forEach(a -> named.put(a.substring(2), "true"));
        start(stage, unnamed.stream().filter(a -> !a.startsWith("--")).toList(), named);
    }

    /** Starts with explicit parameters (tests call this). */
    public void start(Stage stage, List<String> files, Map<String, String> named) {
        this.primary = stage;
        this.snapshot = named.containsKey("snapshot") ? Path.of(named.get("snapshot")) : null;
        this.startupReport = named.containsKey("startup-report") ? new StartupReport() : null;
        if (startupReport != null) {
            startupReport.toolkitUp();
        }
        this.size = named.get("size");
        this.settings = settings(named);
        // the editor speaks the language chosen last (or, for this run only, the one --language names)
        Ui.setLocale(named.containsKey("language") ? Locale.forLanguageTag(named.get("language")) : settings.language());
        this.shelf = openShelf(named);
        if (startupReport != null && shelf instanceof PendingShelf pending) {
            pending.whenReady(s -> {
                long jvm = StartupReport.jvmStart();
                System.out.println("library ready " + (System.currentTimeMillis() - jvm)
                        + " ms after JVM start (opening began " + (pending.begunAt() - jvm) + " ms after it)");
            });
        }
        boolean opensMap = !files.isEmpty() || named.containsKey("example") || named.containsKey("new");
        if (opensMap && shelf instanceof PendingShelf pending) {
            pending.begin(); // the map goes into the library at once: no start screen to draw first
        }
        stage.setTitle(title());
        if (!files.isEmpty()) {
            showStart();
            openFile(Path.of(files.get(0)));
        } else if (named.containsKey("join")) {
            // mapwork join URL [--name NAME]: the start screen, and the Join… dialog over it with the address
            showStart();
            if (named.containsKey("name") && !named.get("name").isBlank()) {
                settings.setPersonName(named.get("name"));
            }
            JoinDialog dialog = joinDialog(named.get("join"));
            dialog.show();
            if (!settings.personName().isBlank()) {
                dialog.joinNow();
            }
        } else if (named.containsKey("example") || named.containsKey("new")) {
            boolean example = named.containsKey("example");
            showStart();
            newMap(named.get(example ? "example" : "new"), example);
        } else {
            showStart();
        }
        FirstFrame firstFrame = new FirstFrame(stage.getScene());
        warmUpLayout();
        if (startupReport != null) {
            startupReport.shown();
            startupReport.reportFirstFrame(firstFrame);
        }
        if (shelf instanceof PendingShelf pending) {
            // The library's opening (~0.3-0.6 s of CPU) waits until the start screen is drawn: on two cores it would
            // slow that frame down, and the start screen needs it only for its list of recent maps. Making or opening
            // a map begins it at once; the delay is a backstop should no frame ever be reported.
            firstFrame.then(pending::begin);
            CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS).execute(pending::begin);
        }
        watchFirstFrame(stage);
    }

    /**
     * Where the editor's settings are kept: {@code --settings=FILE}, else beside the library (the same directory
     * {@code --library} and {@code MAPWORK_HOME} name); with {@code --no-library} only for this run.
     */
    private static EditorSettings settings(Map<String, String> named) {
        if (named.containsKey("settings")) {
            return EditorSettings.at(Path.of(named.get("settings")));
        }
        if (named.containsKey("no-library")) {
            return EditorSettings.inMemory();
        }
        return EditorSettings.inLibrary(
                Library.directory(named.containsKey("library") ? Path.of(named.get("library")) : null, System.getenv()));
    }

    /** Where maps are kept (waits for the library when it is still opening). */
    public Shelf shelf() {
        return shelf instanceof PendingShelf pending ? pending.opened() : shelf;
    }

    /** The library once it is open (null without one, or before). */
    public Library library() {
        return library;
    }

    /** The settings this run keeps its choices in (tests look at them). */
    public EditorSettings settings() {
        return settings;
    }

    private Shelf openShelf(Map<String, String> named) {
        if (named.containsKey("no-library")) {
            return Shelf.none(settings);
        }
        Path dir = Library.directory(named.containsKey("library") ? Path.of(named.get("library")) : null, System.getenv());
        // the library opens on a thread of its own, so the start screen shows at once; start() says when it begins
        return new PendingShelf(() -> {
            try {
                library = Library.open(dir, Methods.schemas());
                settings.adoptActor(library.localActor()); // one id for this person, in the library and outside it
                return new LibraryShelf(library);
            } catch (RuntimeException e) {
                // the editor still works: maps then live in memory and in saved files, and the reason is shown
                Platform.runLater(() -> Dialogs.error(primary, Ui.text("app.error.library"),
                        Ui.text("app.error.library.detail", e.getMessage())));
                return Shelf.none(settings);
            }
        });
    }

    @Override
    public void stop() {
        if (shelf instanceof PendingShelf pending) {
            pending.awaitReady(); // a library still opening is closed properly once it is open
        }
        shares.closeAll(); // on the JavaFX thread, the joined maps' session thread
        if (library != null) {
            library.close();
        }
    }

    /** Reports the first frame (start-up time) and, when asked, saves a snapshot of the window and quits. */
    private void watchFirstFrame(Stage stage) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                pulses++;
                if (pulses == 1 && startupReport != null) {
                    startupReport.firstPulse();
                }
                // a few pulses let the layout settle and the canvas paint before the picture is taken
                if (pulses == 12) {
                    stop();
                    if (snapshot != null) {
                        if (lastWindow != null) {
                            // the picture shows the whole view, not tiles still on their way
                            lastWindow.canvas().paintNow();
                        }
                        saveSnapshot(stage.getScene(), snapshot);
                        Platform.exit();
                    } else if (startupReport != null && shelf instanceof PendingShelf pending) {
                        // the report ends with the library ready (and the start screen's list filled in); the
                        // window goes first, as when a person closes it
                        pending.whenSettled(() -> Platform.runLater(() -> {
                            stage.hide();
                            Platform.exit();
                        }));
                    } else if (startupReport != null) {
                        Platform.exit();
                    }
                }
            }
        }.start();
    }

    private static void saveSnapshot(Scene scene, Path file) {
        WritableImage image = scene.snapshot(null);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            System.err.println("could not write " + file + ": " + e.getMessage());
        }
    }

    // ----- the start screen -----

    @Override
    public void showStart() {
        boolean primaryFree = primary.getScene() == null || primary.getScene().getRoot() instanceof StartView
                || !primary.isShowing();
        Stage stage = primaryFree ? primary : new Stage();
        StartView view = new StartView(new StartViewModel(shelf, settings), this);
        startStage = stage;
        stage.setTitle(title());
        stage.setScene(new Scene(view, 980, 640));
        stage.show();
    }

    /** Opens a new map of a method; a method whose example cannot be made says why and nothing else changes. */
    @Override
    public void newMap(String methodId, boolean example) {
        try {
            opened(new StartViewModel(shelf).newMap(methodId, example));
        } catch (RuntimeException e) {
            Dialogs.error(primary, Ui.text("start.error.new-map"), e.getMessage());
        }
    }

    @Override
    public void opened(OpenedMap map) {
        openWindow(map);
    }

    /** Opens a map window on {@code map}, in the start screen's window when it asked for it. */
    private MapWindow openWindow(OpenedMap map) {
        // the start screen that asked for the map gives its window to it
        boolean startFree = startStage != null && startStage.getScene() != null
                && startStage.getScene().getRoot() instanceof StartView;
        boolean primaryFree = primary.getScene() == null || !primary.isShowing();
        Stage stage = startFree ? startStage : primaryFree ? primary : new Stage();
        MapWindow window = new MapWindow(stage, map, this);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double w = Math.min(1440, screen.getWidth());
        double h = Math.min(900, screen.getHeight());
        if (size != null && size.matches("\\d+x\\d+")) {
            w = Integer.parseInt(size.split("x")[0]);
            h = Integer.parseInt(size.split("x")[1]);
        }
        window.show(w, h);
        lastWindow = window;
        return window;
    }

    // ----- sharing on this network -----

    /** The editor's join: kept in the library when there is one (the shelf is waited for), else in memory. */
    private final DeviceShares shares = new DeviceShares(
            () -> shelf() instanceof LibraryShelf libraryShelf ? libraryShelf.library() : null);
    private Joiner joiner = shares;

    /** How Join… reaches a hub (tests give their own). */
    public void setJoiner(Joiner joiner) {
        this.joiner = joiner;
    }

    /** The shared maps this device holds, joined and reopened (tests shorten its backoff). */
    public DeviceShares shares() {
        return shares;
    }

    /** File → Share on this network…: a hub inside this Mapwork for the window's map, kept in the library. */
    @Override
    public void share(MapWindow window) {
        if (!(shelf() instanceof LibraryShelf libraryShelf)) {
            Dialogs.error(window.stage(), Ui.text("collab.menu.share"), Ui.text("collab.share.unavailable"));
            return;
        }
        String mapId = window.viewModel().session().document().id();
        HubLink joined = HubLink.of(window);
        if (joined != null && joined.keptOnDevice() && Sharing.of(window) == null) {
            // a map joined from another laptop: offered to host here from this device's copy, when its hub is gone
            new ShareDialog(window, settings.personName(),
                    (address, name) -> Sharing.takeOver(window, libraryShelf, joined, address.address()))
                    .takingOver(joined).whenHostedElsewhere(null, a -> java.util.Set.of()).show();
            return;
        }
        new ShareDialog(window, settings.personName(), (address, name) -> {
            settings.setPersonName(name); // asked once, kept, changeable here and in Join…
            return Sharing.start(window, libraryShelf, address.address(), name);
        }).whenHostedElsewhere(n -> joinHostedElsewhere(libraryShelf, n),
                a -> lastShare(libraryShelf, mapId).map(s -> java.util.Set.of(a.getHostAddress() + ":" + s.port()))
                        .orElse(java.util.Set.of())).show();
    }

    /** This library's last share of a map, if it keeps one. */
    private static java.util.Optional<org.mapwork.collab.net.HubShares.Share> lastShare(LibraryShelf shelf, String mapId) {
        try {
            return new org.mapwork.collab.net.HubShares(shelf.library().directory()).find(mapId);
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The map shared from here before is hosted on another laptop now (it took it over): Join… for that hub, with
     * the map's token when this library shared it (a takeover keeps it), else for its code.
     */
    private void joinHostedElsewhere(LibraryShelf shelf, org.mapwork.collab.net.LanDiscovery.Nearby n) {
        String address = lastShare(shelf, n.mapId())
                .map(s -> org.mapwork.collab.net.JoinAddress.of(n.mapUri(), s.token()).toUri().toString()).orElse(null);
        joinDialog(address).show();
    }

    /** Join… on the start screen. */
    @Override
    public void join() {
        joinDialog(null).show();
    }

    /** The Join… dialog, with {@code address} filled in when given; it opens the joined map in a window. */
    public JoinDialog joinDialog(String address) {
        JoinDialog dialog = new JoinDialog(startStage != null ? startStage : primary, settings, joiner, this::openJoined);
        if (address != null) {
            dialog.setAddress(address);
        }
        return dialog;
    }

    /** The start screen's shared map: reopened from the library, offline at first, connecting to its hub. */
    @Override
    public void openShared(String mapId) {
        shares.resume(mapId, Platform::runLater).whenComplete((map, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                Dialogs.error(primary, Ui.text("collab.shared.open-failed"), JoinDialog.reason(failure));
            } else {
                openJoined(map);
            }
        }));
    }

    /** Opens a window editing the joined map through its hub; closing it closes the map ({@link Joined#onClose}). */
    public HubLink openJoined(Joined map) {
        MapWindow window = openWindow(HubLink.openedMap(map));
        // the start screen's window grows into the map's after it is shown: fit the map once it has its new size
        javafx.beans.value.ChangeListener<Number> fit = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number was, Number now) {
                o.removeListener(this);
                Platform.runLater(() -> window.viewModel().viewing().zoomToFit());
            }
        };
        window.canvas().widthProperty().addListener(fit);
        HubLink link = HubLink.attach(window, map);
        if (map.keptOnDevice()) {
            link.setHostHere(() -> share(window)); // its hub gone: this laptop may host the map from its copy
        }
        return link;
    }

    @Override
    public void openFile(Path file) {
        StartViewModel.Opening o = new StartViewModel(shelf).openFile(file);
        if (o.ok()) {
            opened(o.map());
        } else {
            Dialogs.error(primary, Ui.text("app.error.open"), o.problem());
        }
    }

    @Override
    public void importFile(Path file) {
        String method = null;
        if (StartViewModel.needsMethod(file)) {
            // GraphML, draw.io, Kumu and CSV do not say which workshop method their map follows
            method = askMethod(file);
            if (method == null) {
                return;
            }
        }
        StartViewModel.Opening o = new StartViewModel(shelf).importFile(file, method);
        if (o.ok()) {
            opened(o.map());
            if (!o.warnings().isEmpty()) {
                Dialogs.error(primary, Ui.text("app.import.left-behind"), String.join("\n", o.warnings()));
            }
        } else {
            Dialogs.error(primary, Ui.text("app.error.import"), o.problem());
        }
    }

    @Override
    public Path chooseFile(boolean forImport) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(forImport ? Ui.text("app.import.choose") : Ui.text("app.open.choose"));
        chooser.getExtensionFilters().add(forImport
                ? new FileChooser.ExtensionFilter(Ui.text("app.filter.import"),
                "*.svg", "*.png", "*" + MapJson.EXTENSION, "*.graphml", "*.drawio", "*.xml", "*.json", "*.csv")
                : new FileChooser.ExtensionFilter(Ui.text("app.filter.map"), "*" + MapJson.EXTENSION, "*.json"));
        return Optional.ofNullable(chooser.showOpenDialog(primary)).map(java.io.File::toPath).orElse(null);
    }

    /** One method as the import dialog lists it: its name in the editor's language. */
    private record MethodName(String id, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Asks which method an imported file's map follows (the method that suits plain networks unless the person picks another); null: cancelled. */
    private String askMethod(Path file) {
        var names = Methods.all().stream().map(m -> new MethodName(m.id(), m.displayName(Ui.locale()))).toList();
        String likely = Methods.all().stream().filter(m -> m.suitsPlainNetworks()).map(m -> m.id()).findFirst()
                .orElse(names.get(0).id());
        ChoiceDialog<MethodName> ask = new ChoiceDialog<>(
                names.stream().filter(m -> m.id().equals(likely)).findFirst().orElse(names.get(0)), names);
        ask.initOwner(primary);
        ask.setTitle(Ui.text("app.import.title"));
        ask.setHeaderText(Ui.text("app.import.which-method", file.getFileName()));
        // the dialog's own buttons speak the editor's language, not the system's
        ask.getDialogPane().getButtonTypes().setAll(
                new ButtonType(Ui.text("app.button.ok"), ButtonBar.ButtonData.OK_DONE),
                new ButtonType(Ui.text("app.button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Dialogs.closeAfterTheEvent(ask);
        return ask.showAndWait().map(MethodName::id).orElse(null);
    }

    /**
     * Loads the layered layout's classes on a background thread a few seconds after start, so that the first
     * Layout of a theory of change or problem tree does not stall the window while they load (docs/adr/0012).
     */
    private static void warmUpLayout() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(3000);
                org.mapwork.templates.common.Hierarchy.warmUp();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | LinkageError e) {
                // only a head start: the first layout then loads them itself
            }
        }, "layout-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
