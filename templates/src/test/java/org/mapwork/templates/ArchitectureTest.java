package org.mapwork.templates;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.mapwork.templates", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noUserInterface = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "javax.swing..", "java.awt..")
            .because("templates are data and rules; drawing lives in export and the editor, and layouts run headless");

    @ArchTest
    static final ArchRule onlyTheModelBelow = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.mapwork.export..", "org.mapwork.store..", "org.mapwork.editor..", "org.mapwork.app..")
            .because("templates may use the model, JGraphX and JGraphT only (see ARCHITECTURE.md, docs/adr/0005)");
}
