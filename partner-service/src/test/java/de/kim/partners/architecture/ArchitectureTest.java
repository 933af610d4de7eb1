package de.kim.partners.architecture;

import de.kim.platform.testing.architecture.ArchitectureRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** The shared architecture rules of the house style, applied to this service's classes and the contracts. */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> the_shared_architecture_rules_hold() {
        return ArchitectureRules.forService("de.kim.partners").asTests();
    }
}
