package de.kim.platform.testing.architecture;

import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;

import java.util.ArrayList;
import java.util.List;

/**
 * One architecture rule of the house style, with the packages it speaks of. Before the rule is
 * evaluated, {@link #check} demands that each subject package holds classes and that each
 * forbidden package is really there (a class lives in it or a class uses it), so that a misspelt
 * or moved package makes the rule fail instead of passing on nothing.
 *
 * @param name      what the rule says, as a test name
 * @param rule      the ArchUnit rule itself
 * @param subjects  packages (ArchUnit syntax, e.g. {@code de.kim.cases.api..}) whose classes the rule constrains
 * @param forbidden packages the subjects must not depend on; empty for rules that constrain placement or form
 */
public record SharedRule(String name, ArchRule rule, List<String> subjects, List<String> forbidden) {

    /** Fails when a side of the rule is missing from {@code classes} or when a class breaks the rule. */
    public void check(JavaClasses classes) {
        List<String> missing = new ArrayList<>();
        for (String subject : subjects) {
            if (classes.stream().noneMatch(c -> resides(c, subject))) {
                missing.add("no class resides in " + subject);
            }
        }
        for (String target : forbidden) {
            if (classes.stream().noneMatch(c -> resides(c, target) || uses(c, target))) {
                missing.add("no class resides in or uses " + target);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("Rule '" + name + "' cannot be checked on these classes, it would pass on nothing: "
                    + String.join("; ", missing));
        }
        rule.check(classes);
    }

    static boolean resides(JavaClass type, String packagePattern) {
        return PackageMatcher.of(packagePattern).matches(type.getPackageName());
    }

    static boolean uses(JavaClass type, String packagePattern) {
        return type.getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> resides(d.getTargetClass().getBaseComponentType(), packagePattern));
    }
}
