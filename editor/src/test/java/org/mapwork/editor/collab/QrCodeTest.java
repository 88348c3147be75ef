package org.mapwork.editor.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import org.junit.jupiter.api.Test;
import org.mapwork.collab.HubCore;
import org.mapwork.collab.net.JoinAddress;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The Share dialog's QR code decodes, with zxing's own reader, to the join address it was made of. */
public class QrCodeTest {

    @org.junit.jupiter.api.BeforeAll
    static void toolkit() throws Exception {
        // as the window tests start it (a toolkit started otherwise would stand in their way later in this JVM)
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    /** Reads a QR code from the picture's pixels as a camera's decoder would. */
    public static String decode(WritableImage image) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                argb[y * w + x] = r.getArgb(x, y);
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, argb)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE)).getText();
    }

    @Test
    void the_code_of_a_join_address_reads_back_as_that_address() throws Exception {
        String address = JoinAddress.of(java.net.URI.create("ws://192.168.17.203:43817/maps/m-5f2c9a1b7d"),
                HubCore.newToken()).toUri().toString();
        WritableImage image = QrCode.image(address, QrCode.MODULE_PIXELS);
        assertEquals(address, decode(image));
        // big enough for a phone across the table: at least ~300 px, whole modules
        assertTrue(image.getWidth() >= 300, "width " + image.getWidth());
        assertEquals(0, (int) image.getWidth() % QrCode.MODULE_PIXELS);
        assertEquals(QrCode.modules(address).getWidth() * QrCode.MODULE_PIXELS, (int) image.getWidth());
    }

    @Test
    void a_module_size_below_one_pixel_is_refused_with_a_reason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QrCode.image("ws://x/maps/m#t", 0));
        assertTrue(e.getMessage().contains("modulePixels"), e.getMessage());
    }
}
