package de.kim.cases.api;

import de.kim.platform.privacy.Sealed;
import de.kim.contracts.vocabulary.DataCategory;
import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Set;

/**
 * The client was referred to a partner's offer, under a consent. {@code sharedClient} holds
 * only what that consent's data categories release (a {@code SharedClientData}), sealed with
 * the client's key: the partner reads it while the client's data exists. The case manager's
 * {@code note} to the partner is sealed with the same key.
 */
@Revision("3")
public record ReferralMadeEvent(
        CaseId caseId,
        ReferralId referralId,
        String partnerId,
        String offerId,
        NeedId needId,
        FieldOfAction fieldOfAction,
        ConsentId consentId,
        Set<DataCategory> sharedCategories,
        Sealed sharedClient,
        Sealed note,
        LocalDate madeOn) {
}
