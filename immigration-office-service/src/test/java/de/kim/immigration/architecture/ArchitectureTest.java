package de.kim.immigration.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of the house style for the immigration office; each fails on empty packages. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.kim.immigration", "de.kim.contracts");

    @Test
    void the_domain_and_the_screening_do_not_depend_on_the_web_layer() {
        noClasses().that().resideInAnyPackage("de.kim.immigration.api..", "de.kim.immigration.command..",
                        "de.kim.immigration.screening..")
                .should().dependOnClassesThat().resideInAnyPackage("de.kim.immigration.web..",
                        "de.kim.immigration.query..", "org.springframework.web..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void the_immigration_contracts_depend_on_no_framework() {
        noClasses().that().resideInAPackage("de.kim.contracts.immigration..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "com.fasterxml..", "de.kim.platform..", "de.kim.immigration..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void messages_are_records() {
        classes().that().resideInAPackage("de.kim.immigration.api..").and().haveSimpleNameEndingWith("Command")
                .or().haveSimpleNameEndingWith("Event").or().haveSimpleNameEndingWith("Id")
                .should().beRecords()
                .allowEmptyShould(false)
                .check(classes);
    }
}
