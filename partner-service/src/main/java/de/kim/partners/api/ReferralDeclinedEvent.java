package de.kim.partners.api;

import de.kim.contracts.vocabulary.DeclineReason;
import de.kim.platform.privacy.Sealed;
import org.axonframework.serialization.Revision;

/**
 * The partner declined a referral. The staff's {@code comment} (free text about the client) is
 * sealed with the client's key (subject: the case id): unreadable once the client is erased.
 * Revision 1 held it in plain text and is read through {@code PlainCommentUpcaster}.
 */
@Revision("2")
public record ReferralDeclinedEvent(
        PartnerId partnerId,
        ReferralId referralId,
        String caseId,
        DeclineReason reason,
        Sealed comment) {
}
