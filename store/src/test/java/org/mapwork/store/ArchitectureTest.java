package org.mapwork.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The store keeps documents and their change logs; it depends on the model only. */
@AnalyzeClasses(packages = "org.mapwork.store", importOptions = DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule store_uses_no_ui_toolkit = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
            .because("the store must work headless (CLI, backups, later the workshop hub); "
                    + "drawing and windows are the editor's and the exporters' business");

    @ArchTest
    static final ArchRule store_uses_only_the_model = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.mapwork.templates..", "org.mapwork.export..",
                    "org.mapwork.editor..", "org.mapwork.app..")
            .because("the store saves and replays documents and change sets whatever their method "
                    + "or format; knowing templates or exporters would tie saved data to their code");
}
