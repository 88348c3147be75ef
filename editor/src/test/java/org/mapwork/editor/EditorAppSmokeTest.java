package org.mapwork.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real editor window headless and checks that it draws something. */
@ExtendWith(ApplicationExtension.class)
class EditorAppSmokeTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // no library: a test must not touch the user's ~/.mapwork
        new EditorApp().start(stage, java.util.List.of(), java.util.Map.of("no-library", "true"));
    }

    @Test
    void start_screen_shows_its_heading_in_a_window_titled_mapwork(FxRobot robot) {
        assertEquals(EditorApp.title(), stage.getTitle());
        Label heading = robot.lookup("#start-heading").queryAs(Label.class);
        assertEquals(EditorApp.startText(), heading.getText());
    }

    @Test
    void start_screen_paints_text_onto_its_background() throws Exception {
        Scene scene = stage.getScene();
        WritableImage image = WaitForAsyncUtils
                .asyncFx(() -> scene.snapshot(null))
                .get(10, TimeUnit.SECONDS);
        saveForPeople(image);

        PixelReader pixels = image.getPixelReader();
        // The top-left corner lies in the padding, so it shows the background.
        int background = pixels.getArgb(0, 0);
        long visible = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                if (contrast(pixels.getArgb(x, y), background) > 64) {
                    visible++;
                }
            }
        }
        // "Differs at all" is not enough: even transparent text leaves faint 1-2 level traces.
        assertTrue(visible > 50,
                "expected the heading's glyphs to stand out from the background, but only "
                        + visible + " pixels did");
    }

    /** The largest difference, 0 to 255, between two colours in any of red, green and blue. */
    private static int contrast(int argb, int other) {
        int max = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            max = Math.max(max, Math.abs(((argb >> shift) & 0xff) - ((other >> shift) & 0xff)));
        }
        return max;
    }

    /** Keeps the snapshot where a person can look at it (editor/target/screenshots). */
    private static void saveForPeople(WritableImage image) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png",
                dir.resolve("editor-start-screen.png").toFile());
    }
}
