package org.mapwork.editor;

import java.util.List;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The Mapwork editor window. For now it shows a placeholder start screen; an optional
 * first parameter names the map file to open.
 *
 * <p>Start it through {@link EditorLauncher}: on the class path, a main class that extends
 * {@link Application} fails with "JavaFX runtime components are missing".
 */
public class EditorApp extends Application {

    /** The window title. */
    public static final String TITLE = "Mapwork";

    /** The text of the start screen's heading. */
    public static final String START_TEXT = "Mapwork — start";

    @Override
    public void start(Stage stage) {
        List<String> files = getParameters() == null ? List.of() : getParameters().getUnnamed();
        stage.setTitle(TITLE);
        stage.setScene(new Scene(startScreen(files), 640, 400));
        stage.show();
    }

    /** Builds the start screen: a heading, and the file asked for, if any. */
    static VBox startScreen(List<String> files) {
        Label heading = new Label(START_TEXT);
        heading.setId("start-heading");
        heading.setStyle("-fx-font-size: 24px;");
        VBox box = new VBox(12, heading);
        box.setPadding(new Insets(24));
        if (!files.isEmpty()) {
            Label file = new Label("Opening " + files.get(0));
            file.setId("start-file");
            box.getChildren().add(file);
        }
        return box;
    }
}
