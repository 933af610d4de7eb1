package de.kim.immigration.screening;

import de.kim.immigration.api.Pathway;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of the rules of one pathway, in force from {@code effectiveFrom} until the next
 * version (or {@code effectiveUntil}, when the provision itself ends). Kept as a JSON resource
 * under {@code rule-sets/}, so that a change of the law is a new file, not new code.
 *
 * @param source the law and version of it the rules were taken from
 */
public record RuleSet(String id, int version, Pathway pathway, Text title, String legalBasis,
                      LocalDate effectiveFrom, LocalDate effectiveUntil, String source,
                      List<Requirement> requirements) {

    public RuleSet {
        requirements = List.copyOf(requirements);
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveUntil == null || !day.isAfter(effectiveUntil));
    }
}
