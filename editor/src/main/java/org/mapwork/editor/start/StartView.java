package org.mapwork.editor.start;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.templates.Methods;

/**
 * The start screen: a new map from a method (empty or the example) on the left; the library's recent maps, Open
 * file… and Import… on the right; the editor's language above (it also makes new maps in that language, and the
 * screen speaks it at once).
 */
public final class StartView extends BorderPane {

    /** What the start screen asks the application to do. */
    public interface Actions {
        void opened(OpenedMap map);

        void newMap(String methodId, boolean example);

        void openFile(Path chosen);

        void importFile(Path chosen);

        Path chooseFile(boolean forImport);

        /** Join…: a map someone shares on this network. */
        default void join() {
        }

        /** Opens a shared map this device holds, through its hub (offline at first, when the hub is away). */
        default void openShared(String mapId) {
        }
    }

    private final StartViewModel vm;
    private final Actions actions;
    private final VBox methods = new VBox(8);
    private final Label heading = new Label();
    private final Label languageLabel = new Label();
    private final Label newLabel = new Label();
    private final Label recentLabel = new Label();
    private final Label noMaps = new Label();
    private final Label sharedLabel = new Label();
    private final Label noShared = new Label();
    private final ListView<Shelf.Entry> shared = new ListView<>();
    private final Label where = new Label();
    private final Button openFile = new Button();
    private final Button importFile = new Button();
    private final Button joinMap = new Button();
    private final ListView<Shelf.Entry> recent = new ListView<>();
    private DateTimeFormatter when;

    public StartView(StartViewModel vm, Actions actions) {
        this.vm = vm;
        this.actions = actions;
        setId("start");
        setPadding(new Insets(20));

        heading.setId("start-heading");
        heading.setStyle("-fx-font-size: 24px; -fx-font-weight: bold;");
        ChoiceBox<Locale> language = new ChoiceBox<>();
        language.setId("language");
        language.getItems().setAll(vm.languages());
        language.setValue(vm.language());
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : StartViewModel.languageName(l);
            }

            @Override
            public Locale fromString(String s) {
                return Locale.forLanguageTag(s);
            }
        });
        language.setOnAction(e -> {
            if (!language.getValue().equals(vm.language())) {
                vm.setLanguage(language.getValue());
                showTexts();
            }
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(12, heading, grow, languageLabel, language);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 16, 0));
        setTop(top);

        ScrollPane methodScroll = new ScrollPane(methods);
        methodScroll.setFitToWidth(true);
        newLabel.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        VBox left = new VBox(8, newLabel, methodScroll);
        VBox.setVgrow(methodScroll, Priority.ALWAYS);
        setCenter(left);

        recent.setId("recent-maps");
        recent.getItems().setAll(vm.recent());
        recent.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Shelf.Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : describe(e));
            }
        });
        Consumer<Shelf.Entry> open = e -> {
            if (e != null) {
                actions.opened(vm.openRecent(e.id()));
            }
        };
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open.accept(recent.getSelectionModel().getSelectedItem());
            }
        });
        recent.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open.accept(recent.getSelectionModel().getSelectedItem());
            }
        });
        recent.setPlaceholder(noMaps);
        shared.setId("shared-maps");
        shared.setPrefHeight(120);
        shared.getItems().setAll(vm.shared());
        shared.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Shelf.Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : describeShared(e));
            }
        });
        Consumer<Shelf.Entry> openShared = e -> {
            if (e != null) {
                actions.openShared(e.id());
            }
        };
        shared.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openShared.accept(shared.getSelectionModel().getSelectedItem());
            }
        });
        shared.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openShared.accept(shared.getSelectionModel().getSelectedItem());
            }
        });
        shared.setPlaceholder(noShared);
        if (vm.shelf() instanceof PendingShelf pending) {
            // the library opens in the background: fill in the list when it is ready, unless this screen has gone
            // (its window closed, and the library may be closed with it, or a map took its place)
            pending.whenReady(s -> javafx.application.Platform.runLater(() -> {
                if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
                    return;
                }
                recent.getItems().setAll(vm.recent());
                shared.getItems().setAll(vm.shared());
                where.setText(vm.shelf().describe());
            }));
        }
        openFile.setId("open-file");
        openFile.setOnAction(e -> {
            Path p = actions.chooseFile(false);
            if (p != null) {
                actions.openFile(p);
            }
        });
        importFile.setId("import-file");
        importFile.setOnAction(e -> {
            Path p = actions.chooseFile(true);
            if (p != null) {
                actions.importFile(p);
            }
        });
        joinMap.setId("join-map");
        joinMap.setOnAction(e -> actions.join());
        recentLabel.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        where.setWrapText(true);
        where.setStyle("-fx-text-fill: #555;");
        sharedLabel.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        VBox right = new VBox(8, recentLabel, recent, new HBox(8, openFile, importFile, joinMap), sharedLabel, shared,
                where);
        right.setPadding(new Insets(0, 0, 0, 20));
        right.setPrefWidth(380);
        VBox.setVgrow(recent, Priority.ALWAYS);
        setRight(right);
        showTexts();
    }

    /** Puts every text of the screen in the editor's current language (again, after the language was chosen). */
    private void showTexts() {
        heading.setText(Ui.text("start.heading"));
        languageLabel.setText(Ui.text("start.language"));
        newLabel.setText(Ui.text("start.new-map"));
        recentLabel.setText(Ui.text("start.recent"));
        noMaps.setText(Ui.text("start.recent.none"));
        sharedLabel.setText(Ui.text("start.shared"));
        noShared.setText(Ui.text("start.shared.none"));
        openFile.setText(Ui.text("start.open-file"));
        importFile.setText(Ui.text("start.import"));
        joinMap.setText(Ui.text("collab.start.join"));
        where.setText(vm.shelf().describe());
        when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Ui.locale()).withZone(ZoneId.systemDefault());
        recent.refresh();
        shared.refresh();
        buildMethods();
        if (getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage stage) {
            stage.setTitle(Ui.text("app.title"));
        }
    }

    /** One recent map: its title, its method's name, when it last changed (for the locale), where it was made. */
    private String describe(Shelf.Entry e) {
        String method = Methods.byId(e.methodId()).map(m -> m.displayName(Ui.locale())).orElse(e.methodId());
        String changed = when.format(e.modified());
        return e.place() == null || e.place().isBlank()
                ? Ui.text("start.recent.entry", e.title(), method, changed)
                : Ui.text("start.recent.entry-at", e.title(), method, changed, e.place());
    }

    /** One shared map: its title, its method's name, when it last changed, the hub it is shared through. */
    private String describeShared(Shelf.Entry e) {
        String method = Methods.byId(e.methodId()).map(m -> m.displayName(Ui.locale())).orElse(e.methodId());
        return Ui.text("start.shared.entry", e.title(), method, when.format(e.modified()), e.place());
    }

    /** A new map in the language chosen on this screen (the application's own newMap knows no language). */
    private void create(String methodId, boolean example) {
        OpenedMap map;
        try {
            map = vm.newMap(methodId, example);
        } catch (RuntimeException e) {
            org.mapwork.editor.view.Dialogs.error(getScene() == null ? null : getScene().getWindow(),
                    Ui.text("start.error.new-map"), e.getMessage());
            return;
        }
        actions.opened(map);
    }

    private void buildMethods() {
        methods.getChildren().clear();
        for (StartViewModel.MethodChoice m : vm.methods()) {
            Label name = new Label(m.name());
            name.setStyle("-fx-font-weight: bold;");
            Label description = new Label(m.description());
            description.setWrapText(true);
            Button empty = new Button(Ui.text("start.empty"));
            empty.setId("new-" + m.id());
            empty.setOnAction(e -> create(m.id(), false));
            Button example = new Button(Ui.text("start.example"));
            example.setId("example-" + m.id());
            example.setOnAction(e -> create(m.id(), true));
            empty.setMinWidth(Region.USE_PREF_SIZE);
            example.setMinWidth(Region.USE_PREF_SIZE);
            VBox text = new VBox(2, name, description);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(10, text, empty, example);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setPadding(new Insets(6));
            row.setStyle("-fx-border-color: #dddddd; -fx-background-color: #fafafa;");
            methods.getChildren().add(row);
        }
    }
}
