package de.kim.immigration.architecture;

import de.kim.platform.testing.architecture.ArchitectureRules;
import de.kim.platform.testing.architecture.SharedRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shared architecture rules of the house style, applied to this service's classes and the
 * contracts, and the immigration office's own: the pathway screening is domain logic too.
 */
class ArchitectureTest {

    private static final ArchitectureRules RULES = ArchitectureRules.forService("de.kim.immigration");

    @TestFactory
    Stream<DynamicTest> the_shared_architecture_rules_hold() {
        return RULES.asTests();
    }

    @Test
    void the_screening_does_not_depend_on_web_query_or_messaging() {
        String screening = "de.kim.immigration.screening..";
        List<String> forbidden = List.of("de.kim.immigration.web..", "de.kim.immigration.query..",
                "de.kim.immigration.messaging..");
        new SharedRule("the_screening_does_not_depend_on_web_query_or_messaging",
                noClasses().that().resideInAPackage(screening)
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new)),
                List.of(screening), forbidden).check(RULES.productionClasses());
    }
}
