package org.mapwork.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Rules inside the app module; the rules between modules are in {@link LayeringTest}. */
@AnalyzeClasses(packages = "org.mapwork.app", importOptions = DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule subcommands_run_without_a_display = noClasses()
            .that().resideInAPackage("org.mapwork.app.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.mapwork.editor..")
            .because("subcommands such as info and validate run in scripts, CI and on machines "
                    + "with no display; only Main opens the editor");
}
