package de.kim.cases.api;

import de.kim.contracts.vocabulary.DataCategory;
import de.kim.contracts.vocabulary.FieldOfAction;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Set;

/**
 * The client was referred to a partner's offer, under a consent. {@code sharedClient} and
 * {@code sharedNeedDescription} hold only what that consent's data categories release.
 */
@Revision("1")
public record ReferralMadeEvent(
        CaseId caseId,
        ReferralId referralId,
        String partnerId,
        String offerId,
        NeedId needId,
        FieldOfAction fieldOfAction,
        ConsentId consentId,
        Set<DataCategory> sharedCategories,
        ClientProfile sharedClient,
        String sharedNeedDescription,
        String note,
        LocalDate madeOn) {
}
