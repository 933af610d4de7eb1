package de.kim.immigration.screening;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.kim.immigration.api.Pathway;
import de.kim.immigration.api.ResidenceStatusType;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * All versions of all rule sets, read from JSON resources. Which version applies is a matter
 * of the day: the latest version whose effective date has come and whose provision is still
 * in force. A malformed or ambiguous rule set stops the service at start, not a screening later.
 */
public class RuleSetCatalog {

    public static final String LOCATION = "classpath*:rule-sets/**/*.json";

    private final List<RuleSet> ruleSets;

    public RuleSetCatalog(List<RuleSet> ruleSets) {
        this.ruleSets = ruleSets.stream()
                .sorted(Comparator.comparing(RuleSet::pathway).thenComparing(RuleSet::effectiveFrom)
                        .thenComparing(RuleSet::version))
                .toList();
        validate(this.ruleSets);
    }

    /** The rule sets under {@link #LOCATION}. */
    public static RuleSetCatalog fromClasspath() {
        return from(LOCATION);
    }

    public static RuleSetCatalog from(String locationPattern) {
        ObjectMapper json = JsonMapper.builder().findAndAddModules()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        List<RuleSet> read = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(locationPattern)) {
                try (InputStream in = resource.getInputStream()) {
                    read.add(json.readValue(in, RuleSet.class));
                } catch (IOException e) {
                    throw new IllegalStateException("rule set " + resource.getFilename() + " cannot be read", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuleSetCatalog(read);
    }

    public List<RuleSet> all() {
        return ruleSets;
    }

    /**
     * The version of the pathway's rules in force on the day, if the pathway is in force at all; of two versions
     * from the same day, the correction.
     */
    public Optional<RuleSet> inForce(Pathway pathway, LocalDate day) {
        return ruleSets.stream()
                .filter(r -> r.pathway() == pathway && !r.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(RuleSet::effectiveFrom).thenComparing(RuleSet::version))
                .filter(r -> r.inForceOn(day));
    }

    /** One version of one rule set, as a screening names it. */
    public Optional<RuleSet> find(String id, Integer version) {
        return ruleSets.stream().filter(r -> r.id().equals(id) && Integer.valueOf(r.version()).equals(version))
                .findFirst();
    }

    /** Every pathway's rules in force on the day. */
    public List<RuleSet> inForce(LocalDate day) {
        List<RuleSet> result = new ArrayList<>();
        for (Pathway pathway : Pathway.values()) {
            inForce(pathway, day).ifPresent(result::add);
        }
        return result;
    }

    private static void validate(List<RuleSet> ruleSets) {
        Set<String> versions = new HashSet<>();
        Map<String, RuleSet> starts = new HashMap<>();
        for (RuleSet rules : ruleSets) {
            require(rules.id() != null && rules.pathway() != null && rules.effectiveFrom() != null
                    && rules.legalBasis() != null && rules.source() != null, rules, "lacks id, pathway, date or source");
            require(versions.add(rules.id() + "#" + rules.version()), rules, "version given twice");
            RuleSet sameDay = starts.put(rules.pathway() + "@" + rules.effectiveFrom(), rules);
            require(sameDay == null || Integer.valueOf(sameDay.version()).equals(rules.corrects()), rules,
                    "two versions start the same day and the later does not correct the earlier");
            require(rules.corrects() == null || sameDay != null, rules,
                    "corrects a version that does not start the same day");
            require(rules.referral() == null || rules.referral().provision() != null
                    && !rules.referral().statuses().isEmpty() && knownStatuses(rules.referral().statuses())
                    && rules.referral().text() != null, rules, "referral lacks statuses, provision or text");
            Set<String> ids = new HashSet<>();
            for (Requirement requirement : rules.requirements()) {
                require(requirement.id() != null && ids.add(requirement.id()), rules, "requirement id missing or twice");
                require(requirement.citation() != null && !requirement.citation().isBlank(), rules,
                        "requirement " + requirement.id() + " has no citation");
                require(requirement.check() != null && requirement.text() != null, rules,
                        "requirement " + requirement.id() + " has no check or text");
                requireThresholds(rules, requirement);
            }
        }
    }

    private static void requireThresholds(RuleSet rules, Requirement requirement) {
        Requirement.Params p = requirement.params();
        boolean complete = switch (requirement.check()) {
            case STATUS -> !p.statuses().isEmpty() && knownStatuses(p.statuses()) && knownStatuses(p.alternatives())
                    && knownStatuses(p.notCounted());
            case RESIDENCE_YEARS -> !p.statuses().isEmpty() && knownStatuses(p.statuses()) && p.years() != null
                    && knownStatuses(p.notCounted())
                    && (p.reducedYears() == null) == (p.reducedIf() == null);
            case AGE -> p.minAge() != null || p.maxAgeExclusive() != null;
            case LANGUAGE_LEVEL -> p.level() != null;
            case ACHIEVEMENT -> !p.kinds().isEmpty();
            case ACHIEVEMENT_YEARS -> !p.kinds().isEmpty() && p.years() != null;
            case PENSION_MONTHS -> p.months() != null;
            case OFFICER_REVIEW -> true;
        };
        require(complete, rules, "requirement " + requirement.id() + " lacks a threshold of " + requirement.check());
    }

    private static boolean knownStatuses(List<String> specs) {
        for (String spec : specs) {
            String type = spec.contains(" ") ? spec.substring(0, spec.indexOf(' ')) : spec;
            try {
                ResidenceStatusType.valueOf(type);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    private static void require(boolean condition, RuleSet rules, String problem) {
        if (!condition) {
            throw new IllegalStateException("rule set " + rules.id() + " v" + rules.version() + ": " + problem);
        }
    }
}
