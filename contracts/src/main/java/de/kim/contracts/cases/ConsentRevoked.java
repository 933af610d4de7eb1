package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;

/** A consent was revoked: its recipient must delete what it received and gets nothing more. */
public record ConsentRevoked(
        String caseId,
        String consentId,
        String recipient,
        LocalDate revokedOn) {

    public static final EventType TYPE = new EventType("kim.case.ConsentRevoked", 1);
}
