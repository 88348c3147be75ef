package org.mapwork.editor.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import org.mapwork.model.Change;
import org.mapwork.model.Element;
import org.mapwork.model.Geometry;
import org.mapwork.model.OrderKey;
import org.mapwork.model.Value;

/**
 * The two-window scenarios of {@link TwoWindowsOnOneHubTest} (a drag, undo per person, a lost hub and the changes
 * made meanwhile, what the hub leaves out, a refusal) on the theory-of-change example, and what a team does with it at
 * the same time: one person moves the ceiling of accountability while the other adds a precondition under the
 * long-term outcome, and both windows end with both.
 */
class TheoryOfChangeTwoWindowsTest extends TwoWindowsOnOneHubTest {

    @Override
    String methodId() {
        return "theory-of-change";
    }

    /** TestFX looks for {@code @Start} on the test class itself, not on the class it extends. */
    @Override
    @Start
    void start(Stage stage) throws Exception {
        super.start(stage);
    }

    @Test
    void one_moves_the_ceiling_while_the_other_adds_a_precondition_and_both_see_both(FxRobot robot) throws Exception {
        bothOnline(robot);
        Element outcome = start.nodes().filter(n -> n.type().equals("long-term-outcome")).findFirst().orElseThrow();
        double ceiling = ((Value.Decimal) start.mapAttribute("ceilingY")).value();
        Ui.fx(() -> {
            ana.viewModel().apply("Move the ceiling", List.of(Change.setMapAttribute("ceilingY", Value.decimal(ceiling - 25))));
            ben.viewModel().apply("Add a precondition", List.of(
                    Change.add(Element.node("p-ben", "precondition", "Workers know the complaint line",
                            Geometry.box(outcome.geometry().x(), outcome.geometry().y() + 160, 200, 70), OrderKey.after(start.frontOrderKey()))),
                    Change.add(Element.link("l-ben", "causal", "p-ben", outcome.id(), OrderKey.after(OrderKey.after(start.frontOrderKey()))))));
            return null;
        });
        converged();
        assertEquals(Value.decimal(ceiling - 25), hubDocument().mapAttribute("ceilingY"), "Ana's ceiling at the hub");
        assertNotNull(hubDocument().element("p-ben"), "Ben's precondition at the hub");
        assertEquals(outcome.id(), Ui.fx(() -> ana.viewModel().document().element("l-ben").target()),
                "Ana's window has Ben's precondition and its link");
        assertEquals(Value.decimal(ceiling - 25), Ui.fx(() -> ben.viewModel().document().mapAttribute("ceilingY")),
                "Ben's window has Ana's ceiling");
    }
}
