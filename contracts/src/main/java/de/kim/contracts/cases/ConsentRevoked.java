package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;

/**
 * A consent ended: its recipient must delete what it received under it and gets nothing more.
 *
 * @param revokedOn the day it ended
 * @param reason    {@code REVOKED} (the client took it back) or {@code EXPIRED} (its last day of
 *                  validity passed); absent in records written before expiry existed, which read
 *                  as {@code REVOKED}. Either way the recipient acts alike.
 */
public record ConsentRevoked(
        String caseId,
        String consentId,
        String recipient,
        LocalDate revokedOn,
        String reason) {

    public static final EventType TYPE = new EventType("kim.case.ConsentRevoked", 1);

    /** The {@code recipient} of a consent towards the immigration office (any other recipient is a partner id). */
    public static final String IMMIGRATION_OFFICE = "immigration-office";

    public static final String REVOKED = "REVOKED";
    public static final String EXPIRED = "EXPIRED";
}
