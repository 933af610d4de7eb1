package de.kim.immigration.web;

import de.kim.immigration.web.docs.RuleSetApi;
import de.kim.immigration.screening.RuleSet;
import de.kim.immigration.screening.RuleSetCatalog;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Lists the rule sets in force (today, or on a given day) with the citation of every requirement. */
@RestController
@RequestMapping("/api/rule-sets")
public class RuleSetController implements RuleSetApi {

    private final RuleSetCatalog catalog;
    private final Clock clock;

    public RuleSetController(RuleSetCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping
    public List<RuleSetView> inForce(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                     LocalDate asOf,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                     LocalDate on) {
        Locale locale = LocaleContextHolder.getLocale();
        LocalDate day = asOf != null ? asOf : on != null ? on : LocalDate.now(clock);
        return catalog.inForce(day).stream()
                .map(r -> RuleSetView.of(r, locale)).toList();
    }

    /**
     * A rule set as listed: its version, validity, source and requirements with citations.
     *
     * @param corrects   the version this one corrects for the same legal state; null for a change of the law
     * @param referredTo the provision that governs instead for the statuses named in {@code referral}
     */
    public record RuleSetView(String id, int version, Integer corrects, String pathway, String title,
                              String legalBasis, LocalDate effectiveFrom, LocalDate effectiveUntil, String source,
                              String referredTo, String referral, List<RequirementView> requirements) {

        static RuleSetView of(RuleSet r, Locale locale) {
            return new RuleSetView(r.id(), r.version(), r.corrects(), r.pathway().name(), r.title().in(locale),
                    r.legalBasis(), r.effectiveFrom(), r.effectiveUntil(), r.source(),
                    r.referral() == null ? null : r.referral().provision(),
                    r.referral() == null ? null : r.referral().text().in(locale), r.requirements().stream()
                    .map(q -> new RequirementView(q.id(), q.text().in(locale), q.citation(), q.check().name()))
                    .toList());
        }
    }

    /** One requirement of a rule set. */
    public record RequirementView(String id, String requirement, String citation, String check) {
    }
}
