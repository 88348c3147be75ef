package org.mapwork.editor.view;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Side;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.mapwork.editor.canvas.PainterHitTester;
import org.mapwork.editor.i18n.Ui;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.map.Shortcuts;
import org.mapwork.editor.panels.FacilitationView;
import org.mapwork.editor.panels.FacilitationViewModel;
import org.mapwork.editor.panels.FindingsView;
import org.mapwork.editor.panels.FindingsViewModel;
import org.mapwork.editor.panels.PropertiesView;
import org.mapwork.editor.map.Words;
import org.mapwork.editor.start.OpenedMap;
import org.mapwork.editor.tool.ClickTool;
import org.mapwork.editor.tool.PenTool;
import org.mapwork.editor.tool.SelectTool;
import org.mapwork.editor.tool.Tool;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.Element;
import org.mapwork.templates.Methods;

/**
 * The map window: palette on the left, canvas in the middle, properties / facilitation / findings on the right with
 * the legend and minimap, a status bar below. F11 hides the side panels for projecting on a wall. It lays the parts
 * out and answers the shortcut table's window actions; the keys ({@link WindowKeys}), the menu bar
 * ({@link WindowMenus}), the context menu ({@link CanvasContextMenu}), the files ({@link FileActions}), the dialogs
 * ({@link WindowDialogs}) and the status bar ({@link WindowStatusBar}) are classes of their own.
 */
public final class MapWindow implements Shortcuts.WindowActions {

    /** What the window asks of the application: other windows and the start screen. */
    public interface Shell {
        void showStart();

        void openFile(Path file);

        void importFile(Path file);

        /** File → Share on this network…: shares the window's map through a hub started here. */
        default void share(MapWindow window) {
            Dialogs.error(window.stage(), Ui.text("collab.menu.share"), Ui.text("collab.share.unavailable"));
        }

        /** Stops the editor once every window is closed (tests keep the toolkit running). */
        default void exit() {
            Platform.exit();
        }
    }

    private final Stage stage;
    private final Shell shell;
    private final MapPainter painter = new MapPainter();
    private final MapViewModel vm;
    private final MapCanvasView canvas;
    private final Palette palette;
    private final Shortcuts shortcuts;
    private final MethodMenus methodMenus;
    private final FacilitationView facilitation;
    private final FindingsViewModel findingsVm;
    private final FindingsView findings;
    private final MinimapView minimap;
    private final BorderPane root = new BorderPane();
    private final VBox side;
    private final FileActions fileActions;
    private final WindowStatusBar statusBar;
    private final CanvasContextMenu contextMenu;
    private boolean panelsShown = true;
    private final javafx.scene.control.MenuBar menuBar;
    private FilePicker files = FilePicker.system();
    /** This window's Export… dialog: it offers the format exported to last first. */
    private final ExportDialog exportDialog = new ExportDialog(ExportDialog.formats());
    /** This window's layouts are worked out here, so a large map's layout never freezes the window. */
    private final ExecutorService layouts = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mapwork-layout");
        t.setDaemon(true);
        return t;
    });

    public MapWindow(Stage stage, OpenedMap opened, Shell shell) {
        this.stage = stage;
        this.shell = shell;
        this.vm = new MapViewModel(opened.session(), opened.template(), Methods.schemas(),
                new PainterHitTester(painter), new SystemClipboard());
        vm.viewing().setExtent(doc -> painter.extent(doc, RenderOptions.screen(java.util.Set.of())));
        vm.edits().runLayoutsOn(layouts, Platform::runLater);
        this.canvas = new MapCanvasView(vm, painter);
        this.palette = new Palette(vm, this::chooseTool);
        this.methodMenus = new MethodMenus(stage, vm, canvas);
        this.shortcuts = new Shortcuts(vm, this);
        this.fileActions = new FileActions(stage, vm, shell, () -> files, opened);
        Words words = new Words(opened.template(), opened.session().document());
        this.facilitation = new FacilitationView(new FacilitationViewModel(opened.template(), words.locale()),
                () -> vm.template().flatMap(t -> t.framingQuestion(vm.document())));
        this.findingsVm = new FindingsViewModel(vm);
        this.findings = new FindingsView(vm, findingsVm);

        TabPane tabs = new TabPane(
                new Tab(Ui.text("window.tab.properties"), new PropertiesView(vm)),
                new Tab(Ui.text("window.tab.facilitation"), facilitation),
                new Tab(Ui.text("window.tab.findings"), findings));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setSide(Side.TOP);
        tabs.setId("side-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        // the legend scrolls within a bounded box so that the panels above keep their room
        var legendScroll = new ScrollPane(new LegendView(vm));
        legendScroll.setFitToWidth(true);
        legendScroll.setPrefViewportHeight(170);
        legendScroll.setMaxHeight(190);
        var legend = new TitledPane(Ui.text("window.legend"), legendScroll);
        legend.setId("legend-pane");
        legend.setMaxHeight(Region.USE_PREF_SIZE);
        minimap = new MinimapView(vm, painter);
        side = new VBox(6, tabs, legend, minimap);
        side.setPrefWidth(300);
        side.setPadding(new Insets(0, 4, 4, 4));
        statusBar = new WindowStatusBar(stage, vm, fileActions::opened, canvas::tool);

        menuBar = WindowMenus.bar(shortcuts, this);
        root.setTop(menuBar);
        root.setCenter(canvas);
        root.setLeft(palette);
        root.setRight(side);
        root.setBottom(statusBar);
        root.setId("map-window");

        vm.addListener(a -> Platform.runLater(statusBar::refresh));
        vm.addListener(a -> {
            if (a == MapViewModel.Aspect.DOCUMENT) {
                Platform.runLater(facilitation::refresh); // the framing question may have changed
            }
        });
        opened.keeping().onChange(s -> Platform.runLater(statusBar::refresh));
        WindowKeys.wire(root, canvas, shortcuts);
        wireDrops();
        contextMenu = new CanvasContextMenu(vm, canvas, shortcuts, this::quickAdd,
                (menu, el) -> methodMenus.addItems(menu, shortcuts.methodCommands()));
        statusBar.refresh();
    }

    /** Shows the window with the map fitted into view. */
    public Scene show(double width, double height) {
        Scene scene = new Scene(root, width, height);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.centerOnScreen();
        stage.setTitle(statusBar.titleText());
        stage.setOnHidden(e -> {
            vm.edits().stopLayouts();
            layouts.shutdown();
            canvas.dispose();
            minimap.dispose();
            findings.dispose();
            fileActions.opened().keeping().close();
        });
        stage.show();
        Platform.runLater(() -> {
            canvas.layout();
            vm.viewing().zoomToFit();
            canvas.canvas().requestFocus();
        });
        return scene;
    }

    public MapViewModel viewModel() {
        return vm;
    }

    public MapCanvasView canvas() {
        return canvas;
    }

    public FindingsView findings() {
        return findings;
    }

    public BorderPane root() {
        return root;
    }

    public OpenedMap opened() {
        return fileActions.opened();
    }

    public Stage stage() {
        return stage;
    }

    /** Puts a part of its own in the status bar, before the zoom (e.g. whether the map is online through a hub). */
    public void addStatusItem(javafx.scene.Node item) {
        statusBar.addItem(item);
    }

    /** Says from now on how the map's work is kept (e.g. by a hub while the map is shared). */
    public void setKeeping(OpenedMap.Keeping keeping) {
        fileActions.setKeeping(keeping);
        keeping.onChange(s -> Platform.runLater(statusBar::refresh));
        statusBar.refresh();
    }

    /** Replaces the system's file dialog for Save As, Open, Import and Export (tests supply paths through it). */
    public void setFilePicker(FilePicker picker) {
        this.files = picker;
    }

    /** Kept for tests that type into the label editor. */
    public TextField labelField() {
        return canvas.labelField();
    }

    /** Node types dragged from the palette land where they are dropped, with their name typed in place. */
    private void wireDrops() {
        var surface = canvas.canvas();
        surface.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(Palette.NODE_TYPE)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        surface.setOnDragDropped(e -> {
            Object type = e.getDragboard().getContent(Palette.NODE_TYPE);
            if (type instanceof String t) {
                vm.setNodeType(t);
                vm.labels().beginNewNode(vm.camera().toMapX(e.getX()), vm.camera().toMapY(e.getY()));
                e.setDropCompleted(true);
            }
            e.consume();
        });
    }

    /** The method's own commands for this window (what its keys and menu items carry out), e.g. {@code run("goals")}. */
    public org.mapwork.editor.map.MethodCommands methodCommands() {
        return shortcuts.methodCommands();
    }

    // ----- window actions -----

    /**
     * Shift+F10 or the menu key: the context menu of the selected element (or of the middle of the view when nothing
     * is selected), so that the keyboard reaches everything the mouse does.
     */
    @Override
    public void contextMenu() {
        contextMenu.showForSelection();
    }

    @Override
    public void chooseTool(String name) {
        Tool tool = switch (name) {
            case "Pen" -> new PenTool(vm, false);
            case "Arrow" -> new PenTool(vm, true);
            case "Text" -> new ClickTool(vm, ClickTool.Kind.TEXT);
            case "Pictogram" -> new ClickTool(vm, ClickTool.Kind.STAMP);
            default -> new SelectTool(vm);
        };
        canvas.setTool(tool);
        palette.selectTool(name);
        vm.setStatus(Ui.text("window.status.tool", tool.name()));
        // a tool chosen in the palette (by mouse or Tab and Space) works on the canvas: its keys go there
        canvas.canvas().requestFocus();
    }

    @Override
    public void showShortcuts() {
        WindowDialogs.shortcutSheet(stage, shortcuts);
    }

    @Override
    public void quickAdd() {
        WindowDialogs.quickAdd(stage, vm);
    }

    @Override
    public void save() {
        fileActions.save();
    }

    @Override
    public void saveAs() {
        fileActions.saveAs();
    }

    /** Writes the map as a {@code .mapwork.json} file (atomically) and remembers the file. */
    public boolean saveTo(Path file) {
        return fileActions.saveTo(file);
    }

    @Override
    public void open() {
        fileActions.open();
    }

    @Override
    public void exportMap() {
        exportDialog.open(stage, vm.document(), vm::setStatus, files);
    }

    @Override
    public void importMap() {
        fileActions.importMap();
    }

    @Override
    public void share() {
        shell.share(this);
    }

    @Override
    public void newMap() {
        shell.showStart();
    }

    @Override
    public void togglePanels() {
        panelsShown = !panelsShown;
        root.setLeft(panelsShown ? palette : null);
        root.setRight(panelsShown ? side : null);
        // projecting: the room still sees the step, its question and the time left, above the map
        root.setTop(panelsShown ? menuBar : new VBox(menuBar, facilitation.projectorBar()));
        vm.setStatus(panelsShown ? Ui.text("window.status.panels-shown")
                : Ui.text("window.status.panels-hidden", shortcuts.keyOf("panels")));
    }

    @Override
    public boolean panelsShown() {
        return panelsShown;
    }

    @Override
    public void choose(org.mapwork.templates.MethodAction.Choose menu, org.mapwork.editor.map.MethodCommands commands) {
        methodMenus.choose(menu, commands);
    }

    @Override
    public void ask(org.mapwork.templates.MethodAction.Ask question, org.mapwork.editor.map.MethodCommands commands) {
        methodMenus.ask(question, commands);
    }

    @Override
    public void nextStep(int by) {
        facilitation.next(by);
    }

    @Override
    public void toggleTimer() {
        facilitation.toggleTimer();
    }

    @Override
    public void nextFinding() {
        findings.refresh();
        findingsVm.next();
    }

    @Override
    public void quit() {
        // hiding the windows closes their recorders (which wait until everything is durable), then the app stops;
        // Ctrl+Q is a key event, and a window must not close while its key event is being handled (JDK-8301219)
        Dialogs.afterTheEvent(() -> {
            for (javafx.stage.Window win : List.copyOf(javafx.stage.Window.getWindows())) {
                win.hide();
            }
            shell.exit();
        });
    }
}
