package de.kim.immigration.screening;

import de.kim.immigration.api.Pathway;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of the rules of one pathway, in force from {@code effectiveFrom} until the next
 * version (or {@code effectiveUntil}, when the provision itself ends). Kept as a JSON resource
 * under {@code rule-sets/}, so that a change of the law is a new file, not new code.
 *
 * @param source      the law and version of it the rules were taken from, with its Federal Law Gazette citation
 * @param corrects    the version this one corrects for the same legal state (same effective date): a mistake in
 *                    the rule data, not a change of the law; the correction applies, the corrected stays readable
 * @param referral    holders of these statuses are screened under another provision, not under these rules
 */
public record RuleSet(String id, int version, Pathway pathway, Text title, String legalBasis,
                      LocalDate effectiveFrom, LocalDate effectiveUntil, String source,
                      List<Requirement> requirements, Integer corrects, Referral referral) {

    public RuleSet {
        requirements = List.copyOf(requirements);
    }

    public RuleSet(String id, int version, Pathway pathway, Text title, String legalBasis, LocalDate effectiveFrom,
                   LocalDate effectiveUntil, String source, List<Requirement> requirements) {
        this(id, version, pathway, title, legalBasis, effectiveFrom, effectiveUntil, source, requirements, null, null);
    }

    /**
     * For holders of one of {@code statuses} another provision governs, e.g. § 26 Abs. 4 AufenthG instead of § 9
     * for humanitarian permits: the pathway is not screened for them; the officer checks {@code provision}.
     */
    public record Referral(List<String> statuses, String provision, Text text) {

        public Referral {
            statuses = statuses == null ? List.of() : List.copyOf(statuses);
        }
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveUntil == null || !day.isAfter(effectiveUntil));
    }
}
