package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A consent ran out: the day after its {@code validUntil} came. Acts as a revocation does: its
 * recipient deletes what it received under it and receives nothing more.
 */
@Revision("1")
public record ConsentExpiredEvent(
        CaseId caseId,
        ConsentId consentId,
        String recipient,
        LocalDate expiredOn) {
}
