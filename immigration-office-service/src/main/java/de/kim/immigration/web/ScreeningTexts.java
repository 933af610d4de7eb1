package de.kim.immigration.web;

import de.kim.immigration.screening.PathwayScreening;
import de.kim.immigration.screening.Requirement;
import de.kim.immigration.screening.RequirementResult;
import de.kim.immigration.screening.RuleSet;
import de.kim.immigration.screening.RuleSetCatalog;
import de.kim.immigration.screening.Screening;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Puts a stored screening into words in the user's language: the requirement texts come from
 * the rule set the screening used, the reasons from the message bundle.
 */
@Component
public class ScreeningTexts {

    /** Days as users read them (house style), in every language. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final RuleSetCatalog catalog;
    private final MessageSource messages;

    public ScreeningTexts(RuleSetCatalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    PathwaysResponse response(String recordId, Screening screening) {
        Locale locale = LocaleContextHolder.getLocale();
        List<PathwaysResponse.PathwayResult> pathways = screening.pathways().stream()
                .map(p -> pathway(p, locale)).toList();
        return new PathwaysResponse(recordId, screening.screenedOn(), screening.screenedOn(), screening.chancenClock(),
                pathways, null);
    }

    /** No screening: the record's personal data (the date of birth among it) was erased. */
    PathwaysResponse erased(String recordId, LocalDate erasedOn) {
        Locale locale = LocaleContextHolder.getLocale();
        String notice = erasedOn == null ? messages.getMessage("residence.screening.person-unavailable", null, locale)
                : messages.getMessage("residence.screening.erased", new Object[]{DAY.format(erasedOn)}, locale);
        return new PathwaysResponse(recordId, null, null, null, List.of(), notice);
    }

    /** A code of the service's vocabulary in words ({@code label.<kind>.<CODE>}), or the code where there is none. */
    public String label(String kind, Object code) {
        if (code == null) {
            return null;
        }
        return messages.getMessage("label." + kind + "." + code, null, String.valueOf(code),
                LocaleContextHolder.getLocale());
    }

    /** One pathway's screening in the user's language. */
    PathwaysResponse.PathwayResult pathway(PathwayScreening screening) {
        return pathway(screening, LocaleContextHolder.getLocale());
    }

    private PathwaysResponse.PathwayResult pathway(PathwayScreening screening, Locale locale) {
        Optional<RuleSet> rules = screening.ruleSetId() == null ? Optional.empty()
                : catalog.find(screening.ruleSetId(), screening.ruleSetVersion());
        List<PathwaysResponse.RequirementLine> lines = screening.requirements().stream()
                .map(r -> line(r, rules, locale)).toList();
        String title = rules.map(r -> r.title().in(locale)).orElse(label("pathway", screening.pathway()));
        String legalBasis = screening.legalBasis() != null ? screening.legalBasis()
                : label("pathway-basis", screening.pathway());
        String note = switch (screening.verdict()) {
            case NOT_IN_FORCE -> messages.getMessage("screening.note.not-in-force", null, locale);
            case OTHER_PROVISION -> rules.map(RuleSet::referral).map(r -> r.text().in(locale))
                    .orElse(messages.getMessage("screening.note.other-provision",
                            new Object[]{screening.referredTo()}, locale));
            default -> null;
        };
        return new PathwaysResponse.PathwayResult(screening.pathway(), title, legalBasis,
                rules.map(r -> new PathwaysResponse.RuleSetRef(r.id(), r.version(), r.effectiveFrom(), r.source()))
                        .orElse(null),
                screening.verdict(), label("verdict", screening.verdict()), screening.referredTo(), note, lines);
    }

    private PathwaysResponse.RequirementLine line(RequirementResult result, Optional<RuleSet> rules, Locale locale) {
        String text = rules.flatMap(r -> r.requirements().stream().filter(q -> q.id().equals(result.id())).findFirst())
                .map(Requirement::text).map(t -> t.in(locale)).orElse(result.id());
        Object[] arguments = result.reasonArguments().stream().map(this::inWords).toArray();
        String reason = messages.getMessage(result.reasonKey(), arguments, result.reasonKey(), locale);
        return new PathwaysResponse.RequirementLine(result.id(), text, result.citation(), result.outcome(),
                label("outcome", result.outcome()), reason, result.fieldOfAction());
    }

    /** A reason's argument as a reader writes it: days as dd.MM.yyyy, achievement kinds in words. */
    private String inWords(String argument) {
        if (argument.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return DAY.format(LocalDate.parse(argument));
        }
        if (argument.matches("[A-Z][A-Z_]+(, [A-Z][A-Z_]+)*")) {
            return String.join(", ", java.util.Arrays.stream(argument.split(", "))
                    .map(code -> label("achievement", code)).toList());
        }
        return argument;
    }
}
