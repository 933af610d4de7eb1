package de.kim.immigration.screening;

import de.kim.immigration.api.AchievementKind;
import de.kim.immigration.api.LanguageLevel;
import de.kim.immigration.api.LegalBasis;
import de.kim.immigration.api.Pathway;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Screens a record for every pathway with the rule-set version in force on the day. It never
 * decides: it lists each requirement as met, missing or for the officer to check, with the
 * reason and the citation.
 */
public class PathwayScreener {

    private static final String REASON = "screening.reason.";

    private final RuleSetCatalog catalog;

    public PathwayScreener(RuleSetCatalog catalog) {
        this.catalog = catalog;
    }

    public Screening screen(RecordFacts facts, LocalDate day) {
        List<PathwayScreening> pathways = new ArrayList<>();
        for (Pathway pathway : Pathway.values()) {
            pathways.add(screen(pathway, facts, day));
        }
        return new Screening(day, pathways, ChancenClock.of(facts, day).orElse(null));
    }

    /** The screening of one pathway on the day, with the version of its rules in force then. */
    public PathwayScreening screen(Pathway pathway, RecordFacts facts, LocalDate day) {
        return catalog.inForce(pathway, day).map(rules -> screen(rules, facts, day))
                .orElseGet(() -> new PathwayScreening(pathway, null, null, null, null, Verdict.NOT_IN_FORCE,
                        List.of(), null));
    }

    PathwayScreening screen(RuleSet rules, RecordFacts facts, LocalDate day) {
        Timeline timeline = new Timeline(facts.statuses());
        if (rules.referral() != null
                && timeline.on(day).filter(p -> p.matchesAny(rules.referral().statuses())).isPresent()) {
            return new PathwayScreening(rules.pathway(), rules.legalBasis(), rules.id(), rules.version(),
                    rules.effectiveFrom(), Verdict.OTHER_PROVISION, List.of(), rules.referral().provision());
        }
        List<RequirementResult> results = rules.requirements().stream()
                .map(requirement -> check(requirement, facts, timeline, day))
                .toList();
        Verdict verdict = results.stream().anyMatch(r -> r.outcome() == Outcome.MISSING)
                ? Verdict.REQUIREMENTS_MISSING : Verdict.CANDIDATE;
        return new PathwayScreening(rules.pathway(), rules.legalBasis(), rules.id(), rules.version(),
                rules.effectiveFrom(), verdict, results, null);
    }

    private RequirementResult check(Requirement requirement, RecordFacts facts, Timeline timeline, LocalDate day) {
        Requirement.Params p = requirement.params();
        Check result = switch (requirement.check()) {
            case STATUS -> status(p, timeline, day);
            case RESIDENCE_YEARS -> residence(p, facts, timeline, day);
            case AGE -> age(p, facts, day);
            case LANGUAGE_LEVEL -> language(p, facts, day);
            case ACHIEVEMENT -> achievement(p, facts, day);
            case ACHIEVEMENT_YEARS -> achievementYears(p, facts, day);
            case PENSION_MONTHS -> pension(p, facts, day);
            case OFFICER_REVIEW -> new Check(Outcome.TO_CHECK, "officer-review");
        };
        return new RequirementResult(requirement.id(), requirement.citation(), result.outcome(),
                REASON + result.reason(), result.arguments(), requirement.fieldOfAction());
    }

    private static Check status(Requirement.Params p, Timeline timeline, LocalDate day) {
        Optional<Timeline.Period> current = timeline.on(day);
        if (current.isEmpty()) {
            return new Check(Outcome.MISSING, "status.none");
        }
        String held = current.get().status().legalBasis();
        if (current.get().matchesAny(p.alternatives())) {
            return new Check(Outcome.MET, "status.held", held);
        }
        if (!current.get().matchesAny(p.statuses())) {
            return new Check(Outcome.MISSING, "status.other", held);
        }
        if (p.excludedSections().stream().anyMatch(section -> LegalBasis.isSection(held, section))) {
            return new Check(Outcome.MISSING, "status.excluded-purpose", held);
        }
        if (p.minMonths() != null) {
            LocalDate since = timeline.heldSince(day, p.statuses()).orElseThrow();
            long notCounted = timeline.daysWith(since, day.plusDays(1), p.notCounted());
            if (since.plusMonths(p.minMonths()).plusDays(notCounted).isAfter(day)) {
                return notCounted == 0
                        ? new Check(Outcome.MISSING, "status.too-short", held, since.toString(),
                        String.valueOf(p.minMonths()))
                        : new Check(Outcome.MISSING, "status.too-short-not-counted", held, since.toString(),
                        String.valueOf(p.minMonths()), String.valueOf(notCounted));
            }
            return new Check(Outcome.MET, "status.held-since", held, since.toString());
        }
        return new Check(Outcome.MET, "status.held", held);
    }

    private static Check residence(Requirement.Params p, RecordFacts facts, Timeline timeline, LocalDate day) {
        LocalDate on = p.onDate() != null ? p.onDate() : day;
        int years = p.years();
        if (p.reducedYears() != null && reductionApplies(p.reducedIf(), facts, day)) {
            years = p.reducedYears();
        }
        Optional<LocalDate> since = timeline.heldSince(on, p.statuses());
        if (since.isEmpty()) {
            return new Check(Outcome.MISSING, "residence.none", on.toString(), String.valueOf(years));
        }
        long notCounted = timeline.daysWith(since.get(), on.plusDays(1), p.notCounted());
        LocalDate countedFrom = since.get().plusDays(notCounted);
        int held = countedFrom.isAfter(on) ? 0 : Period.between(countedFrom, on).getYears();
        Outcome outcome = countedFrom.plusYears(years).isAfter(on) ? Outcome.MISSING : Outcome.MET;
        String reason = outcome == Outcome.MET ? "residence.met" : "residence.too-short";
        if (notCounted == 0) {
            return new Check(outcome, reason, since.get().toString(), on.toString(), String.valueOf(held),
                    String.valueOf(years));
        }
        return new Check(outcome, reason + "-not-counted", since.get().toString(), on.toString(),
                String.valueOf(held), String.valueOf(years), String.valueOf(notCounted));
    }

    private static boolean reductionApplies(String condition, RecordFacts facts, LocalDate day) {
        if ("MINOR_CHILD_IN_HOUSEHOLD".equals(condition)) {
            return facts.minorChildInHousehold();
        }
        AchievementKind kind = AchievementKind.valueOf(condition);
        return facts.achievements().stream().anyMatch(a -> a.kind() == kind && !a.achievedOn().isAfter(day));
    }

    private static Check age(Requirement.Params p, RecordFacts facts, LocalDate day) {
        int age = Period.between(facts.dateOfBirth(), day).getYears();
        boolean old = p.minAge() == null || age >= p.minAge();
        boolean young = p.maxAgeExclusive() == null || age < p.maxAgeExclusive();
        String range = (p.minAge() == null ? "0" : p.minAge()) + "–"
                + (p.maxAgeExclusive() == null ? "" : String.valueOf(p.maxAgeExclusive() - 1));
        return new Check(old && young ? Outcome.MET : Outcome.MISSING, old && young ? "age.met" : "age.outside",
                String.valueOf(age), range);
    }

    private static Check language(Requirement.Params p, RecordFacts facts, LocalDate day) {
        Optional<LanguageLevel> best = facts.achievements().stream()
                .filter(a -> a.level() != null && !a.achievedOn().isAfter(day))
                .map(RecordFacts.AchievementFact::level)
                .max(Enum::compareTo);
        if (best.isPresent() && best.get().atLeast(p.level())) {
            return new Check(Outcome.MET, "language.met", best.get().name(), p.level().name());
        }
        Optional<AchievementKind> substitute = current(facts, day, p.satisfiedBy()).findFirst()
                .map(RecordFacts.AchievementFact::kind);
        if (substitute.isPresent()) {
            return new Check(Outcome.MET, "language.met-by", substitute.get().name(), p.level().name());
        }
        return new Check(Outcome.MISSING, best.isPresent() ? "language.too-low" : "language.none",
                best.map(Enum::name).orElse("–"), p.level().name());
    }

    private static Check achievement(Requirement.Params p, RecordFacts facts, LocalDate day) {
        return current(facts, day, p.kinds()).findFirst()
                .map(a -> new Check(Outcome.MET, "achievement.met", a.kind().name(), a.achievedOn().toString()))
                .orElseGet(() -> new Check(Outcome.MISSING, "achievement.none", names(p.kinds())));
    }

    private static Check achievementYears(Requirement.Params p, RecordFacts facts, LocalDate day) {
        Optional<RecordFacts.AchievementFact> substitute = current(facts, day, p.satisfiedBy()).findFirst();
        if (substitute.isPresent()) {
            return new Check(Outcome.MET, "achievement.met", substitute.get().kind().name(),
                    substitute.get().achievedOn().toString());
        }
        AchievementKind kind = p.kinds().get(0);
        Optional<RecordFacts.AchievementFact> longest = facts.achievements().stream()
                .filter(a -> a.kind() == kind && !a.achievedOn().isAfter(day))
                .filter(a -> !a.achievedOn().plusYears(p.years()).isAfter(a.until() == null ? day : a.until()))
                .findFirst();
        return longest
                .map(a -> new Check(Outcome.MET, "achievement.years-met", kind.name(), a.achievedOn().toString(),
                        String.valueOf(p.years())))
                .orElseGet(() -> new Check(Outcome.MISSING, "achievement.years-missing", kind.name(),
                        String.valueOf(p.years()), names(p.satisfiedBy())));
    }

    private static Check pension(Requirement.Params p, RecordFacts facts, LocalDate day) {
        int months = facts.achievements().stream()
                .filter(a -> a.kind() == AchievementKind.PENSION_CONTRIBUTIONS && !a.achievedOn().isAfter(day))
                .mapToInt(a -> a.months() == null ? 0 : a.months())
                .sum();
        return new Check(months >= p.months() ? Outcome.MET : Outcome.MISSING,
                months >= p.months() ? "pension.met" : "pension.too-few",
                String.valueOf(months), String.valueOf(p.months()));
    }

    private static java.util.stream.Stream<RecordFacts.AchievementFact> current(RecordFacts facts, LocalDate day,
                                                                               List<AchievementKind> kinds) {
        return facts.achievements().stream()
                .filter(a -> kinds.contains(a.kind()))
                .filter(a -> !a.achievedOn().isAfter(day) && (a.until() == null || !a.until().isBefore(day)));
    }

    private static String names(List<AchievementKind> kinds) {
        return kinds.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private record Check(Outcome outcome, String reason, List<String> arguments) {
        Check(Outcome outcome, String reason, String... arguments) {
            this(outcome, reason, List.of(arguments));
        }
    }
}
