package org.mapwork.editor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The editor may use every library module, but not the launcher above it; its view models and tools are plain Java,
 * so that they run in unit tests and could serve another client.
 */
@AnalyzeClasses(packages = "org.mapwork.editor", importOptions = DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule editor_does_not_use_the_app = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.mapwork.app..")
            .because("the app module starts the editor and wires it to the command line; "
                    + "the editor reaching back up would make a cycle and hide the wiring");

    @ArchTest
    static final ArchRule view_models_and_tools_use_no_javafx = noClasses()
            .that().resideInAnyPackage("org.mapwork.editor.map..", "org.mapwork.editor.tool..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
            .because("the map's view model and the tools are driven by plain unit tests without a window, and a "
                    + "browser or workshop client is to reuse them; JavaFX belongs in editor/view and the panels");
}
