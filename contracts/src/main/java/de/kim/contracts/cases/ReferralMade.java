package de.kim.contracts.cases;

import de.kim.contracts.EventType;

import java.time.LocalDate;
import java.util.List;

/**
 * A client was referred to a partner's offer. {@code sealedClient} is a {@link SharedClientData}
 * holding only what the consent's data categories release to that partner, encrypted with the
 * client's key (AES-GCM, Base64; key store subject: the case id). It can be read while the
 * client's data exists; after {@code kim.case.ClientErased} it is unreadable for good.
 */
public record ReferralMade(
        String caseId,
        String referralId,
        String partnerId,
        String offerId,
        String needId,
        String fieldOfAction,
        String consentId,
        List<String> sharedCategories,
        String sealedClient,
        String note,
        LocalDate madeOn) {

    public static final EventType TYPE = new EventType("kim.case.ReferralMade", 2);
}
