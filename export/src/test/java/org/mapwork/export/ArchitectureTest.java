package org.mapwork.export;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Export holds the one painter (Java2D) and the file formats. */
@AnalyzeClasses(packages = "org.mapwork.export", importOptions = DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule export_uses_no_javafx = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("exports run headless from the CLI and in CI; the painter draws on Java2D, "
                    + "and the editor adapts it to a JavaFX canvas, not the other way round");

    @ArchTest
    static final ArchRule export_uses_no_higher_module = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.mapwork.store..", "org.mapwork.editor..", "org.mapwork.app..")
            .because("an exporter turns a document into a file and back; it must not reach into "
                    + "the library, the editor or the launcher, so it can be used by all of them");
}
