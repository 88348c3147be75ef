package org.mapwork.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of the whole program, checked where all modules are on the class path
 * (every module but bench). Each module's own ArchitectureTest checks its own imports.
 */
@AnalyzeClasses(packages = "org.mapwork", importOptions = DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule only_the_app_depends_on_the_app = noClasses()
            .that().resideOutsideOfPackage("org.mapwork.app..")
            .should().dependOnClassesThat().resideInAPackage("org.mapwork.app..")
            .because("the app module is the one place that wires everything together; "
                    + "a module reaching up into it would hide that wiring and make a cycle");

    @ArchTest
    static final ArchRule dependencies_point_down_the_layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            // A module whose placeholder class has gone and whose real classes have not come yet is no error here.
            .withOptionalLayers(true)
            .layer("Model").definedBy("org.mapwork.model..")
            .layer("Templates").definedBy("org.mapwork.templates..")
            .layer("Export").definedBy("org.mapwork.export..")
            .layer("Store").definedBy("org.mapwork.store..")
            .layer("Collab").definedBy("org.mapwork.collab..")
            .layer("Editor").definedBy("org.mapwork.editor..")
            .layer("App").definedBy("org.mapwork.app..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("Editor").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Collab").mayOnlyBeAccessedByLayers("Editor", "App")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Collab", "Editor", "App")
            // the hub draws the map for browsers with the one painter, and gives them the method's types and findings
            .whereLayer("Export").mayOnlyBeAccessedByLayers("Collab", "Editor", "App")
            .whereLayer("Templates").mayOnlyBeAccessedByLayers("Export", "Collab", "Editor", "App")
            .because("dependencies point one way, from the app down to the model, so each layer "
                    + "can be built, tested and reused without the ones above it (ARCHITECTURE.md's table)");
}
