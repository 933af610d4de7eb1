package de.kim.platform.testing.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DynamicTest;

import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture rules of the house style, the same for every service. A service's
 * {@code ArchitectureTest} applies {@link #forService} to its own classes; {@code
 * ArchitectureRulesTest} shows that each rule fails on a class that breaks it.
 *
 * <p>Packages follow the house style: {@code …api} messages, {@code …command} aggregates and
 * process managers (together the domain), {@code …query} projections and read models,
 * {@code …web} controllers, {@code …messaging} Kafka; {@code contracts} the framework-free
 * integration events.
 */
public final class ArchitectureRules {

    /** The packages of Spring Boot and of Spring's web stack, which the domain must not know. */
    static final List<String> SPRING_BOOT_AND_WEB = List.of("org.springframework.boot..", "org.springframework.web..",
            "org.springframework.http..");

    /** What contracts must not depend on: any framework, and any KIM module other than the contracts. */
    static final List<String> FRAMEWORKS = List.of("org.springframework..", "org.axonframework..", "com.fasterxml..",
            "jakarta..", "org.apache.kafka..");

    private final String service;
    private final String contracts;

    /**
     * @param service   the service's root package, e.g. {@code de.kim.cases}
     * @param contracts the contracts' root package, e.g. {@code de.kim.contracts}
     */
    public ArchitectureRules(String service, String contracts) {
        this.service = service;
        this.contracts = contracts;
    }

    /** The rules for a service under {@code servicePackage} and the platform's contracts. */
    public static ArchitectureRules forService(String servicePackage) {
        return new ArchitectureRules(servicePackage, "de.kim.contracts");
    }

    /** The service's and the contracts' production classes, without tests. */
    public JavaClasses productionClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(service, contracts);
    }

    /** Every rule, one dynamic test each, checked on the service's production classes. */
    public Stream<DynamicTest> asTests() {
        JavaClasses classes = productionClasses();
        return all().stream().map(rule -> DynamicTest.dynamicTest(rule.name(), () -> rule.check(classes)));
    }

    /**
     * Every rule but the one named, for a service that does not keep it yet; the caller says why
     * in a comment, so that the gap stays visible.
     */
    public Stream<DynamicTest> asTestsExcept(String ruleName) {
        JavaClasses classes = productionClasses();
        return all().stream().filter(rule -> !rule.name().equals(ruleName))
                .map(rule -> DynamicTest.dynamicTest(rule.name(), () -> rule.check(classes)));
    }

    public List<SharedRule> all() {
        return List.of(domainDoesNotDependOnWebOrMessaging(), domainDoesNotDependOnSpringBootOrSpringWeb(),
                contractsDependOnNoFramework(), queriesDoNotDependOnWeb(), messagesAreRecords(), identifiersAreRecords(),
                controllersLiveInWeb(), aggregatesAndSagasLiveInCommand(), kafkaListenersLiveInMessaging());
    }

    /**
     * {@code api} and {@code command} (the domain) never depend on {@code web} or {@code messaging},
     * nor on the read side ({@code query}).
     */
    public SharedRule domainDoesNotDependOnWebOrMessaging() {
        List<String> domain = domain();
        List<String> adapters = List.of(service + ".web..", service + ".messaging..", service + ".query..");
        return new SharedRule("the_domain_does_not_depend_on_web_messaging_or_query",
                noClasses().that().resideInAnyPackage(domain.toArray(String[]::new))
                        .should().dependOnClassesThat().resideInAnyPackage(adapters.toArray(String[]::new)),
                domain, adapters);
    }

    /** The domain does not depend on Spring Boot, nor on Spring's web stack. */
    public SharedRule domainDoesNotDependOnSpringBootOrSpringWeb() {
        List<String> domain = domain();
        return new SharedRule("the_domain_does_not_depend_on_spring_boot_or_spring_web",
                noClasses().that().resideInAnyPackage(domain.toArray(String[]::new))
                        .should().dependOnClassesThat().resideInAnyPackage(SPRING_BOOT_AND_WEB.toArray(String[]::new)),
                domain, SPRING_BOOT_AND_WEB);
    }

    /** Contracts depend on no framework and on no KIM module but themselves. */
    public SharedRule contractsDependOnNoFramework() {
        String own = contracts + "..";
        DescribedPredicate<JavaClass> outside = resideInAnyPackage(FRAMEWORKS.toArray(String[]::new))
                .or(resideInAPackage("de.kim..").and(DescribedPredicate.not(resideInAPackage(own))))
                .as("reside in a framework (%s) or in a KIM module other than %s", String.join(", ", FRAMEWORKS), own);
        List<String> forbidden = Stream.concat(FRAMEWORKS.stream(), Stream.of(service + "..")).toList();
        return new SharedRule("the_contracts_depend_on_no_framework",
                noClasses().that().resideInAPackage(own).should().dependOnClassesThat(outside),
                List.of(own), forbidden);
    }

    /** Read models and projections do not depend on the web layer. */
    public SharedRule queriesDoNotDependOnWeb() {
        String query = service + ".query..";
        String web = service + ".web..";
        return new SharedRule("no_query_class_depends_on_web",
                noClasses().that().resideInAPackage(query).should().dependOnClassesThat().resideInAPackage(web),
                List.of(query), List.of(web));
    }

    /** Commands, events and queries in {@code api} are records. */
    public SharedRule messagesAreRecords() {
        String api = service + ".api..";
        return new SharedRule("messages_are_records",
                classes().that().resideInAPackage(api)
                        .and(simpleNameEndingWith("Command").or(simpleNameEndingWith("Event"))
                                .or(simpleNameEndingWith("Query")).as("are named …Command, …Event or …Query"))
                        .should().beRecords().allowEmptyShould(false),
                List.of(api), List.of());
    }

    /** Identifiers in {@code api} are typed: records named …Id, never bare classes. */
    public SharedRule identifiersAreRecords() {
        String api = service + ".api..";
        return new SharedRule("identifiers_are_records",
                classes().that().resideInAPackage(api).and().haveSimpleNameEndingWith("Id")
                        .should().beRecords().allowEmptyShould(false),
                List.of(api), List.of());
    }

    /** Controllers live in {@code web}. */
    public SharedRule controllersLiveInWeb() {
        String web = service + ".web..";
        return new SharedRule("controllers_live_in_web",
                classes().that().resideInAPackage(service + "..")
                        .and().areMetaAnnotatedWith("org.springframework.stereotype.Controller")
                        .should().resideInAPackage(web).allowEmptyShould(false),
                List.of(web), List.of());
    }

    /** Aggregates and sagas live in {@code command}. */
    public SharedRule aggregatesAndSagasLiveInCommand() {
        String command = service + ".command..";
        return new SharedRule("aggregates_and_sagas_live_in_command",
                classes().that().resideInAPackage(service + "..")
                        .and(annotatedWith("org.axonframework.spring.stereotype.Aggregate")
                                .or(annotatedWith("org.axonframework.spring.stereotype.Saga")))
                        .should().resideInAPackage(command).allowEmptyShould(false),
                List.of(command), List.of());
    }

    /** Kafka listeners live in {@code messaging}. */
    public SharedRule kafkaListenersLiveInMessaging() {
        String messaging = service + ".messaging..";
        DescribedPredicate<JavaClass> listens = DescribedPredicate.describe("listen to Kafka",
                c -> c.isAnnotatedWith("org.springframework.kafka.annotation.KafkaListener")
                        || c.getMethods().stream().anyMatch(
                        m -> m.isAnnotatedWith("org.springframework.kafka.annotation.KafkaListener")));
        return new SharedRule("kafka_listeners_live_in_messaging",
                classes().that().resideInAPackage(service + "..").and(listens)
                        .should().resideInAPackage(messaging).allowEmptyShould(false),
                List.of(messaging), List.of());
    }

    private List<String> domain() {
        return List.of(service + ".api..", service + ".command..");
    }
}
