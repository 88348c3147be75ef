package org.mapwork.export.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;

import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapwork.export.Pictures;
import org.mapwork.export.paint.MapFonts;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.model.Change;
import org.mapwork.model.ChangeEngine;
import org.mapwork.model.ChangeSet;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.json.MapJson;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;

/**
 * What a browser shows is what the PNG export shows: the fragments of a scene, assembled in order into one SVG and
 * rasterised (by Batik, another renderer than Java2D), differ from the PNG export at the same scale by antialiasing
 * only; the same with one actor moved differs clearly, so the measure sees a real change.
 */
class SvgScenePictureTest {

    /**
     * Mean difference per channel (of 255) that two rasterisers' antialiasing of one drawing stays under (1.1 to 2.5
     * for the seven examples, the most for the text-dense power/interest grid; the canvas fidelity test had 4 too).
     */
    private static final double SAME_DRAWING = 4;
    /**
     * The same in the worst square of {@link #TILE} pixels, both pictures {@link Pictures#softened softened}: Java2D
     * puts glyphs on whole pixels, Batik (and browsers) in between, which makes text-heavy squares differ most.
     */
    private static final double SAME_HERE = 14;
    private static final int TILE = 64;
    /**
     * Batik finds fonts by family among the system's: the bundled DejaVu Sans is made one of them (a system font of
     * that name stays first), so that the comparison does not depend on the machine's fonts.
     */
    static {
        registerBundledFonts();
    }

    private static void registerBundledFonts() {
        for (boolean bold : new boolean[] {false, true}) {
            try (InputStream in = MapFonts.openFontFile(bold)) {
                GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("the bundled font cannot be read", e);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"net-map", "theory-of-change"})
    void theAssembledFragmentsLookLikeThePngExport(String methodId) throws Exception {
        MethodTemplate method = Methods.byId(methodId).orElseThrow();
        MapDocument doc = method.starter(true, Locale.ENGLISH);
        BufferedImage png = PngExport.render(doc, new MapPainter(), RenderOptions.file(), 96);
        SvgScene svg = new SvgScene(new MapPainter());
        SvgScene.Scene scene = svg.scene(doc);
        BufferedImage browser = rasterise(scene.svg());
        // for a person to look at with another renderer (rsvg-convert, a browser) beside ./mapwork export FILE --format png
        Path look = Files.createDirectories(Path.of("target", "look"));
        Files.writeString(look.resolve("svg-scene-" + methodId + ".svg"), scene.svg());
        Files.writeString(look.resolve("svg-scene-" + methodId + ".mapwork.json"), MapJson.toJson(doc));
        assertEquals(png.getWidth(), browser.getWidth(), "width");
        assertEquals(png.getHeight(), browser.getHeight(), "height");
        double same = Pictures.meanChannelDifference(png, browser);
        Pictures.Square sameHere = Pictures.worstSquare(Pictures.softened(png), Pictures.softened(browser), TILE);

        // the control: one actor moved, drawn through an update of the scene (what the browser gets after a drag);
        // the actor with the most links, so that the change is seen in the picture's worst place and, less, over all
        Element actor = doc.nodes().max(Comparator.comparingInt((Element n) -> doc.linksOf(n.id()).size())
                .thenComparing(Element::id)).orElseThrow();
        MapDocument moved = ChangeEngine.apply(doc, method.schema(), ChangeSet.of("move",
                Change.setGeometry(actor.id(), actor.geometry().movedBy(120, 0)))).after();
        SvgScene.Scene updated = scene.apply(svg.update(doc, moved));
        BufferedImage browserMoved = rasterise(updated.svg());
        BufferedImage movedOnPage = crop(browserMoved, png);
        double actorMoved = Pictures.meanChannelDifference(png, movedOnPage);
        Pictures.Square actorMovedHere = Pictures.worstSquare(Pictures.softened(png), Pictures.softened(movedOnPage), TILE);
        BufferedImage pngMoved = PngExport.render(moved, new MapPainter(), RenderOptions.file(), 96);
        assertEquals(pngMoved.getWidth(), browserMoved.getWidth(), "width, moved");
        assertEquals(pngMoved.getHeight(), browserMoved.getHeight(), "height, moved");
        double sameMoved = Pictures.meanChannelDifference(pngMoved, browserMoved);
        Pictures.Square sameMovedHere = Pictures.worstSquare(Pictures.softened(pngMoved), Pictures.softened(browserMoved), TILE);

        System.out.printf("%s (%d × %d): fragments vs PNG %.3f per channel (softened, worst %s); one actor moved"
                        + " %.3f (%s); moved, updated fragments vs its PNG %.3f (%s)%n", methodId, png.getWidth(),
                png.getHeight(), same, sameHere, actorMoved, actorMovedHere, sameMoved, sameMovedHere);
        if (same >= SAME_DRAWING || sameHere.difference() >= SAME_HERE || sameMoved >= SAME_DRAWING || sameMovedHere.difference() >= SAME_HERE) {
            Pictures.keep(png, "svg-scene-" + methodId + "-png");
            Pictures.keep(browser, "svg-scene-" + methodId + "-fragments");
            Pictures.keep(browserMoved, "svg-scene-" + methodId + "-moved-fragments");
        }
        assertTrue(same < SAME_DRAWING && sameHere.difference() < SAME_HERE, methodId + ": fragments vs PNG, mean difference " + same
                + ", in the worst square " + sameHere + " (pictures in target/look)");
        assertTrue(sameMoved < SAME_DRAWING && sameMovedHere.difference() < SAME_HERE, methodId
                + ": the updated fragments vs the moved map's PNG, mean difference " + sameMoved + ", worst square " + sameMovedHere);
        assertTrue(actorMoved > same && actorMovedHere.difference() > 2 * SAME_HERE,
                methodId + ": moving one actor must be seen: " + actorMoved + " (worst square " + actorMovedHere + ") vs " + same);
    }

    /** The other methods' examples: lanes, quadrants with a turned axis label, the fishbone's lines, pictograms. */
    @ParameterizedTest
    @ValueSource(strings = {"problem-tree", "fishbone", "rich-picture", "power-interest", "action-plan"})
    void everyOtherMethodsExampleLooksLikeItsPngExport(String methodId) throws Exception {
        MapDocument doc = Methods.byId(methodId).orElseThrow().starter(true, Locale.ENGLISH);
        BufferedImage png = PngExport.render(doc, new MapPainter(), RenderOptions.file(), 96);
        BufferedImage browser = rasterise(new SvgScene(new MapPainter()).scene(doc).svg());
        assertEquals(png.getWidth(), browser.getWidth(), "width");
        assertEquals(png.getHeight(), browser.getHeight(), "height");
        double same = Pictures.meanChannelDifference(png, browser);
        Pictures.Square sameHere = Pictures.worstSquare(Pictures.softened(png), Pictures.softened(browser), TILE);
        System.out.printf("%s (%d × %d): fragments vs PNG %.3f per channel (softened, worst %s)%n", methodId,
                png.getWidth(), png.getHeight(), same, sameHere);
        if (same >= SAME_DRAWING || sameHere.difference() >= SAME_HERE) {
            Pictures.keep(png, "svg-scene-" + methodId + "-png");
            Pictures.keep(browser, "svg-scene-" + methodId + "-fragments");
        }
        assertTrue(same < SAME_DRAWING && sameHere.difference() < SAME_HERE, methodId + ": fragments vs PNG, mean difference "
                + same + ", in the worst square " + sameHere + " (pictures in target/look)");
    }

    /** The SVG as Batik draws it, at its own size (one pixel per unit), in the bundled font where the system has none. */
    private static BufferedImage rasterise(String svg) throws TranscoderException {
        BufferedImage[] out = new BufferedImage[1];
        ImageTranscoder t = new ImageTranscoder() {
            @Override
            public BufferedImage createImage(int width, int height) {
                return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            }

            @Override
            public void writeImage(BufferedImage img, TranscoderOutput output) {
                out[0] = img;
            }
        };
        t.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput());
        return out[0];
    }

    /** {@code image} cut or padded (transparent) to {@code like}'s size, top-left aligned, to compare with it. */
    private static BufferedImage crop(BufferedImage image, BufferedImage like) {
        BufferedImage out = new BufferedImage(like.getWidth(), like.getHeight(), BufferedImage.TYPE_INT_ARGB);
        var g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}
