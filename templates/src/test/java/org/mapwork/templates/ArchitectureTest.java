package org.mapwork.templates;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Templates describe workshop methods; they sit just above the model. */
@AnalyzeClasses(packages = "org.mapwork.templates", importOptions = DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule templates_use_no_javafx = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("templates (types, rules, analysis, layout) must run headless in the CLI and "
                    + "the exporters; only the editor shows things with JavaFX");

    @ArchTest
    static final ArchRule templates_use_no_higher_module = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.mapwork.store..", "org.mapwork.editor..", "org.mapwork.app..")
            .because("a method's template is pure knowledge about the method: it must not know "
                    + "where maps are stored, how they are edited or how the program is started");
}
