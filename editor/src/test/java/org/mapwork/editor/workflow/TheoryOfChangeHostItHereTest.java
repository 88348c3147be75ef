package org.mapwork.editor.workflow;

import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * {@link HostItHereTest}'s workshop (the host quits, another laptop hosts the map, the others follow, nothing lost)
 * on the theory-of-change example.
 */
class TheoryOfChangeHostItHereTest extends HostItHereTest {

    @Override
    String methodId() {
        return "theory-of-change";
    }

    /** TestFX looks for {@code @Start} on the test class itself, not on the class it extends. */
    @Override
    @Start
    void start(Stage stage) {
        super.start(stage);
    }

    /** The old host's return does not depend on the method: run once, in {@link HostItHereTest}. */
    @Override
    void the_old_host_sharing_again_is_told_the_map_is_hosted_elsewhere_and_joins_it(FxRobot robot) {
    }
}
