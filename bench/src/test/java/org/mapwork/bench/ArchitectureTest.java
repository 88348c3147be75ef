package org.mapwork.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Benchmarks may measure every library module, but not the launcher. */
@AnalyzeClasses(packages = "org.mapwork.bench", importOptions = DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule bench_does_not_use_the_app = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.mapwork.app..")
            .because("only the app module wires things together and starts the program; "
                    + "a benchmark measures the modules themselves, not the command line");
}
