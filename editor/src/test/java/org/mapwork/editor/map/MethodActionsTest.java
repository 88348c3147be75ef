package org.mapwork.editor.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.mapwork.editor.canvas.BoxHitTester;
import org.mapwork.editor.panels.FacilitationViewModel;
import org.mapwork.editor.panels.FindingsViewModel;
import org.mapwork.editor.tool.CanvasInput.Button;
import org.mapwork.editor.tool.CanvasInput.Modifiers;
import org.mapwork.editor.tool.CanvasInput.PointerDown;
import org.mapwork.editor.tool.CanvasInput.PointerMove;
import org.mapwork.editor.tool.CanvasInput.PointerUp;
import org.mapwork.editor.tool.SelectTool;
import org.mapwork.model.Element;
import org.mapwork.model.MapDocument;
import org.mapwork.model.MapSession;
import org.mapwork.model.Value;
import org.mapwork.templates.MethodAction;
import org.mapwork.templates.MethodTemplate;
import org.mapwork.templates.Methods;
import org.mapwork.templates.netmap.NetMapEdits;
import org.mapwork.templates.toc.TheoryOfChangeTemplate;

/** Method-specific editing with the shipped templates: preconditions, the ceiling, goals, steps and findings. */
class MethodActionsTest {

    /** The choices and questions the method's actions put to the window, as a window would show them. */
    private static final class Shown implements MethodCommands.Prompts {
        MethodAction.Choose menu;
        MethodAction.Ask question;

        @Override
        public void choose(MethodAction.Choose m, MethodCommands commands) {
            menu = m;
        }

        @Override
        public void ask(MethodAction.Ask q, MethodCommands commands) {
            question = q;
        }

        /** Chooses the entry whose label starts so, as a click would. */
        void pick(MethodCommands commands, MapViewModel vm, String label) {
            MethodAction.Choice c = menu.choices().stream().filter(x -> x.label().startsWith(label)).findFirst()
                    .orElseThrow();
            commands.carryOut(c.chosen().apply(vm.document()));
        }
    }

    private static MapViewModel open(String method, boolean example) {
        MethodTemplate t = Methods.byId(method).orElseThrow();
        MapSession s = new MapSession(t.starter(example, Locale.ENGLISH), t.schema(), "tester", 0);
        MapViewModel vm = new MapViewModel(s, t, Methods.schemas(), new BoxHitTester(), ClipboardPort.inMemory());
        vm.camera().setViewSize(1000, 800);
        return vm;
    }

    private static Element first(MapDocument doc, String type) {
        return doc.nodes().filter(n -> n.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void add_precondition_places_a_named_node_below_the_outcome_linked_in_one_step_and_escape_adds_nothing() {
        MapViewModel vm = open("theory-of-change", false);
        Element outcome = first(vm.document(), "long-term-outcome");
        vm.select(List.of(outcome.id()));
        MethodCommands commands = new MethodCommands(vm, new Shown());
        assertTrue(commands.run("add-precondition"));
        vm.cancelLabelEdit();
        assertEquals(0, vm.document().nodes().filter(n -> n.type().equals("precondition")).count());

        vm.select(List.of(outcome.id()));
        commands.run("add-precondition");
        vm.commitLabel("Employers post rights notices");
        Element p = first(vm.document(), "precondition");
        assertEquals("Employers post rights notices", p.label());
        assertTrue(p.geometry().y() >= outcome.geometry().y() + outcome.geometry().height());
        assertEquals(1, vm.document().linksOf(p.id()).size());
        assertEquals(outcome.id(), vm.document().linksOf(p.id()).get(0).target());
        assertEquals(1, vm.session().history().undoDepth());
        vm.undo();
        assertEquals(0, vm.document().nodes().filter(n -> n.type().equals("precondition")).count());
        assertEquals(1, vm.document().links().count(), "only the starter's own link is left");
    }

    @Test
    void a_precondition_cannot_lead_to_an_intervention() {
        MapViewModel vm = open("theory-of-change", false);
        String intervention = vm.createNode("intervention", "Know-your-rights workshops", 800, 500).orElseThrow();
        vm.select(List.of(intervention));
        assertFalse(new MethodCommands(vm, new Shown()).run("add-precondition"));
        assertTrue(vm.status().startsWith("A precondition cannot lead to"), vm.status());
    }

    @Test
    void dragging_the_ceiling_line_moves_it_in_one_step_and_keys_move_it_too() {
        MapViewModel vm = open("theory-of-change", false);
        double y = vm.lineY().orElseThrow();
        SelectTool tool = new SelectTool(vm);
        var cam = vm.camera();
        double sx = cam.toScreenX(900);
        tool.handle(new PointerDown(900, y, sx, cam.toScreenY(y), Button.PRIMARY, 1, Modifiers.NONE));
        tool.handle(new PointerMove(900, y + 15, sx, cam.toScreenY(y + 15), Modifiers.NONE));
        assertEquals(y + 15, vm.lineY().orElseThrow(), 1e-9, "the preview follows");
        assertEquals(new Value.Decimal(y), vm.document().mapAttribute(TheoryOfChangeTemplate.CEILING_Y));
        tool.handle(new PointerUp(900, y + 15, sx, cam.toScreenY(y + 15), Button.PRIMARY, Modifiers.NONE));
        assertEquals(new Value.Decimal(y + 15), vm.document().mapAttribute(TheoryOfChangeTemplate.CEILING_Y));
        assertEquals(1, vm.session().history().undoDepth());
        new MethodCommands(vm, new Shown()).run("line-up");
        assertEquals(new Value.Decimal(y + 15 - MapViewModel.GRID), vm.document().mapAttribute(TheoryOfChangeTemplate.CEILING_Y));
    }

    @Test
    void a_new_goal_with_its_stance_is_defined_and_given_to_the_actor_in_one_step() {
        MapViewModel vm = open("net-map", false);
        vm.quickAdd("Staffing agency");
        String actor = vm.selection().iterator().next();
        Shown shown = new Shown();
        MethodCommands commands = new MethodCommands(vm, shown);
        assertTrue(commands.run("goals"));
        shown.pick(commands, vm, "New goal (against)");
        assertTrue(commands.carryOut(shown.question.answered().apply(vm.document(), "Paid sick leave")));
        NetMapEdits.Goal g = NetMapEdits.goals(vm.document()).get(0);
        assertEquals("Paid sick leave", g.label());
        assertEquals("against", g.stance());
        assertTrue(NetMapEdits.holdsGoal(vm.document().element(actor), g.id()));
        commands.run("goals");
        shown.pick(commands, vm, "Paid sick leave");
        assertFalse(NetMapEdits.holdsGoal(vm.document().element(actor), g.id()));
        vm.undo();
        vm.undo();
        assertEquals(List.of(), NetMapEdits.goals(vm.document()));
    }

    @Test
    void facilitation_counts_down_the_time_box_and_stops_at_zero() {
        FacilitationViewModel f = new FacilitationViewModel(Methods.byId("net-map").orElseThrow(), Locale.ENGLISH);
        assertFalse(f.steps().isEmpty());
        long seconds = f.remaining().toSeconds();
        assertFalse(f.tick(java.time.Duration.ofSeconds(5)), "paused: no time passes");
        assertEquals(seconds, f.remaining().toSeconds());
        f.toggleTimer();
        f.tick(java.time.Duration.ofSeconds(65));
        assertEquals(seconds - 65, f.remaining().toSeconds());
        assertTrue(f.tick(java.time.Duration.ofHours(2)));
        assertEquals("0:00", f.countdown());
        assertFalse(f.running());
        f.next(1);
        assertEquals(1, f.currentIndex());
        assertEquals(f.steps().get(1).timeBox(), f.remaining());
    }

    @Test
    void findings_follow_every_change_and_choosing_one_selects_its_elements() {
        MapViewModel vm = open("theory-of-change", false);
        FindingsViewModel findings = new FindingsViewModel(vm);
        assertTrue(findings.findings().stream().anyMatch(f -> f.rule().equals("toc.outcome-without-indicator")));
        findings.next();
        Element outcome = first(vm.document(), "long-term-outcome");
        assertEquals(java.util.Set.of(outcome.id()), vm.selection());
    }

    @Test
    void auto_layout_of_a_quick_added_net_map_is_one_undo_step_without_overlaps() {
        MapViewModel vm = open("net-map", false);
        vm.quickAdd("A\nB\nC\nD\nE");
        List<String> ids = List.copyOf(vm.selection());
        vm.select(List.of(ids.get(0), ids.get(1)));
        vm.connect(ids.get(0), ids.get(1));
        vm.clearSelection();
        int depth = vm.session().history().undoDepth();
        assertTrue(vm.autoLayout(), vm.status());
        assertEquals(depth + 1, vm.session().history().undoDepth());
        List<Element> nodes = vm.document().nodes().toList();
        for (Element a : nodes) {
            for (Element b : nodes) {
                var g = b.geometry();
                assertTrue(a == b || !a.geometry().intersects(g.x(), g.y(), g.width(), g.height()) || touching(a, b),
                        a.label() + " overlaps " + b.label());
            }
        }
    }

    private static boolean touching(Element a, Element b) {
        var p = a.geometry();
        var q = b.geometry();
        double w = Math.min(p.x() + p.width(), q.x() + q.width()) - Math.max(p.x(), q.x());
        double h = Math.min(p.y() + p.height(), q.y() + q.height()) - Math.max(p.y(), q.y());
        return w <= 0 || h <= 0;
    }

    @Test
    void every_methods_example_opens_with_its_types_in_the_palette() {
        for (MethodTemplate t : Methods.all()) {
            MapViewModel vm = open(t.id(), true);
            assertFalse(vm.nodeTypeNames().isEmpty(), t.id());
            assertTrue(vm.document().size() > 0, t.id() + " example has elements");
        }
    }
}
