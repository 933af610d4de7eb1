package de.kim.partners.query;

import de.kim.contracts.vocabulary.FieldOfAction;
import de.kim.contracts.vocabulary.DeclineReason;
import de.kim.contracts.vocabulary.ReferralResult;
import de.kim.partners.api.SharedClient;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A referral in a partner's inbox. {@code client} holds only what the consent released, and
 * is emptied when that consent is revoked. The inbox is read a page at a time, newest first, with
 * or without a status: an index serves each of the two.
 */
@CompoundIndex(name = "tenant_partner_made", def = "{'tenant': 1, 'partnerId': 1, 'madeOn': -1, '_id': -1}")
@CompoundIndex(name = "tenant_partner_status_made",
        def = "{'tenant': 1, 'partnerId': 1, 'status': 1, 'madeOn': -1, '_id': -1}")
@CompoundIndex(name = "tenant_case", def = "{'tenant': 1, 'caseId': 1}")
@Document("referral_inbox")
public record InboxReferral(@Id String id, String tenant, String partnerId, String caseId, String offerId,
                            FieldOfAction fieldOfAction, String consentId, Set<String> sharedCategories,
                            SharedClient client, String note, LocalDate madeOn, String status, Instant answeredAt,
                            DeclineReason declineReason, ReferralResult result, String comment, boolean overCapacity,
                            boolean reminderRaised, long version) {
}
