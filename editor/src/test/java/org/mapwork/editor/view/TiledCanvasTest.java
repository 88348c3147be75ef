package org.mapwork.editor.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapwork.editor.canvas.Camera;
import org.mapwork.editor.canvas.PainterHitTester;
import org.mapwork.editor.map.ClipboardPort;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.map.TestMaps;
import org.mapwork.editor.tool.CanvasInput;
import org.mapwork.export.paint.MapPainter;
import org.mapwork.export.paint.RenderOptions;
import org.mapwork.export.paint.Viewport;
import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The canvas keeps the map as tiles and repaints only what a change reaches. Whatever happens — edits, undo, a change
 * from elsewhere, a selection, a zoom — the picture it shows must be the one the painter draws for the map as it is
 * now: these tests compare the canvas, pixel by pixel, with a fresh drawing of the whole view.
 */
@ExtendWith(ApplicationExtension.class)
class TiledCanvasTest {

    private static final int W = 800, H = 600;
    private Stage stage;
    private MapViewModel vm;
    private MapCanvasView view;
    private MethodTemplate netMap;

    @Start
    void start(Stage s) {
        stage = s;
    }

    private void open(MapDocument doc) throws Exception {
        netMap = Methods.byId(doc.methodId()).orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> {
            MapPainter painter = new MapPainter();
            vm = new MapViewModel(new MapSession(doc, netMap.schema(), "me", 0), netMap, Methods.schemas(),
                    new PainterHitTester(painter), ClipboardPort.inMemory());
            view = new MapCanvasView(vm, painter);
            // the view keeps 14 px for its scroll bars
            stage.setScene(new Scene(new StackPane(view), W + 14, H + 14));
            stage.show();
            view.applyCss();
            view.layout();
        }).get(30, TimeUnit.SECONDS);
    }

    @Test
    void theTilesShowExactlyWhatThePainterDrawsAtEveryZoom() throws Exception {
        open(netMapExample());
        for (double scale : new double[] {1.0, 0.37, 0.15, 2.5}) {
            Element actor = vm.document().nodes().skip(3).findFirst().orElseThrow();
            onFx(() -> {
                vm.camera().set(actor.geometry().centerX() - W / 2.0 / scale, actor.geometry().centerY() - H / 2.0 / scale, scale);
                view.paintNow();
            });
            assertSamePicture(expected(vm.document(), Set.of()), shown(), "at " + scale);
        }
    }

    @Test
    void afterADragAnUndoAChangeFromElsewhereAndARenameNoTileIsStale() throws Exception {
        open(netMapExample());
        onFx(() -> {
            vm.zoomToFit();
            view.paintNow();
        });
        Element actor = vm.document().nodes().filter(n -> !vm.document().linksOf(n.id()).isEmpty()).findFirst().orElseThrow();
        drag(actor, 60, -35, true);
        onFx(vm::clearSelection);
        assertFalse(vm.document().element(actor.id()).geometry().equals(actor.geometry()), "the drag moved the actor");
        settle();
        assertSamePicture(expected(vm.document(), Set.of()), frame(), "after the drag");

        onFx(vm::undo);
        assertEquals(actor.geometry(), vm.document().element(actor.id()).geometry());
        assertSamePicture(expected(vm.document(), Set.of()), frame(), "after undo");

        Element other = vm.document().nodes().skip(5).findFirst().orElseThrow();
        onFx(() -> vm.session().applyRemote(TestMaps.remote(Change.setGeometry(other.id(), other.geometry().movedBy(-90, 40)))));
        assertSamePicture(expected(vm.document(), Set.of()), frame(), "after a change from elsewhere");

        onFx(() -> vm.apply("rename", List.of(Change.setLabel(other.id(), "Renamed while the tiles were kept"))));
        assertSamePicture(expected(vm.document(), Set.of()), frame(), "after a rename");
    }

    @Test
    void aSelectionIsDrawnAndClearedWhereItIs() throws Exception {
        open(netMapExample());
        onFx(() -> {
            vm.zoomToFit();
            view.paintNow();
        });
        Element link = vm.document().links().findFirst().orElseThrow();
        onFx(() -> vm.select(List.of(link.id())));
        assertSamePicture(expected(vm.document(), Set.of(link.id())), frame(), "a link selected");
        onFx(vm::clearSelection);
        assertSamePicture(expected(vm.document(), Set.of()), frame(), "selection cleared");
    }

    @Test
    void duringADragTheActorAndItsLinksMoveAndTheRestStaysAsItWas() throws Exception {
        open(netMapExample());
        onFx(() -> {
            vm.zoomToFit();
            view.paintNow();
        });
        Element actor = vm.document().nodes().filter(n -> !vm.document().linksOf(n.id()).isEmpty()).findFirst().orElseThrow();
        drag(actor, 260, -180, false);
        Set<String> lifted = vm.liftedElements();
        assertEquals(1 + vm.document().linksOf(actor.id()).size(), lifted.size(), "the actor and its links are lifted");
        BufferedImage shown = frame();
        BufferedImage expected = expected(vm.displayed(), vm.selection());
        // the lifted elements are drawn over the rest (a link may cross another actor on top of it), and the
        // selected actor shows its handles: anything else must be exactly the painter's picture of the preview
        List<Rectangle2D> liftedAreas = onFx(() -> new MapPainter().drawnBounds(vm.displayed(), lifted));
        Camera cam = vm.camera();
        int outside = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (shown.getRGB(x, y) != expected.getRGB(x, y) && !near(liftedAreas, cam.toMapX(x), cam.toMapY(y), 16 / cam.scale())) {
                    outside++;
                }
            }
        }
        assertEquals(0, outside, "pixels that differ away from the lifted elements");
        // where the actor was, it is gone (the drag takes it well clear of its old place): the picture there is the preview's
        Rectangle2D now = onFx(() -> new MapPainter().drawnBounds(vm.displayed(), Set.of(actor.id())).get(0));
        Rectangle2D was = new Rectangle2D.Double(actor.geometry().x(), actor.geometry().y(), actor.geometry().width(), actor.geometry().height());
        assertFalse(was.intersects(now), "moved clear of its old place");
        assertEquals(0, differing(shown, expected, cam, was), "the actor's old place shows what the preview shows");
        assertTrue(differing(shown, expected(vm.document(), vm.selection()), cam, was) > 100, "and not the actor");
        onFx(() -> view.tool().handle(new CanvasInput.PointerUp(0, 0, 0, 0, CanvasInput.Button.PRIMARY, CanvasInput.Modifiers.NONE)));
    }

    @Test
    void aReleaseShowsTheActorWhereItWasDroppedAtOnceAndRedrawsItsTilesInTheBackground() throws Exception {
        open(netMapExample());
        onFx(() -> {
            vm.zoomToFit();
            view.paintNow();
        });
        Element actor = vm.document().nodes().filter(n -> !vm.document().linksOf(n.id()).isEmpty()).findFirst().orElseThrow();
        drag(actor, 80, 50, false);
        long drawnHere = onFx(() -> view.tilesDrawn()[0]);
        boolean[] pendingAtRelease = new boolean[1];
        BufferedImage released = onFx(() -> {
            Camera c = vm.camera();
            double x = actor.geometry().centerX() + 80, y = actor.geometry().centerY() + 50;
            view.tool().handle(new CanvasInput.PointerUp(x, y, c.toScreenX(x), c.toScreenY(y), CanvasInput.Button.PRIMARY,
                    CanvasInput.Modifiers.NONE));
            view.paintIfRequested();
            pendingAtRelease[0] = view.tilesPending();
            return SwingFXUtils.fromFXImage(view.canvas().snapshot(null, null), null);
        });
        assertEquals(drawnHere, onFx(() -> view.tilesDrawn()[0]), "the release drew no tile on the JavaFX thread");
        assertTrue(pendingAtRelease[0], "its tiles are drawn in the background");
        // at once, the actor is where it was dropped: inside its new box the picture is the painter's
        Element moved = vm.document().element(actor.id());
        Camera cam = vm.camera();
        // (12 px in from the edges: the selected actor's handles sit on its corners)
        double in = 12 / cam.scale();
        Rectangle2D inner = new Rectangle2D.Double(moved.geometry().x() + in, moved.geometry().y() + in,
                moved.geometry().width() - 2 * in, moved.geometry().height() - 2 * in);
        assertEquals(0, differing(released, expected(vm.document(), vm.selection()), cam, inner), "the actor in its new place");
        assertTrue(differing(released, expected(vm.document(), vm.selection(), Set.of(actor.id())), cam, inner) > 100,
                "(the measure sees an actor missing there)");
        settle();
        onFx(vm::clearSelection);
        assertSamePicture(expected(vm.document(), Set.of()), frame(), "once the tiles arrived");
    }

    @Test
    void aZoomShowsTheOldTilesScaledThenSharpens() throws Exception {
        open(netMapExample());
        onFx(() -> {
            vm.zoomToFit();
            view.paintNow();
        });
        boolean whole = onFx(() -> {
            vm.zoomAt(W / 2.0, H / 2.0, 1.6);
            view.paintIfRequested();
            return view.lastFrameWhole();
        });
        assertFalse(whole, "the first frame after a zoom waits for its tiles");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!onFx(() -> view.lastFrameWhole() && !view.tilesPending())) {
            assertTrue(System.nanoTime() < deadline, "the tiles arrive");
            Thread.sleep(20);
        }
        assertSamePicture(expected(vm.document(), Set.of()), shown(), "after the tiles arrived");
    }

    @Test
    void draggingTheCeilingDrawsAGuideAndRedrawsTheTilesOnlyOnRelease() throws Exception {
        open(Methods.byId("theory-of-change").orElseThrow().starter(true, Locale.ENGLISH));
        onFx(() -> {
            vm.zoomToFit();
            view.paintNow();
        });
        double ceiling = vm.lineY().orElseThrow();
        Camera cam = vm.camera();
        double target = ceiling + 120 / cam.scale();
        long[] before = onFx(() -> {
            var none = CanvasInput.Modifiers.NONE;
            double sx = W / 2.0, sy = cam.toScreenY(ceiling);
            view.tool().handle(new CanvasInput.PointerDown(cam.toMapX(sx), ceiling, sx, sy, CanvasInput.Button.PRIMARY, 1, none));
            long[] tiles = view.tilesDrawn();
            for (int i = 1; i <= 6; i++) {
                double my = ceiling + (target - ceiling) * i / 6;
                view.tool().handle(new CanvasInput.PointerMove(cam.toMapX(sx), my, sx, cam.toScreenY(my), none));
                view.paintIfRequested();
            }
            return tiles;
        });
        assertEquals(target, vm.linePreview().orElseThrow(), 1.0, "the guide follows the pointer");
        // (tiles around the view may still arrive from the background; none is drawn again for the drag)
        assertEquals(before[0], onFx(() -> view.tilesDrawn()[0]), "no tile drawn again during the drag");
        BufferedImage during = frame();
        keep(during, "ceiling-drag");
        int y = (int) Math.floor(cam.toScreenY(target));
        int accent = 0;
        for (int x = 0; x < W; x++) {
            int p = during.getRGB(x, y);
            // the editor's accent blue, #1f6feb
            accent += (p & 0xff) > 200 && ((p >> 16) & 0xff) < 90 ? 1 : 0;
        }
        assertTrue(accent > W / 4, "the dashed guide crosses the view: " + accent + " blue pixels on its row");
        onFx(() -> view.tool().handle(new CanvasInput.PointerUp(cam.toMapX(W / 2.0), target, W / 2.0, cam.toScreenY(target),
                CanvasInput.Button.PRIMARY, CanvasInput.Modifiers.NONE)));
        assertEquals(target, vm.lineY().orElseThrow(), 1.0, "the release moves the ceiling");
        settle();
        assertSamePicture(expected(vm.document(), vm.selection()), frame(), "after the ceiling moved");
    }

    // ----- helpers -----

    private static MapDocument netMapExample() {
        return Methods.byId("net-map").orElseThrow().starter(true, Locale.ENGLISH);
    }

    /** Presses on the actor's centre and moves the pointer by (dx, dy) in a few steps; releases when asked. */
    private void drag(Element actor, double dx, double dy, boolean release) throws Exception {
        onFx(() -> {
            Camera c = vm.camera();
            double x = actor.geometry().centerX(), y = actor.geometry().centerY();
            var none = CanvasInput.Modifiers.NONE;
            view.tool().handle(new CanvasInput.PointerDown(x, y, c.toScreenX(x), c.toScreenY(y), CanvasInput.Button.PRIMARY, 1, none));
            for (int i = 1; i <= 5; i++) {
                double mx = x + dx * i / 5, my = y + dy * i / 5;
                view.tool().handle(new CanvasInput.PointerMove(mx, my, c.toScreenX(mx), c.toScreenY(my), none));
                view.paintIfRequested();
            }
            if (release) {
                view.tool().handle(new CanvasInput.PointerUp(x + dx, y + dy, c.toScreenX(x + dx), c.toScreenY(y + dy),
                        CanvasInput.Button.PRIMARY, none));
            }
        });
    }

    /** Waits until no tile is on its way and no finished gesture waits on top. */
    private void settle() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (onFx(() -> {
            view.paintIfRequested();
            return view.tilesPending();
        })) {
            assertTrue(System.nanoTime() < deadline, "the tiles arrive");
            Thread.sleep(20);
        }
    }

    /** A frame as the next pulse paints it (tiles the change reached drawn again; nothing forced), then the pixels. */
    private BufferedImage frame() throws Exception {
        return onFx(() -> {
            view.paintIfRequested();
            return SwingFXUtils.fromFXImage(view.canvas().snapshot(null, null), null);
        });
    }

    private BufferedImage shown() throws Exception {
        return onFx(() -> SwingFXUtils.fromFXImage(view.canvas().snapshot(null, null), null));
    }

    /** The whole view drawn afresh by a new painter, on the canvas' background, at the canvas' device-pixel origin. */
    private BufferedImage expected(MapDocument doc, Set<String> selection) throws Exception {
        return expected(doc, selection, Set.of());
    }

    /** The same, leaving out some elements. */
    private BufferedImage expected(MapDocument doc, Set<String> selection, Set<String> without) throws Exception {
        return onFx(() -> {
            Camera cam = vm.camera();
            double s = cam.scale();
            BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D g = img.createGraphics();
            g.setColor(TileLayer.BACKGROUND);
            g.fillRect(0, 0, W, H);
            new MapPainter().paint(g, doc, Viewport.ofCanvas(Math.round(cam.originX() * s) / s,
                    Math.round(cam.originY() * s) / s, W, H, s), RenderOptions.screen(selection).withHidden(without));
            g.dispose();
            return img;
        });
    }

    /**
     * Same picture: no pixel differs by more than 40 of 255. (Java2D clips a long line to each tile, which may move its
     * antialiased edge by one of the rasteriser's eight sub-rows, 32 levels; anything more is a stale or missing drawing.)
     */
    private static void assertSamePicture(BufferedImage expected, BufferedImage shown, String when) {
        int differing = 0, worst = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int d = contrast(expected.getRGB(x, y), shown.getRGB(x, y));
                worst = Math.max(worst, d);
                differing += d > 40 ? 1 : 0;
            }
        }
        if (differing > 0) {
            keep(expected, "tiled-" + when + "-expected");
            keep(shown, "tiled-" + when + "-shown");
        }
        assertEquals(0, differing, when + ": pixels that differ by more than 40 of 255 (worst " + worst
                + "; pictures in target/screenshots)");
    }

    /** Keeps a picture where a person can look at it (editor/target/screenshots). */
    private static void keep(BufferedImage image, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            javax.imageio.ImageIO.write(image, "png", dir.resolve(name.replaceAll("[^A-Za-z0-9.-]+", "-") + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int differing(BufferedImage a, BufferedImage b, Camera cam, Rectangle2D mapArea) {
        int n = 0;
        int x0 = (int) Math.max(0, cam.toScreenX(mapArea.getMinX())), x1 = (int) Math.min(W - 1, cam.toScreenX(mapArea.getMaxX()));
        int y0 = (int) Math.max(0, cam.toScreenY(mapArea.getMinY())), y1 = (int) Math.min(H - 1, cam.toScreenY(mapArea.getMaxY()));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                n += contrast(a.getRGB(x, y), b.getRGB(x, y)) > 24 ? 1 : 0;
            }
        }
        return n;
    }

    private static boolean near(List<Rectangle2D> areas, double x, double y, double margin) {
        for (Rectangle2D a : areas) {
            if (x >= a.getMinX() - margin && x <= a.getMaxX() + margin && y >= a.getMinY() - margin && y <= a.getMaxY() + margin) {
                return true;
            }
        }
        return false;
    }

    private static int contrast(int argb, int other) {
        int max = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            max = Math.max(max, Math.abs(((argb >> shift) & 0xff) - ((other >> shift) & 0xff)));
        }
        return max;
    }

    private static void onFx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(30, TimeUnit.SECONDS);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }
}
