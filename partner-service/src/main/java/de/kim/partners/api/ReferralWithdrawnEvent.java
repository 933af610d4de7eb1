package de.kim.partners.api;

import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

/**
 * Case management withdrew a referral; a taken place is free again. The case manager's
 * {@code reason} (free text) is sealed with the client's key (subject: the case id). Revision 1
 * held it in plain text and is read through {@code PlainCommentUpcaster}.
 */
@Revision("2")
public record ReferralWithdrawnEvent(
        PartnerId partnerId,
        ReferralId referralId,
        String caseId,
        Sealed reason,
        boolean placeFreed) {
}
