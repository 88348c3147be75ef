package org.mapwork.export;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Comparing pictures in tests: how far two renderings of a map are apart, and keeping one where a person can look. */
public final class Pictures {

    private Pictures() {
    }

    /**
     * The mean difference per colour channel (0 to 255) of two pictures of the same size, over every pixel: about 1
     * for two rasterisers' antialiasing of one drawing, several for a drawing with something moved.
     */
    public static double meanChannelDifference(BufferedImage a, BufferedImage b) {
        sameSize(a, b);
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    /** A square of two pictures (its top-left pixel and size) and their {@link #meanChannelDifference} in it. */
    public record Square(int x, int y, int size, double difference) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.3f in the %d px square at (%d, %d)", difference, size, x, y);
        }
    }

    /**
     * The square of {@code size × size} pixels where the two pictures differ most (squares tile them from the top-left
     * corner; those at the right and bottom edges may be narrower): a change confined to one place, such as one
     * element moved, stands out here, where over a whole large picture it is diluted.
     */
    public static Square worstSquare(BufferedImage a, BufferedImage b, int size) {
        sameSize(a, b);
        Square worst = new Square(0, 0, size, 0);
        for (int y = 0; y < a.getHeight(); y += size) {
            for (int x = 0; x < a.getWidth(); x += size) {
                int w = Math.min(size, a.getWidth() - x), h = Math.min(size, a.getHeight() - y);
                double d = meanChannelDifference(a.getSubimage(x, y, w, h), b.getSubimage(x, y, w, h));
                if (d > worst.difference()) {
                    worst = new Square(x, y, size, d);
                }
            }
        }
        return worst;
    }

    /** How many pixels of two pictures of the same size differ at all (0 for the same drawing by the same rasteriser). */
    public static int differingPixels(BufferedImage a, BufferedImage b) {
        sameSize(a, b);
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }

    /** How many pixels of a picture with an alpha channel are not wholly transparent: what was drawn on it. */
    public static int inkedPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) >>> 24) > 0 ? 1 : 0;
            }
        }
        return n;
    }

    /**
     * {@code image} blurred by a 3 × 3 box: where two rasterisers place a glyph or an edge a fraction of a pixel apart
     * the blurred pictures hardly differ, where one draws something the other does not they still do.
     */
    public static BufferedImage softened(BufferedImage image) {
        float[] box = new float[9];
        java.util.Arrays.fill(box, 1f / 9);
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(image, 0, 0, null);
        return new ConvolveOp(new Kernel(3, 3, box), ConvolveOp.EDGE_NO_OP, null).filter(rgb, null);
    }

    private static void sameSize(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("pictures of different sizes: " + a.getWidth() + " × " + a.getHeight()
                    + " and " + b.getWidth() + " × " + b.getHeight());
        }
    }

    /** Writes {@code image} to {@code target/look/NAME.png} (under the module running the test) and returns the path. */
    public static Path keep(BufferedImage image, String name) {
        try {
            Path dir = Path.of("target", "look");
            Files.createDirectories(dir);
            Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9.-]+", "-") + ".png");
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
