package org.mapwork.editor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The editor may use every library module, but not the launcher above it. */
@AnalyzeClasses(packages = "org.mapwork.editor", importOptions = DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule editor_does_not_use_the_app = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.mapwork.app..")
            .because("the app module starts the editor and wires it to the command line; "
                    + "the editor reaching back up would make a cycle and hide the wiring");
}
