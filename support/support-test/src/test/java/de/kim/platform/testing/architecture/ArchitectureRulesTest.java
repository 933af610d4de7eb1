package de.kim.platform.testing.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Each shared rule holds on the compliant fixture, fails on the violating fixture naming the
 * class that breaks it, and fails rather than passes when a side of it is missing.
 */
class ArchitectureRulesTest {

    private static final String FIXTURES = "de.kim.platform.archfixtures.";

    private static final ArchitectureRules COMPLIANT_RULES =
            new ArchitectureRules(FIXTURES + "compliant", FIXTURES + "compliantcontracts");
    private static final ArchitectureRules VIOLATING_RULES =
            new ArchitectureRules(FIXTURES + "violating", FIXTURES + "violatingcontracts");

    private static final JavaClasses COMPLIANT =
            new ClassFileImporter().importPackages(FIXTURES + "compliant", FIXTURES + "compliantcontracts");
    private static final JavaClasses VIOLATING =
            new ClassFileImporter().importPackages(FIXTURES + "violating", FIXTURES + "violatingcontracts");

    @Test
    void every_rule_holds_on_classes_that_keep_it() {
        for (SharedRule rule : COMPLIANT_RULES.all()) {
            assertThatCode(() -> rule.check(COMPLIANT)).as(rule.name()).doesNotThrowAnyException();
        }
    }

    @Test
    void the_domain_rule_fails_on_a_command_class_calling_into_messaging() {
        assertBreaks(ArchitectureRules::domainDoesNotDependOnWebOrMessaging, "command.ThingReminder");
    }

    @Test
    void the_spring_boot_rule_fails_on_a_domain_class_bound_by_spring_boot() {
        assertBreaks(ArchitectureRules::domainDoesNotDependOnSpringBootOrSpringWeb, "api.ThingSettings");
    }

    @Test
    void the_contracts_rule_fails_on_a_contract_that_needs_jackson() {
        assertBreaks(ArchitectureRules::contractsDependOnNoFramework, "violatingcontracts.ThingClosed");
    }

    @Test
    void the_query_rule_fails_on_a_read_model_built_from_a_web_request() {
        assertBreaks(ArchitectureRules::queriesDoNotDependOnWeb, "query.ThingFormView");
    }

    @Test
    void the_records_rule_fails_on_a_command_that_is_a_class() {
        assertBreaks(ArchitectureRules::messagesAreRecords, "api.CloseThingCommand");
    }

    @Test
    void the_records_rule_reads_only_messages_in_api() {
        String failure = failureOf(VIOLATING_RULES.messagesAreRecords(), VIOLATING);
        assertThat(failure).doesNotContain("ReceivedThingEvent").doesNotContain("ThingPolicy");
    }

    @Test
    void the_identifier_rule_fails_on_an_identifier_that_is_a_class() {
        assertBreaks(ArchitectureRules::identifiersAreRecords, "api.ThingTagId");
    }

    @Test
    void the_controller_rule_fails_on_a_controller_in_query() {
        assertBreaks(ArchitectureRules::controllersLiveInWeb, "query.ThingQueryEndpoint");
    }

    @Test
    void the_aggregate_rule_fails_on_a_saga_in_query() {
        assertBreaks(ArchitectureRules::aggregatesAndSagasLiveInCommand, "query.StrayThingAggregate");
    }

    @Test
    void the_listener_rule_fails_on_a_kafka_listener_in_web() {
        assertBreaks(ArchitectureRules::kafkaListenersLiveInMessaging, "web.ThingWebhook");
    }

    @Test
    void every_rule_fails_on_classes_without_its_subjects() {
        JavaClasses none = new ClassFileImporter().importPackages(FIXTURES + "nothing");
        for (SharedRule rule : COMPLIANT_RULES.all()) {
            assertThat(failureOf(rule, none)).as(rule.name()).isNotEmpty();
        }
    }

    @Test
    void every_dependency_rule_fails_when_the_forbidden_side_is_missing() {
        for (SharedRule rule : COMPLIANT_RULES.all()) {
            if (rule.forbidden().isEmpty()) {
                continue;
            }
            DescribedPredicate<JavaClass> touchesForbidden = DescribedPredicate.describe("touches forbidden",
                    c -> rule.forbidden().stream().anyMatch(p -> SharedRule.resides(c, p) || SharedRule.uses(c, p)));
            JavaClasses withoutForbidden = COMPLIANT.that(DescribedPredicate.not(touchesForbidden));
            assertThat(failureOf(rule, withoutForbidden)).as(rule.name()).contains("would pass on nothing");
        }
    }

    private static void assertBreaks(Function<ArchitectureRules, SharedRule> rule, String violator) {
        assertThatCode(() -> rule.apply(COMPLIANT_RULES).check(COMPLIANT)).doesNotThrowAnyException();
        String failure = failureOf(rule.apply(VIOLATING_RULES), VIOLATING);
        assertThat(failure).doesNotContain("would pass on nothing").contains(FIXTURES + violating(violator));
    }

    private static String violating(String violator) {
        return violator.startsWith("violatingcontracts.") ? violator : "violating." + violator;
    }

    private static String failureOf(SharedRule rule, JavaClasses classes) {
        Throwable failure = catchThrowable(() -> rule.check(classes));
        assertThat(failure).as(rule.name() + " must fail").isInstanceOf(AssertionError.class);
        return failure.getMessage();
    }
}
