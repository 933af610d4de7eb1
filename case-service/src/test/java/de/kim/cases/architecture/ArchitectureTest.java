package de.kim.cases.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of the house style. Each rule fails when its packages are empty, so it cannot pass vacuously. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.kim.cases", "de.kim.contracts");

    @Test
    void the_domain_does_not_depend_on_the_web_layer() {
        noClasses().that().resideInAnyPackage("de.kim.cases.api..", "de.kim.cases.command..")
                .should().dependOnClassesThat().resideInAnyPackage("de.kim.cases.web..", "org.springframework.web..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void the_contracts_depend_on_no_framework() {
        noClasses().that().resideInAPackage("de.kim.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "com.fasterxml..", "de.kim.platform..", "de.kim.cases..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void messages_are_records() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage("de.kim.cases.api..").and().haveSimpleNameEndingWith("Command")
                .or().haveSimpleNameEndingWith("Event")
                .should().beRecords()
                .allowEmptyShould(false)
                .check(classes);
    }
}
