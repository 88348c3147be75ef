package org.mapwork.editor.collab;

import java.util.Map;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code of a join address, for a phone's camera across the table: zxing makes the modules (one bit each, with
 * the standard quiet zone of four), and every module becomes a square of whole pixels, so the picture stays sharp.
 */
public final class QrCode {

    /** Pixels per module on screen: a join address is a version 4–6 code, ~45 modules, so ~360 px. */
    public static final int MODULE_PIXELS = 8;

    private QrCode() {
    }

    /** The code's modules (quiet zone included), one bit per module. */
    public static BitMatrix modules(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.MARGIN, 4,
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot make a QR code of this text (" + text.length() + " characters): "
                    + e.getMessage(), e);
        }
    }

    /** The code as a picture, {@code modulePixels} pixels a module, black on white. */
    public static WritableImage image(String text, int modulePixels) {
        if (modulePixels < 1) {
            throw new IllegalArgumentException("modulePixels must be at least 1, not " + modulePixels);
        }
        BitMatrix m = modules(text);
        WritableImage image = new WritableImage(m.getWidth() * modulePixels, m.getHeight() * modulePixels);
        PixelWriter w = image.getPixelWriter();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                Color c = m.get(x, y) ? Color.BLACK : Color.WHITE;
                for (int dy = 0; dy < modulePixels; dy++) {
                    for (int dx = 0; dx < modulePixels; dx++) {
                        w.setColor(x * modulePixels + dx, y * modulePixels + dy, c);
                    }
                }
            }
        }
        return image;
    }
}
