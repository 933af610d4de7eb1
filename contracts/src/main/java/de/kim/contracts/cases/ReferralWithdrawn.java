package de.kim.contracts.cases;

import de.kim.contracts.EventType;

/**
 * The case manager withdrew a referral. {@code sealedReason}, the case manager's reason (a JSON
 * string), is sealed with the client's key (AES-GCM, Base64; key store subject: the case id);
 * null without a reason. Version 1, still on the topic, had it in plain text as {@code reason}
 * ({@link Version1}).
 */
public record ReferralWithdrawn(
        String caseId,
        String referralId,
        String partnerId,
        String sealedReason) {

    public static final EventType TYPE = new EventType("kim.case.ReferralWithdrawn", 2);
    /** The previous version: the fields of this record, but the reason in plain text ({@link Version1}). */
    public static final EventType VERSION_1 = new EventType("kim.case.ReferralWithdrawn", 1);

    /** The payload of a version-1 record: the reason in plain text. */
    public record Version1(String caseId, String referralId, String partnerId, String reason) {

        /** The current record, with the reason as the consumer sealed it (null: a consumer that does not read reasons). */
        public ReferralWithdrawn upgraded(String sealedReason) {
            return new ReferralWithdrawn(caseId, referralId, partnerId, sealedReason);
        }
    }
}
