package org.mapwork.collab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The collaboration core sits above the model and the store and below the editor and the app. */
@AnalyzeClasses(packages = "org.mapwork.collab", importOptions = DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule collab_uses_no_ui_toolkit = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
            .because("a headless hub (mapwork hub) runs without a display; the editor shows what the client core holds");

    @ArchTest
    static final ArchRule collab_uses_no_upper_module = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.mapwork.editor..", "org.mapwork.app..", "org.mapwork.bench..")
            .because("the editor and the app build on the collaboration core; the other way round would be a cycle");

    @ArchTest
    static final ArchRule cores_do_no_io = noClasses()
            .that().resideInAPackage("org.mapwork.collab")
            .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..", "java.sql..", "org.eclipse.jetty..")
            .because("HubCore and ClientCore are pure, so the simulated network can drive them deterministically; "
                    + "sockets belong to the transport (org.mapwork.collab.net)");
}
