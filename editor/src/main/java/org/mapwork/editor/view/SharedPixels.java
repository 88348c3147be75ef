package org.mapwork.editor.view;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;

import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Java2D pictures shown by JavaFX without a copy: the image JavaFX draws reads the very int array Java2D drew into
 * (premultiplied ARGB on both sides, so nothing is converted either). The Java2D image must not be drawn into again.
 */
final class SharedPixels {

    private SharedPixels() {
    }

    /** A premultiplied ARGB image ({@link BufferedImage#TYPE_INT_ARGB_PRE}) to draw into, at {@code width × height}. */
    static BufferedImage canvas(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
    }

    /** What JavaFX shows of {@code image}, made by {@link #canvas}: the same pixels. */
    static WritableImage shown(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_ARGB_PRE) {
            throw new IllegalArgumentException("premultiplied ARGB images only, got type " + image.getType());
        }
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        return new WritableImage(new PixelBuffer<>(image.getWidth(), image.getHeight(), IntBuffer.wrap(pixels),
                PixelFormat.getIntArgbPreInstance()));
    }
}
