package org.mapwork.editor.view;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Side;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import org.mapwork.editor.canvas.PainterHitTester;
import org.mapwork.editor.map.ClipboardPort;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.map.Shortcuts;
import org.mapwork.editor.panels.FacilitationView;
import org.mapwork.editor.panels.FacilitationViewModel;
import org.mapwork.editor.panels.FindingsView;
import org.mapwork.editor.panels.FindingsViewModel;
import org.mapwork.editor.panels.PropertiesView;
import org.mapwork.editor.panels.Words;
import org.mapwork.editor.start.OpenedMap;
import org.mapwork.editor.tool.CanvasInput;
import org.mapwork.editor.tool.ClickTool;
import org.mapwork.editor.tool.PenTool;
import org.mapwork.editor.tool.SelectTool;
import org.mapwork.editor.tool.Tool;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.model.Element;
import org.mapwork.model.json.MapJson;
import org.mapwork.templates.Methods;

/**
 * The map window: palette on the left, canvas in the middle, properties / facilitation / findings on the right with
 * the legend and minimap, a status bar below. F11 hides the side panels for projecting on a wall.
 */
public final class MapWindow implements Shortcuts.WindowActions {

    /** The Mapwork JSON clipboard format, beside plain text, so pasting works between maps and windows. */
    public static final DataFormat MAP_JSON = new DataFormat("application/x-mapwork+json");

    /** What the window asks of the application: other windows and the start screen. */
    public interface Shell {
        void showStart();

        void openFile(Path file);

        void importFile(Path file);
    }

    private final Stage stage;
    private OpenedMap opened;
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
    private final Label status = new Label();
    private final Label zoom = new Label();
    private final Label toolState = new Label();
    private final Label saved = new Label();
    private boolean panelsShown = true;
    private boolean swallowTyped;
    private FilePicker files = FilePicker.system();

    public MapWindow(Stage stage, OpenedMap opened, Shell shell) {
        this.stage = stage;
        this.opened = opened;
        this.shell = shell;
        this.vm = new MapViewModel(opened.session(), opened.template(), Methods.schemas(),
                new PainterHitTester(painter), systemClipboard());
        vm.setExtent(doc -> painter.extent(doc, org.mapwork.export.paint.RenderOptions.screen(java.util.Set.of())));
        this.canvas = new MapCanvasView(vm, painter);
        this.palette = new Palette(vm, this::chooseTool);
        this.methodMenus = new MethodMenus(stage, vm, canvas);
        this.shortcuts = new Shortcuts(vm, this);
        Words words = new Words(opened.template(), opened.session().document());
        this.facilitation = new FacilitationView(new FacilitationViewModel(opened.template(), words.locale()));
        this.findingsVm = new FindingsViewModel(vm);
        this.findings = new FindingsView(vm, findingsVm);

        TabPane tabs = new TabPane(
                new Tab("Properties", new PropertiesView(vm)),
                new Tab("Facilitation", facilitation),
                new Tab("Findings", findings));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setSide(Side.TOP);
        tabs.setId("side-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        // the legend scrolls within a bounded box so that the panels above keep their room
        var legendScroll = new javafx.scene.control.ScrollPane(new LegendView(vm));
        legendScroll.setFitToWidth(true);
        legendScroll.setPrefViewportHeight(170);
        legendScroll.setMaxHeight(190);
        var legend = new javafx.scene.control.TitledPane("Legend", legendScroll);
        legend.setId("legend-pane");
        legend.setMaxHeight(Region.USE_PREF_SIZE);
        minimap = new MinimapView(vm, painter);
        side = new VBox(6, tabs, legend, minimap);
        side.setPrefWidth(300);
        side.setPadding(new Insets(0, 4, 4, 4));

        root.setTop(menus());
        root.setCenter(canvas);
        root.setLeft(palette);
        root.setRight(side);
        root.setBottom(statusBar());
        root.setId("map-window");

        vm.addListener(a -> Platform.runLater(this::refreshStatus));
        opened.keeping().onChange(s -> Platform.runLater(this::refreshStatus));
        wireKeys();
        wireDrops();
        wireContextMenu();
        refreshStatus();
    }

    /** Shows the window with the map fitted into view. */
    public Scene show(double width, double height) {
        Scene scene = new Scene(root, width, height);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.centerOnScreen();
        stage.setTitle(titleText());
        stage.setOnHidden(e -> {
            canvas.dispose();
            minimap.dispose();
            findings.dispose();
            opened.keeping().close();
        });
        stage.show();
        Platform.runLater(() -> {
            canvas.layout();
            vm.zoomToFit();
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
        return opened;
    }

    /** Replaces the system's file dialog for Save As, Open, Import and Export (tests supply paths through it). */
    public void setFilePicker(FilePicker picker) {
        this.files = picker;
    }

    private String titleText() {
        String where = opened.file() == null ? "" : " — " + opened.file().getFileName();
        return vm.document().title() + where + " — Mapwork";
    }

    // ----- keys -----

    private void wireKeys() {
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (takesTyping(e.getTarget())) {
                return; // typing in a field: its keys are its own
            }
            if (canvas.keyPressed(e)) {
                e.consume();
                return;
            }
            CanvasInput.KeyDown k = new CanvasInput.KeyDown(e.getCode().name(), e.getText(),
                    new CanvasInput.Modifiers(e.isShiftDown(), e.isShortcutDown(), e.isAltDown()));
            if (shortcuts.dispatch(k)) {
                e.consume();
                // the key's character must not land in a label editor the shortcut just opened ("N" then typing)
                swallowTyped = true;
            }
        });
        root.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                swallowTyped = false;
                e.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_RELEASED, e -> swallowTyped = false);
        root.addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (!takesTyping(e.getTarget()) && canvas.keyReleased(e)) {
                e.consume();
            }
        });
    }

    /**
     * Whether key presses aimed at this are typing: a text field, or a date picker or stepper one can type into
     * (those keep the focus themselves and hand the keys to their editor, so the target is not the text field).
     */
    private static boolean takesTyping(Object target) {
        return target instanceof TextInputControl
                || target instanceof javafx.scene.control.ComboBoxBase<?> box && box.isEditable()
                || target instanceof javafx.scene.control.Spinner<?> spinner && spinner.isEditable();
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
                vm.beginNewNode(vm.camera().toMapX(e.getX()), vm.camera().toMapY(e.getY()));
                e.setDropCompleted(true);
            }
            e.consume();
        });
    }

    private final ContextMenu contextMenu = new ContextMenu();

    /** Right-click: what can be done with the element under the pointer (each item also has a key). */
    private void wireContextMenu() {
        contextMenu.setId("canvas-context-menu");
        canvas.canvas().setOnContextMenuRequested(e -> {
            showContextMenu(vm.camera().toMapX(e.getX()), vm.camera().toMapY(e.getY()), e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /** The method's own commands for this window (what its keys and menu items carry out), e.g. {@code run("goals")}. */
    public org.mapwork.editor.map.MethodCommands methodCommands() {
        return shortcuts.methodCommands();
    }

    /**
     * Shift+F10 or the menu key: the context menu of the selected element (or of the middle of the view when nothing
     * is selected), so that the keyboard reaches everything the mouse does.
     */
    @Override
    public void contextMenu() {
        var cam = vm.camera();
        double mx = cam.toMapX(cam.viewWidth() / 2);
        double my = cam.toMapY(cam.viewHeight() / 2);
        for (String id : vm.selectionInOrder()) {
            Element e = vm.document().element(id);
            if (e == null) {
                continue;
            }
            if (e.isLink()) {
                Element s = vm.document().element(e.source());
                Element t = vm.document().element(e.target());
                mx = (s.geometry().centerX() + t.geometry().centerX()) / 2;
                my = (s.geometry().centerY() + t.geometry().centerY()) / 2;
            } else {
                mx = e.geometry().centerX();
                my = e.geometry().centerY();
            }
            break;
        }
        var p = canvas.canvas().localToScreen(cam.toScreenX(mx), cam.toScreenY(my));
        showContextMenu(mx, my, p.getX(), p.getY());
    }

    private void showContextMenu(double mx, double my, double screenX, double screenY) {
        ContextMenu menu = contextMenu;
        menu.hide();
        menu.getItems().clear();
        var hit = vm.elementAt(mx, my);
        if (hit.isEmpty()) {
            item(menu, "New node here   (double-click)", () -> vm.beginNewNode(mx, my));
            item(menu, "Quick add…   Q", this::quickAdd);
            item(menu, "Paste   Ctrl+V", vm::paste);
            item(menu, "Auto-layout   Ctrl+Shift+L", vm::autoLayout);
        } else {
            String id = hit.get();
            if (!vm.isSelected(id)) {
                vm.select(List.of(id));
            }
            Element el = vm.document().element(id);
            item(menu, "Rename   F2", () -> vm.beginLabelEdit(id));
            if (el.isLink()) {
                Words words = new Words(vm.template().orElse(null), vm.document());
                Menu types = new Menu("Link type   K");
                for (String t : vm.linkTypeNames()) {
                    CheckMenuItem ti = new CheckMenuItem(words.type(t));
                    ti.setSelected(t.equals(el.type()));
                    ti.setOnAction(a -> vm.setLinkType(t));
                    types.getItems().add(ti);
                }
                menu.getItems().add(types);
            }
            methodMenus.addItems(menu, shortcuts.methodCommands());
            item(menu, "Duplicate   Ctrl+D", vm::duplicateSelection);
            item(menu, "Copy   Ctrl+C", vm::copySelection);
            item(menu, "Bring to front   Ctrl+]", vm::bringToFront);
            item(menu, "Send to back   Ctrl+[", vm::sendToBack);
            item(menu, "Delete   Delete", vm::deleteSelection);
        }
        menu.show(canvas.canvas(), screenX, screenY);
    }

    private static void item(ContextMenu menu, String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(e -> action.run());
        menu.getItems().add(i);
    }

    // ----- menus (built from the shortcut table, so every menu entry names its key) -----

    private MenuBar menus() {
        Map<String, Menu> byGroup = new LinkedHashMap<>();
        for (String g : List.of("File", "Edit", "View", "Arrange", "Tools", "Method")) {
            byGroup.put(g, new Menu(g));
        }
        for (Shortcuts.Shortcut s : shortcuts.menuEntries()) {
            Menu m = byGroup.computeIfAbsent(s.group(), Menu::new);
            String text = s.menuText().equals(s.what()) && !s.keys().isEmpty() ? s.what() + "   " + s.keys() : s.menuText();
            MenuItem item = new MenuItem(text);
            item.setOnAction(e -> s.action().run());
            m.getItems().add(item);
        }
        CheckMenuItem panels = new CheckMenuItem("Show panels   F11");
        panels.setSelected(true);
        panels.setOnAction(e -> togglePanels());
        byGroup.get("View").getItems().addAll(new SeparatorMenuItem(), panels);
        Menu help = new Menu("Help");
        MenuItem sheet = new MenuItem("Keyboard shortcuts   F1");
        sheet.setOnAction(e -> showShortcuts());
        help.getItems().add(sheet);
        MenuBar bar = new MenuBar();
        bar.getMenus().addAll(byGroup.values());
        bar.getMenus().add(help);
        return bar;
    }

    private HBox statusBar() {
        status.setId("status");
        saved.setId("saved-state");
        zoom.setId("zoom");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(12, status, grow, toolState, zoom, saved);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.setStyle("-fx-background-color: #eeeeea;");
        return bar;
    }

    private void refreshStatus() {
        status.setText(vm.status());
        zoom.setText(vm.camera().percent() + " %");
        Tool t = canvas.tool();
        toolState.setText(t.name() + ": " + t.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        saved.setText(opened.keeping().state());
        stage.setTitle(titleText());
    }

    // ----- window actions -----

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
        vm.setStatus("Tool: " + tool.name());
        // a tool chosen in the palette (by mouse or Tab and Space) works on the canvas: its keys go there
        canvas.canvas().requestFocus();
    }

    @Override
    public void showShortcuts() {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(stage);
        d.setTitle("Keyboard shortcuts");
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(3);
        grid.setId("shortcut-sheet");
        int row = 0;
        String group = "";
        for (Shortcuts.Shortcut s : shortcuts.sheet()) {
            if (!s.group().equals(group)) {
                group = s.group();
                Label g = new Label(group);
                g.setStyle("-fx-font-weight: bold; -fx-padding: 6 0 0 0;");
                grid.add(g, 0, row++, 2, 1);
            }
            Label keys = new Label(s.keys());
            keys.setStyle("-fx-font-family: monospace;");
            grid.add(keys, 0, row);
            grid.add(new Label(s.what()), 1, row++);
        }
        var scroll = new javafx.scene.control.ScrollPane(grid);
        scroll.setPrefSize(640, 560);
        d.getDialogPane().setContent(scroll);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        d.show();
    }

    @Override
    public void quickAdd() {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(stage);
        Words words = new Words(vm.template().orElse(null), vm.document());
        d.setTitle("Quick add");
        d.setHeaderText("One " + words.type(vm.nodeType()).toLowerCase(java.util.Locale.ROOT)
                + " per line (type or paste), then Ctrl+Enter or Add");
        TextArea names = new TextArea();
        names.setId("quick-add-names");
        names.setPrefRowCount(8);
        d.getDialogPane().setContent(names);
        ButtonType add = new ButtonType("Add", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);
        names.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && e.isShortcutDown()) {
                ((Button) d.getDialogPane().lookupButton(add)).fire();
                e.consume();
            }
        });
        Platform.runLater(names::requestFocus);
        d.setResultConverter(b -> b);
        d.setOnHidden(e -> {
            if (d.getResult() == add) {
                vm.quickAdd(names.getText());
            }
        });
        d.show();
    }

    @Override
    public void save() {
        if (opened.file() == null) {
            saveAs();
        } else {
            saveTo(opened.file());
        }
    }

    @Override
    public void saveAs() {
        Path file = files.saveFile(stage, "Save a copy as a Mapwork file",
                ExportDialog.safeName(vm.document().title()) + MapJson.EXTENSION,
                List.of(new FileChooser.ExtensionFilter("Mapwork map", "*" + MapJson.EXTENSION)));
        if (file != null) {
            saveTo(ExportDialog.withExtension(file, MapJson.EXTENSION));
        }
    }

    /** Writes the map as a {@code .mapwork.json} file (atomically) and remembers the file. */
    public boolean saveTo(Path file) {
        try {
            MapJson.writeFile(vm.document(), file);
            opened = opened.withFile(file);
            vm.setStatus("Saved a copy as " + file);
            return true;
        } catch (IOException | RuntimeException e) {
            Dialogs.error(stage, "Could not save", "Could not write " + file + ": " + e.getMessage());
            return false;
        }
    }

    @Override
    public void open() {
        Path file = files.openFile(stage, "Open a map",
                List.of(new FileChooser.ExtensionFilter("Mapwork map", "*" + MapJson.EXTENSION, "*.json")));
        if (file != null) {
            shell.openFile(file);
        }
    }

    @Override
    public void exportMap() {
        ExportDialog.show(stage, vm.document(), vm::setStatus, files);
    }

    @Override
    public void importMap() {
        Path file = files.openFile(stage, "Import a map", List.of(new FileChooser.ExtensionFilter(
                "Mapwork SVG/PNG exports, Mapwork files, GraphML, draw.io, Kumu, CSV", "*.svg", "*.png",
                "*" + MapJson.EXTENSION, "*.graphml", "*.drawio", "*.xml", "*.json", "*.csv")));
        if (file != null) {
            shell.importFile(file);
        }
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
        vm.setStatus(panelsShown ? "Panels shown" : "Panels hidden (F11 shows them)");
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
        // hiding the windows closes their recorders (which wait until everything is durable), then the app stops
        for (javafx.stage.Window win : List.copyOf(javafx.stage.Window.getWindows())) {
            win.hide();
        }
        Platform.exit();
    }

    // ----- clipboard -----

    private static ClipboardPort systemClipboard() {
        return new ClipboardPort() {
            @Override
            public void putMapJson(String json) {
                ClipboardContent c = new ClipboardContent();
                c.put(MAP_JSON, json);
                c.putString(json);
                Clipboard.getSystemClipboard().setContent(c);
            }

            @Override
            public java.util.Optional<String> text() {
                Clipboard cb = Clipboard.getSystemClipboard();
                if (cb.hasContent(MAP_JSON) && cb.getContent(MAP_JSON) instanceof String s) {
                    return java.util.Optional.of(s);
                }
                return java.util.Optional.ofNullable(cb.hasString() ? cb.getString() : null);
            }
        };
    }

    /** Kept for tests that type into the label editor. */
    public TextField labelField() {
        return canvas.labelField();
    }
}
