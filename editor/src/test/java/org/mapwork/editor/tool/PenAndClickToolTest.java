package org.mapwork.editor.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mapwork.editor.map.MapViewModel;
import org.mapwork.editor.map.TestMaps;
import org.mapwork.editor.tool.CanvasInput.Button;
import org.mapwork.editor.tool.CanvasInput.KeyDown;
import org.mapwork.editor.tool.CanvasInput.Modifiers;
import org.mapwork.editor.tool.CanvasInput.PointerDown;
import org.mapwork.editor.tool.CanvasInput.PointerMove;
import org.mapwork.editor.tool.CanvasInput.PointerUp;
import org.mapwork.model.Element;
import org.mapwork.model.MapSession;
import org.mapwork.model.Point;
import org.mapwork.model.Value;

/** The pen, arrow, text and stamp tools' state machines. */
class PenAndClickToolTest {

    private MapSession session;
    private MapViewModel vm;

    @BeforeEach
    void setUp() {
        session = TestMaps.threeActors();
        vm = TestMaps.viewModel(session);
    }

    private static void drag(Tool tool, List<Point> path) {
        Point first = path.get(0);
        tool.handle(new PointerDown(first.x(), first.y(), first.x(), first.y(), Button.PRIMARY, 1, Modifiers.NONE));
        for (Point p : path.subList(1, path.size())) {
            tool.handle(new PointerMove(p.x(), p.y(), p.x(), p.y(), Modifiers.NONE));
        }
        Point last = path.get(path.size() - 1);
        tool.handle(new PointerUp(last.x(), last.y(), last.x(), last.y(), Button.PRIMARY, Modifiers.NONE));
    }

    private static List<Point> zigzag() {
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            pts.add(new Point(500 + i * 10, 400 + (i % 2 == 0 ? 0 : 15)));
        }
        return pts;
    }

    @Test
    void the_pen_draws_one_smoothed_stroke_that_keeps_its_ends() {
        PenTool pen = new PenTool(vm, false);
        List<Point> path = zigzag();
        Point first = path.get(0);
        pen.handle(new PointerDown(first.x(), first.y(), first.x(), first.y(), Button.PRIMARY, 1, Modifiers.NONE));
        pen.handle(new PointerMove(510, 415, 510, 415, Modifiers.NONE));
        assertEquals(ToolState.DRAWING, pen.state());
        assertEquals(2, vm.preview().stroke().size());
        assertEquals(3, session.document().size(), "nothing is added while drawing");
        pen.cancel();
        drag(pen, path);

        assertEquals(ToolState.IDLE, pen.state());
        Element stroke = session.document().annotations().findFirst().orElseThrow();
        assertEquals("stroke", stroke.type());
        List<Point> pts = stroke.geometry().points();
        assertEquals(path.get(0), pts.get(0));
        assertEquals(path.get(path.size() - 1), pts.get(pts.size() - 1));
        assertTrue(pts.size() > path.size(), "corner cutting adds points");
        double maxY = pts.stream().mapToDouble(Point::y).max().orElseThrow();
        assertTrue(maxY < 415, "the zigzag's peaks are softened, got " + maxY);
        assertEquals(1, session.history().undoDepth());
        assertTrue(vm.preview().stroke().isEmpty());
    }

    @Test
    void the_arrow_draws_a_straight_stroke_with_a_head() {
        PenTool arrow = new PenTool(vm, true);
        drag(arrow, zigzag());
        Element stroke = session.document().annotations().findFirst().orElseThrow();
        assertEquals(List.of(new Point(500, 400), new Point(700, 400)), stroke.geometry().points());
        assertEquals(new Value.Bool(true), stroke.attribute("arrow"));
    }

    @Test
    void escape_while_drawing_adds_nothing() {
        PenTool pen = new PenTool(vm, false);
        pen.handle(new PointerDown(1, 1, 1, 1, Button.PRIMARY, 1, Modifiers.NONE));
        pen.handle(new PointerMove(50, 50, 50, 50, Modifiers.NONE));
        assertTrue(pen.handle(new KeyDown("ESCAPE", "", Modifiers.NONE)));
        pen.handle(new PointerUp(50, 50, 50, 50, Button.PRIMARY, Modifiers.NONE));
        assertEquals(0, session.document().annotations().count());
    }

    @Test
    void the_text_tool_adds_the_typed_text_in_one_undo_step_and_escape_adds_nothing() {
        ClickTool text = new ClickTool(vm, ClickTool.Kind.TEXT);
        long before = session.document().annotations().count();
        int depth = session.history().undoDepth();
        text.handle(new PointerDown(400, 300, 400, 300, Button.PRIMARY, 1, Modifiers.NONE));
        assertEquals(ToolState.POINTING, text.state());
        text.handle(new PointerUp(400, 300, 400, 300, Button.PRIMARY, Modifiers.NONE));
        assertEquals(ToolState.EDITING_TEXT, text.state());
        assertTrue(vm.labels().current().isNewNode(), "nothing is added before the text is typed");
        assertEquals(before, session.document().annotations().count());
        vm.labels().commitLabel("Night shifts");
        Element added = session.document().annotations().filter(a -> a.label().equals("Night shifts")).findFirst()
                .orElseThrow();
        assertEquals("text", added.type());
        assertEquals(400, added.geometry().x(), 1e-9);
        assertEquals(depth + 1, session.history().undoDepth(), "placing and typing a text is one undo step");

        text.handle(new PointerDown(100, 100, 100, 100, Button.PRIMARY, 1, Modifiers.NONE));
        text.handle(new PointerUp(100, 100, 100, 100, Button.PRIMARY, Modifiers.NONE));
        vm.labels().cancelLabelEdit();
        assertEquals(before + 1, session.document().annotations().count(), "Escape leaves no placeholder");
    }

    @Test
    void the_stamp_places_the_chosen_pictogram_as_a_node() {
        ClickTool stamp = new ClickTool(vm, ClickTool.Kind.STAMP);
        stamp.handle(new PointerDown(400, 300, 400, 300, Button.PRIMARY, 1, Modifiers.NONE));
        stamp.handle(new PointerUp(400, 300, 400, 300, Button.PRIMARY, Modifiers.NONE));
        assertEquals(3, session.document().size(), "no pictogram chosen yet: nothing stamped");
        assertFalse(vm.status().isEmpty());

        vm.setPictogram("factory");
        stamp.handle(new PointerDown(400, 300, 400, 300, Button.PRIMARY, 1, Modifiers.NONE));
        stamp.handle(new PointerUp(400, 300, 400, 300, Button.PRIMARY, Modifiers.NONE));
        Element p = session.document().nodes().filter(e -> e.type().equals("picture")).findFirst().orElseThrow();
        assertEquals(new Value.Text("factory"), p.attribute("pictogram"));
        assertEquals(400, p.geometry().centerX(), 1e-9);
    }
}
