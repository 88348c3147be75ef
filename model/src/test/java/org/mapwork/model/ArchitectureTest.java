package org.mapwork.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The model sits at the bottom of the layers: plain data and rules, usable from anywhere. */
@AnalyzeClasses(packages = "org.mapwork.model", importOptions = DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule model_uses_no_ui_toolkit = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.awt..", "javax.swing..", "javax.imageio..")
            .because("the model must load and run without a display (CLI, store, hub, tests), "
                    + "and the editor and exporters are the only places that know how a map looks");

    @ArchTest
    static final ArchRule model_uses_no_jdbc = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
            .because("persistence belongs to the store; the model only knows documents and changes, "
                    + "so it stays testable without a database");

    @ArchTest
    static final ArchRule model_uses_no_other_mapwork_module = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.mapwork.templates..", "org.mapwork.export..", "org.mapwork.store..",
                    "org.mapwork.editor..", "org.mapwork.app..", "org.mapwork.bench..")
            .because("every other module builds on the model, so the model depending on any of them "
                    + "would be a cycle in the layers");

    @ArchTest
    static final ArchRule model_uses_only_jackson_and_pcollections = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "com.fasterxml.jackson..", "org.pcollections..", "org.mapwork.model..")
            .because("the model is the foundation every module and later the workshop hub load; its only libraries are "
                    + "Jackson for the format and PCollections for structural sharing (docs/adr/0001)");
}
