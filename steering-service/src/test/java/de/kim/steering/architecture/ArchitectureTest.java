package de.kim.steering.architecture;

import de.kim.platform.testing.architecture.ArchitectureRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** The shared architecture rules of the house style, applied to this service's classes and the contracts. */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> the_shared_architecture_rules_hold() {
        // The action plan's identifiers (plan, goal, measure) are strings in its stored events;
        // typing them needs an upcaster for each event, so this one rule waits for that change.
        return ArchitectureRules.forService("de.kim.steering").asTestsExcept("identifiers_are_records");
    }
}
