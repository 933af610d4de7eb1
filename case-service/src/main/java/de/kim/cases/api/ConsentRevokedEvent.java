package de.kim.cases.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A consent was revoked; its recipient may receive nothing more. */
@Revision("1")
public record ConsentRevokedEvent(
        CaseId caseId,
        ConsentId consentId,
        String recipient,
        LocalDate revokedOn) {
}
