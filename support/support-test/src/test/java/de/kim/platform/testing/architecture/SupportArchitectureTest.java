package de.kim.platform.testing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The support modules (support/, all on this module's class path) keep their packages free of
 * cycles, and support-domain, which every service's domain code uses, knows plain Java only: no
 * Spring, no Axon. Each rule is shown to fail on classes that break it.
 */
class SupportArchitectureTest {

    private static final String SUPPORT = "de.kim.platform";
    private static final String FIXTURES = "de.kim.platform.archfixtures.";

    private static final JavaClasses SUPPORT_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(SUPPORT);

    static ArchRule packagesAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    static ArchRule dependsOnPlainJavaOnly(String packagePattern) {
        return classes().that().resideInAPackage(packagePattern)
                .should().onlyDependOnClassesThat().resideInAnyPackage(packagePattern, "java..")
                .allowEmptyShould(false);
    }

    @Test
    void the_support_packages_depend_on_each_other_without_a_cycle() {
        assertThat(SUPPORT_CLASSES.stream().map(c -> c.getPackageName()).distinct())
                .as("the rule sees every support module")
                .contains(SUPPORT + ".domain", SUPPORT + ".config", SUPPORT + ".web", SUPPORT + ".security",
                        SUPPORT + ".messaging", SUPPORT + ".privacy", SUPPORT + ".audit", SUPPORT + ".readmodel");
        assertThatCode(() -> packagesAreFreeOfCycles(SUPPORT).check(SUPPORT_CLASSES)).doesNotThrowAnyException();
    }

    @Test
    void the_support_domain_depends_on_plain_java_only() {
        assertThatCode(() -> dependsOnPlainJavaOnly(SUPPORT + ".domain..").check(SUPPORT_CLASSES))
                .doesNotThrowAnyException();
    }

    @Test
    void the_cycle_rule_fails_on_two_packages_that_need_each_other() {
        JavaClasses cycle = new ClassFileImporter().importPackages(FIXTURES + "cycle");
        assertThat(catchThrowable(() -> packagesAreFreeOfCycles(FIXTURES + "cycle").check(cycle)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("First").hasMessageContaining("Second");
    }

    @Test
    void the_plain_java_rule_fails_on_a_domain_class_bound_by_spring_boot() {
        JavaClasses violating = new ClassFileImporter().importPackages(FIXTURES + "violating.api");
        assertThat(catchThrowable(() -> dependsOnPlainJavaOnly(FIXTURES + "violating.api..").check(violating)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ThingSettings");
    }
}
