package de.kim.partners.api;

import de.kim.contracts.vocabulary.ReferralResult;
import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

/**
 * The partner completed a referral; the place is free again. The staff's {@code comment} is
 * sealed with the client's key (subject: the case id). Revision 1 held it in plain text and is
 * read through {@code PlainCommentUpcaster}.
 */
@Revision("2")
public record ReferralCompletedEvent(
        PartnerId partnerId,
        ReferralId referralId,
        String caseId,
        OfferId offerId,
        ReferralResult result,
        Sealed comment,
        int placesTaken) {
}
