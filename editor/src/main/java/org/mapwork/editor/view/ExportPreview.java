package org.mapwork.editor.view;

import java.awt.image.BufferedImage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

import org.mapwork.editor.i18n.Ui;
import org.mapwork.export.format.PngExport;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.MapDocument;

/**
 * The Export dialog's preview: the map as the file draws it, small. It is drawn in the background (a large map takes
 * seconds), with "Drawing the preview…" over it meanwhile; when the choices change before a drawing is done, only
 * the latest is shown.
 */
final class ExportPreview {

    static final double WIDTH = 520;
    static final double HEIGHT = 360;
    /** One drawing at a time; a drawing replaced before it began is skipped. */
    private static final ExecutorService DRAWER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mapwork-export-preview");
        t.setDaemon(true);
        return t;
    });

    private final MapDocument doc;
    private final ImageView image = new ImageView();
    private final Label drawing = new Label(Ui.text("export.preview.drawing"));
    private final StackPane frame = new StackPane(image, drawing);
    private Task<BufferedImage> current;

    ExportPreview(MapDocument doc) {
        this.doc = doc;
        image.setId("export-preview");
        image.setFitWidth(WIDTH);
        image.setFitHeight(HEIGHT);
        image.setPreserveRatio(true);
        drawing.setId("export-preview-drawing");
        drawing.setStyle("-fx-background-color: rgba(255,255,255,0.85); -fx-padding: 6 10");
        // a fixed frame: a preview of another shape (legend off, say) must not push the buttons out of the window
        frame.setMinSize(WIDTH, HEIGHT);
        frame.setPrefSize(WIDTH, HEIGHT);
    }

    Node node() {
        return frame;
    }

    /** Draws the preview again for these choices. */
    void draw(boolean legend, boolean titleBlock) {
        stop();
        RenderOptions o = RenderOptions.file().withLegend(legend).withTitleBlock(titleBlock);
        Task<BufferedImage> task = new Task<>() {
            @Override
            protected BufferedImage call() {
                return render(doc, o);
            }
        };
        task.setOnSucceeded(e -> {
            if (task == current) {
                image.setImage(SwingFXUtils.toFXImage(task.getValue(), null));
                drawing.setVisible(false);
            }
        });
        task.setOnFailed(e -> {
            if (task == current) {
                drawing.setText(Ui.text("export.preview.failed", ExportJob.reason(task.getException())));
            }
        });
        current = task;
        drawing.setText(Ui.text("export.preview.drawing"));
        drawing.setVisible(true);
        DRAWER.execute(task);
    }

    /** The dialog is closed: a drawing not yet begun is skipped, one under way is not shown. */
    void stop() {
        if (current != null) {
            current.cancel(false);
        }
    }

    /** The preview's picture: about the frame's width, and never under PNG's 10 dpi (the frame scales it down). */
    static BufferedImage render(MapDocument doc, RenderOptions o) {
        var extent = new MapPainter().extent(doc, o);
        double dpi = Math.max(10, Math.min(96, 96 * WIDTH / Math.max(1, extent.getWidth())));
        return PngExport.render(doc, new MapPainter(), o, dpi);
    }
}
