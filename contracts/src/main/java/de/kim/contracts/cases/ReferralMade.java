package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;
import java.util.List;

/** A client was referred to a partner's offer. {@code client} holds only what the consent's data categories release to that partner. */
public record ReferralMade(
        String caseId,
        String referralId,
        String partnerId,
        String offerId,
        String needId,
        String fieldOfAction,
        String consentId,
        List<String> sharedCategories,
        SharedClientData client,
        String note,
        LocalDate madeOn) {

    public static final EventType TYPE = new EventType("kim.case.ReferralMade", 1);
}
